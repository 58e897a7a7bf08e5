MATCH (m:DatasetMeta {key: 'dataset'})
RETURN m.version AS version, m.loadedAt AS loadedAt, m.source AS source

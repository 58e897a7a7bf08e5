MERGE (m:DatasetMeta {key: 'dataset'})
WITH m
WHERE m.version IS NULL OR m.version <> $version
SET m.version = $version, m.loadedAt = $loadedAt, m.source = $source

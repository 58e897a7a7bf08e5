// Remove relationships whose (from, type, to, id) is no longer in the dataset files.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE NOT (a.id + '|' + type(r) + '|' + b.id + '|' + coalesce(r.id, '')) IN $keys
DELETE r

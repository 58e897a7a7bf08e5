// Everything the loader owns, in a stable order: used to prove a failed load changed nothing.
MATCH (n:Entity)
OPTIONAL MATCH (n)-[r]->(m:Entity)
WITH n, r, m ORDER BY n.id, r.id
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.id, properties(r)] END) AS out
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, out
ORDER BY id
LIMIT $limit

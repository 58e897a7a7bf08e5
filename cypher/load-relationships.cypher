// Upsert one batch of relationships between already loaded nodes, keyed by their stable id.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row
WHERE properties(r) <> row.props
SET r = row.props

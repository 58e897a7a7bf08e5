// Upsert one batch of nodes. Properties are replaced only when they differ, so a reload that changes
// nothing reports zero counters; labels of another kind ($labels lists every kind) are removed when a record
// changed kind.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.label)
REMOVE n:$([label IN $labels WHERE label <> row.label])
WITH n, row
WHERE properties(n) <> row.props
SET n = row.props

// Upsert one batch of relationships between already loaded nodes, keyed by their stable id: created when no
// relationship of that type and id joins the two nodes, its properties replaced only when they differ.
// The lookup walks from the two ends. A MERGE would look it up by scanning every relationship, once per row,
// whenever the planner's statistics say the database is empty (a first load: they count committed data only),
// which made loading quadratic. Looking before creating is safe: load-nodes has locked both ends (setting a
// label locks a node even when it changes nothing), so a concurrent load waits until this one commits.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
OPTIONAL MATCH (a)(()-[x]->() WHERE x.id = row.id AND type(x) = row.type){1}(b)
WITH row, a, b, x[0] AS r
CALL (row, a, b, r) {
  WITH * WHERE r IS NULL
  CREATE (a)-[new:$(row.type)]->(b)
  SET new = row.props
}
CALL (row, r) {
  WITH * WHERE r IS NOT NULL AND properties(r) <> row.props
  SET r = row.props
}

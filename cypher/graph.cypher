// The explorer's graph: the network's nodes and the relationships between them, capped at $limit each.
MATCH (n:Institution|Workshop|Session|Person)
WITH n ORDER BY n.id LIMIT $limit
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b)
  WHERE b IN nodes
  RETURN r, a.id AS source, b.id AS target
  ORDER BY r.id
  LIMIT $limit
}
WITH nodes, collect(r { .*, source: source, target: target, type: type(r) }) AS edges
RETURN [n IN nodes | n { .*, kind: [l IN labels(n) WHERE l <> 'Entity'][0] }] AS nodes, edges

// The explorer's graph, filtered: node kinds, institution categories and countries, a day ($at: only what
// was valid then), a session (its presenters and their relations); relationship types. Capped at $limit.
MATCH (n:$any($kinds))
WHERE ($categories IS NULL OR NOT n:Institution OR n.category IN $categories)
  AND ($countries IS NULL OR NOT n:Institution OR n.country IN $countries)
  AND ($at IS NULL OR ((n._from IS NULL OR n._from <= $at) AND (n._to IS NULL OR n._to > $at)))
  AND ($session IS NULL OR n.id = $session OR EXISTS { (n)-[:PRESENTED_AT]->(:Session {id: $session}) })
WITH n ORDER BY n.id LIMIT $limit
WITH collect(n) AS nodes
CALL (nodes) {
  // The chosen nodes are exactly those passing the filter up to the last id taken, so an edge's far end is
  // tested with the same filter and that bound: constant work per edge (a list lookup would grow with the
  // graph, and made 20k-element graphs take seconds).
  WITH nodes, nodes[size(nodes) - 1].id AS lastId
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:$any($kinds))
  WHERE b.id <= lastId
    AND ($categories IS NULL OR NOT b:Institution OR b.category IN $categories)
    AND ($countries IS NULL OR NOT b:Institution OR b.country IN $countries)
    AND ($at IS NULL OR ((b._from IS NULL OR b._from <= $at) AND (b._to IS NULL OR b._to > $at)))
    AND ($session IS NULL OR b.id = $session OR EXISTS { (b)-[:PRESENTED_AT]->(:Session {id: $session}) })
    AND ($types IS NULL OR type(r) IN $types)
    AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))
  WITH r, a, b ORDER BY r.id
  LIMIT $limit
  // Aggregating here keeps one row even when the chosen nodes share no relationship.
  RETURN collect(r { .*, source: a.id, target: b.id, type: type(r) }) AS edges
}
RETURN [n IN nodes | n { .*, kind: [l IN labels(n) WHERE l <> 'Entity'][0] }] AS nodes, edges

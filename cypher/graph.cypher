// The explorer's graph, filtered: node kinds, institution categories and countries, a day ($at: only what
// was valid then), a session (its presenters and their relations); relationship types. Capped at $limit:
// the first nodes by id, and the relationships among them.
// Built so no row ever holds a list of nodes or relationships (Neo4j counts such a list against the
// transaction's memory once per row, which made a 20k-element graph exceed a 1 GiB heap): first the last id
// taken, then the relationships whose two ends pass the filter up to that id (constant work per
// relationship), then the nodes in the id index's order (no sort).
CALL () {
  MATCH (n:Entity)
  WHERE n.id IS NOT NULL AND any(label IN labels(n) WHERE label IN $kinds)
    AND ($categories IS NULL OR NOT n:Institution OR n.category IN $categories)
    AND ($countries IS NULL OR NOT n:Institution OR n.country IN $countries)
    AND ($at IS NULL OR ((n._from IS NULL OR n._from <= $at) AND (n._to IS NULL OR n._to > $at)))
    AND ($session IS NULL OR n.id = $session OR EXISTS { (n)-[:PRESENTED_AT]->(:Session {id: $session}) })
  WITH n.id AS id ORDER BY id LIMIT $limit
  RETURN max(id) AS lastId
}
CALL (lastId) {
  MATCH (a:$any($kinds))-[r]->(b:$any($kinds))
  WHERE a.id <= lastId AND b.id <= lastId
    AND ($categories IS NULL OR NOT a:Institution OR a.category IN $categories)
    AND ($countries IS NULL OR NOT a:Institution OR a.country IN $countries)
    AND ($at IS NULL OR ((a._from IS NULL OR a._from <= $at) AND (a._to IS NULL OR a._to > $at)))
    AND ($session IS NULL OR a.id = $session OR EXISTS { (a)-[:PRESENTED_AT]->(:Session {id: $session}) })
    AND ($categories IS NULL OR NOT b:Institution OR b.category IN $categories)
    AND ($countries IS NULL OR NOT b:Institution OR b.country IN $countries)
    AND ($at IS NULL OR ((b._from IS NULL OR b._from <= $at) AND (b._to IS NULL OR b._to > $at)))
    AND ($session IS NULL OR b.id = $session OR EXISTS { (b)-[:PRESENTED_AT]->(:Session {id: $session}) })
    AND ($types IS NULL OR type(r) IN $types)
    AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))
  WITH r, a.id AS source, b.id AS target ORDER BY r.id
  LIMIT $limit
  // Aggregating here keeps one row even when the chosen nodes share no relationship.
  RETURN collect(r { .*, source: source, target: target, type: type(r) }) AS edges
}
CALL (lastId) {
  MATCH (n:Entity)
  WHERE n.id <= lastId AND any(label IN labels(n) WHERE label IN $kinds)
    AND ($categories IS NULL OR NOT n:Institution OR n.category IN $categories)
    AND ($countries IS NULL OR NOT n:Institution OR n.country IN $countries)
    AND ($at IS NULL OR ((n._from IS NULL OR n._from <= $at) AND (n._to IS NULL OR n._to > $at)))
    AND ($session IS NULL OR n.id = $session OR EXISTS { (n)-[:PRESENTED_AT]->(:Session {id: $session}) })
  WITH n ORDER BY n.id
  RETURN collect(n { .*, kind: [l IN labels(n) WHERE l <> 'Entity'][0] }) AS nodes
}
RETURN nodes, edges

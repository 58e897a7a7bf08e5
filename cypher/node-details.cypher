// One node with all its properties, its neighbours (both directions), the sessions it presented at and
// every source cited by it and its relationships. Pathway-step bookkeeping stays out.
// Neighbours are reached by expanding from the node and sources by the id index, so the cost follows the
// node's own degree, not the size of the graph (a label on `m` let the planner scan every Entity instead).
MATCH (n:Entity {id: $id})
WHERE NOT n:PathwayStep
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE NOT m:PathwayStep
  WITH r, m ORDER BY type(r), m.id
  LIMIT $limit
  RETURN collect({
    type: type(r),
    direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
    link: r { .*, type: type(r) },
    node: m { .id, .name, .nameEn, .acronym, .title, .category, .country, kind: [l IN labels(m) WHERE l <> 'Entity'][0] }
  }) AS links, collect(r.sources) AS linkSources
}
CALL (n) {
  OPTIONAL MATCH (n)-[:PRESENTED_AT]->(s:Session)-[:PART_OF]->(w:Workshop)
  WITH s, w ORDER BY w.startDate, s.order
  RETURN collect(s { .id, .order, .title, workshop: w.id }) AS sessions
}
CALL (n, linkSources) {
  UNWIND [coalesce(n.sources, [])] + linkSources AS sources
  UNWIND sources AS sourceId
  WITH DISTINCT sourceId
  MATCH (src:Entity {id: sourceId})
  WHERE src:Source
  WITH src ORDER BY src.id
  RETURN collect(src { .* }) AS citations
}
RETURN n { .*, kind: [l IN labels(n) WHERE l <> 'Entity'][0] } AS node, links, sessions, citations

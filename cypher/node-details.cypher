// One node with all its properties, its neighbours (both directions), the sessions it presented at and
// every source cited by it and its relationships. Pathway-step bookkeeping stays out.
MATCH (n:Entity {id: $id})
WHERE NOT n:PathwayStep
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m:PathwayStep
  WITH r, m ORDER BY type(r), m.id
  LIMIT $limit
  RETURN collect({
    type: type(r),
    direction: CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END,
    link: r { .*, type: type(r) },
    node: m { .id, .name, .nameEn, .acronym, .title, .category, .country, kind: [l IN labels(m) WHERE l <> 'Entity'][0] }
  }) AS links
}
CALL (n) {
  OPTIONAL MATCH (n)-[:PRESENTED_AT]->(s:Session)-[:PART_OF]->(w:Workshop)
  WITH s, w ORDER BY w.startDate, s.order
  RETURN collect(s { .id, .order, .title, workshop: w.id }) AS sessions
}
WITH n, links, sessions,
     coalesce(n.sources, []) + reduce(acc = [], l IN links | acc + coalesce(l.link.sources, [])) AS cited
CALL (cited) {
  MATCH (src:Source) WHERE src.id IN cited
  WITH src ORDER BY src.id
  RETURN collect(src { .* }) AS citations
}
RETURN n { .*, kind: [l IN labels(n) WHERE l <> 'Entity'][0] } AS node, links, sessions, citations

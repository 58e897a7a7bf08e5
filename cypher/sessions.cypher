// Workshop sessions in the report's order with their presenters (in the order the dataset lists them);
// $id narrows to one session.
MATCH (s:Session)-[:PART_OF]->(w:Workshop)
WHERE $id IS NULL OR s.id = $id
CALL (s) {
  OPTIONAL MATCH (p:Entity)-[r:PRESENTED_AT]->(s)
  WITH p, r ORDER BY r._seq, p.id
  RETURN collect(p {
    .id, .name, .nameEn, .acronym, .title, .category, .country,
    kind: [l IN labels(p) WHERE l <> 'Entity'][0],
    presentedBy: r.presentedBy, role: r.role, delegations: r.delegations
  }) AS presenters
}
RETURN s { .* } AS session, w { .id, .name, .startDate, .endDate } AS workshop, presenters
ORDER BY w.startDate, s.order
LIMIT $limit

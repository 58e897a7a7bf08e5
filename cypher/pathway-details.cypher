// One trainer pathway with its ordered steps: actor, recipient, legal basis, and the relationship each
// step walks when the graph has it (same type, same two institutions).
MATCH (p:Pathway {id: $id})
CALL (p) {
  MATCH (p)-[:HAS_STEP]->(s:PathwayStep)
  MATCH (s)-[:STEP_ACTOR]->(actor:Entity)
  OPTIONAL MATCH (s)-[:STEP_RECIPIENT]->(recipient:Entity)
  CALL (s) {
    OPTIONAL MATCH (s)-[:STEP_LEGAL_BASIS]->(law:LegalInstrument)
    WITH law ORDER BY law.date, law.id
    RETURN collect(law { .id, .name, .nameEn }) AS legalBasis
  }
  CALL (s, actor, recipient) {
    OPTIONAL MATCH (actor)-[r]-(recipient)
    WHERE type(r) = s.relationship
    WITH r ORDER BY CASE WHEN startNode(r) = actor THEN 0 ELSE 1 END, r.id
    LIMIT 1
    RETURN r { .*, type: type(r) } AS link
  }
  WITH s, actor, recipient, legalBasis, link ORDER BY s.order
  RETURN collect({
    order: s.order, action: s.action, relationship: s.relationship, sources: s.sources,
    evidence: s.evidence, note: s.note, legalBasis: legalBasis, link: link,
    actor: actor { .id, .name, .nameEn, .acronym, .category, .country, kind: [l IN labels(actor) WHERE l <> 'Entity'][0] },
    recipient: CASE WHEN recipient IS NULL THEN null ELSE recipient { .id, .name, .nameEn, .acronym, .category, .country,
      kind: [l IN labels(recipient) WHERE l <> 'Entity'][0] } END
  }) AS steps
}
WITH p, steps,
     reduce(acc = coalesce(p.sources, []), s IN steps | acc + s.sources + coalesce(s.link.sources, [])) AS cited
CALL (cited) {
  MATCH (src:Source) WHERE src.id IN cited
  WITH src ORDER BY src.id
  RETURN collect(src { .* }) AS citations
}
RETURN p { .* } AS pathway, steps, citations

// Full-text search over names, English names, acronyms and aliases (accent- and case-insensitive); an exact
// acronym or id match ranks first. $lucene is built from escaped, folded terms by the server.
CALL db.index.fulltext.queryNodes('entity_names', $lucene, { limit: 200 }) YIELD node, score
WHERE node:Institution OR node:Person OR node:Session OR node:Workshop OR node:LegalInstrument
WITH node, score + CASE WHEN toLower(coalesce(node.acronym, '')) = $exact OR node.id = $exact THEN 100.0 ELSE 0.0 END AS rank
RETURN node {
  .id, .name, .nameEn, .acronym, .title, .category, .country,
  kind: [l IN labels(node) WHERE l <> 'Entity'][0]
} AS node, rank AS score
ORDER BY score DESC, node.id
LIMIT $limit

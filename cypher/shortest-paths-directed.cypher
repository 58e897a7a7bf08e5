// Up to 10 shortest paths between two nodes over the chosen relationship types, following their direction,
// at most $maxHops (1–8) hops; the server narrows to k. $at keeps only links valid on that day.
// A quantifier's bounds cannot be a parameter, and a search bounded at 8 then filtered by length explores
// every pair's neighbourhood to 8 hops: so one branch per bound, and only the one equal to $maxHops runs
// (PathsQuery in server/api/schemas.ts caps maxHops at 8; a higher cap needs more branches here).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b WHERE $maxHops = 1
  MATCH p = SHORTEST 10 (a)(()-[r]->() WHERE type(r) IN $types
    AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))){1,1}(b)
  RETURN p
  UNION ALL
  WITH a, b WHERE $maxHops = 2
  MATCH p = SHORTEST 10 (a)(()-[r]->() WHERE type(r) IN $types
    AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))){1,2}(b)
  RETURN p
  UNION ALL
  WITH a, b WHERE $maxHops = 3
  MATCH p = SHORTEST 10 (a)(()-[r]->() WHERE type(r) IN $types
    AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))){1,3}(b)
  RETURN p
  UNION ALL
  WITH a, b WHERE $maxHops = 4
  MATCH p = SHORTEST 10 (a)(()-[r]->() WHERE type(r) IN $types
    AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))){1,4}(b)
  RETURN p
  UNION ALL
  WITH a, b WHERE $maxHops = 5
  MATCH p = SHORTEST 10 (a)(()-[r]->() WHERE type(r) IN $types
    AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))){1,5}(b)
  RETURN p
  UNION ALL
  WITH a, b WHERE $maxHops = 6
  MATCH p = SHORTEST 10 (a)(()-[r]->() WHERE type(r) IN $types
    AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))){1,6}(b)
  RETURN p
  UNION ALL
  WITH a, b WHERE $maxHops = 7
  MATCH p = SHORTEST 10 (a)(()-[r]->() WHERE type(r) IN $types
    AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))){1,7}(b)
  RETURN p
  UNION ALL
  WITH a, b WHERE $maxHops = 8
  MATCH p = SHORTEST 10 (a)(()-[r]->() WHERE type(r) IN $types
    AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))){1,8}(b)
  RETURN p
}
WITH p LIMIT $k
RETURN [n IN nodes(p) | n { .id, .name, .nameEn, .acronym, .title, .category, .country,
         kind: [l IN labels(n) WHERE l <> 'Entity'][0] }] AS nodes,
       [r IN relationships(p) | r { .*, type: type(r), from: startNode(r).id, to: endNode(r).id }] AS hops

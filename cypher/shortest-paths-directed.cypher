// Up to 10 shortest paths between two nodes over the chosen relationship types, following their direction,
// at most 8 hops (the server narrows to maxHops and k); $at keeps only links valid on that day.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 10 (a)(()-[r]->() WHERE type(r) IN $types
  AND ($at IS NULL OR ((r._from IS NULL OR r._from <= $at) AND (r._to IS NULL OR r._to > $at)))){1,8}(b)
WHERE length(p) <= $maxHops
WITH p LIMIT $k
RETURN [n IN nodes(p) | n { .id, .name, .nameEn, .acronym, .title, .category, .country,
         kind: [l IN labels(n) WHERE l <> 'Entity'][0] }] AS nodes,
       [r IN relationships(p) | r { .*, type: type(r), from: startNode(r).id, to: endNode(r).id }] AS hops

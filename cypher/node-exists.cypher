MATCH (n:Entity {id: $id})
WHERE NOT n:PathwayStep
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS kind

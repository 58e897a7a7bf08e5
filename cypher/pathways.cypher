// Trainer pathways, with their number of steps.
MATCH (p:Pathway)
OPTIONAL MATCH (p)-[:HAS_STEP]->(s:PathwayStep)
WITH p, count(s) AS steps
RETURN p { .id, .title, .scenario, .asOf, .sources, .evidence, steps: steps } AS pathway
ORDER BY p.id
LIMIT $limit

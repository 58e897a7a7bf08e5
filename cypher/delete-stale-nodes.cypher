// Remove the records that are no longer in the dataset files.
MATCH (n:Entity)
WHERE NOT n.id IN $ids
DETACH DELETE n

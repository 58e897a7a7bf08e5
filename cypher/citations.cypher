MATCH (src:Source) WHERE src.id IN $ids
RETURN src { .* } AS citation
ORDER BY src.id
LIMIT $limit

// Institutions and relationships that began or ended after $from and on or before $to.
CALL () {
  MATCH (n:Institution)
  WHERE (n._from > $from AND n._from <= $to) OR (n._to > $from AND n._to <= $to)
  RETURN n { .id, .name, .acronym, .validFrom, .validTo, .sources, .evidence, startDay: n._from, endDay: n._to,
             element: 'node', kind: 'Institution' } AS item
  UNION ALL
  MATCH (a:Institution)-[r]->(b:Institution)
  WHERE (r._from > $from AND r._from <= $to) OR (r._to > $from AND r._to <= $to)
  RETURN r { .id, .description, .validFrom, .validTo, .sources, .evidence, startDay: r._from, endDay: r._to,
             element: 'relationship', kind: type(r), from: a.id, to: b.id,
             name: coalesce(a.acronym, a.name) + ' ' + type(r) + ' ' + coalesce(b.acronym, b.name) } AS item
}
RETURN item
ORDER BY item.id
LIMIT $limit

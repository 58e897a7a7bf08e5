// Remove the records that are no longer in the dataset files, and say whether any relationship is left: in a
// database without one (a first load) the loader need not send every relationship's key to look for stale ones.
CALL () {
  MATCH (n:Entity)
  WHERE NOT n.id IN $ids
  DETACH DELETE n
}
RETURN EXISTS { (:Entity)-->(:Entity) } AS linked

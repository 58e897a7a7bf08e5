CREATE INDEX institution_category IF NOT EXISTS FOR (n:Institution) ON (n.category)

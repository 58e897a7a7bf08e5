CREATE INDEX institution_country IF NOT EXISTS FOR (n:Institution) ON (n.country)

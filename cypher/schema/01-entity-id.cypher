// Every node the dataset loads is an Entity with a unique, stable id (the kebab-case slug URLs use).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE

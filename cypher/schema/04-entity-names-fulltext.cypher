// Names, English names, acronyms and aliases, matched regardless of accents and case ('standard-folding').
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Institution|Person|Session|Workshop|LegalInstrument|Place)
ON EACH [n.name, n.nameEn, n.acronym, n.aliases, n.title]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } }

-- pg_trgm (PostgreSQL contrib, a trusted extension): trigram similarity between a misspelt query word and the
-- records' own words (search/Vocabulary.java, search_vocabulary in V24)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

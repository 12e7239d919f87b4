-- pg_trgm (PostgreSQL contrib, a trusted extension): search compares the texts of its best candidates by trigram
-- similarity to collapse near-identical records (search/NearDuplicates.java)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- pgjdbc 42.7.8 sends these for DatabaseMetaData.getCatalogs captured from a PostgreSQL 15 server's log.
-- $n are the bound parameters, filled in by the test. Statements are separated by lines holding only ';;'.
SELECT datname AS "TABLE_CAT" FROM pg_catalog.pg_database WHERE datallowconn = true ORDER BY datname

-- psql 15.18 (describe.c) sends these for \dn to a server of version 15, captured with psql -E.
-- ${...} are filled in by the test. Statements are separated by lines holding only ';;'.
SELECT n.nspname AS "Name",
  pg_catalog.pg_get_userbyid(n.nspowner) AS "Owner"
FROM pg_catalog.pg_namespace n
WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
ORDER BY 1

package io.basin.sql.parser;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * The Redshift functions Redshift's JDBC driver uses in getColumns, and the late-binding view
 * columns it reads, against PostgreSQL: regexp_substr is PostgreSQL's own; charindex, isnull
 * and the two-argument regexp_replace are checked against their PostgreSQL equivalents (strpos
 * with the arguments swapped, coalesce, regexp_replace(s, p, '', 'g')).
 */
class TestRedshiftCatalogFunctions
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE column_types (t varchar(40))");
        executeInBoth("INSERT INTO column_types VALUES ('character varying(256)'), ('numeric(18,2)'), ('integer'), ('_int4'), (NULL), ('')");
    }

    @Test
    void testRegexpSubstr()
    {
        assertQuery("SELECT t, regexp_substr(t, '[0-9]+'), regexp_substr(t, '[0-9]+', 7), regexp_substr(t, '[a-z]+', 3) FROM column_types");
        assertQuery("SELECT regexp_substr('abc', 'x'), regexp_substr(NULL, 'x'), regexp_substr('a1b22', '[0-9]+', 4)");
    }

    @Test
    void testRedshiftSpellings()
    {
        assertQuery("SELECT t, charindex(',', t), charindex('(', t) FROM column_types", "SELECT t, strpos(t, ','), strpos(t, '(') FROM column_types");
        assertQuery("SELECT t, isnull(nullif(regexp_substr(t, '[0-9]+', 7), ''), '0')::integer FROM column_types",
                "SELECT t, coalesce(nullif(regexp_substr(t, '[0-9]+', 7), ''), '0')::integer FROM column_types");
        assertQuery("SELECT t, regexp_replace(t, '[()0-9,]'), regexp_replace(regexp_replace(t, '\\\\(.*\\\\)'), '^_.+') FROM column_types",
                "SELECT t, regexp_replace(t, '[()0-9,]', '', 'g'), regexp_replace(regexp_replace(t, '\\\\(.*\\\\)', '', 'g'), '^_.+', '', 'g') FROM column_types");
    }

    @Test
    void testRegexpReplace()
    {
        // PostgreSQL's three-argument form replaces the first match; \\1 and \\& stand for groups and the match
        assertQuery("SELECT t, regexp_replace(t, '^_.+', 'ARRAY'), regexp_replace(t, '[0-9]', '#'), regexp_replace(t, '([a-z]+) ([a-z]+)', '\\2-\\1<\\&>') FROM column_types");
        assertQuery("SELECT regexp_replace('abc', 'x', 'y'), regexp_replace(NULL, 'x', 'y'), regexp_replace('a.b', '\\.', '\\\\')");
    }

    @Test
    void testLateBindingViewColumns()
    {
        // Basin has no late-binding views: the function gives no rows, with the columns asked for
        assertQuery("SELECT count(*), count(lbv.columnname) FROM pg_get_late_binding_view_cols() lbv(schemaname name, tablename name, columnname name, columntype text, columnnum int)",
                "SELECT 0::bigint, 0::bigint");
        // a number directly followed by a word is two tokens (Redshift's driver writes THEN 1WHEN)
        assertQuery("SELECT CASE t WHEN 'integer' THEN 1WHEN '_int4' THEN 2ELSE 3END FROM column_types",
                "SELECT CASE t WHEN 'integer' THEN 1 WHEN '_int4' THEN 2 ELSE 3 END FROM column_types");
    }
}

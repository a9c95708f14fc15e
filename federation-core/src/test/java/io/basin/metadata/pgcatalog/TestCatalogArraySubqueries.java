package io.basin.metadata.pgcatalog;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * The array subqueries psql's {@code \d+} and {@code \dp} send, and the same forms over tables
 * with data, against PostgreSQL: {@code array_to_string(ARRAY(SELECT ...), d)} (planned as a
 * string_agg subquery, correlated or not) and {@code ARRAY(SELECT ... FROM unnest(col) x)} over
 * a catalog array column.
 */
class TestCatalogArraySubqueries
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE array_orders (id integer, note varchar(10))");
        executeInBoth("INSERT INTO array_orders VALUES (1, 'a'), (2, 'b'), (3, NULL), (4, 'd')");
        executeInBoth("CREATE TABLE array_lines (k integer, name varchar(10))");
        executeInBoth("INSERT INTO array_lines VALUES (1, 'x'), (2, NULL), (2, 'y'), (4, NULL)");
    }

    @Test
    void testArrayToStringOfCorrelatedSubquery()
    {
        // one element or none per order: NULL elements are skipped, no rows give ''
        assertQuery("SELECT id, array_to_string(ARRAY(SELECT name FROM array_lines l WHERE l.k = o.id), ',') FROM array_orders o");
        assertQuery("SELECT id, pg_catalog.array_to_string(ARRAY(SELECT name || ':' || note FROM array_lines l WHERE l.k = o.id AND name IS NOT NULL), E'\\n') AS x FROM array_orders o");
    }

    @Test
    void testArrayToStringOfOrderedSubquery()
    {
        // ordered and without rows: x = ANY(array column) of the catalogs (NULL), as psql's \\dp asks
        assertQuery("""
                SELECT c.relname, array_to_string(ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = ANY (a.attoptions) ORDER BY 1 DESC), ', ')
                FROM pg_catalog.pg_class c WHERE c.relname IN ('array_orders', 'array_lines')""");
        // ordered with rows: not planned (an ordered aggregate would lose its order when decorrelated)
        assertQueryFails("SELECT id, array_to_string(ARRAY(SELECT name FROM array_lines l WHERE l.k = o.id ORDER BY name), ',') FROM array_orders o", "0A000", ".*");
        assertQueryFails("SELECT array_to_string(ARRAY(SELECT note FROM array_orders ORDER BY 1 DESC), ', ')", "0A000", ".*");
    }

    @Test
    void testUnnestOfCatalogArray()
    {
        // psql's \d+: the table's options and its TOAST table's, both none
        assertQuery("""
                SELECT c.relname, pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')
                FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
                WHERE c.relname IN ('array_orders', 'array_lines')""");
        assertQuery("SELECT c.relname, cardinality(array(select x from unnest(c.reloptions) AS x)) FROM pg_catalog.pg_class c WHERE c.relname = 'array_orders'");
    }
}

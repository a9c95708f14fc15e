package io.basin.engine;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * Statements that change an existing table (INSERT, UPDATE, DELETE, TRUNCATE, ALTER, DROP) find
 * an unqualified name in the first schema of search_path that has it, as PostgreSQL does and as
 * queries do; schemas on the path that do not exist are skipped, and a table in none of them is
 * still 42P01. PostgreSQL runs the same statements on the same schemas as the oracle.
 */
class TestSearchPathWrites
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        for (String schema : java.util.List.of("spw_first", "spw_second")) {
            assertions().executeOnPostgres("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            executeInBoth("CREATE SCHEMA " + schema);
        }
        executeInBoth("CREATE TABLE spw_second.only_second (id integer, label varchar(10))");
        executeInBoth("CREATE TABLE spw_first.in_both (id integer, label varchar(10))");
        executeInBoth("CREATE TABLE spw_second.in_both (id integer, label varchar(10))");
    }

    @Test
    void testWritesSearchTheWholePath()
    {
        executeInBoth("SET search_path = spw_missing, spw_first, spw_second");
        executeInBoth("INSERT INTO only_second VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        executeInBoth("UPDATE only_second SET label = 'deux' WHERE id = 2");
        executeInBoth("DELETE FROM only_second WHERE id = 1");
        assertQuery("SELECT id, label FROM spw_second.only_second ORDER BY id");
        assertQuery("SELECT id, label FROM only_second ORDER BY id");

        // the first schema that has the name wins
        executeInBoth("INSERT INTO in_both VALUES (10, 'first')");
        executeInBoth("UPDATE in_both SET label = 'changed'");
        assertQuery("SELECT id, label FROM spw_first.in_both");
        assertQuery("SELECT count(*) FROM spw_second.in_both");

        executeInBoth("ALTER TABLE only_second ADD COLUMN note varchar(10)");
        executeInBoth("INSERT INTO only_second (id, note) VALUES (4, 'added')");
        assertQuery("SELECT id, label, note FROM spw_second.only_second ORDER BY id");
        executeInBoth("TRUNCATE only_second");
        assertQuery("SELECT count(*) FROM spw_second.only_second");

        // a table in none of the schemas on the path does not exist
        assertBothFail("INSERT INTO nowhere VALUES (1)", "42P01", "nowhere");
        assertBothFail("UPDATE nowhere SET id = 1", "42P01", "nowhere");
        assertBothFail("DELETE FROM nowhere", "42P01", "nowhere");

        executeInBoth("DROP TABLE only_second");
        assertBothFail("SELECT * FROM spw_second.only_second", "42P01", "only_second");
    }
}

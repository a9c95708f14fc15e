package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

/**
 * Joins on two integer keys. When every build value of both keys fits in an int, the hash table
 * packs the pair into one long and is probed by it (TPC-H's partsupp keys); otherwise the keys are
 * compared one by one. Checked against PostgreSQL with NULLs in either key, negative values,
 * probe values outside the int range (which can match nothing), a build side whose values do not
 * fit (the unpacked table), duplicate build pairs, and every join type.
 */
class TestTwoKeyJoins
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE facts (id integer, a bigint, b bigint, d date, v decimal(12,2))");
        executeInBoth("""
                INSERT INTO facts
                SELECT i,
                       CASE WHEN i % 31 = 0 THEN NULL WHEN i % 97 = 0 THEN 4294967296 + i % 50 ELSE i % 50 - 10 END,
                       CASE WHEN i % 37 = 0 THEN NULL WHEN i % 89 = 0 THEN -3000000000 ELSE i % 7 - 3 END,
                       DATE '2024-01-01' + i % 20,
                       CAST(i AS decimal(12,2)) / 10
                FROM generate_series(1, 6000) AS s(i)""");
        executeInBoth("CREATE TABLE dims (a bigint, b bigint, d date, label varchar(20))");
        executeInBoth("""
                INSERT INTO dims
                SELECT CASE WHEN i % 43 = 0 THEN NULL ELSE i % 45 - 12 END,
                       CASE WHEN i % 41 = 0 THEN NULL ELSE i % 6 - 2 END,
                       DATE '2024-01-01' + i % 9,
                       'dim ' || CAST(i AS varchar)
                FROM generate_series(1, 400) AS s(i)""");
        // the same pairs plus one beyond the int range: the table cannot pack it
        executeInBoth("CREATE TABLE wide_dims (a bigint, b bigint, label varchar(20))");
        executeInBoth("INSERT INTO wide_dims SELECT a, b, label FROM dims");
        executeInBoth("INSERT INTO wide_dims VALUES (4294967296 + 3, 3, 'wide'), (-10, -3000000000, 'wide b')");
    }

    @Test
    void testInnerJoins()
    {
        assertQuery("SELECT f.id, f.v, d.label FROM facts f JOIN dims d ON f.a = d.a AND f.b = d.b");
        assertQuery("SELECT f.id, d.label FROM facts f JOIN wide_dims d ON f.a = d.a AND f.b = d.b");
        assertQuery("SELECT f.id, d.label FROM facts f JOIN dims d ON f.a = d.a AND f.d = d.d");
        assertQuery("SELECT d.label, count(*), sum(f.v) FROM facts f JOIN dims d ON f.b = d.b AND f.a = d.a AND f.v > d.a GROUP BY d.label");
    }

    @Test
    void testOuterSemiAndAntiJoins()
    {
        assertQuery("SELECT f.id, d.label FROM facts f LEFT JOIN dims d ON f.a = d.a AND f.b = d.b");
        assertQuery("SELECT f.id, d.label FROM facts f FULL JOIN wide_dims d ON f.a = d.a AND f.b = d.b");
        assertQuery("SELECT d.label, f.id FROM dims d LEFT JOIN facts f ON f.a = d.a AND f.b = d.b AND f.id < 500");
        assertQuery("SELECT id FROM facts f WHERE EXISTS (SELECT 1 FROM dims d WHERE d.a = f.a AND d.b = f.b)");
        assertQuery("SELECT id FROM facts f WHERE NOT EXISTS (SELECT 1 FROM dims d WHERE d.a = f.a AND d.b = f.b)");
        assertQuery("SELECT id FROM facts f WHERE NOT EXISTS (SELECT 1 FROM wide_dims d WHERE d.a = f.a AND d.b = f.b AND d.label <> 'dim 7')");
        assertQuery("SELECT label FROM dims d WHERE EXISTS (SELECT 1 FROM facts f WHERE d.a = f.a AND d.b = f.b AND f.id % 3 = 0)");
    }
}

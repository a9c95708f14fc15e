package io.basin.lake;

import io.basin.testing.BasePostgresOracleTest;
import io.trino.spi.TrinoException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lake tables made and filled with SQL in the embedded {@code lake} catalog (session search path
 * {@code lake.s}), every result compared with the same statements run in PostgreSQL.
 */
class TestLakeTables
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        session().execute("CREATE SCHEMA lake.s");
        session().execute("SET search_path = \"lake.s\"");
        executeInBoth("CREATE TABLE t (a integer, b varchar(20), c decimal(10, 2), d date, e double precision, f boolean, g timestamp, h bigint, k decimal(30, 5))");
        executeInBoth("""
                INSERT INTO t VALUES
                (1, 'one', 1.50, DATE '2024-01-31', 0.5, true, TIMESTAMP '2024-01-31 10:11:12.123456', 10000000000, 123456789012345678901234.5),
                (2, 'two', -2.25, DATE '1969-12-31', -1e10, false, TIMESTAMP '1969-12-31 23:59:59.999999', -1, -0.00001),
                (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)""");
        executeInBoth("INSERT INTO t SELECT a + 10, b || '!', c * 2, d + 1, e / 2, NOT f, g, h * 3, k FROM t WHERE a < 3");
    }

    @Test
    void testRowsAndTypes()
    {
        assertQuery("SELECT * FROM t");
        assertQuery("SELECT count(*), sum(c), min(d), max(g), sum(h), sum(k) FROM t");
    }

    @Test
    void testFiltersPushedToTheScanKeepTheirMeaning()
    {
        assertQuery("SELECT a FROM t WHERE a BETWEEN 2 AND 11");
        assertQuery("SELECT a FROM t WHERE b IN ('one', 'two!')");
        assertQuery("SELECT a FROM t WHERE b IS NULL");
        assertQuery("SELECT a FROM t WHERE d >= DATE '2024-01-01' AND c > 0");
        assertQuery("SELECT a FROM t WHERE h = 10000000000 OR a = 3");
        assertQuery("SELECT a FROM t WHERE a > 100");
    }

    @Test
    void testEveryWriteIsOneSnapshot()
    {
        // two INSERTs so far (createTables): two snapshots, each one Iceberg append
        assertThat(session().execute("SELECT count(*) FROM \"t$snapshots\" WHERE operation = 'append'").onlyValue()).isEqualTo(2L);
        assertThat(session().execute("SELECT count(*) FROM \"t$files\"").onlyValue()).isEqualTo(session().execute("SELECT count(*) FROM \"t$files\" WHERE file_format = 'PARQUET'").onlyValue());
    }

    @Test
    void testCreateTableAsAndDrop()
    {
        executeInBoth("CREATE TABLE u AS SELECT a, b, c FROM t WHERE a <> 3");
        assertQuery("SELECT * FROM u");
        session().execute("DROP TABLE u");
        assertThatThrownBy(() -> session().execute("SELECT * FROM u")).hasMessageContaining("u");
    }

    @Test
    void testBadWritesFailClearly()
    {
        assertThatThrownBy(() -> session().execute("INSERT INTO \"t$snapshots\" SELECT * FROM \"t$snapshots\""))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("metadata table");
        assertThatThrownBy(() -> session().execute("CREATE TABLE lake.no_such_schema.x (a integer)"))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("no_such_schema");
        assertQuery("SELECT count(*) FROM t");
    }
}

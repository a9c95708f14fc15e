package io.basin.sql;

import io.basin.testing.BasePostgresOracleTest;
import io.basin.testing.ExplainAnalyzeOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joins whose probe side is filtered right under the join. The filter hands the join its selected
 * rows as views over the scanned blocks, and the join copies only the rows it keeps
 * ({@code PageProcessorFactory.withRowViews}, {@code ProbeRows}). Every join type's output path
 * (pairs, probe rows kept whole or in part, probe rows with NULL build columns) is checked
 * against PostgreSQL. The data has NULL keys, NULL values in every column and dictionary-like
 * strings, and filters keep most, few or none of the rows.
 */
class TestFilteredJoinProbes
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        FilteredRowsTable.statements("probe").forEach(this::executeInBoth);
        executeInBoth("CREATE TABLE build (k bigint, k2 integer, label varchar(20))");
        executeInBoth("""
                INSERT INTO build
                SELECT CASE WHEN i % 29 = 0 THEN NULL ELSE i * 3 END, CAST(i % 7 AS integer), 'label ' || CAST(i AS varchar)
                FROM generate_series(1, 120) AS s(i)""");
        executeInBoth("CREATE TABLE empty_build (k bigint, label varchar(20))");
    }

    @Test
    void testInnerJoins()
    {
        String sql = "SELECT p.id, p.flag, p.note, p.price, p.big, b.label FROM probe p JOIN build b ON p.k = b.k WHERE p.id % 5 <> 0";
        assertThat(explain(sql)).containsPattern("Join\\[INNER[^\\n]*\\n\\s*└─ (Project\\[[^\\n]*\\n\\s*└─ )?Filter");
        assertQuery(sql);
        // a filter that keeps a few rows, one that keeps none, one that keeps all
        assertQuery("SELECT p.id, p.note, b.label FROM probe p JOIN build b ON p.k = b.k WHERE p.id < 200");
        assertQuery("SELECT p.id, b.label FROM probe p JOIN build b ON p.k = b.k WHERE p.id < 0");
        assertQuery("SELECT p.id, p.flag, b.label FROM probe p JOIN build b ON p.k = b.k WHERE p.id > 0");
        // two keys, and a condition beyond the keys
        assertQuery("SELECT p.id, p.flag, b.label FROM probe p JOIN build b ON p.k = b.k AND p.k2 = b.k2 WHERE p.flag <> 'f1'");
        assertQuery("SELECT p.id, p.price, b.label FROM probe p JOIN build b ON p.k = b.k AND p.price > b.k WHERE p.note LIKE '%7%'");
        // the join's rows go on to another join and an aggregation
        assertQuery("""
                SELECT b2.label, count(*), sum(p.price), sum(p.big), min(p.note)
                FROM probe p JOIN build b ON p.k = b.k JOIN build b2 ON p.k2 = b2.k2 AND b2.k = b.k
                WHERE p.id % 3 = 0
                GROUP BY b2.label""");
        assertQuery("SELECT p.flag, count(*), sum(p.price) FROM probe p JOIN build b ON p.k2 = b.k2 WHERE p.id % 100 = 1 GROUP BY p.flag");
    }

    @Test
    void testOuterJoins()
    {
        assertQuery("SELECT p.id, p.flag, p.price, b.label FROM probe p LEFT JOIN build b ON p.k = b.k WHERE p.id % 4 = 1");
        assertQuery("SELECT p.id, p.note, b.label FROM probe p LEFT JOIN build b ON p.k = b.k AND b.label <> 'label 3' WHERE p.id > 19900");
        assertQuery("SELECT p.id, b.label FROM probe p LEFT JOIN empty_build b ON p.k = b.k WHERE p.id % 1000 = 7");
        assertQuery("SELECT p.id, p.flag, b.k, b.label FROM probe p FULL JOIN build b ON p.k = b.k WHERE p.id IS NULL OR p.id % 9 = 2");
        assertQuery("SELECT p.id, b.k, b.label FROM build b LEFT JOIN (SELECT * FROM probe WHERE id % 6 = 0) p ON p.k = b.k");
        assertQuery("SELECT p.id, b.k FROM build b RIGHT JOIN (SELECT * FROM probe WHERE flag = 'f2') p ON p.k = b.k");
    }

    @Test
    void testSemiAndAntiJoins()
    {
        assertQuery("SELECT id, flag, note, price FROM probe WHERE id % 3 = 0 AND k IN (SELECT k FROM build)");
        assertQuery("SELECT id, flag, note, price FROM probe WHERE id % 3 = 0 AND k NOT IN (SELECT k FROM build WHERE k IS NOT NULL)");
        assertQuery("SELECT id, note FROM probe p WHERE p.id < 3000 AND NOT EXISTS (SELECT 1 FROM build b WHERE b.k = p.k)");
        assertQuery("SELECT id, note FROM probe p WHERE p.id < 3000 AND EXISTS (SELECT 1 FROM build b WHERE b.k = p.k AND b.k2 <> p.k2)");
        // every probe row kept, and an empty build side
        assertQuery("SELECT id, flag FROM probe p WHERE p.id % 50 = 0 AND NOT EXISTS (SELECT 1 FROM empty_build b WHERE b.k = p.k)");
        assertQuery("SELECT id, flag FROM probe p WHERE p.id > 0 AND k2 IN (SELECT k2 FROM build)");
        // the small side kept: its rows with (or without) a partner among the filtered rows
        assertQuery("SELECT k, label FROM build WHERE k IN (SELECT k FROM probe WHERE flag = 'f3' AND id % 2 = 0)");
        assertQuery("SELECT k, label FROM build b WHERE NOT EXISTS (SELECT 1 FROM probe p WHERE p.k = b.k AND p.id < 600)");
    }

    private long postgresCount(String sql)
    {
        return ((Number) assertions().queryPostgres(sql).getFirst().getFirst()).longValue();
    }

    @Test
    void testDynamicFilterRightUnderAJoin()
    {
        // both joins keep few rows: the upper one's keys filter the probe scan, which feeds the lower join directly
        String sql = """
                SELECT p.id, p.flag, p.note, p.price, p.big, b.label, c.label
                FROM probe p JOIN build b ON p.k2 = b.k2 JOIN build c ON p.k = c.k
                WHERE c.label LIKE 'label 1%' AND b.k2 = 3""";
        // the filter holds its join's keys exactly (a bitmap), so the scan hands on exactly the probe
        // rows whose key is among them, as PostgreSQL counts them for whichever join is the upper one
        ExplainAnalyzeOutput.Node scan = ExplainAnalyzeOutput.run(session(), sql).root().flatten().stream()
                .filter(node -> node.line().contains("TableScan[") && node.line().contains(".probe,"))
                .findFirst()
                .orElseThrow();
        String dynamicFilter = scan.details().stream().filter(detail -> detail.contains("dynamic filter:")).findFirst().orElseThrow();
        long keptByK2 = postgresCount("SELECT count(*) FROM probe WHERE k2 IN (SELECT k2 FROM build WHERE k2 = 3)");
        long keptByK = postgresCount("SELECT count(*) FROM probe WHERE k IN (SELECT k FROM build WHERE label LIKE 'label 1%')");
        assertThat(scan.rows()).isIn(keptByK2, keptByK);
        assertThat(dynamicFilter).contains("input rows=20000, filtered out=" + (20000 - scan.rows()) + ",");
        assertQuery(sql);
        assertQuery("SELECT p.id, b.label FROM probe p LEFT JOIN build b ON p.k2 = b.k2 JOIN build c ON p.k = c.k WHERE c.label LIKE 'label 2%'");
        assertQuery("SELECT p.flag, count(*), sum(p.big) FROM probe p JOIN build b ON p.k2 = b.k2 JOIN build c ON p.k = c.k WHERE c.k < 30 GROUP BY p.flag");
    }
}

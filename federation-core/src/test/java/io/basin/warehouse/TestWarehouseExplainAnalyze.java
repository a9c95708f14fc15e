package io.basin.warehouse;

import io.basin.embedded.BasinSession;
import io.basin.testing.ExplainAnalyzeOutput;
import io.basin.testing.ExplainAnalyzeOutput.Node;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingBasin;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * EXPLAIN ANALYZE over a warehouse table sorted by its key, in a catalog whose row groups hold
 * {@value #ROWS_PER_GROUP} rows: keys 1..{@value #ROWS} land in groups of consecutive keys, so a
 * range filter on the key can only need the groups its range touches. The scan's metrics must
 * show exactly those groups read (computed here from the layout), the others skipped by their
 * zone maps, and the filter's rows must equal PostgreSQL's count.
 */
@TestInstance(PER_CLASS)
class TestWarehouseExplainAnalyze
{
    private static final int ROWS_PER_GROUP = 1000;
    private static final int ROWS = 10_000;
    private static final int COLUMNS = 3;

    private TestingBasin basin;
    private QueryAssertions assertions;

    @BeforeAll
    void setUp()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        assertions = new QueryAssertions(postgres, "warehouse_explain_analyze");
        basin = new TestingBasin();
        basin.basin().engine().connectors().createCatalog("wh", "warehouse", Map.of(
                "warehouse.data-directory", basin.dataDirectory().resolve("wh").toString(),
                "warehouse.rows-per-group", Integer.toString(ROWS_PER_GROUP)));
        BasinSession session = basin.session();
        session.execute("CREATE SCHEMA wh.s");
        session.execute("CREATE TABLE wh.s.sorted (k bigint, v bigint, w varchar(10)) SORTKEY (k)");
        // inserted out of order; VACUUM re-sorts the whole table into one sorted run
        session.execute("INSERT INTO wh.s.sorted SELECT (x * 7919) %% %1$d + 1, x, 'w' || CAST(x %% 10 AS varchar) FROM generate_series(0, %2$d) AS t(x)".formatted(ROWS, ROWS - 1));
        session.execute("VACUUM wh.s.sorted");
        assertions.executeOnPostgres("DROP TABLE IF EXISTS sorted");
        assertions.executeOnPostgres("CREATE TABLE sorted AS SELECT (x * 7919) %% %1$d + 1 AS k, x AS v, 'w' || CAST(x %% 10 AS varchar) AS w FROM generate_series(0, %2$d) AS t(x)".formatted(ROWS, ROWS - 1));
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        if (assertions != null) {
            assertions.executeOnPostgres("DROP TABLE IF EXISTS sorted");
            assertions.close();
        }
        if (basin != null) {
            basin.close();
        }
    }

    @Test
    void testRangeOnSortKeyReadsOnlyItsBlocks()
    {
        BasinSession session = basin.session();
        long low = 2500;
        long high = 4200;
        String filter = "k BETWEEN %d AND %d".formatted(low, high);
        // the table holds every key 1..ROWS once, as in PostgreSQL
        assertions.assertQuery(session, "SELECT count(*), count(DISTINCT k), min(k), max(k) FROM wh.s.sorted", "SELECT count(*), count(DISTINCT k), min(k), max(k) FROM sorted");
        assertions.assertQuery(session, "SELECT k, v FROM wh.s.sorted WHERE " + filter, "SELECT k, v FROM sorted WHERE " + filter);

        List<Object> before = scanSummary(session);
        ExplainAnalyzeOutput explain = ExplainAnalyzeOutput.run(session, "SELECT k, v FROM wh.s.sorted WHERE " + filter);
        List<Object> after = scanSummary(session);

        // sorted keys 1..ROWS in groups of ROWS_PER_GROUP: group g holds keys g*G+1 .. (g+1)*G
        long groups = Math.ceilDiv(ROWS, ROWS_PER_GROUP);
        long firstGroup = (low - 1) / ROWS_PER_GROUP;
        long lastGroup = (high - 1) / ROWS_PER_GROUP;
        long groupsRead = lastGroup - firstGroup + 1;
        assertThat(groupsRead).isLessThan(groups);

        Node scan = explain.scan("wh.s.sorted");
        Map<String, Long> metrics = scan.connectorMetrics();
        assertThat(metrics).as(explain.text())
                .containsEntry("row groups total", groups)
                .containsEntry("row groups skipped", groups - groupsRead)
                .containsEntry("row groups read", groupsRead)
                .containsEntry("column blocks total", groups * COLUMNS)
                // the query reads two of the three columns in the groups it reads
                .containsEntry("column blocks read", groupsRead * 2)
                .containsEntry("rows scanned", groupsRead * ROWS_PER_GROUP);
        assertThat(metrics.get("column blocks read")).isLessThan(metrics.get("column blocks total"));
        assertThat(scan.rows()).isEqualTo(groupsRead * ROWS_PER_GROUP);

        long matching = ((Number) assertions.queryPostgres("SELECT count(*) FROM sorted WHERE " + filter).getFirst().getFirst()).longValue();
        Node filterNode = explain.nodes("Filter[").getFirst();
        assertThat(filterNode.rows()).isEqualTo(matching);
        assertThat(explain.resultRows()).isEqualTo(matching);

        // warehouse_system.scan_summary counted the same groups for this run
        assertThat(((Number) after.get(0)).longValue() - ((Number) before.get(0)).longValue()).isEqualTo(groups);
        assertThat(((Number) after.get(1)).longValue() - ((Number) before.get(1)).longValue()).isEqualTo(groupsRead);
    }

    private static List<Object> scanSummary(BasinSession session)
    {
        List<List<Object>> rows = session.execute("SELECT row_groups_total, row_groups_read FROM wh.warehouse_system.scan_summary WHERE table_name = 'sorted'").rows();
        return rows.isEmpty() ? List.of(0L, 0L) : rows.getFirst();
    }
}

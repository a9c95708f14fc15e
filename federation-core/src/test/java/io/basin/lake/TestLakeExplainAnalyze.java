package io.basin.lake;

import io.basin.embedded.BasinSession;
import io.basin.testing.BaseTpchOracleTest;
import io.basin.testing.ExplainAnalyzeOutput;
import io.basin.testing.ExplainAnalyzeOutput.Node;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXPLAIN ANALYZE over a lake table partitioned by {@code o_orderstatus}: the scan's connector
 * metrics show that a filter on the partition column read only that partition's files, as many as
 * Iceberg itself plans for the filter, out of the snapshot's files; and every counter equals what
 * {@code lake_system.scan_summary} recorded for the same run.
 */
class TestLakeExplainAnalyze
        extends BaseTpchOracleTest
{
    private JdbcCatalog iceberg;

    @BeforeAll
    void setUp()
    {
        BasinSession session = basin.session();
        session.execute("CREATE SCHEMA lake.explained");
        session.execute("CREATE TABLE lake.explained.orders PARTITIONED BY (o_orderstatus) AS SELECT * FROM tpch.tiny.orders");
        // Iceberg's own view of the same catalog, as the oracle for the files
        Path lake = basin.dataDirectory().resolve("lake");
        iceberg = new JdbcCatalog();
        iceberg.setConf(new Configuration());
        iceberg.initialize("lake", Map.of(
                CatalogProperties.URI, "jdbc:sqlite:" + lake.resolve("catalog.db"),
                CatalogProperties.WAREHOUSE_LOCATION, lake.resolve("warehouse").toUri().toString(),
                "jdbc.schema-version", "V1"));
    }

    @AfterAll
    void closeIcebergCatalog()
            throws IOException
    {
        if (iceberg != null) {
            iceberg.close();
        }
    }

    @Test
    void testPartitionFilterReadsOnlyItsFiles()
    {
        BasinSession session = basin.session();
        String query = "SELECT o_orderkey, o_totalprice FROM lake.explained.orders WHERE o_orderstatus = 'P'";
        assertions.assertQuery(session, query, "SELECT o_orderkey, o_totalprice FROM orders WHERE o_orderstatus = 'P'");
        long expectedRows = ((Number) assertions.queryPostgres("SELECT count(*) FROM orders WHERE o_orderstatus = 'P'").getFirst().getFirst()).longValue();

        ExplainAnalyzeOutput explain = ExplainAnalyzeOutput.run(session, query);
        assertThat(explain.resultRows()).isEqualTo(expectedRows);
        List<Node> scans = explain.nodes("TableScan[");
        assertThat(scans).as(explain.text()).hasSize(1);
        Node scan = scans.getFirst();
        assertThat(scan.rows()).as(explain.text()).isEqualTo(expectedRows);
        Map<String, Long> metrics = scan.connectorMetrics();

        Table table = iceberg.loadTable(TableIdentifier.of(Namespace.of("explained"), "orders"));
        long allFiles = count(table.newScan());
        long statusFiles = count(table.newScan().filter(Expressions.equal("o_orderstatus", "P")));
        assertThat(statusFiles).isPositive().isLessThan(allFiles);
        assertThat(metrics).as(explain.text())
                .containsEntry("files in snapshot", allFiles)
                .containsEntry("files planned", statusFiles)
                .containsEntry("files read", statusFiles)
                // one partition holds only rows of its status: all it holds is scanned and returned
                .containsEntry("rows scanned", expectedRows)
                .containsEntry("rows returned", expectedRows);
        assertThat(metrics.get("files read")).isLessThan(metrics.get("files in snapshot"));
        assertThat(metrics.get("bytes read")).isPositive();

        // the same numbers lake_system.scan_summary recorded for this run, over its slices
        List<Object> summary = session.execute("""
                SELECT sum(files_total), sum(files_read), sum(row_groups_total), sum(row_groups_read), sum(bytes_read), sum(rows_scanned), sum(rows_returned), sum(delete_files_read)
                FROM lake.lake_system.scan_summary
                WHERE query_id = (SELECT query_id FROM lake.lake_system.scan_summary WHERE table_name = 'orders' ORDER BY scan_id DESC LIMIT 1)
                  AND table_name = 'orders'""").rows().getFirst();
        List<String> names = List.of("files planned", "files read", "row groups total", "row groups read", "bytes read", "rows scanned", "rows returned", "delete files read");
        for (int i = 0; i < names.size(); i++) {
            assertThat(metrics.get(names.get(i))).as(names.get(i)).isEqualTo(((Number) summary.get(i)).longValue());
        }
    }

    @Test
    void testMetadataAnswerReadsNoFile()
    {
        BasinSession session = basin.session();
        String query = "SELECT count(*) FROM lake.explained.orders WHERE o_orderstatus = 'O'";
        assertions.assertQuery(session, query, "SELECT count(*) FROM orders WHERE o_orderstatus = 'O'");
        ExplainAnalyzeOutput explain = ExplainAnalyzeOutput.run(session, query);
        Node scan = explain.nodes("TableScan[").getFirst();
        Table table = iceberg.loadTable(TableIdentifier.of(Namespace.of("explained"), "orders"));
        // the manifests' record counts of the partition's files answer it: no data file is opened
        assertThat(scan.connectorMetrics()).as(explain.text())
                .containsEntry("files answered from metadata", count(table.newScan().filter(Expressions.equal("o_orderstatus", "O"))))
                .doesNotContainKey("files read");
        assertThat(explain.resultRows()).isEqualTo(1);
    }

    private static long count(TableScan scan)
    {
        try (CloseableIterable<FileScanTask> files = scan.planFiles()) {
            return StreamSupport.stream(files.spliterator(), false).count();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

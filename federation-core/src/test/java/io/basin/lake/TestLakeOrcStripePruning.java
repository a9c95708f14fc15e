package io.basin.lake;

import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingBasin;
import io.basin.testing.TestingPostgreSqlServer;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.orc.GenericOrcWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.orc.ORC;
import org.apache.orc.IntegerColumnStatistics;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.StripeStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Stripe pruning of ORC lake tables: a table whose one ORC file has many stripes (written by
 * Iceberg's ORC writer with a small stripe size, rows in id order), queried with filters on the
 * id. The answers are compared with PostgreSQL's on the same rows; the stripes the scan counted
 * and read ({@code lake_system.scan_summary}'s row groups) are compared with the stripes and
 * stripe statistics that ORC's own reader finds in the file.
 */
@TestInstance(PER_CLASS)
class TestLakeOrcStripePruning
{
    private static final int ROWS = 60_000;

    private TestingBasin basin;
    private QueryAssertions assertions;
    private JdbcCatalog iceberg;
    private String dataFile;

    @BeforeAll
    void setUp()
            throws IOException
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        assertions = new QueryAssertions(postgres, "orc_stripe_pruning");
        assertions.executeOnPostgres("DROP TABLE IF EXISTS orc_stripe_pruning.readings");
        assertions.executeOnPostgres("CREATE TABLE orc_stripe_pruning.readings (id bigint, sensor varchar, reading decimal(12, 2), day date)");
        assertions.executeOnPostgres("""
                INSERT INTO orc_stripe_pruning.readings
                SELECT i, CASE WHEN i %% 11 = 0 THEN NULL ELSE 'sensor-' || (i %% 7) END, (i %% 100000) / 100.0, DATE '2020-01-01' + (i / 50)::integer
                FROM generate_series(0, %d) AS i""".formatted(ROWS - 1));

        basin = new TestingBasin();
        Path lake = basin.dataDirectory().resolve("orclake");
        basin.basin().engine().connectors().createCatalog("orclake", "iceberg", Map.of(
                "iceberg.catalog.uri", "jdbc:sqlite:" + lake.resolve("catalog.db"),
                "iceberg.warehouse", lake.resolve("warehouse").toUri().toString(),
                "iceberg.file-format", "orc"));
        BasinSession session = basin.session();
        session.execute("CREATE SCHEMA orclake.s");
        session.execute("CREATE TABLE orclake.s.readings (id bigint, sensor varchar, reading decimal(12, 2), day date)");

        // the same rows written into the table's one data file by Iceberg's ORC writer, in small stripes
        iceberg = new JdbcCatalog();
        iceberg.setConf(new Configuration());
        iceberg.initialize("orclake", Map.of(
                CatalogProperties.URI, "jdbc:sqlite:" + lake.resolve("catalog.db"),
                CatalogProperties.WAREHOUSE_LOCATION, lake.resolve("warehouse").toUri().toString(),
                "jdbc.schema-version", "V1"));
        Table table = iceberg.loadTable(TableIdentifier.of(Namespace.of("s"), "readings"));
        dataFile = table.location() + "/data/" + UUID.randomUUID() + ".orc";
        DataWriter<Record> writer = ORC.writeData(table.io().newOutputFile(dataFile))
                .schema(table.schema())
                .createWriterFunc(GenericOrcWriter::buildWriter)
                .withSpec(table.spec())
                .set(TableProperties.ORC_STRIPE_SIZE_BYTES, "65536")
                // ORC checks a stripe's size every this many rows (5000 by default): small stripes need frequent checks
                .set("orc.rows.between.memory.checks", "1000")
                .overwrite()
                .build();
        try (writer) {
            for (long i = 0; i < ROWS; i++) {
                GenericRecord record = GenericRecord.create(table.schema());
                record.setField("id", i);
                record.setField("sensor", i % 11 == 0 ? null : "sensor-" + i % 7);
                record.setField("reading", BigDecimal.valueOf(i % 100_000, 2));
                record.setField("day", LocalDate.of(2020, 1, 1).plusDays(i / 50));
                writer.write(record);
            }
        }
        DataFile file = writer.toDataFile();
        table.newAppend().appendFile(file).commit();
        session.execute("SET search_path = \"orclake.s\"");
    }

    @AfterAll
    void tearDown()
            throws SQLException, IOException
    {
        if (iceberg != null) {
            iceberg.close();
        }
        if (assertions != null) {
            assertions.executeOnPostgres("DROP TABLE IF EXISTS orc_stripe_pruning.readings");
            assertions.close();
        }
        if (basin != null) {
            basin.close();
        }
    }

    @Test
    void testFilterOnIdReadsOnlyTheStripesThatMayHoldIt()
    {
        List<long[]> stripeIds = stripeIdRanges();
        assertThat(stripeIds).hasSizeGreaterThan(4);

        String query = "SELECT id, sensor, reading, day FROM readings WHERE id BETWEEN 31000 AND 31999";
        assertions.assertQuery(basin.session(), query, "SELECT id, sensor, reading, day FROM orc_stripe_pruning.readings WHERE id BETWEEN 31000 AND 31999");
        ScanRowGroups scanned = lastScan();
        long overlapping = stripeIds.stream().filter(range -> range[0] <= 31999 && range[1] >= 31000).count();
        assertThat(scanned.total()).isEqualTo(stripeIds.size());
        assertThat(scanned.read()).isEqualTo(overlapping).isLessThan(stripeIds.size());
        assertThat(scanned.rowsScanned()).isLessThan(ROWS / 2);

        // the first ids: only the first stripe(s)
        assertions.assertQuery(basin.session(), "SELECT count(sensor), max(day) FROM readings WHERE id < 500", "SELECT count(sensor), max(day) FROM orc_stripe_pruning.readings WHERE id < 500");
        assertThat(lastScan().read()).isEqualTo(stripeIds.stream().filter(range -> range[0] < 500).count());
    }

    @Test
    void testFilterOnOtherColumnsKeepsEveryMatchingRow()
    {
        // a date range (pruned by the day statistics, which follow the id), and a string no stripe lacks
        assertions.assertQuery(basin.session(),
                "SELECT id, reading FROM readings WHERE day >= DATE '2021-01-01' AND day < DATE '2021-02-01'",
                "SELECT id, reading FROM orc_stripe_pruning.readings WHERE day >= DATE '2021-01-01' AND day < DATE '2021-02-01'");
        ScanRowGroups byDay = lastScan();
        assertThat(byDay.read()).isPositive().isLessThan(byDay.total());

        assertions.assertQuery(basin.session(),
                "SELECT sensor, count(*), sum(reading) FROM readings WHERE sensor IN ('sensor-3', 'sensor-5') OR sensor IS NULL GROUP BY sensor",
                "SELECT sensor, count(*), sum(reading) FROM orc_stripe_pruning.readings WHERE sensor IN ('sensor-3', 'sensor-5') OR sensor IS NULL GROUP BY sensor");
        ScanRowGroups bySensor = lastScan();
        assertThat(bySensor.read()).isEqualTo(bySensor.total());
    }

    /** Each stripe's smallest and largest id, from ORC's own reader of the file's stripe statistics. */
    private List<long[]> stripeIdRanges()
    {
        try (Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(dataFile), OrcFile.readerOptions(new Configuration()))) {
            // column 0 is the root struct; the id is its first field
            int idColumn = reader.getSchema().getChildren().getFirst().getId();
            List<long[]> ranges = new ArrayList<>();
            for (StripeStatistics stripe : reader.getStripeStatistics()) {
                IntegerColumnStatistics ids = (IntegerColumnStatistics) stripe.getColumnStatistics()[idColumn];
                ranges.add(new long[] {ids.getMinimum(), ids.getMaximum()});
            }
            assertThat(ranges).hasSize(reader.getStripes().size());
            return ranges;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ScanRowGroups lastScan()
    {
        List<Object> row = basin.session().execute("""
                SELECT sum(row_groups_total), sum(row_groups_read), sum(rows_scanned)
                FROM orclake.lake_system.scan_summary
                WHERE query_id = (SELECT query_id FROM orclake.lake_system.scan_summary WHERE table_name = 'readings' ORDER BY scan_id DESC LIMIT 1)
                  AND table_name = 'readings'""").rows().getFirst();
        return new ScanRowGroups(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue(), ((Number) row.get(2)).longValue());
    }

    private record ScanRowGroups(long total, long read, long rowsScanned) {}
}

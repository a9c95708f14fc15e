package io.basin.lake;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;
import io.basin.sql.parser.SqlRedactor;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.basin.testing.QueryAssertions.assertQueryFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code CREATE EXTERNAL SCHEMA ... FROM DATA CATALOG}: an Iceberg namespace written by Iceberg's
 * own writers (a Hadoop catalog on a local directory; a JDBC catalog whose warehouse is an S3
 * bucket of S3Proxy) is queried through the schema and compared with Iceberg's own reader; the
 * schema is listed like any other of dev, kept across restarts and dropped; tables Basin writes
 * through it are read back by Iceberg; the S3 credentials are never shown.
 */
class TestLakeExternalSchema
{
    private static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(2, "name", Types.StringType.get()),
            Types.NestedField.optional(3, "amount", Types.DoubleType.get()),
            Types.NestedField.optional(4, "day", Types.DateType.get()),
            Types.NestedField.optional(5, "grp", Types.IntegerType.get()));

    @TempDir
    Path directory;

    @Test
    void hadoopCatalogOnALocalDirectory()
    {
        String warehouse = directory.resolve("warehouse").toUri().toString();
        HadoopCatalog catalog = new HadoopCatalog();
        catalog.setConf(new Configuration());
        catalog.initialize("oracle", Map.of(CatalogProperties.WAREHOUSE_LOCATION, warehouse));
        Table events = createTable(catalog, "events", 500);

        Path data = directory.resolve("data");
        String create = "CREATE EXTERNAL SCHEMA lake2 FROM DATA CATALOG TYPE 'hadoop' DATABASE 'ns' WAREHOUSE '%s'".formatted(warehouse);
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(data));
                BasinSession session = basin.newSession()) {
            session.execute(create);
            assertSameRows(session.execute("SELECT id, name, amount, day, grp FROM lake2.events"), icebergRows(events, record -> true));
            assertSameRows(session.execute("SELECT id, name, amount, day, grp FROM dev.lake2.events WHERE grp = 3 AND id > 100"),
                    icebergRows(events, record -> (Integer) record.getField("grp") == 3 && (Long) record.getField("id") > 100));
            // listed like the schemas of PostgreSQL sources
            assertThat(column(session.execute("SELECT nspname FROM pg_catalog.pg_namespace"))).contains("lake2", "public");
            assertThat(column(session.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'lake2'"))).containsExactly("events");
            assertThat(column(session.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = 'lake2' AND table_name = 'events' ORDER BY ordinal_position")))
                    .containsExactly("id", "name", "amount", "day", "grp");
            // joined with a local table
            session.execute("CREATE TABLE public.groups AS SELECT * FROM (VALUES (1, 'one'), (3, 'three')) t(grp, label)");
            QueryResult joined = session.execute("SELECT g.label, count(*), sum(e.id) FROM lake2.events e JOIN public.groups g ON e.grp = g.grp GROUP BY g.label ORDER BY g.label");
            List<List<Object>> expected = new ArrayList<>();
            // ordered by label: 'one' before 'three'
            for (int grp : new int[] {1, 3}) {
                List<Record> group = records(events, grp);
                expected.add(List.of(grp == 1 ? "one" : "three", (long) group.size(), group.stream().mapToLong(record -> (Long) record.getField("id")).sum()));
            }
            assertThat(joined.rows()).isEqualTo(expected);
            // Basin writes a table into the namespace; Iceberg reads it
            session.execute("CREATE TABLE lake2.copied AS SELECT id, name, grp FROM lake2.events WHERE grp = 1");
            Table copied = catalog.loadTable(TableIdentifier.of(Namespace.of("ns"), "copied"));
            assertThat(readAll(copied).stream().map(record -> java.util.Arrays.asList(record.getField("id"), record.getField("name"), record.getField("grp"))).sorted(ROWS).toList())
                    .isEqualTo(records(events, 1).stream().map(record -> java.util.Arrays.asList(record.getField("id"), record.getField("name"), record.getField("grp"))).sorted(ROWS).toList());
            assertQueryFails(session, create, "42P06", "schema \"lake2\" already exists");
            session.execute(create.replace("SCHEMA lake2", "SCHEMA IF NOT EXISTS lake2"));
        }
        // kept across restarts, then dropped: the binding, not the tables
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(data));
                BasinSession session = basin.newSession()) {
            assertThat(session.execute("SELECT count(*) FROM lake2.events").onlyValue()).isEqualTo((long) readAll(events).size());
            session.execute("DROP SCHEMA lake2");
            assertQueryFails(session, "SELECT * FROM lake2.events", "42P01", "");
            assertThat(column(session.execute("SELECT nspname FROM pg_catalog.pg_namespace"))).doesNotContain("lake2");
        }
        assertThat(catalog.tableExists(TableIdentifier.of(Namespace.of("ns"), "events"))).isTrue();
    }

    @Test
    void jdbcCatalogWithAWarehouseInS3()
            throws Exception
    {
        String bucket = "lakehouse";
        try (TestingS3Proxy s3 = new TestingS3Proxy(List.of(bucket))) {
            String catalogUri = "jdbc:sqlite:" + directory.resolve("s3-catalog.db");
            String warehouse = "s3a://%s/wh".formatted(bucket);
            Configuration s3a = new Configuration();
            s3a.set("fs.s3a.endpoint", s3.endpoint());
            s3a.setBoolean("fs.s3a.connection.ssl.enabled", false);
            s3a.set("fs.s3a.endpoint.region", "us-east-1");
            s3a.setBoolean("fs.s3a.path.style.access", true);
            s3a.set("fs.s3a.access.key", TestingS3Proxy.ACCESS_KEY);
            s3a.set("fs.s3a.secret.key", TestingS3Proxy.SECRET_KEY);
            try (JdbcCatalog catalog = new JdbcCatalog()) {
                catalog.setConf(s3a);
                catalog.initialize("shared", Map.of(
                        CatalogProperties.URI, catalogUri,
                        CatalogProperties.WAREHOUSE_LOCATION, warehouse,
                        "jdbc.schema-version", "V1"));
                Table events = createTable(catalog, "events", 300);
                assertThat(events.location()).startsWith(warehouse);

                String create = ("CREATE EXTERNAL SCHEMA s3lake FROM DATA CATALOG TYPE 'jdbc' DATABASE 'ns' URI '%s' CATALOG_NAME 'shared' WAREHOUSE '%s' " +
                        "S3_ENDPOINT '%s' S3_REGION 'us-east-1' S3_PATH_STYLE_ACCESS 'true' S3_ACCESS_KEY '%s' S3_SECRET_KEY '%s'")
                        .formatted(catalogUri, warehouse, s3.endpoint(), TestingS3Proxy.ACCESS_KEY, TestingS3Proxy.SECRET_KEY);
                assertThat(SqlRedactor.redact(create)).doesNotContain(TestingS3Proxy.SECRET_KEY).doesNotContain(TestingS3Proxy.ACCESS_KEY);
                try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("data")));
                        BasinSession session = basin.newSession()) {
                    session.execute(create);
                    assertSameRows(session.execute("SELECT id, name, amount, day, grp FROM s3lake.events"), icebergRows(events, record -> true));
                    assertSameRows(session.execute("SELECT id, name, amount, day, grp FROM s3lake.events WHERE day >= DATE '2024-03-01'"),
                            icebergRows(events, record -> !((LocalDate) record.getField("day")).isBefore(LocalDate.of(2024, 3, 1))));
                    // a table written by Basin lands in the bucket and Iceberg reads it
                    session.execute("CREATE TABLE s3lake.summary AS SELECT grp, count(*) AS n FROM s3lake.events GROUP BY grp");
                    Table summary = catalog.loadTable(TableIdentifier.of(Namespace.of("ns"), "summary"));
                    assertThat(summary.location()).startsWith(warehouse);
                    Map<Integer, Long> counts = new HashMap<>();
                    readAll(events).forEach(record -> counts.merge((Integer) record.getField("grp"), 1L, Long::sum));
                    Map<Object, Object> written = new HashMap<>();
                    readAll(summary).forEach(record -> written.put(record.getField("grp"), record.getField("n")));
                    assertThat(written).isEqualTo(new HashMap<Object, Object>(counts));
                    // the credentials appear nowhere a session can read
                    String explain = String.join("\n", column(session.execute("EXPLAIN SELECT * FROM s3lake.events WHERE id = 1")));
                    assertThat(explain).contains("events").doesNotContain(TestingS3Proxy.SECRET_KEY);
                    for (String table : List.of("pg_catalog.pg_namespace", "pg_catalog.pg_class", "pg_catalog.pg_settings", "information_schema.schemata", "pg_catalog.pg_database")) {
                        assertThat(session.execute("SELECT * FROM " + table).rows().toString()).as(table).doesNotContain(TestingS3Proxy.SECRET_KEY);
                    }
                    // bad clauses fail the statement and leave no schema behind
                    assertQueryFails(session, "CREATE EXTERNAL SCHEMA bad FROM DATA CATALOG TYPE 'glue' DATABASE 'ns' WAREHOUSE 'file:///tmp/x'", "22023", "iceberg.catalog.type");
                    assertQueryFails(session, "CREATE EXTERNAL SCHEMA bad FROM DATA CATALOG TYPE 'jdbc' DATABASE 'ns' WAREHOUSE 'file:///tmp/x'", "22023", "needs iceberg.catalog.uri");
                    assertQueryFails(session, "CREATE EXTERNAL SCHEMA bad FROM DATA CATALOG TYPE 'hadoop' WAREHOUSE 'file:///tmp/x'", "42601", "needs DATABASE");
                    assertQueryFails(session, "CREATE EXTERNAL SCHEMA bad FROM DATA CATALOG TYPE 'hadoop' DATABASE 'ns' WAREHOUSE 'file:///tmp/x' S3_SECRET_KEY 'a' S3_SECRET_KEY 'b'", "42601", "redundant");
                    assertQueryFails(session, "SELECT * FROM bad.t", "42P01", "");
                }
            }
        }
    }

    @Test
    void timeTravelInSql()
            throws InterruptedException
    {
        String warehouse = directory.resolve("travel").toUri().toString();
        HadoopCatalog catalog = new HadoopCatalog();
        catalog.setConf(new Configuration());
        catalog.initialize("oracle", Map.of(CatalogProperties.WAREHOUSE_LOCATION, warehouse));
        Table events = createTable(catalog, "events", 200);
        long first = events.history().getFirst().snapshotId();
        long firstMillis = events.snapshot(first).timestampMillis();
        Thread.sleep(20);
        // a third snapshot: every row deleted
        events.newDelete().deleteFromRowFilter(org.apache.iceberg.expressions.Expressions.alwaysTrue()).commit();
        events.refresh();
        long emptied = events.currentSnapshot().snapshotId();
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("travel-data")));
                BasinSession session = basin.newSession()) {
            session.execute("CREATE EXTERNAL SCHEMA travel FROM DATA CATALOG TYPE 'hadoop' DATABASE 'ns' WAREHOUSE '%s'".formatted(warehouse));
            assertThat(session.execute("SELECT count(*) FROM travel.events").onlyValue()).isEqualTo(0L);
            for (org.apache.iceberg.HistoryEntry entry : events.history()) {
                assertSameRowsOrEmpty(session.execute("SELECT id, name, amount, day, grp FROM travel.events FOR VERSION AS OF " + entry.snapshotId()),
                        snapshotRows(events, entry.snapshotId()));
            }
            // as of a time: the snapshot current then (Iceberg's own choice, SnapshotUtil)
            String asOf = java.time.Instant.ofEpochMilli(firstMillis).atZone(java.time.ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ');
            long chosen = org.apache.iceberg.util.SnapshotUtil.snapshotIdAsOfTime(events, firstMillis);
            assertThat(chosen).isEqualTo(first);
            assertSameRowsOrEmpty(session.execute("SELECT id, name, amount, day, grp FROM travel.events FOR TIMESTAMP AS OF '%s UTC' e WHERE e.id >= 0".formatted(asOf)),
                    snapshotRows(events, chosen));
            assertSameRowsOrEmpty(session.execute("SELECT id, name, amount, day, grp FROM travel.\"events\" FOR TIMESTAMP AS OF '%s'".formatted(asOf)),
                    snapshotRows(events, chosen));
            // a join of two versions of the same table
            assertThat(session.execute("SELECT count(*) FROM travel.events FOR VERSION AS OF %d a JOIN travel.events FOR VERSION AS OF %d b ON a.id = b.id".formatted(first, emptied)).onlyValue())
                    .isEqualTo(0L);
            assertThatThrownBy(() -> session.execute("SELECT * FROM travel.events FOR VERSION AS OF 12345")).hasMessageContaining("no such snapshot");
            assertThatThrownBy(() -> session.execute("SELECT * FROM travel.events FOR TIMESTAMP AS OF '1999-01-01 00:00:00'")).hasMessageContaining("no snapshot that old");
            assertQueryFails(session, "SELECT * FROM travel.events FOR TIMESTAMP AS OF 'yesterday'", "22007", "not a timestamp");
            assertQueryFails(session, "SELECT * FROM travel.events FOR VERSION AS OF 'x'", "42601", "snapshot id");
        }
    }

    @Test
    void partitionedTablesAreWrittenByPartition()
            throws IOException
    {
        String warehouse = directory.resolve("parts").toUri().toString();
        HadoopCatalog catalog = new HadoopCatalog();
        catalog.setConf(new Configuration());
        catalog.initialize("oracle", Map.of(CatalogProperties.WAREHOUSE_LOCATION, warehouse));
        Table events = createTable(catalog, "events", 400);
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("parts-data")));
                BasinSession session = basin.newSession()) {
            session.execute("CREATE EXTERNAL SCHEMA parts FROM DATA CATALOG TYPE 'hadoop' DATABASE 'ns' WAREHOUSE '%s'".formatted(warehouse));
            session.execute("CREATE TABLE parts.by_month PARTITIONED BY (month(day), bucket(id, 4)) AS SELECT id, name, amount, day, grp FROM parts.events");
            session.execute("CREATE TABLE parts.by_grp (id bigint, grp integer) PARTITIONED BY (grp)");
            session.execute("INSERT INTO parts.by_grp SELECT id, grp FROM parts.events WHERE grp < 3");
            assertThatThrownBy(() -> session.execute("CREATE TABLE parts.bad (id bigint) PARTITIONED BY (day(nope))")).hasMessageContaining("no column nope");
        }
        Table byMonth = catalog.loadTable(TableIdentifier.of(Namespace.of("ns"), "by_month"));
        assertThat(byMonth.spec().fields()).extracting(field -> field.transform().toString()).containsExactly("month", "bucket[4]");
        // Iceberg reads back the same rows
        assertThat(readAll(byMonth).stream().map(TestLakeExternalSchema::row).sorted(ROWS).toList())
                .isEqualTo(icebergRows(events, record -> true).stream().sorted(ROWS).toList());
        // every file holds only rows of its own partition
        java.util.Set<String> partitions = new java.util.HashSet<>();
        int files = 0;
        int marchPartitionFiles = 0;
        try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks = byMonth.newScan().planFiles()) {
            for (org.apache.iceberg.FileScanTask task : tasks) {
                files++;
                org.apache.iceberg.StructLike partition = task.file().partition();
                partitions.add(byMonth.spec().partitionToPath(partition));
                if (byMonth.spec().partitionToPath(partition).startsWith("day_month=2024-03/")) {
                    marchPartitionFiles++;
                }
                try (CloseableIterable<Record> records = Parquet.read(byMonth.io().newInputFile(task.file().location()))
                        .project(byMonth.schema())
                        .createReaderFunc(fileSchema -> org.apache.iceberg.data.parquet.GenericParquetReaders.buildReader(byMonth.schema(), fileSchema))
                        .build()) {
                    for (Record record : records) {
                        org.apache.iceberg.PartitionKey key = new org.apache.iceberg.PartitionKey(byMonth.spec(), byMonth.schema());
                        key.partition(new org.apache.iceberg.data.InternalRecordWrapper(byMonth.schema().asStruct()).wrap(record));
                        assertThat(byMonth.spec().partitionToPath(key)).isEqualTo(byMonth.spec().partitionToPath(partition));
                    }
                }
            }
        }
        assertThat(partitions).hasSizeGreaterThan(8);
        assertThat(files).isGreaterThanOrEqualTo(partitions.size());
        // pruning: Iceberg plans only the files of March's partitions for a filter on day
        long marchFiles;
        try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks = byMonth.newScan()
                .filter(org.apache.iceberg.expressions.Expressions.and(
                        org.apache.iceberg.expressions.Expressions.greaterThanOrEqual("day", "2024-03-01"),
                        org.apache.iceberg.expressions.Expressions.lessThan("day", "2024-04-01")))
                .planFiles()) {
            marchFiles = java.util.stream.StreamSupport.stream(tasks.spliterator(), false).count();
        }
        // exactly the files written for March's partitions, a fraction of all
        assertThat(marchFiles).isEqualTo(marchPartitionFiles).isGreaterThan(0L).isLessThan(files / 3);
        Table byGrp = catalog.loadTable(TableIdentifier.of(Namespace.of("ns"), "by_grp"));
        java.util.Set<String> grpPartitions = new java.util.TreeSet<>();
        try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks = byGrp.newScan().planFiles()) {
            tasks.forEach(task -> grpPartitions.add(byGrp.spec().partitionToPath(task.file().partition())));
        }
        assertThat(grpPartitions).containsExactly("grp=0", "grp=1", "grp=2");
        assertThat((long) readAll(byGrp).size()).isEqualTo(readAll(events).stream().filter(record -> (Integer) record.getField("grp") < 3).count());
    }

    private static List<Object> row(Record record)
    {
        List<Object> row = new ArrayList<>();
        for (Types.NestedField field : SCHEMA.columns()) {
            row.add(record.getField(field.name()));
        }
        return row;
    }

    private static List<List<Object>> snapshotRows(Table table, long snapshotId)
    {
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterable<Record> iterable = IcebergGenerics.read(table).useSnapshot(snapshotId).build()) {
            for (Record record : iterable) {
                List<Object> row = new ArrayList<>();
                for (Types.NestedField field : SCHEMA.columns()) {
                    row.add(record.getField(field.name()));
                }
                rows.add(row);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void assertSameRowsOrEmpty(QueryResult actual, List<List<Object>> expected)
    {
        assertThat(actual.rows().stream().sorted(ROWS).toList()).isEqualTo(expected.stream().sorted(ROWS).toList());
    }

    private static final Comparator<List<Object>> ROWS = (left, right) -> String.valueOf(left).compareTo(String.valueOf(right));

    private static Table createTable(Catalog catalog, String name, int rows)
    {
        ((SupportsNamespaces) catalog).createNamespace(Namespace.of("ns"));
        Table table = catalog.createTable(TableIdentifier.of(Namespace.of("ns"), name), SCHEMA, PartitionSpec.unpartitioned(), Map.of("format-version", "2"));
        // two data files, so the scan has more than one split
        for (int file = 0; file < 2; file++) {
            DataWriter<Record> writer;
            try {
                writer = Parquet.writeData(table.io().newOutputFile(table.location() + "/data/" + UUID.randomUUID() + ".parquet"))
                        .schema(SCHEMA)
                        .createWriterFunc(GenericParquetWriter::create)
                        .withSpec(PartitionSpec.unpartitioned())
                        .overwrite()
                        .build();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (writer) {
                for (int i = 0; i < rows / 2; i++) {
                    long id = file * 100_000L + i;
                    GenericRecord record = GenericRecord.create(SCHEMA);
                    record.setField("id", id);
                    record.setField("name", i % 17 == 0 ? null : "name-" + (id % 41));
                    record.setField("amount", i % 13 == 0 ? null : id * 0.25);
                    record.setField("day", LocalDate.of(2024, 1, 1).plusDays(i % 150));
                    record.setField("grp", i % 5);
                    writer.write(record);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            table.newAppend().appendFile(writer.toDataFile()).commit();
        }
        return table;
    }

    private static List<Record> readAll(Table table)
    {
        table.refresh();
        List<Record> records = new ArrayList<>();
        try (CloseableIterable<Record> iterable = IcebergGenerics.read(table).build()) {
            iterable.forEach(record -> records.add(record.copy()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private static List<Record> records(Table table, int grp)
    {
        return readAll(table).stream().filter(record -> (Integer) record.getField("grp") == grp).toList();
    }

    private static List<List<Object>> icebergRows(Table table, Predicate<Record> filter)
    {
        return readAll(table).stream()
                .filter(filter)
                .map(record -> {
                    List<Object> row = new ArrayList<>();
                    for (Types.NestedField field : SCHEMA.columns()) {
                        row.add(record.getField(field.name()));
                    }
                    return row;
                })
                .toList();
    }

    private static void assertSameRows(QueryResult actual, List<List<Object>> expected)
    {
        assertThat(expected).isNotEmpty();
        assertThat(actual.rows().stream().sorted(ROWS).toList()).isEqualTo(expected.stream().sorted(ROWS).toList());
    }

    private static List<String> column(QueryResult result)
    {
        return result.rows().stream().map(row -> String.valueOf(row.getFirst())).toList();
    }

    private static String stackTrace(Throwable throwable)
    {
        StringWriter writer = new StringWriter();
        throwable.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }
}

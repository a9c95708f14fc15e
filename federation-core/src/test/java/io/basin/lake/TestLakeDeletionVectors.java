package io.basin.lake;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingPostgreSqlServer;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.TableUtil;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.BaseDeleteLoader;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.deletes.BaseDVFileWriter;
import org.apache.iceberg.deletes.PositionDeleteIndex;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.DeleteWriteResult;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Iceberg format v3 deletion vectors: a v3 table written by Iceberg's generic writer, its rows
 * deleted by Iceberg's own deletion vector writer (rows of several files, then more rows of a file
 * that already has a vector, which Iceberg replaces by a merged one). Basin's answers, in process
 * and through two remote scan workers, are compared with PostgreSQL holding the rows left, and
 * PostgreSQL's rows with Iceberg's generic reader's. Then Basin's own DELETE writes vectors,
 * merged with those already on the files.
 */
@TestInstance(PER_CLASS)
class TestLakeDeletionVectors
{
    private static final String SCHEMA = "testlakedeletionvectors";
    private static final int FILES = 3;
    private static final int ROWS_PER_FILE = 4_000;
    private static final Schema TABLE_SCHEMA = new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(2, "grp", Types.StringType.get()),
            Types.NestedField.optional(3, "amount", Types.DecimalType.of(10, 2)));

    private Path warehouse;
    private HadoopCatalog catalog;
    private Table table;
    // data file -> the ids of its rows, by position
    private final Map<String, List<Long>> fileIds = new HashMap<>();
    private QueryAssertions assertions;
    private TestingScanWorker first;
    private TestingScanWorker second;

    @BeforeAll
    void setUp()
            throws Exception
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        postgres.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        assertions = new QueryAssertions(postgres, SCHEMA);
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Files.createDirectories(temporary);
        warehouse = Files.createTempDirectory(temporary, "lake-dv-");
        catalog = new HadoopCatalog();
        catalog.setConf(new Configuration());
        catalog.initialize("oracle", Map.of(CatalogProperties.WAREHOUSE_LOCATION, warehouse.toUri().toString()));
        catalog.createNamespace(Namespace.of("ns"));
        table = createTable("items", 3);
        first = TestingScanWorker.start();
        second = TestingScanWorker.start();
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (assertions != null) {
            assertions.close();
        }
        io.basin.testing.TestingDirectories.deleteRecursively(warehouse);
    }

    /** A table of FILES data files written by Iceberg's generic writer, and the same rows in PostgreSQL. */
    private Table createTable(String name, int formatVersion)
            throws IOException
    {
        assertions.executeOnPostgres("CREATE TABLE %s (id bigint, grp varchar, amount decimal(10, 2))".formatted(name));
        // small row groups: a file has several, and the scan splits it into several ranges
        Table created = catalog.createTable(TableIdentifier.of("ns", name), TABLE_SCHEMA, PartitionSpec.unpartitioned(), Map.of(
                TableProperties.FORMAT_VERSION, String.valueOf(formatVersion),
                TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "16384"));
        assertThat(TableUtil.formatVersion(created)).isEqualTo(formatVersion);
        AppendFiles append = created.newAppend();
        for (int file = 0; file < FILES; file++) {
            append.appendFile(writeDataFile(created, file * ROWS_PER_FILE + 1L));
        }
        append.commit();
        List<String> values = new ArrayList<>();
        for (long id = 1; id <= (long) FILES * ROWS_PER_FILE; id++) {
            values.add("(%d, %s, %s)".formatted(id, grp(id) == null ? "NULL" : "'" + grp(id) + "'", amount(id) == null ? "NULL" : amount(id).toPlainString()));
        }
        assertions.executeOnPostgres("INSERT INTO %s VALUES %s".formatted(name, String.join(", ", values)));
        return created;
    }

    private static String grp(long id)
    {
        return id % 13 == 0 ? null : "g" + id % 5;
    }

    private static BigDecimal amount(long id)
    {
        return id % 11 == 0 ? null : BigDecimal.valueOf(id * 37 % 100_000, 2);
    }

    private DataFile writeDataFile(Table table, long firstId)
            throws IOException
    {
        String location = table.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet");
        DataWriter<Record> writer = Parquet.writeData(table.io().newOutputFile(location))
                .schema(TABLE_SCHEMA)
                .createWriterFunc(GenericParquetWriter::create)
                .withSpec(PartitionSpec.unpartitioned())
                .setAll(table.properties())
                .overwrite()
                .build();
        List<Long> ids = new ArrayList<>();
        try (writer) {
            for (long id = firstId; id < firstId + ROWS_PER_FILE; id++) {
                GenericRecord record = GenericRecord.create(TABLE_SCHEMA);
                record.setField("id", id);
                record.setField("grp", grp(id));
                record.setField("amount", amount(id));
                writer.write(record);
                ids.add(id);
            }
        }
        DataFile dataFile = writer.toDataFile();
        fileIds.put(dataFile.location(), ids);
        return dataFile;
    }

    @Test
    void testDeletionVectorsDropTheirRowsInProcessAndOnRemoteWorkers()
            throws IOException
    {
        // rows of every file
        deleteWithIcebergDeletionVectors(id -> id % 10 == 3);
        assertBasinMatchesOracles();
        // more rows of the first two files: Iceberg replaces their vectors by merged ones
        deleteWithIcebergDeletionVectors(id -> id <= ROWS_PER_FILE + 500 && id % 3 == 0);
        assertBasinMatchesOracles();
        // a whole run of the last file
        deleteWithIcebergDeletionVectors(id -> id > (FILES - 1L) * ROWS_PER_FILE + 100 && id <= (FILES - 1L) * ROWS_PER_FILE + 2_100);
        assertBasinMatchesOracles();

        // Basin's own DELETE writes deletion vectors too, merged with the vectors already on the files
        assertBasinDelete("DELETE FROM items WHERE grp = 'g2' AND id < 6000");
        assertBasinDelete("DELETE FROM items WHERE amount > 900");
        // rows deleted before are not deleted (or counted) again
        assertBasinDelete("DELETE FROM items WHERE id <= 100");

        // one vector per data file, however often its rows were deleted
        Map<String, Long> vectorsPerFile = currentDeletes().stream()
                .collect(Collectors.groupingBy(DeleteFile::referencedDataFile, Collectors.counting()));
        assertThat(vectorsPerFile).hasSize(FILES);
        assertThat(vectorsPerFile.values()).containsOnly(1L);
        assertThat(currentDeletes()).allSatisfy(delete -> assertThat(delete.format()).isEqualTo(FileFormat.PUFFIN));

        // last, as it breaks the table: a vector whose bytes no longer match its checksum fails the scan, naming its Puffin file
        DeleteFile vector = currentDeletes().getFirst();
        Path puffin = Path.of(URI.create(vector.location()));
        byte[] bytes = Files.readAllBytes(puffin);
        int flipped = Math.toIntExact(vector.contentOffset() + vector.contentSizeInBytes() / 2);
        bytes[flipped] = (byte) ~bytes[flipped];
        Files.write(puffin, bytes);
        // PostgreSQL's data_corrupted, as for a corrupt Parquet file; the engine stays up
        Consumer<BasinSession> failsNamingTheVector = session -> {
            assertThatThrownBy(() -> session.execute("SELECT count(*) FROM items"))
                    .isInstanceOfSatisfying(io.basin.error.BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("XX001"))
                    .hasMessageContaining("deletion vector")
                    .hasMessageContaining(vector.location());
            assertThat(session.execute("SELECT 1").onlyValue()).isEqualTo(1);
        };
        withBasin(BasinConfig.defaults().withDataDirectory(basinDirectory()), failsNamingTheVector);
        withBasin(BasinConfig.defaults().withDataDirectory(basinDirectory()).withSpectrumWorkers(List.of(first.address(), second.address()), false), failsNamingTheVector);
    }

    @Test
    void testDeleteAfterUpgradeToV3MergesPositionDeletesIntoVectors()
            throws IOException
    {
        Table upgraded = createTable("upgraded", 2);
        // on v2, Basin writes a Parquet position delete file per data file
        assertBasinDelete(upgraded, "upgraded", "DELETE FROM upgraded WHERE id < 9000 AND grp = 'g3'");
        assertThat(currentDeletes(upgraded)).isNotEmpty().allSatisfy(delete -> assertThat(delete.format()).isEqualTo(FileFormat.PARQUET));

        upgraded.updateProperties().set(TableProperties.FORMAT_VERSION, "3").commit();
        assertThat(TableUtil.formatVersion(upgraded)).isEqualTo(3);
        assertBasinMatchesOracles(upgraded, "upgraded");
        // on v3, a vector per touched file holds the old position deletes too, which the same commit removes
        assertBasinDelete(upgraded, "upgraded", "DELETE FROM upgraded WHERE grp = 'g1'");
        List<DeleteFile> deletes = currentDeletes(upgraded);
        assertThat(deletes).allSatisfy(delete -> assertThat(delete.format()).isEqualTo(FileFormat.PUFFIN));
        assertThat(deletes.stream().collect(Collectors.groupingBy(DeleteFile::referencedDataFile, Collectors.counting())).values()).hasSize(FILES).containsOnly(1L);
    }

    @Test
    void testDeleteOnAPartitionedV3Table()
    {
        // created and filled by Basin (as v2, in two INSERTs: two files per partition), then upgraded by Iceberg
        String create = "CREATE TABLE parts (id bigint, grp varchar, amount decimal(10, 2))";
        assertions.executeOnPostgres(create);
        withBasin(BasinConfig.defaults().withDataDirectory(basinDirectory()), session -> {
            session.execute(create + " PARTITIONED BY (grp)");
            for (long from = 1; from <= 2_001; from += 2_000) {
                List<String> values = new ArrayList<>();
                for (long id = from; id < from + 2_000; id++) {
                    values.add("(%d, %s, %s)".formatted(id, grp(id) == null ? "NULL" : "'" + grp(id) + "'", amount(id) == null ? "NULL" : amount(id).toPlainString()));
                }
                assertions.executeInBoth(session, "INSERT INTO parts VALUES " + String.join(", ", values));
            }
        });
        Table parts = catalog.loadTable(TableIdentifier.of("ns", "parts"));
        assertThat(parts.spec().isPartitioned()).isTrue();
        parts.updateProperties().set(TableProperties.FORMAT_VERSION, "3").commit();

        assertBasinDelete(parts, "parts", "DELETE FROM parts WHERE id > 1500 AND amount < 500");
        assertBasinDelete(parts, "parts", "DELETE FROM parts WHERE grp = 'g3' AND id < 3000");
        assertBasinDelete(parts, "parts", "DELETE FROM parts WHERE id BETWEEN 2990 AND 3010");
        List<DeleteFile> deletes = currentDeletes(parts);
        assertThat(deletes).isNotEmpty().allSatisfy(delete -> assertThat(delete.format()).isEqualTo(FileFormat.PUFFIN));
        assertThat(deletes.stream().collect(Collectors.groupingBy(DeleteFile::referencedDataFile, Collectors.counting())).values()).containsOnly(1L);
    }

    /**
     * Deletes the rows whose ids are accepted by Iceberg's deletion vector writer, merging each
     * file's previous vector (read with Iceberg's delete loader), in one row delta; the same
     * rows are deleted from PostgreSQL.
     */
    private void deleteWithIcebergDeletionVectors(LongPredicate deleted)
    {
        table.refresh();
        long baseSnapshot = table.currentSnapshot().snapshotId();
        Map<String, List<DeleteFile>> previous = new HashMap<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(baseSnapshot).planFiles()) {
            for (FileScanTask task : tasks) {
                previous.put(task.file().location(), List.copyOf(task.deletes()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BaseDeleteLoader loader = new BaseDeleteLoader(delete -> table.io().newInputFile(delete.location(), delete.fileSizeInBytes()));
        Map<String, PositionDeleteIndex> previousIndex = new HashMap<>();
        previous.forEach((path, deletes) -> previousIndex.put(path, deletes.isEmpty() ? PositionDeleteIndex.empty() : loader.loadPositionDeletes(deletes, path)));
        BaseDVFileWriter writer = new BaseDVFileWriter(
                () -> table.io().newOutputFile(table.locationProvider().newDataLocation("dv-" + UUID.randomUUID() + ".puffin")),
                path -> previous.get(path).isEmpty() ? null : previousIndex.get(path));
        List<Long> ids = new ArrayList<>();
        try (writer) {
            fileIds.forEach((path, fileRows) -> {
                if (!previous.containsKey(path)) {
                    // a file of another table
                    return;
                }
                for (int position = 0; position < fileRows.size(); position++) {
                    long id = fileRows.get(position);
                    if (deleted.test(id) && !previousIndex.get(path).isDeleted(position)) {
                        writer.delete(path, position, table.spec(), null);
                        ids.add(id);
                    }
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeleteWriteResult result = writer.result();
        // from the snapshot read: the vectors replaced were committed before it, not concurrently
        RowDelta delta = table.newRowDelta().validateFromSnapshot(baseSnapshot);
        result.deleteFiles().forEach(delta::addDeletes);
        result.rewrittenDeleteFiles().forEach(delta::removeDeletes);
        delta.commit();
        assertions.executeOnPostgres("DELETE FROM items WHERE id IN (%s)".formatted(ids.stream().map(String::valueOf).collect(Collectors.joining(", "))));
    }

    private List<DeleteFile> currentDeletes()
    {
        return currentDeletes(table);
    }

    private static List<DeleteFile> currentDeletes(Table table)
    {
        table.refresh();
        List<DeleteFile> deletes = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            tasks.forEach(task -> deletes.addAll(task.deletes()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deletes;
    }

    /** Runs the delete in Basin and PostgreSQL: the counts must agree, and then the rows left. */
    private void assertBasinDelete(String delete)
    {
        assertBasinDelete(table, "items", delete);
    }

    private void assertBasinDelete(Table target, String name, String delete)
    {
        long expected = ((Number) assertions.queryPostgres("SELECT count(*) FROM " + name + delete.substring(delete.indexOf(" WHERE"))).getFirst().getFirst()).longValue();
        assertions.executeOnPostgres(delete);
        withBasin(BasinConfig.defaults().withDataDirectory(basinDirectory()), session -> assertThat(session.execute(delete).updateCount()).as(delete).isEqualTo(expected));
        assertThat(expected).isPositive();
        assertBasinMatchesOracles(target, name);
    }

    private void assertBasinMatchesOracles()
    {
        assertBasinMatchesOracles(table, "items");
    }

    private void assertBasinMatchesOracles(Table target, String name)
    {
        // the oracle itself: PostgreSQL holds exactly the rows Iceberg's generic reader returns
        assertThat(icebergRows(target)).containsExactlyInAnyOrderElementsOf(
                assertions.queryPostgres("SELECT id, grp, amount FROM " + name).stream().map(row -> row(row.get(0), row.get(1), row.get(2))).toList());
        withBasin(BasinConfig.defaults().withDataDirectory(basinDirectory()), session -> assertQueries(session, name));
        withBasin(BasinConfig.defaults().withDataDirectory(basinDirectory()).withSpectrumWorkers(List.of(first.address(), second.address()), false), session -> assertQueries(session, name));
    }

    /** A fresh data directory for each Basin opened: the external schema is created anew in it. */
    private Path basinDirectory()
    {
        return warehouse.resolve("basin-" + UUID.randomUUID());
    }

    private void assertQueries(BasinSession session, String name)
    {
        assertions.assertQuery(session, "SELECT * FROM " + name);
        assertions.assertQuery(session, "SELECT count(*), sum(amount), min(id), max(id) FROM " + name);
        assertions.assertQuery(session, "SELECT grp, count(*), sum(id) FROM %s GROUP BY grp".formatted(name));
        assertions.assertQuery(session, "SELECT id, amount FROM %s WHERE id BETWEEN 3900 AND 4600".formatted(name));
    }

    private void withBasin(BasinConfig config, Consumer<BasinSession> action)
    {
        try (Basin basin = Basin.open(config); BasinSession session = basin.newSession()) {
            session.execute("CREATE EXTERNAL SCHEMA ldv FROM DATA CATALOG TYPE 'hadoop' DATABASE 'ns' WAREHOUSE '%s'".formatted(warehouse.toUri()));
            session.execute("SET search_path = ldv");
            action.accept(session);
        }
    }

    private static List<String> icebergRows(Table table)
    {
        table.refresh();
        List<String> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            for (Record record : records) {
                rows.add(row(record.getField("id"), record.getField("grp"), record.getField("amount")));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String row(Object id, Object grp, Object amount)
    {
        return ((Number) id).longValue() + "|" + Objects.toString(grp) + "|" + (amount == null ? "null" : ((BigDecimal) amount).setScale(2).toPlainString());
    }
}

package io.basin.lake;

import io.basin.testing.BasePostgresOracleTest;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code DELETE FROM lake table WHERE ...} writes Iceberg position deletes: the rows left are
 * compared with PostgreSQL after the same statements, both as Basin reads them and as Iceberg's
 * own generic reader reads the table (through a Hadoop catalog on the same warehouse). The
 * tables are Parquet ({@code items}, {@code parts}) and ORC ({@code orc_items}, {@code orc_parts},
 * in a schema whose files are ORC; their delete files are Parquet).
 */
class TestLakeDelete
        extends BasePostgresOracleTest
{
    private HadoopCatalog catalog;

    @Override
    protected void createTables()
    {
        Path warehouse;
        try {
            warehouse = Files.createTempDirectory("lake-delete");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catalog = new HadoopCatalog();
        catalog.setConf(new Configuration());
        catalog.initialize("oracle", Map.of(CatalogProperties.WAREHOUSE_LOCATION, warehouse.toUri().toString()));
        catalog.createNamespace(Namespace.of("ns"));
        catalog.createNamespace(Namespace.of("ns_orc"));
        session().execute("CREATE EXTERNAL SCHEMA ldel FROM DATA CATALOG TYPE 'hadoop' DATABASE 'ns' WAREHOUSE '%s'".formatted(warehouse.toUri()));
        session().execute("CREATE EXTERNAL SCHEMA ldelorc FROM DATA CATALOG TYPE 'hadoop' DATABASE 'ns_orc' WAREHOUSE '%s' FILE_FORMAT 'orc'".formatted(warehouse.toUri()));
        for (String table : List.of("items", "parts", "orc_items", "orc_parts")) {
            assertions().executeOnPostgres("CREATE TABLE %s (id integer, grp varchar(10), amount decimal(10, 2), note varchar(30))".formatted(table));
        }
        // unqualified names resolve through the whole search path, as in PostgreSQL: ORC tables are in the second schema
        session().execute("SET search_path = ldel, ldelorc");
        session().execute("CREATE TABLE ldel.items (id integer, grp varchar(10), amount decimal(10, 2), note varchar(30))");
        session().execute("CREATE TABLE ldel.parts (id integer, grp varchar(10), amount decimal(10, 2), note varchar(30)) PARTITIONED BY (grp)");
        session().execute("CREATE TABLE ldelorc.orc_items (id integer, grp varchar(10), amount decimal(10, 2), note varchar(30))");
        session().execute("CREATE TABLE ldelorc.orc_parts (id integer, grp varchar(10), amount decimal(10, 2), note varchar(30)) PARTITIONED BY (grp)");
        for (String table : List.of("items", "parts", "orc_items", "orc_parts")) {
            // two INSERTs: two snapshots and (per partition) two data files
            executeInBoth("INSERT INTO %s VALUES %s".formatted(table, rows(1, 150)));
            executeInBoth("INSERT INTO %s VALUES %s".formatted(table, rows(151, 300)));
        }
    }

    private static String rows(int from, int to)
    {
        List<String> rows = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            String note = id % 7 == 0 ? "NULL" : "'note " + (id % 5) + "'";
            rows.add("(%d, 'g%d', %s, %s)".formatted(id, id % 4, id % 11 == 0 ? "NULL" : BigDecimal.valueOf(id * 125L, 2).toPlainString(), note));
        }
        return String.join(", ", rows);
    }

    @Test
    void testDeleteWritesPositionDeletes()
    {
        assertDeletesOf("items");
    }

    @Test
    void testDeleteFromOrcWritesPositionDeletes()
    {
        assertDeletesOf("orc_items");
        // the data files are ORC, the delete files Parquet
        assertThat(session().execute("SELECT DISTINCT file_format FROM \"orc_items$files\" WHERE content = 0").rows()).containsExactly(List.of("ORC"));
        assertThat(session().execute("SELECT DISTINCT file_format FROM \"orc_items$files\" WHERE content = 1").rows()).containsExactly(List.of("PARQUET"));
    }

    private void assertDeletesOf(String table)
    {
        assertDelete(table, "DELETE FROM %s WHERE id < 20".formatted(table));
        assertDelete(table, "DELETE FROM %s WHERE grp = 'g1' AND amount > 100".formatted(table));
        assertDelete(table, "DELETE FROM %s WHERE note IS NULL AND id BETWEEN 100 AND 200".formatted(table));
        assertDelete(table, "DELETE FROM %s WHERE id IN (150, 151, 152, 299)".formatted(table));
        // rows deleted before are not deleted (or counted) again
        assertDelete(table, "DELETE FROM %s WHERE id < 30".formatted(table));
        // nothing matches: no snapshot
        long snapshots = (Long) session().execute("SELECT count(*) FROM \"%s$snapshots\"".formatted(table)).onlyValue();
        assertDelete(table, "DELETE FROM %s WHERE id > 1000".formatted(table));
        assertThat(session().execute("SELECT count(*) FROM \"%s$snapshots\"".formatted(table)).onlyValue()).isEqualTo(snapshots);
        // the position delete files, as Iceberg plans them for the current snapshot
        long deleteFiles = icebergDeleteFiles(table);
        assertThat(deleteFiles).isPositive();
        assertThat(session().execute("SELECT count(*) FROM \"%s$files\" WHERE content = 1".formatted(table)).onlyValue()).isEqualTo(deleteFiles);

        // aggregations over the table are computed by scanning now, not from metadata
        assertQuery("SELECT count(*), min(id), max(amount) FROM " + table);
        assertQuery("SELECT grp, count(*), sum(amount), avg(id) FROM %s GROUP BY grp".formatted(table));
        assertQuery("SELECT id, note FROM %s WHERE amount > 200".formatted(table));
        String plan = String.join("\n", session().execute("EXPLAIN SELECT count(*) FROM " + table).rows().stream().map(row -> (String) row.getFirst()).toList());
        assertThat(plan).contains("partial aggregation").doesNotContain("answered from metadata");
    }

    @Test
    void testDeleteOnAPartitionedTable()
    {
        for (String table : List.of("parts", "orc_parts")) {
            assertDelete(table, "DELETE FROM %s WHERE grp = 'g2'".formatted(table));
            assertDelete(table, "DELETE FROM %s WHERE grp IN ('g1', 'g3') AND amount < 150".formatted(table));
            assertQuery("SELECT grp, count(*) FROM %s GROUP BY grp".formatted(table));
        }
    }

    @Test
    void testUnsupportedConditionsFailAndChangeNothing()
    {
        assertQueryFails("DELETE FROM items WHERE id < 10 OR note = 'x'", "0A000", ".*DELETE supports WHERE conditions.*");
        assertQueryFails("DELETE FROM items WHERE id + 1 = 5", "0A000", ".*DELETE supports WHERE conditions.*");
        assertQuery("SELECT * FROM items");
        assertQueryFails("DELETE FROM orc_items WHERE id < 10 OR note = 'x'", "0A000", ".*DELETE supports WHERE conditions.*");
        assertQuery("SELECT * FROM orc_items");
    }

    /** Runs the delete in both engines; the counts and the rows left must agree, also as Iceberg reads them. */
    private void assertDelete(String table, String delete)
    {
        long expected = ((Number) assertions().queryPostgres("SELECT count(*) FROM " + table + delete.substring(delete.indexOf(" WHERE"))).getFirst().getFirst()).longValue();
        assertions().executeOnPostgres(delete);
        long count = session().execute(delete).updateCount();
        assertQuery("SELECT * FROM " + table);
        assertThat(count).as(delete).isEqualTo(expected);
        assertThat(icebergRows(table)).as("Iceberg's reader after " + delete)
                .containsExactlyInAnyOrderElementsOf(postgresRows(table));
    }

    private List<String> icebergRows(String table)
    {
        Table icebergTable = catalog.loadTable(identifier(table));
        List<String> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(icebergTable).build()) {
            for (Record record : records) {
                rows.add(row(record.getField("id"), record.getField("grp"), record.getField("amount"), record.getField("note")));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private long icebergDeleteFiles(String table)
    {
        java.util.Set<String> files = new java.util.HashSet<>();
        try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks = catalog.loadTable(identifier(table)).newScan().planFiles()) {
            for (org.apache.iceberg.FileScanTask task : tasks) {
                task.deletes().forEach(delete -> {
                    assertThat(delete.content()).isEqualTo(org.apache.iceberg.FileContent.POSITION_DELETES);
                    files.add(delete.location());
                });
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.size();
    }

    private static TableIdentifier identifier(String table)
    {
        return TableIdentifier.of(table.startsWith("orc_") ? "ns_orc" : "ns", table);
    }

    private List<String> postgresRows(String table)
    {
        return assertions().queryPostgres("SELECT id, grp, amount, note FROM " + table).stream()
                .map(row -> row(row.get(0), row.get(1), row.get(2), row.get(3)))
                .toList();
    }

    private static String row(Object id, Object grp, Object amount, Object note)
    {
        String decimal = amount == null ? "null" : ((BigDecimal) amount).setScale(2).toPlainString();
        return ((Number) id).intValue() + "|" + grp + "|" + decimal + "|" + Objects.toString(note);
    }
}

package io.basin.lake;

import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;
import io.basin.pgwire.TestingPgWireServer;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingBasin;
import io.basin.testing.TestingPostgreSqlServer;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.basin.testing.QueryAssertions.assertQueryFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The embedded lake as schema {@code lake} of {@code dev}: {@code lake.t} and {@code dev.lake.t}
 * are table {@code t} of the lake catalog's namespace {@code public}, created when the first
 * table is. CREATE TABLE, CREATE TABLE AS, INSERT, SELECT and DELETE through the two-part name are
 * compared with PostgreSQL (whose schema is also named {@code lake}, so the same statements run on
 * both), the tables are read back by Iceberg's own reader, three-part names of other namespaces
 * keep working, and the schema is listed in {@code pg_namespace} and {@code information_schema},
 * also to a client over the wire protocol.
 */
@TestInstance(PER_CLASS)
class TestLakeSchema
{
    private TestingPgWireServer server;
    private QueryAssertions assertions;

    @BeforeAll
    void setUp()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        postgres.execute("DROP SCHEMA IF EXISTS lake CASCADE");
        assertions = new QueryAssertions(postgres, "lake");
        server = new TestingPgWireServer();
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        if (assertions != null) {
            assertions.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private BasinSession session()
    {
        return server.basin().session();
    }

    @Test
    void testReadyBeforeFirstUse()
    {
        try (TestingBasin basin = new TestingBasin()) {
            Path catalogFile = basin.dataDirectory().resolve("lake").resolve("catalog.db");
            // listed, empty, and nothing is written before the first table
            assertThat(column(basin.execute("SELECT nspname FROM pg_catalog.pg_namespace"))).contains("lake", "public");
            assertThat(column(basin.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'lake'"))).isEmpty();
            assertQueryFails(basin.session(), "SELECT * FROM lake.items", "42P01", "");
            assertThat(catalogFile).doesNotExist();
            basin.execute("CREATE TABLE lake.first (id integer)");
            assertThat(catalogFile).exists();
            assertThat(column(basin.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'lake'"))).containsExactly("first");
        }
    }

    @Test
    void testTwoPartNamesReachTheDefaultNamespace()
    {
        assertions.executeInBoth(session(), "CREATE TABLE lake.items (id integer, grp varchar(10), amount decimal(10, 2), note varchar(30))");
        assertions.executeInBoth(session(), "INSERT INTO lake.items VALUES " + rows(1, 200));
        assertions.executeInBoth(session(), "INSERT INTO lake.items SELECT id + 1000, grp, amount, note FROM lake.items WHERE id <= 50");
        assertions.assertQuery(session(), "SELECT * FROM lake.items");
        assertions.assertQuery(session(), "SELECT grp, count(*), sum(amount), avg(id) FROM lake.items GROUP BY grp");
        assertions.assertQuery(session(), "SELECT * FROM dev.lake.items WHERE amount > 100", "SELECT * FROM lake.items WHERE amount > 100");
        // the same table by its catalog, namespace and name
        assertions.assertQuery(session(), "SELECT id, note FROM lake.public.items WHERE grp = 'g1'", "SELECT id, note FROM lake.items WHERE grp = 'g1'");

        // CREATE TABLE AS, partitioned, joined with another lake table
        assertions.executeOnPostgres("CREATE TABLE lake.totals AS SELECT grp, count(*) AS n, sum(amount) AS total FROM lake.items GROUP BY grp");
        assertThat(session().execute("CREATE TABLE lake.totals PARTITIONED BY (grp) AS SELECT grp, count(*) AS n, sum(amount) AS total FROM lake.items GROUP BY grp").updateCount())
                .isEqualTo(((Number) assertions.queryPostgres("SELECT count(*) FROM lake.totals").getFirst().getFirst()).longValue());
        assertions.assertQuery(session(), "SELECT t.grp, t.n, count(*) FROM lake.totals t JOIN lake.items i ON i.grp = t.grp AND i.amount > 50 GROUP BY t.grp, t.n");

        // DELETE through the two-part name: position deletes on the table of namespace public
        long deleted = ((Number) assertions.queryPostgres("SELECT count(*) FROM lake.items WHERE grp = 'g2' AND id < 150").getFirst().getFirst()).longValue();
        assertions.executeOnPostgres("DELETE FROM lake.items WHERE grp = 'g2' AND id < 150");
        assertThat(session().execute("DELETE FROM lake.items WHERE grp = 'g2' AND id < 150").updateCount()).isEqualTo(deleted).isPositive();
        assertions.assertQuery(session(), "SELECT * FROM lake.items");

        // Iceberg's own reader finds the tables in namespace public of the embedded catalog
        assertThat(icebergRows("items")).containsExactlyInAnyOrderElementsOf(
                assertions.queryPostgres("SELECT id, grp, amount, note FROM lake.items").stream().map(row -> row(row.get(0), row.get(1), row.get(2), row.get(3))).toList());

        // unqualified names through the search path
        session().execute("SET search_path = lake");
        try {
            assertions.assertQuery(session(), "SELECT grp, n FROM totals", "SELECT grp, n FROM lake.totals");
        }
        finally {
            session().execute("SET search_path = public");
        }

        // listed as a schema of dev, with its tables and columns
        assertThat(column(session().execute("SELECT schema_name FROM information_schema.schemata"))).contains("lake");
        assertThat(column(session().execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'lake' ORDER BY table_name"))).contains("items", "totals");
        assertThat(column(session().execute("SELECT column_name FROM information_schema.columns WHERE table_schema = 'lake' AND table_name = 'items' ORDER BY ordinal_position")))
                .containsExactly("id", "grp", "amount", "note");
        assertThat(column(session().execute("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid WHERE n.nspname = 'lake' ORDER BY 1")))
                .contains("items", "totals");
    }

    @Test
    void testThreePartNamesOfOtherNamespacesStillWork()
    {
        session().execute("CREATE SCHEMA lake.other");
        session().execute("CREATE TABLE lake.other.t AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(id, name)");
        assertThat(session().execute("SELECT id, name FROM lake.other.t ORDER BY id").rows()).containsExactly(List.of(1, "a"), List.of(2, "b"));
        // not a table of schema lake (namespace public)
        assertQueryFails(session(), "SELECT * FROM lake.t", "42P01", "");
        session().execute("SET search_path = \"lake.other\"");
        try {
            assertThat(session().execute("SELECT count(*) FROM t").onlyValue()).isEqualTo(2L);
        }
        finally {
            session().execute("SET search_path = public");
        }
        session().execute("DROP TABLE lake.other.t");
        session().execute("DROP SCHEMA lake.other");
    }

    @Test
    void testTheSchemaCannotBeReplacedOrDropped()
    {
        assertQueryFails(session(), "DROP SCHEMA lake", "2BP01", "cannot drop schema lake because it is required by the database system");
        assertQueryFails(session(), "CREATE SCHEMA lake", "42P06", "schema \"lake\" already exists");
        assertQueryFails(session(), "CREATE EXTERNAL SCHEMA lake FROM DATA CATALOG TYPE 'hadoop' DATABASE 'ns' WAREHOUSE 'file:///nowhere'", "42P06", "schema \"lake\" already exists");
        // the engine is fine afterwards
        assertThat(column(session().execute("SELECT nspname FROM pg_catalog.pg_namespace"))).contains("lake");
    }

    @Test
    void testListedOverTheWireProtocol()
            throws SQLException
    {
        assertions.executeInBoth(session(), "CREATE TABLE lake.wire (id bigint, label varchar(20))");
        assertions.executeInBoth(session(), "INSERT INTO lake.wire VALUES (1, 'one'), (2, 'two'), (3, NULL)");
        try (Connection connection = server.createConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> schemas = new ArrayList<>();
            try (ResultSet result = metadata.getSchemas()) {
                while (result.next()) {
                    schemas.add(result.getString("TABLE_SCHEM"));
                }
            }
            assertThat(schemas).contains("lake", "public");
            List<String> tables = new ArrayList<>();
            try (ResultSet result = metadata.getTables(null, "lake", "wire", null)) {
                while (result.next()) {
                    tables.add(result.getString("TABLE_SCHEM") + "." + result.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).containsExactly("lake.wire");
            List<String> columns = new ArrayList<>();
            try (ResultSet result = metadata.getColumns(null, "lake", "wire", null)) {
                while (result.next()) {
                    columns.add(result.getString("COLUMN_NAME"));
                }
            }
            assertThat(columns).containsExactly("id", "label");
            List<List<Object>> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT id, label FROM lake.wire ORDER BY id")) {
                rows.addAll(QueryAssertions.readRows(result));
            }
            assertThat(rows).isEqualTo(assertions.queryPostgres("SELECT id, label FROM lake.wire ORDER BY id"));
        }
    }

    private List<String> icebergRows(String table)
    {
        Path lake = server.basin().dataDirectory().resolve("lake");
        try (JdbcCatalog catalog = new JdbcCatalog()) {
            catalog.setConf(new Configuration());
            // the embedded catalog's name is the catalog's: lake
            catalog.initialize("lake", Map.of(
                    CatalogProperties.URI, "jdbc:sqlite:" + lake.resolve("catalog.db"),
                    CatalogProperties.WAREHOUSE_LOCATION, lake.resolve("warehouse").toUri().toString(),
                    "jdbc.schema-version", "V1"));
            Table icebergTable = catalog.loadTable(TableIdentifier.of(Namespace.of("public"), table));
            List<String> rows = new ArrayList<>();
            try (CloseableIterable<Record> records = IcebergGenerics.read(icebergTable).build()) {
                for (Record record : records) {
                    rows.add(row(record.getField("id"), record.getField("grp"), record.getField("amount"), record.getField("note")));
                }
            }
            return rows;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static String row(Object id, Object grp, Object amount, Object note)
    {
        String decimal = amount == null ? "null" : ((BigDecimal) amount).setScale(2).toPlainString();
        return ((Number) id).intValue() + "|" + grp + "|" + decimal + "|" + Objects.toString(note);
    }

    private static List<String> column(QueryResult result)
    {
        return result.rows().stream().map(row -> String.valueOf(row.getFirst())).toList();
    }
}

package io.basin.connector.postgresql;

import io.basin.connector.jdbc.TestingJdbcReads;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.statistics.TableStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_CONNECTION_ERROR;
import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_INVALID_CONFIGURATION;
import static io.basin.connector.postgresql.PostgreSqlErrorCode.POSTGRESQL_TIMEOUT;
import static io.basin.connector.testing.TestingConnectorSession.SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Metadata, cursor reads, timeouts and connection failures against a real PostgreSQL 17. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPostgreSqlConnector
{
    private TestingPostgreSqlServer server;
    private Connector connector;

    @BeforeAll
    void setUp()
    {
        server = new TestingPostgreSqlServer();
        server.execute("CREATE SCHEMA sales");
        server.execute("CREATE TABLE sales.orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric(12,2))");
        server.execute("COMMENT ON COLUMN sales.orders.customer IS 'who ordered'");
        server.execute("INSERT INTO sales.orders SELECT i, 'customer ' || (i % 100), i * 1.25 FROM generate_series(1, 1000) i");
        server.execute("CREATE VIEW sales.big_orders AS SELECT id, total FROM sales.orders WHERE total > 1000");
        server.execute("CREATE MATERIALIZED VIEW sales.order_count AS SELECT count(*) AS n FROM sales.orders");
        server.execute("CREATE TABLE \"Mixed Case\" (\"Weird \"\"Name\" integer)");
        server.execute("INSERT INTO \"Mixed Case\" VALUES (42)");
        server.execute("CREATE TABLE big AS SELECT i AS id, md5(i::text) AS payload FROM generate_series(1, 100000) i");
        server.execute("ANALYZE");
        connector = new PostgreSqlConnectorFactory().create("test_pg", server.catalogProperties(), null);
    }

    @AfterAll
    void tearDown()
    {
        connector.shutdown();
        server.close();
    }

    @Test
    void listsSchemasTablesAndViews()
            throws SQLException
    {
        ConnectorMetadata metadata = connector.getMetadata(SESSION, TestingJdbcReads.begin(connector));
        assertThat(metadata.listSchemaNames(SESSION)).containsExactlyInAnyOrderElementsOf(oracle(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"));
        assertThat(metadata.listTables(SESSION, Optional.of("sales")))
                .containsExactlyInAnyOrder(new SchemaTableName("sales", "orders"), new SchemaTableName("sales", "big_orders"), new SchemaTableName("sales", "order_count"));
        assertThat(metadata.getTableHandle(SESSION, new SchemaTableName("sales", "missing"), Optional.empty(), Optional.empty())).isNull();
        ConnectorTableHandle orders = metadata.getTableHandle(SESSION, new SchemaTableName("sales", "orders"), Optional.empty(), Optional.empty());
        var columns = metadata.getTableMetadata(SESSION, orders).getColumns();
        assertThat(columns).extracting(column -> column.getName()).containsExactly("id", "customer", "total");
        assertThat(columns.get(1).getComment()).isEqualTo("who ordered");
        assertThat(columns.get(1).isNullable()).isFalse();
        assertThat(columns.get(2).isNullable()).isTrue();
    }

    @Test
    void readsViewsAndQuotedNames()
            throws SQLException
    {
        assertThat(TestingJdbcReads.readAll(connector, "sales", "big_orders").size())
                .isEqualTo(Integer.parseInt(oracle("SELECT count(*) FROM sales.big_orders").getFirst()));
        assertThat(TestingJdbcReads.readAll(connector, "sales", "order_count")).containsExactly(List.of(1000L));
        assertThat(TestingJdbcReads.readAll(connector, "public", "Mixed Case")).containsExactly(List.of(42L));
    }

    @Test
    void statisticsComeFromPostgreSql()
            throws SQLException
    {
        ConnectorTransactionHandle transaction = TestingJdbcReads.begin(connector);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorTableHandle orders = TestingJdbcReads.table(connector, transaction, "sales", "orders");
        TableStatistics statistics = metadata.getTableStatistics(SESSION, orders);
        assertThat(statistics.getRowCount().getValue()).isEqualTo(Double.parseDouble(oracle("SELECT reltuples FROM pg_class WHERE oid = 'sales.orders'::regclass").getFirst()));
        ColumnHandle customer = metadata.getColumnHandles(SESSION, orders).get("customer");
        assertThat(statistics.getColumnStatistics().get(customer).getDistinctValuesCount().getValue())
                .isEqualTo(Double.parseDouble(oracle("SELECT n_distinct FROM pg_stats WHERE schemaname = 'sales' AND tablename = 'orders' AND attname = 'customer'").getFirst()));
        assertThat(statistics.getColumnStatistics().get(customer).getNullsFraction().getValue())
                .isEqualTo(Double.parseDouble(oracle("SELECT null_frac FROM pg_stats WHERE schemaname = 'sales' AND tablename = 'orders' AND attname = 'customer'").getFirst()));
    }

    @Test
    void readsThroughACursorInBoundedPages()
            throws Exception
    {
        ConnectorTransactionHandle transaction = TestingJdbcReads.begin(connector);
        ConnectorMetadata metadata = connector.getMetadata(SESSION, transaction);
        ConnectorTableHandle big = TestingJdbcReads.table(connector, transaction, "public", "big");
        List<ColumnHandle> columns = List.copyOf(metadata.getColumnHandles(SESSION, big).values());
        List<ConnectorSplit> splits = TestingJdbcReads.splits(connector, transaction, big);
        assertThat(splits).hasSize(1);
        long rows = 0;
        long idSum = 0;
        int pages = 0;
        try (ConnectorPageSource source = connector.getPageSourceProvider().createPageSource(transaction, SESSION, splits.getFirst(), big, columns, DynamicFilter.EMPTY)) {
            while (!source.isFinished()) {
                SourcePage page = source.getNextSourcePage();
                if (page == null) {
                    continue;
                }
                if (pages == 0) {
                    // mid-read: the cursor's transaction is open on the server, the result not yet sent
                    assertThat(oracle("SELECT state FROM pg_stat_activity WHERE application_name = 'basin' AND query LIKE 'SELECT \"id\", \"payload\" FROM \"public\".\"big\"%'"))
                            .containsExactly("idle in transaction");
                }
                pages++;
                assertThat(page.getPositionCount()).isLessThanOrEqualTo(8192);
                assertThat(source.getMemoryUsage()).isLessThan(8L << 20);
                for (int position = 0; position < page.getPositionCount(); position++) {
                    idSum += (Long) TestingJdbcReads.value(io.trino.spi.type.IntegerType.INTEGER, page.getBlock(0), position);
                    rows++;
                }
            }
        }
        assertThat(rows).isEqualTo(Long.parseLong(oracle("SELECT count(*) FROM big").getFirst()));
        assertThat(idSum).isEqualTo(Long.parseLong(oracle("SELECT sum(id) FROM big").getFirst()));
        assertThat(pages).isGreaterThan(10);
        // the connection went back to the pool with its transaction ended
        assertThat(oracle("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'basin' AND state = 'idle in transaction'")).containsExactly("0");
    }

    @Test
    void largeTablesAreReadInParallelInOneSnapshot()
            throws Exception
    {
        server.execute("CREATE TABLE parallel_rows AS SELECT i AS id, md5(i::text) AS payload FROM generate_series(1, 100000) i");
        server.execute("ANALYZE parallel_rows");
        long rowsBefore = Long.parseLong(oracle("SELECT count(*) FROM parallel_rows").getFirst());
        long sumBefore = Long.parseLong(oracle("SELECT sum(id) FROM parallel_rows").getFirst());
        Map<String, String> properties = new HashMap<>(server.catalogProperties());
        properties.put(PostgreSqlConfig.READ_PARALLELISM, "4");
        properties.put(PostgreSqlConfig.PARALLEL_READ_MIN_BLOCKS, "10");
        Connector parallel = new PostgreSqlConnectorFactory().create("parallel", properties, null);
        try {
            ConnectorTransactionHandle transaction = TestingJdbcReads.begin(parallel);
            ConnectorMetadata metadata = parallel.getMetadata(SESSION, transaction);
            ConnectorTableHandle table = TestingJdbcReads.table(parallel, transaction, "public", "parallel_rows");
            List<ColumnHandle> columns = List.copyOf(metadata.getColumnHandles(SESSION, table).values());
            List<ConnectorSplit> splits = TestingJdbcReads.splits(parallel, transaction, table);
            assertThat(splits).hasSize(4);
            assertThat(splits.stream().map(split -> ((PostgreSqlSplit) split).snapshot().orElseThrow()).distinct()).hasSize(1);
            // changes committed after the scan started are not seen by any split
            server.execute("DELETE FROM parallel_rows WHERE id <= 5000");
            server.execute("INSERT INTO parallel_rows SELECT i, 'late' FROM generate_series(200001, 201000) i");
            assertThat(oracle("SELECT count(*) FROM parallel_rows")).containsExactly(String.valueOf(rowsBefore - 5000 + 1000));
            List<List<Object>> rows = TestingJdbcReads.read(parallel, transaction, table, columns);
            assertThat(rows).hasSize((int) rowsBefore);
            assertThat(rows.stream().map(row -> row.getFirst()).distinct().count()).isEqualTo(rowsBefore);
            assertThat(rows.stream().mapToLong(row -> (Long) row.getFirst()).sum()).isEqualTo(sumBefore);
            assertThat(oracle("SELECT count(*) FROM public.pg_stat_statements WHERE query LIKE '%FROM \"public\".\"parallel_rows\" WHERE ctid >= %'").getFirst())
                    .isEqualTo("2");
            parallel.commit(transaction);
            // the exporting transaction ended with Basin's
            assertThat(oracle("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'basin' AND state = 'idle in transaction'")).containsExactly("0");
        }
        finally {
            parallel.shutdown();
        }
    }

    @Test
    void statementTimeoutCancelsSlowStatements()
    {
        server.execute("CREATE VIEW slow AS SELECT pg_sleep(5)::text AS x");
        Map<String, String> properties = new HashMap<>(server.catalogProperties());
        properties.put(PostgreSqlConfig.STATEMENT_TIMEOUT, "300");
        Connector impatient = new PostgreSqlConnectorFactory().create("impatient", properties, null);
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> TestingJdbcReads.readAll(impatient, "public", "slow"))
                    .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(POSTGRESQL_TIMEOUT.toErrorCode()))
                    .hasMessageContaining("impatient")
                    .hasMessageContaining("statement timeout 300 ms");
            assertThat(System.nanoTime() - start).isLessThan(4_000_000_000L);
        }
        finally {
            impatient.shutdown();
        }
    }

    @Test
    void unreachableServerFailsFastNamingTheCatalogAndNotThePassword()
            throws Exception
    {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> properties = new HashMap<>(server.catalogProperties());
        properties.put(PostgreSqlConfig.PORT, String.valueOf(closedPort));
        properties.put(PostgreSqlConfig.PASSWORD, "hunter2-secret");
        properties.put(PostgreSqlConfig.CONNECT_TIMEOUT, "2000");
        Connector unreachable = new PostgreSqlConnectorFactory().create("unreachable", properties, null);
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> unreachable.getMetadata(SESSION, TestingJdbcReads.begin(unreachable)).listSchemaNames(SESSION))
                    .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(POSTGRESQL_CONNECTION_ERROR.toErrorCode()))
                    .hasMessageContaining("Cannot connect to PostgreSQL server 127.0.0.1:" + closedPort)
                    .hasMessageContaining("unreachable")
                    .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("hunter2-secret"));
            assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        }
        finally {
            unreachable.shutdown();
        }
    }

    @Test
    void wrongPasswordFailsFastWithoutShowingIt()
            throws Exception
    {
        // password authentication for the role app, the superuser stays trusted
        String hbaFile = oracle("SHOW hba_file").getFirst();
        Files.writeString(Path.of(hbaFile), """
                host all postgres 127.0.0.1/32 trust
                host all app 127.0.0.1/32 scram-sha-256
                """);
        server.execute("SELECT pg_reload_conf()");
        server.execute("DROP ROLE IF EXISTS app");
        server.execute("CREATE ROLE app LOGIN PASSWORD 'right-secret'");
        server.execute("GRANT USAGE ON SCHEMA sales TO app");
        server.execute("GRANT SELECT ON sales.orders TO app");
        Map<String, String> properties = new HashMap<>(server.catalogProperties());
        properties.put(PostgreSqlConfig.USER, "app");
        properties.put(PostgreSqlConfig.PASSWORD, "wrong-secret");
        Connector wrong = new PostgreSqlConnectorFactory().create("wrong_password", properties, null);
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> TestingJdbcReads.readAll(wrong, "sales", "orders"))
                    .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(POSTGRESQL_CONNECTION_ERROR.toErrorCode()))
                    .hasMessageContaining("wrong_password")
                    .hasMessageContaining("password authentication failed for user \"app\"")
                    .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("wrong-secret"));
            assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
        }
        finally {
            wrong.shutdown();
        }
        properties.put(PostgreSqlConfig.PASSWORD, "right-secret");
        Connector right = new PostgreSqlConnectorFactory().create("right_password", properties, null);
        try {
            assertThat(TestingJdbcReads.readAll(right, "sales", "orders")).hasSize(Integer.parseInt(oracle("SELECT count(*) FROM sales.orders").getFirst()));
        }
        finally {
            right.shutdown();
        }
    }

    @Test
    void passwordComesFromEnvironmentOrFileAndIsNeverPrinted()
            throws Exception
    {
        Map<String, String> properties = new HashMap<>(server.catalogProperties());
        properties.put(PostgreSqlConfig.PASSWORD_ENV, "BASIN_TEST_PG_PASSWORD");
        PostgreSqlConfig fromEnvironment = PostgreSqlConfig.fromProperties(properties, Map.of("BASIN_TEST_PG_PASSWORD", "from-env-secret")::get);
        assertThat(fromEnvironment.password()).contains("from-env-secret");
        assertThat(fromEnvironment.toString()).doesNotContain("from-env-secret");
        assertThatThrownBy(() -> PostgreSqlConfig.fromProperties(properties, Map.<String, String>of()::get))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(POSTGRESQL_INVALID_CONFIGURATION.toErrorCode()))
                .hasMessageContaining("environment variable BASIN_TEST_PG_PASSWORD is not set");

        Path file = Files.createTempFile("pg-password", ".txt");
        Files.writeString(file, "from-file-secret\n");
        properties.remove(PostgreSqlConfig.PASSWORD_ENV);
        properties.put(PostgreSqlConfig.PASSWORD_FILE, file.toString());
        assertThat(PostgreSqlConfig.fromProperties(properties).password()).contains("from-file-secret");
        properties.put(PostgreSqlConfig.PASSWORD, "two-sources");
        assertThatThrownBy(() -> PostgreSqlConfig.fromProperties(properties))
                .hasMessageContaining("at most one of")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("two-sources"));
        Files.delete(file);
    }

    private static String stackTraceOf(Throwable throwable)
    {
        var writer = new java.io.StringWriter();
        throwable.printStackTrace(new java.io.PrintWriter(writer));
        return writer.toString();
    }

    private List<String> oracle(String sql)
            throws SQLException
    {
        List<String> values = new ArrayList<>();
        try (Connection connection = server.connect();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            while (resultSet.next()) {
                values.add(resultSet.getString(1));
            }
        }
        return values;
    }
}

package io.basin.federation;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;
import io.trino.spi.TrinoException;
import io.basin.sql.parser.SqlRedactor;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.basin.testing.QueryAssertions.assertQueryFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code CREATE EXTERNAL SCHEMA ... FROM POSTGRES}: the schema's tables queried in place and
 * compared with PostgreSQL's own answers, listed in the catalogs, kept across restarts, dropped;
 * credentials never shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPostgreSqlExternalSchema
{
    private static final String PASSWORD = "Pa55-w0rd'with\"quotes";

    private final TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
    private QueryAssertions assertions;

    @TempDir
    Path dataDirectory;

    @BeforeAll
    void setUp()
    {
        assertions = new QueryAssertions(postgres, "shop");
        postgres.execute("DROP TABLE IF EXISTS shop.orders, shop.customers CASCADE");
        postgres.execute("CREATE TABLE shop.customers (id integer PRIMARY KEY, name varchar(40) NOT NULL, country char(2))");
        postgres.execute("INSERT INTO shop.customers VALUES (1, 'Ada', 'GB'), (2, 'Grace', 'US'), (3, 'Linus', 'FI'), (4, 'O''Brien', NULL)");
        postgres.execute("CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id integer, total numeric(10,2), placed date)");
        postgres.execute("INSERT INTO shop.orders SELECT i, 1 + i % 4, i * 10.25, DATE '2024-01-01' + i FROM generate_series(1, 200) i");
        postgres.execute("CREATE OR REPLACE VIEW shop.big_orders AS SELECT * FROM shop.orders WHERE total > 1000");
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        assertions.close();
    }

    private String createStatement(String name, int port)
    {
        return "CREATE EXTERNAL SCHEMA %s FROM POSTGRES DATABASE '%s' SCHEMA 'shop' URI '127.0.0.1' PORT %s USER '%s' PASSWORD '%s' SSLMODE 'disable'"
                .formatted(name, TestingPostgreSqlServer.DATABASE, port, TestingPostgreSqlServer.USER, PASSWORD.replace("'", "''"));
    }

    @Test
    void externalSchemaIsQueriedInPlaceAndSurvivesRestart()
    {
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
                BasinSession session = basin.newSession()) {
            session.execute(createStatement("sales", postgres.getPort()));
            assertions.assertQuery(session, "SELECT * FROM sales.customers", "SELECT * FROM shop.customers");
            assertions.assertQuery(session, "SELECT * FROM dev.sales.orders", "SELECT * FROM shop.orders");
            assertions.assertQuery(session, "SELECT id, total FROM sales.big_orders ORDER BY id", "SELECT id, total FROM shop.big_orders ORDER BY id");
            // joined with a local table
            session.execute("CREATE TABLE public.countries AS SELECT * FROM (VALUES ('GB', 'United Kingdom'), ('US', 'United States')) t(code, name)");
            assertions.assertQuery(session,
                    "SELECT c.name, k.name, sum(o.total) FROM sales.orders o JOIN sales.customers c ON o.customer_id = c.id LEFT JOIN public.countries k ON k.code = c.country GROUP BY c.name, k.name",
                    "SELECT c.name, k.name, sum(o.total) FROM shop.orders o JOIN shop.customers c ON o.customer_id = c.id LEFT JOIN (VALUES ('GB', 'United Kingdom'), ('US', 'United States')) k(code, name) ON k.code = c.country GROUP BY c.name, k.name");
            // the catalogs show the schema and its relations like any other schema of dev
            assertThat(column(session.execute("SELECT nspname FROM pg_catalog.pg_namespace"))).contains("sales", "public");
            assertThat(column(session.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'sales' ORDER BY 1")))
                    .containsExactly("big_orders", "customers", "orders");
            assertThat(column(session.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = 'sales' AND table_name = 'customers' ORDER BY ordinal_position")))
                    .containsExactly("id", "name", "country");
            assertQueryFails(session, createStatement("sales", postgres.getPort()), "42P06", "schema \"sales\" already exists");
            session.execute(createStatement("IF NOT EXISTS sales", postgres.getPort()));
            assertQueryFails(session, "CREATE SCHEMA sales", "42P06", "already exists");
        }
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
                BasinSession session = basin.newSession()) {
            assertions.assertQuery(session, "SELECT count(*), sum(total) FROM sales.orders", "SELECT count(*), sum(total) FROM shop.orders");
            session.execute("DROP SCHEMA sales");
            assertQueryFails(session, "SELECT * FROM sales.orders", "42P01", "");
        }
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
                BasinSession session = basin.newSession()) {
            assertThat(column(session.execute("SELECT nspname FROM pg_catalog.pg_namespace"))).doesNotContain("sales");
            assertQueryFails(session, "DROP SCHEMA sales", "3F000", "schema \"sales\" does not exist");
        }
        // the source is untouched
        assertThat(assertions.queryPostgres("SELECT count(*) FROM shop.orders")).containsExactly(List.of(200L));
    }

    @Test
    void credentialsAreNeverShown()
            throws Exception
    {
        String create = createStatement("secretive", postgres.getPort());
        assertThat(SqlRedactor.redact(create)).doesNotContain("Pa55").contains("PASSWORD '***'");
        assertThat(SqlRedactor.redact("CREATE EXTERNAL SCHEMA x FROM POSTGRES DATABASE 'd' URI 'h' USER 'u' PASSWORD_ENV 'MY_VAR'")).doesNotContain("MY_VAR");
        Path otherData = Files.createDirectories(dataDirectory.resolve("credentials"));
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(otherData));
                BasinSession session = basin.newSession()) {
            session.execute(create);
            String explain = String.join("\n", column(session.execute("EXPLAIN SELECT * FROM secretive.orders WHERE id = 1")));
            assertThat(explain).contains("orders").doesNotContain("Pa55");
            // nothing in the catalogs session can read shows it
            for (String table : List.of("pg_catalog.pg_namespace", "pg_catalog.pg_class", "pg_catalog.pg_settings", "information_schema.schemata", "pg_catalog.pg_database")) {
                assertThat(session.execute("SELECT * FROM " + table).rows().toString()).as(table).doesNotContain("Pa55");
            }
            // a source that cannot be reached: a fast error naming the schema, without the password
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            session.execute(createStatement("unreachable", closedPort));
            long start = System.nanoTime();
            assertThatThrownBy(() -> session.execute("SELECT * FROM unreachable.orders"))
                    .isInstanceOf(TrinoException.class)
                    .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("Pa55"))
                    .hasMessageContaining("unreachable")
                    .hasMessageContaining("127.0.0.1:" + closedPort);
            assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
            // invalid clauses fail the statement and leave nothing behind
            assertQueryFails(session, "CREATE EXTERNAL SCHEMA bad FROM POSTGRES DATABASE 'd' URI 'h' USER 'u' PASSWORD 'Pa55' SSLMODE 'sometimes'", "22023", "ssl-mode must be one of");
            assertQueryFails(session, "SELECT * FROM bad.t", "42P01", "");
            assertQueryFails(session, "CREATE EXTERNAL SCHEMA bad FROM POSTGRES DATABASE 'd' URI 'h' USER 'u' PASSWORD 'Pa55' PASSWORD 'again'", "42601", "redundant");
            assertQueryFails(session, "CREATE EXTERNAL SCHEMA bad FROM POSTGRES DATABASE 'd' USER 'u' PASSWORD 'Pa55'", "42601", "needs URI");
            assertQueryFails(session, "CREATE EXTERNAL SCHEMA bad FROM ORACLE DATABASE 'd' URI 'h' USER 'u'", "42601", "expected POSTGRES, MYSQL or DATA CATALOG");
            assertQueryFails(session, "CREATE EXTERNAL SCHEMA bad FROM POSTGRES DATABASE 'd' URI 'h' USER 'u' PASSWORD_ENV 'BASIN_SURELY_UNSET_VARIABLE'", "22023", "BASIN_SURELY_UNSET_VARIABLE is not set");
        }
    }

    @Test
    void passwordFromAFile()
            throws Exception
    {
        Path secret = Files.writeString(dataDirectory.resolve("pg-password"), "file-secret\n");
        Path otherData = Files.createDirectories(dataDirectory.resolve("file"));
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(otherData));
                BasinSession session = basin.newSession()) {
            session.execute("CREATE EXTERNAL SCHEMA from_file FROM POSTGRES DATABASE '%s' SCHEMA 'shop' URI '127.0.0.1' PORT %s USER '%s' PASSWORD_FILE '%s'"
                    .formatted(TestingPostgreSqlServer.DATABASE, postgres.getPort(), TestingPostgreSqlServer.USER, secret));
            assertions.assertQuery(session, "SELECT name FROM from_file.customers WHERE id < 3", "SELECT name FROM shop.customers WHERE id < 3");
        }
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

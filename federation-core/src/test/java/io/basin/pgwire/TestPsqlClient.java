package io.basin.pgwire;

import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * The real {@code psql} against Basin's wire server, with the same psql against PostgreSQL 17
 * as the oracle: both servers get the same tables from the same script, then every test runs
 * the same psql command line against both and compares what psql prints. Error messages are
 * Basin's own, so for errors the SQLSTATE (psql's {@code VERBOSITY verbose}), the exit code and
 * the error position psql draws are compared, not the message text.
 *
 * <p>psql's catalog commands ({@code \d}, {@code \l}, ...) are in {@link TestPsqlCatalogCommands}.
 */
@TestInstance(PER_CLASS)
final class TestPsqlClient
{
    private static final String SCHEMA = "psql_client";

    /** The tables of every test, created in both servers; {@code :tpch} is the schema of the TPC-H tiny tables. */
    private static final String SETUP = """
            CREATE SCHEMA psql_client;
            CREATE TABLE nation AS SELECT * FROM :tpch.nation;
            CREATE TABLE region AS SELECT * FROM :tpch.region;
            CREATE TABLE items (id integer, name varchar(30), amount decimal(10,2), shipped date, flag boolean, big bigint);
            INSERT INTO items VALUES (1, 'plain', 12.50, DATE '2024-02-29', true, 9000000000);
            INSERT INTO items VALUES (2, 'tab\tand\\back', -0.01, DATE '1999-12-31', false, -1);
            INSERT INTO items VALUES (3, CAST(NULL AS varchar(30)), CAST(NULL AS decimal(10,2)), CAST(NULL AS date), CAST(NULL AS boolean), CAST(NULL AS bigint));
            INSERT INTO items VALUES (4, 'Zürich ☃ 𝄞', 0.00, DATE '2000-01-01', true, 0), (5, 'quote '' and "double" | bar', 99999999.99, DATE '1970-01-01', false, -9223372036854775808);
            CREATE TABLE readings (id integer, ratio double precision, r real, ts timestamp);
            INSERT INTO readings VALUES (1, 0.1, 1.5, TIMESTAMP '2024-02-29 10:00:00'), (2, 1e20, -2.5e-7, TIMESTAMP '1999-12-31 23:59:59.999999');
            INSERT INTO readings VALUES (3, -123456.789e-3, 3.25e10, TIMESTAMP '2000-01-01 00:00:00.5'), (4, CAST(NULL AS double precision), CAST(NULL AS real), CAST(NULL AS timestamp));
            """;

    private TestingPgWireServer basin;
    private TestingPsql basinPsql;
    private TestingPsql postgresPsql;
    @TempDir
    static Path scripts;

    @BeforeAll
    void setUp()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        String tpchSchema = TpchPostgresLoader.load(postgres, 0.01);
        postgres.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        basin = new TestingPgWireServer();
        Map<String, String> environment = Map.of("PGOPTIONS", "-c search_path=" + SCHEMA);
        basinPsql = new TestingPsql(new TestingPsql.Target(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, environment));
        postgresPsql = new TestingPsql(new TestingPsql.Target(postgres.getPort(), TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, environment));

        Path setup = script(SETUP);
        TestingPsql.Result onBasin = basinPsql.run("-v", "ON_ERROR_STOP=1", "-v", "tpch=tpch.tiny", "-f", setup.toString());
        TestingPsql.Result onPostgres = postgresPsql.run("-v", "ON_ERROR_STOP=1", "-v", "tpch=" + tpchSchema, "-f", setup.toString());
        assertThat(onPostgres.exitCode()).as("setup on PostgreSQL: %s", onPostgres).isZero();
        assertThat(onBasin.exitCode()).as("setup on Basin: %s", onBasin).isZero();
        assertThat(onBasin.stdout()).isEqualTo(onPostgres.stdout());
        assertThat(onBasin.stderr()).isEmpty();
    }

    @AfterAll
    void tearDown()
    {
        if (basin != null) {
            basin.close();
        }
    }

    @Test
    void testQueriesInUnalignedTuplesOnlyOutput()
    {
        List<String> queries = List.of(
                "SELECT 1",
                "SELECT 1 AS a, 'x' AS b, true AS c, CAST(NULL AS integer) AS d",
                "SELECT * FROM items ORDER BY id",
                "SELECT id, name, length(name), upper(name), name || '!' FROM items ORDER BY id",
                "SELECT id, amount, amount * 2, -amount, amount + 0.005 FROM items ORDER BY id",
                "SELECT id, big, big / 2, CAST(id AS smallint) AS small FROM items WHERE big > -9223372036854775808 ORDER BY id",
                "SELECT id, shipped, extract(year FROM shipped), flag, NOT flag FROM items ORDER BY id",
                "SELECT n_regionkey, count(*), sum(n_nationkey), min(n_name), max(n_name) FROM nation GROUP BY n_regionkey ORDER BY 1",
                "SELECT r_name, count(*) FROM nation JOIN region ON n_regionkey = r_regionkey GROUP BY r_name ORDER BY r_name",
                "SELECT n_name FROM nation WHERE n_name LIKE 'U%' OR n_nationkey IN (0, 3) ORDER BY n_name",
                "SELECT n_nationkey, CASE WHEN n_nationkey % 2 = 0 THEN 'even' ELSE 'odd' END FROM nation ORDER BY 1 LIMIT 5 OFFSET 3",
                "SELECT count(*) FROM nation WHERE n_nationkey < 0",
                "SELECT n_name FROM nation WHERE n_nationkey < 0",
                "SELECT 1 UNION ALL SELECT 2 ORDER BY 1",
                // floating point and timestamps as PostgreSQL writes them (shortest round-trip digits, seconds and fractions)
                "SELECT * FROM readings ORDER BY id",
                "SELECT id, ratio * 3, ratio / 7, CAST(r AS double precision), CAST(ts AS date) FROM readings ORDER BY id",
                "SELECT CAST(0.1 AS double precision) + CAST(0.2 AS double precision), CAST(1 AS double precision) / 3, CAST(1e-5 AS real)");
        for (String query : queries) {
            assertSameOutput("-A", "-t", "-c", query);
        }
    }

    @Test
    void testAlignedOutputWithHeaders()
    {
        // psql aligns numbers right and text left by the column types of RowDescription
        assertSameOutput("-c", "SELECT id, name, amount, shipped, flag, big FROM items ORDER BY id");
        assertSameOutput("-c", "SELECT n_nationkey AS key, n_name AS \"Name\", n_regionkey FROM nation WHERE n_nationkey < 4 ORDER BY 1");
        assertSameOutput("-P", "null=(null)", "-c", "SELECT id, name FROM items ORDER BY id");
        assertSameOutput("-c", "SELECT n_name FROM nation WHERE n_nationkey < 0");
    }

    @Test
    void testOtherOutputFormats()
    {
        assertSameOutput("--csv", "-c", "SELECT * FROM items ORDER BY id");
        assertSameOutput("-H", "-c", "SELECT id, name FROM items ORDER BY id");
        assertSameOutput("-A", "-F", ",", "-R", ";", "-c", "SELECT id, name FROM items ORDER BY id");
    }

    @Test
    void testExpandedOutput()
    {
        assertSameScriptOutput("""
                \\x
                SELECT * FROM items ORDER BY id;
                \\x off
                SELECT count(*) FROM items;
                \\x auto
                SELECT * FROM region ORDER BY r_regionkey;
                """);
        assertSameOutput("-x", "-c", "SELECT * FROM nation WHERE n_nationkey < 3 ORDER BY n_nationkey");
        assertSameOutput("-x", "-A", "-c", "SELECT id, name, amount FROM items ORDER BY id");
    }

    @Test
    void testScriptWithSeveralStatements()
    {
        assertSameScriptOutput("""
                CREATE TABLE script_test (k integer, v varchar(10));
                INSERT INTO script_test VALUES (1, 'one');
                INSERT INTO script_test VALUES (2, 'two'), (3, 'three');
                SELECT * FROM script_test ORDER BY k;
                SELECT count(*) AS n, sum(k) AS total FROM script_test;
                SELECT 1 AS a; SELECT 2 AS b;
                DROP TABLE script_test;
                """);
        // the same script on standard input
        Path script = script("SELECT n_name FROM nation WHERE n_nationkey = 7;\nSELECT r_name FROM region WHERE r_regionkey = 2;\n");
        String text = read(script);
        TestingPsql.Result onBasin = basinPsql.run(Optional.of(text), "-A");
        TestingPsql.Result onPostgres = postgresPsql.run(Optional.of(text), "-A");
        assertSameResult(onBasin, onPostgres);
    }

    @Test
    void testSeveralStatementsInOneCommand()
    {
        // one Query message with three statements: psql prints every result
        assertSameOutput("-c", "SELECT 1 AS a; SELECT 'two' AS b; SELECT count(*) FROM nation");
        assertSameOutput("-c", "SELECT 1 AS a", "-c", "SELECT 2 AS b");
    }

    @Test
    void testErrorsReportSqlState()
    {
        String script = """
                \\set VERBOSITY verbose
                SELECT * FROM no_such_table;
                SELECT no_such_column FROM nation;
                SELECT 1 / 0;
                SELEC 1;
                SELECT CAST('abc' AS integer);
                SELECT no_such_function(1);
                CREATE TABLE nation (x integer);
                SELECT 2147483647 + 1;
                SELECT 'still running' AS after_errors;
                \\echo :ERROR :LAST_ERROR_SQLSTATE
                SELECT 1 / 0;
                \\echo :ERROR :SQLSTATE
                SELECT 1;
                \\echo :ERROR :SQLSTATE :LAST_ERROR_SQLSTATE
                """;
        Path file = script(script);
        TestingPsql.Result onBasin = basinPsql.run("-f", file.toString());
        TestingPsql.Result onPostgres = postgresPsql.run("-f", file.toString());
        assertThat(onBasin.exitCode()).as("%s", onBasin).isEqualTo(onPostgres.exitCode()).isZero();
        assertThat(onBasin.stdout()).isEqualTo(onPostgres.stdout());
        assertThat(errorStates(onBasin.stderr()))
                .as("Basin's stderr: %s", onBasin.stderr())
                .isEqualTo(errorStates(onPostgres.stderr()))
                .containsExactly(
                        "file:2 ERROR 42P01", "file:3 ERROR 42703", "file:4 ERROR 22012", "file:5 ERROR 42601",
                        "file:6 ERROR 22P02", "file:7 ERROR 42883", "file:8 ERROR 42P07", "file:9 ERROR 22003", "file:12 ERROR 22012");
    }

    @Test
    void testErrorPositions()
    {
        // psql draws the statement line and a caret under ErrorResponse's position
        for (String statement : List.of(
                "SELECT * FROM no_such_table",
                "SELECT n_name,\n  no_such_column\nFROM nation",
                "SELEC 1",
                "SELECT n_name FROM nation WHERE no_such_function(n_nationkey) > 1",
                "SELECT 'Zürich ☃', * FROM no_such_table")) {
            TestingPsql.Result onBasin = basinPsql.run("-c", statement);
            TestingPsql.Result onPostgres = postgresPsql.run("-c", statement);
            assertThat(onBasin.exitCode()).isEqualTo(onPostgres.exitCode()).isEqualTo(1);
            assertThat(positionLines(onBasin.stderr())).as("%s%n%s", statement, onBasin).isEqualTo(positionLines(onPostgres.stderr())).isNotEmpty();
        }
    }

    @Test
    void testOnErrorStop()
    {
        Path file = script("""
                SELECT 'before' AS step;
                SELECT * FROM no_such_table;
                SELECT 'after' AS step;
                """);
        TestingPsql.Result onBasin = basinPsql.run("-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-A", "-f", file.toString());
        TestingPsql.Result onPostgres = postgresPsql.run("-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-A", "-f", file.toString());
        // psql exits with 3 when a script stopped at an error
        assertThat(onBasin.exitCode()).as("%s", onBasin).isEqualTo(onPostgres.exitCode()).isEqualTo(3);
        assertThat(onBasin.stdout()).isEqualTo(onPostgres.stdout()).contains("before").doesNotContain("after");
        assertThat(errorStates(onBasin.stderr())).isEqualTo(errorStates(onPostgres.stderr())).containsExactly("file:2 ERROR 42P01");

        // without ON_ERROR_STOP the script goes on, and the exit code is still 0
        TestingPsql.Result continued = basinPsql.run("-A", "-f", file.toString());
        TestingPsql.Result continuedOnPostgres = postgresPsql.run("-A", "-f", file.toString());
        assertThat(continued.exitCode()).isEqualTo(continuedOnPostgres.exitCode()).isZero();
        assertThat(continued.stdout()).isEqualTo(continuedOnPostgres.stdout()).contains("after");

        // -c stops at the first error and exits with 1
        TestingPsql.Result command = basinPsql.run("-v", "ON_ERROR_STOP=1", "-c", "SELECT * FROM no_such_table", "-c", "SELECT 1");
        assertThat(command.exitCode()).isEqualTo(postgresPsql.run("-v", "ON_ERROR_STOP=1", "-c", "SELECT * FROM no_such_table", "-c", "SELECT 1").exitCode()).isEqualTo(1);
        assertThat(command.stdout()).isEmpty();
    }

    @Test
    void testTransactions()
    {
        Path file = script("""
                \\set VERBOSITY verbose
                BEGIN;
                SELECT count(*) FROM nation;
                SELECT * FROM no_such_table;
                SELECT 1;
                ROLLBACK;
                SELECT 2;
                BEGIN;
                SELECT 3;
                COMMIT;
                COMMIT;
                BEGIN;
                BEGIN;
                SELECT 1 / 0;
                END;
                BEGIN TRANSACTION;
                SELECT 4;
                ABORT;
                \\echo :ERROR :LAST_ERROR_SQLSTATE
                """);
        TestingPsql.Result onBasin = basinPsql.run("-A", "-t", "-f", file.toString());
        TestingPsql.Result onPostgres = postgresPsql.run("-A", "-t", "-f", file.toString());
        assertThat(onBasin.exitCode()).isEqualTo(onPostgres.exitCode()).isZero();
        assertThat(onBasin.stdout()).isEqualTo(onPostgres.stdout());
        // the failed block rejects statements with 25P02 until ROLLBACK; COMMIT outside a block and BEGIN inside one warn
        assertThat(errorStates(onBasin.stderr()))
                .as("Basin's stderr: %s", onBasin.stderr())
                .isEqualTo(errorStates(onPostgres.stderr()))
                .containsExactly("file:4 ERROR 42P01", "file:5 ERROR 25P02", "file:11 WARNING 25P01", "file:13 WARNING 25001", "file:14 ERROR 22012");
    }

    @Test
    void testTransactionCommandTags()
    {
        // psql prints each command's tag: the synonyms report PostgreSQL's own words
        Path file = script("""
                START TRANSACTION;
                END;
                START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
                ABORT;
                BEGIN WORK;
                COMMIT WORK;
                BEGIN;
                SELECT 1 / 0;
                END;
                """);
        TestingPsql.Result onBasin = basinPsql.run("-A", "-f", file.toString());
        TestingPsql.Result onPostgres = postgresPsql.run("-A", "-f", file.toString());
        assertThat(onBasin.stdout()).isEqualTo(onPostgres.stdout()).contains("START TRANSACTION", "ROLLBACK");
        assertThat(onBasin.exitCode()).isEqualTo(onPostgres.exitCode());
    }

    @Test
    void testSingleTransactionOption()
    {
        // -1 wraps the script in BEGIN/COMMIT; with ON_ERROR_STOP a failure rolls back
        Path file = script("SELECT 'one' AS a;\nSELECT * FROM no_such_table;\nSELECT 'two' AS b;\n");
        TestingPsql.Result onBasin = basinPsql.run("-1", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-f", file.toString());
        TestingPsql.Result onPostgres = postgresPsql.run("-1", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-f", file.toString());
        assertThat(onBasin.exitCode()).isEqualTo(onPostgres.exitCode()).isEqualTo(3);
        assertThat(onBasin.stdout()).isEqualTo(onPostgres.stdout());
        assertThat(errorStates(onBasin.stderr())).isEqualTo(errorStates(onPostgres.stderr()));

        Path good = script("SELECT 'one' AS a;\nSELECT 'two' AS b;\n");
        assertSameResult(basinPsql.run("-1", "-f", good.toString()), postgresPsql.run("-1", "-f", good.toString()));
    }

    @Test
    void testCopyToStdout()
    {
        assertSameOutput("-c", "\\copy (SELECT * FROM items ORDER BY id) to stdout");
        assertSameOutput("-c", "\\copy (SELECT * FROM items ORDER BY id) to stdout with (format csv, header)");
        assertSameOutput("-c", "\\copy (SELECT id, name FROM items ORDER BY id) to stdout with (format csv, delimiter ';', null 'NULL')");
        assertSameOutput("-c", "COPY (SELECT n_nationkey, n_name, n_comment FROM nation ORDER BY 1) TO STDOUT");
        assertSameOutput("-c", "COPY (SELECT n_nationkey, n_name FROM nation WHERE n_regionkey = 1 ORDER BY 1) TO STDOUT WITH CSV HEADER");
        // psql prints COPY's command tag when the copy went to a file
        Path target = scripts.resolve("items.tsv");
        Path postgresTarget = scripts.resolve("items-postgres.tsv");
        TestingPsql.Result onBasin = basinPsql.run("-c", "\\copy (SELECT * FROM items ORDER BY id) to '" + target + "'");
        TestingPsql.Result onPostgres = postgresPsql.run("-c", "\\copy (SELECT * FROM items ORDER BY id) to '" + postgresTarget + "'");
        assertSameResult(onBasin, onPostgres);
        assertThat(onBasin.stdout()).isEqualTo("COPY 5\n");
        assertThat(read(target)).isEqualTo(read(postgresTarget));
    }

    @Test
    void testVariablesFromResults()
    {
        assertSameScriptOutput("""
                SELECT n_name AS name, n_nationkey AS key FROM nation WHERE n_nationkey = 9 \\gset
                \\echo :name :key
                SELECT count(*) AS c FROM nation \\gset
                \\echo :c :ROW_COUNT
                SELECT n_name FROM nation WHERE n_regionkey = :key - 8 ORDER BY 1 \\g
                SELECT n_nationkey, n_name FROM nation WHERE n_nationkey < 3 ORDER BY 1 \\gx
                \\echo :ROW_COUNT
                """);
    }

    @Test
    void testConnectionErrors()
    {
        TestingPsql basinMissing = new TestingPsql(new TestingPsql.Target(basin.port(), TestingPgWireServer.USER, "no_such_database", Map.of()));
        TestingPsql postgresMissing = new TestingPsql(new TestingPsql.Target(TestingPostgreSqlServer.shared().getPort(), TestingPostgreSqlServer.USER, "no_such_database", Map.of()));
        TestingPsql.Result onBasin = basinMissing.run("-c", "SELECT 1");
        TestingPsql.Result onPostgres = postgresMissing.run("-c", "SELECT 1");
        // psql exits with 2 when it cannot connect, and prints the server's FATAL message
        assertThat(onBasin.exitCode()).isEqualTo(onPostgres.exitCode()).isEqualTo(2);
        assertThat(onBasin.stderr().replace("port " + basin.port(), "port N"))
                .isEqualTo(onPostgres.stderr().replace("port " + TestingPostgreSqlServer.shared().getPort(), "port N"))
                .contains("FATAL:  database \"no_such_database\" does not exist");
    }

    @Test
    void testInterruptCancelsRunningStatement()
            throws Exception
    {
        // Ctrl-C in psql sends a CancelRequest on a new connection; the statement fails with 57014,
        // and psql, running a script, stops with exit code 3
        // generates 600 million rows: minutes of work, streamed, so it holds no memory while it waits to be canceled
        TestingPsql.Result onBasin = interruptScript(basinPsql, "SELECT sum(l_quantity) FROM tpch.sf100.lineitem", () -> basin.server().sessionCount() > 0);
        TestingPsql.Result onPostgres = interruptScript(postgresPsql, "SELECT pg_sleep(600)", () -> postgresRuns("pg_sleep(600)"));
        assertThat(onBasin.exitCode()).as("%s", onBasin).isEqualTo(onPostgres.exitCode()).isEqualTo(3);
        assertThat(onBasin.stdout()).isEqualTo(onPostgres.stdout()).isEmpty();
        assertThat(onBasin.stderr()).startsWith("Cancel request sent\n");
        assertThat(errorStates(onBasin.stderr())).isEqualTo(errorStates(onPostgres.stderr())).containsExactly("file:2 ERROR 57014");
        // the server goes on serving
        assertSameOutput("-A", "-t", "-c", "SELECT count(*) FROM nation");
    }

    /** Runs {@code statement} in a script, interrupts psql once the statement runs, and repeats until psql gives up. */
    private TestingPsql.Result interruptScript(TestingPsql psql, String statement, BooleanSupplier running)
            throws Exception
    {
        Path file = script("\\set VERBOSITY verbose\n" + statement + ";\nSELECT 'after cancel' AS state;\n");
        Process process = psql.start("-A", "-t", "-f", file.toString());
        var stdout = TestingPsql.drain(process.getInputStream());
        var stderr = TestingPsql.drain(process.getErrorStream());
        process.getOutputStream().close();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!running.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // the session may exist a moment before its statement: an interrupt then cancels nothing, so repeat it
        Thread.sleep(200);
        while (process.isAlive() && System.nanoTime() < deadline) {
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start().waitFor();
            process.waitFor(2, TimeUnit.SECONDS);
        }
        return TestingPsql.await(process, stdout, stderr);
    }

    private static boolean postgresRuns(String text)
    {
        try (Connection connection = TestingPostgreSqlServer.shared().createConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND strpos(query, ?) > 0 AND pid <> pg_backend_pid()")) {
            statement.setString(1, text);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertSameOutput(String... arguments)
    {
        assertSameResult(basinPsql.run(arguments), postgresPsql.run(arguments));
    }

    private void assertSameScriptOutput(String script)
    {
        Path file = script(script);
        assertSameResult(basinPsql.run("-f", file.toString()), postgresPsql.run("-f", file.toString()));
    }

    private static void assertSameResult(TestingPsql.Result onBasin, TestingPsql.Result onPostgres)
    {
        assertThat(onPostgres.exitCode()).as("PostgreSQL: %s", onPostgres).isZero();
        assertThat(onBasin.exitCode()).as("Basin: %s", onBasin).isZero();
        assertThat(onBasin.stdout()).as("psql's output from Basin").isEqualTo(onPostgres.stdout());
        assertThat(onBasin.stderr()).as("psql's errors from Basin").isEqualTo(onPostgres.stderr());
    }

    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^psql:[^\\n]*?:(\\d+): (ERROR|WARNING|FATAL|NOTICE):  ([0-9A-Z]{5}): ");

    /** {@code file:LINE SEVERITY SQLSTATE} for each error or warning psql printed in verbose mode. */
    private static List<String> errorStates(String stderr)
    {
        Matcher matcher = ERROR_LINE.matcher(stderr);
        List<String> states = new java.util.ArrayList<>();
        while (matcher.find()) {
            states.add("file:%s %s %s".formatted(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return states;
    }

    /** The {@code LINE n: ...} line and the caret line under it that psql draws from an error's position. */
    private static List<String> positionLines(String stderr)
    {
        List<String> lines = stderr.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("LINE ")) {
                return List.of(lines.get(i), lines.get(i + 1));
            }
        }
        return List.of();
    }

    private Path script(String text)
    {
        try {
            return Files.writeString(Files.createTempFile(scripts, "script-", ".sql"), text, UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file, UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

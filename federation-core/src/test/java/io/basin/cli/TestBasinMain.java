package io.basin.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.basin.cli.CliRun.run;
import static io.basin.cli.CliRun.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code basin sql -e/-f} and the other commands, run in-process with captured output. */
class TestBasinMain
{
    @TempDir
    Path dataDirectory;

    @Test
    void testQuery()
    {
        CliRun run = sql("-e", "SELECT count(*) FROM tpch.tiny.nation");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                 count
                -------
                    25
                (1 row)

                """);
        assertThat(run.status()).isZero();
        assertThat(dataDirectory).isDirectory();
    }

    @Test
    void testSeveralStatements()
    {
        CliRun run = sql("-e", "SELECT 1 AS a; SELECT 'x;y' AS b;\n-- done\n");
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("""
                 a
                ---
                 1
                (1 row)

                  b
                -----
                 x;y
                (1 row)

                """);
    }

    @Test
    void testStatementsWithoutRowsPrintCommandTags()
    {
        CliRun run = sql("-e", """
                CREATE TABLE fruit (name varchar, price double);
                INSERT INTO fruit VALUES ('kiwi', 1.5), ('pear', 2.5);
                CREATE TABLE copy AS SELECT * FROM fruit;
                SELECT name, price FROM copy ORDER BY name;
                DROP TABLE copy""");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                CREATE TABLE
                INSERT 0 2
                SELECT 2
                 name | price
                ------+-------
                 kiwi |   1.5
                 pear |   2.5
                (2 rows)

                DROP TABLE
                """);
    }

    @Test
    void testErrorPrintsSqlStateAndExitsWithOne()
    {
        CliRun run = sql("-e", "SELECT * FROM no_such_table");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("ERROR:  ").contains("no_such_table").endsWith("SQLSTATE: 42P01\n");
    }

    @Test
    void testSyntaxErrorShowsLineAndColumn()
    {
        CliRun run = sql("-e", "SELECT 1 AS a;\nSELECT *\n  FROM WHERE");
        assertThat(run.status()).isEqualTo(1);
        // the first statement ran; the error points into the second, whose lines count from 1, at
        // the token that does not fit (WHERE), as PostgreSQL does
        assertThat(run.out()).contains(" a\n---\n 1\n(1 row)");
        assertThat(run.err()).startsWith("ERROR:  Syntax error at line 2, column 8")
                .contains("\nLINE 2:   FROM WHERE\n" + " ".repeat("LINE 2:   FROM ".length()) + "^\n")
                .endsWith("SQLSTATE: 42601\n");
    }

    @Test
    void testFirstErrorStopsTheScript()
    {
        CliRun run = sql("-e", "SELECT 1 AS first; SELECT 1/0; SELECT 3 AS third");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("first").doesNotContain("third");
        assertThat(run.err()).contains("SQLSTATE: 22012");
    }

    @Test
    void testFileAndErrorLocation(@TempDir Path scripts)
            throws IOException
    {
        Path script = scripts.resolve("script.sql");
        Files.writeString(script, """
                -- a script
                SELECT count(*) AS regions FROM tpch.tiny.region;

                SELECT r_name
                FROM tpch.tiny.region
                WHERE r_nonexistent = 1;
                """);
        CliRun run = sql("-f", script.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("       5\n(1 row)");
        // the unknown column is on line 3 of the statement, which starts on line 4 of the file
        assertThat(run.err()).startsWith("basin:" + script + ":6: ERROR:  ")
                .contains("r_nonexistent")
                .contains("\nLINE 3: WHERE r_nonexistent = 1\n")
                .endsWith("SQLSTATE: 42703\n");
    }

    @Test
    void testExecuteAndFileRunInOrder(@TempDir Path scripts)
            throws IOException
    {
        Path script = scripts.resolve("insert.sql");
        Files.writeString(script, "INSERT INTO t VALUES (1), (2)");
        CliRun run = sql("--format", "csv", "-e", "CREATE TABLE t (a integer)", "-f", script.toString(), "-e", "SELECT sum(a) AS total FROM t");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("total\n3\n");
        assertThat(run.status()).isZero();
    }

    @Test
    void testScriptFromStandardInput()
    {
        CliRun run = runWithInput("SELECT 7 AS n;\nSELECT 8 AS m\n", "sql", "--data-dir", dataDirectory.toString(), "--format=tsv");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("n\n7\nm\n8\n");
        CliRun explicit = runWithInput("SELEC 1;", "sql", "--data-dir", dataDirectory.toString(), "-f", "-");
        assertThat(explicit.status()).isEqualTo(1);
        assertThat(explicit.err()).startsWith("basin:<stdin>:1: ERROR:  ");
    }

    @Test
    void testMissingFile()
    {
        CliRun run = sql("-f", dataDirectory.resolve("missing.sql").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("basin: cannot read ").contains("missing.sql").contains("NoSuchFileException");
    }

    @Test
    void testExplain()
    {
        CliRun run = sql("-e", "EXPLAIN SELECT * FROM tpch.tiny.nation");
        assertThat(run.status()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow().strip()).isEqualTo("QUERY PLAN");
        assertThat(run.out()).contains("TableScan[tpch.tiny.nation").contains("rows)");
    }

    @Test
    void testExplainAnalyze()
    {
        CliRun run = sql("-e", "EXPLAIN ANALYZE SELECT n_regionkey, count(*) FROM tpch.tiny.nation GROUP BY 1");
        assertThat(run.status()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow().strip()).isEqualTo("QUERY PLAN");
        assertThat(run.out()).contains("TableScan[tpch.tiny.nation").containsPattern("rows=\\d+, wall=").contains("Execution Time: ");
    }

    @Test
    void testUsageErrors()
    {
        CliRun unknownCommand = run("frobnicate");
        assertThat(unknownCommand.status()).isEqualTo(2);
        assertThat(unknownCommand.err()).isEqualTo("basin: unknown command 'frobnicate'\nTry 'basin help' for more information.\n");

        CliRun noCommand = run();
        assertThat(noCommand.status()).isEqualTo(2);
        assertThat(noCommand.err()).startsWith("Usage: basin <command>");

        assertThat(run("sql", "--frobnicate").err()).contains("unknown option '--frobnicate'");
        assertThat(run("sql", "-e").err()).contains("option '-e' needs a value");
        assertThat(run("sql", "--format", "xml").err()).contains("Unknown output format 'xml'");
        assertThat(run("sql", "SELECT 1").err()).contains("unexpected argument 'SELECT 1'");
        assertThat(run("sql", "--help=yes").status()).isEqualTo(2);

        assertThat(run("spectrum-worker").err()).contains("spectrum-worker needs --port N");
        assertThat(run("spectrum-worker", "--port", "70000").err()).contains("--port is '70000', expected a number from 0 to 65535");
        assertThat(run("spectrum-worker", "--port", "1", "--threads", "none").status()).isEqualTo(2);
        assertThat(run("spectrum-worker", "--prot", "1").err()).contains("unknown option '--prot'");
        assertThat(run("spectrum-worker", "--port", "0", "--tls-certificate", "worker.pem").err()).contains("needs both --tls-certificate and --tls-key, or neither");
        CliRun missingFiles = run("spectrum-worker", "--port", "0", "--tls-certificate", "no-such.pem", "--tls-key", "no-such.key");
        assertThat(missingFiles.status()).isEqualTo(1);
        assertThat(missingFiles.err()).contains("cannot start the spectrum worker: Cannot read TLS file no-such.pem");
    }

    @Test
    void testServerConfigRejectsBadWorkerLists()
            throws IOException
    {
        Path config = dataDirectory.resolve("server.properties");
        Files.writeString(config, "spectrum.remote-workers = 127.0.0.1:7001, nowhere\n");
        CliRun badAddress = run("server", "--config", config.toString(), "--data-dir", dataDirectory.toString());
        assertThat(badAddress.status()).isEqualTo(2);
        assertThat(badAddress.err()).contains("spectrum.remote-workers: 'nowhere' is not host:port");

        Files.writeString(config, "spectrum.remote-workers = 127.0.0.1:7001\nspectrum.local-fallback = maybe\n");
        CliRun badFallback = run("server", "--config", config.toString(), "--data-dir", dataDirectory.toString());
        assertThat(badFallback.status()).isEqualTo(2);
        assertThat(badFallback.err()).contains("spectrum.local-fallback is 'maybe', expected true or false");

        Files.writeString(config, "spectrum.remote-workers = 127.0.0.1:7001\nspectrum.tls-trusted-certificates = /no/such/ca.pem\n");
        CliRun badTrust = run("server", "--config", config.toString(), "--data-dir", dataDirectory.toString());
        assertThat(badTrust.status()).isEqualTo(2);
        assertThat(badTrust.err()).contains("spectrum.tls-trusted-certificates: cannot read /no/such/ca.pem");
    }

    @Test
    void testHelpAndVersion()
    {
        CliRun help = run("help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("sql").contains("version");
        assertThat(run("help", "sql").out()).contains("--data-dir");
        assertThat(run("help", "spectrum-worker").out()).contains("--port N").contains("spectrum.remote-workers").contains("--tls-certificate FILE, --tls-key FILE");
        assertThat(run("help", "server").out()).contains("spectrum.remote-workers").contains("spectrum.local-fallback").contains("spectrum.tls-trusted-certificates");
        assertThat(run("sql", "--help").out()).contains("--plugin-dir").contains("--format");

        CliRun version = run("version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("Basin ").contains("Java " + Runtime.version().feature());
    }

    @Test
    void testUnloadablePluginDirectory()
    {
        CliRun run = sql("--plugin-dir", dataDirectory.resolve("no-plugins-here").toString(), "-e", "SELECT 1");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("ERROR:  ").contains("SQLSTATE: ");
    }

    private CliRun sql(String... arguments)
    {
        String[] args = new String[arguments.length + 3];
        args[0] = "sql";
        args[1] = "--data-dir";
        args[2] = dataDirectory.toString();
        System.arraycopy(arguments, 0, args, 3, arguments.length);
        return run(args);
    }
}

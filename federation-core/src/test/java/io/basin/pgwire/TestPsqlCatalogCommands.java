package io.basin.pgwire;

import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * psql's catalog commands ({@code \d}, {@code \dt}, {@code \dn}, {@code \l}) against Basin, with
 * the same psql against PostgreSQL 17 as the oracle. psql answers them with queries over
 * {@code pg_catalog} ({@code pg_class}, {@code pg_namespace}, {@code pg_attribute},
 * {@code format_type}, {@code pg_get_userbyid}, ...).
 *
 * <p>Owners differ ({@code basin} and {@code postgres}) and are left out of the comparisons;
 * PostgreSQL's list of databases and schemas holds other tests' entries, so those two are checked
 * for Basin's own.
 */
@TestInstance(PER_CLASS)
final class TestPsqlCatalogCommands
{
    private static final String SCHEMA = "psql_catalog";

    private static final String SETUP = """
            CREATE SCHEMA psql_catalog;
            CREATE TABLE items (id integer, name varchar(30), amount decimal(10,2), shipped date, flag boolean, big bigint);
            CREATE TABLE empty_table (k bigint);
            INSERT INTO items VALUES (1, 'plain', 12.50, DATE '2024-02-29', true, 9000000000);
            """;

    @TempDir
    static Path scripts;

    private TestingPgWireServer basin;
    private TestingPsql basinPsql;
    private TestingPsql postgresPsql;

    @BeforeAll
    void setUp()
            throws IOException
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        postgres.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        basin = new TestingPgWireServer();
        Map<String, String> environment = Map.of("PGOPTIONS", "-c search_path=" + SCHEMA);
        basinPsql = new TestingPsql(new TestingPsql.Target(basin.port(), TestingPgWireServer.USER, TestingPgWireServer.DATABASE, environment));
        postgresPsql = new TestingPsql(new TestingPsql.Target(postgres.getPort(), TestingPostgreSqlServer.USER, TestingPostgreSqlServer.DATABASE, environment));
        Path setup = Files.writeString(scripts.resolve("setup.sql"), SETUP, UTF_8);
        for (TestingPsql psql : List.of(basinPsql, postgresPsql)) {
            TestingPsql.Result result = psql.run("-v", "ON_ERROR_STOP=1", "-f", setup.toString());
            assertThat(result.exitCode()).as("%s", result).isZero();
        }
    }

    @AfterAll
    void tearDown()
    {
        if (basin != null) {
            basin.close();
        }
    }

    @Test
    void testDescribeTable()
    {
        // column names, types as format_type spells them, nullability, defaults
        assertSameOutput("-c", "\\d items");
        assertSameOutput("-c", "\\d psql_catalog.empty_table");
        assertSameOutput("-A", "-c", "\\d items");
    }

    @Test
    void testDescribeTableVerbose()
    {
        // \d+ adds storage, compression, statistics target and description, and the table's
        // options (psql reads the TOAST table's options with array(select ... from unnest(...)))
        assertSameOutput("-c", "\\d+ items");
        assertSameOutput("-c", "\\d+ psql_catalog.empty_table");
        assertSameOutput("-A", "-c", "\\d+ items");
        // no views in either: psql says so
        assertSameOutput("-c", "\\dv+");
    }

    @Test
    void testListTablesVerbose()
    {
        // schema | name | type | owner | persistence | access method | size | description: all but
        // the owner and the size (Basin does not know its tables' size on disk)
        List<String> onBasin = withoutFields(basinPsql.run("-A", "-t", "-c", "\\dt+"), 3, 6);
        List<String> onPostgres = withoutFields(postgresPsql.run("-A", "-t", "-c", "\\dt+"), 3, 6);
        assertThat(onBasin).isEqualTo(onPostgres).hasSize(2);
    }

    @Test
    void testAccessPrivileges()
    {
        // \dp lists column privileges and policies with array_to_string(ARRAY(correlated subquery))
        assertSameOutput("-c", "\\dp");
        assertSameOutput("-c", "\\dp items");
        assertSameOutput("-A", "-t", "-c", "\\z psql_catalog.*");
    }

    @Test
    void testListFunctions()
    {
        // schema | name | result type | argument types | kind: each function Basin lists is listed
        // so by PostgreSQL; where Basin has every overload PostgreSQL has, the lists are the same
        for (String command : List.of("\\df upper", "\\df *trunc*", "\\df s*", "\\df length", "\\df count", "\\df avg", "\\df pg_catalog.l*")) {
            List<String> onBasin = rows(basinPsql.run("-A", "-t", "-c", command));
            List<String> onPostgres = rows(postgresPsql.run("-A", "-t", "-c", command));
            assertThat(onPostgres).as(command).containsAll(onBasin);
            assertThat(onBasin).as(command).isNotEmpty();
        }
        assertThat(rows(basinPsql.run("-A", "-t", "-c", "\\df upper"))).containsExactly("pg_catalog|upper|text|text|func");
        for (String command : List.of("\\df round", "\\df split_part", "\\df initcap", "\\df row_number", "\\df stddev")) {
            assertSameOutput("-c", command);
        }
        // without a pattern only user functions are listed: none
        assertSameOutput("-c", "\\df");
    }

    @Test
    void testListTypes()
    {
        // schema | name: Basin's types are PostgreSQL's (descriptions differ: Basin has none)
        for (String command : List.of("\\dT int*", "\\dT *char*", "\\dT pg_catalog.bool", "\\dTS")) {
            List<String> onBasin = withoutFields(basinPsql.run("-A", "-t", "-c", command), 2);
            List<String> onPostgres = withoutFields(postgresPsql.run("-A", "-t", "-c", command), 2);
            assertThat(onPostgres).as(command).containsAll(onBasin);
            assertThat(onBasin).as(command).isNotEmpty();
        }
        assertThat(withoutFields(basinPsql.run("-A", "-t", "-c", "\\dT int*"), 2)).contains("pg_catalog|integer", "pg_catalog|bigint", "pg_catalog|smallint");
        // without a pattern only user types are listed: none
        assertSameOutput("-c", "\\dT");
    }

    @Test
    void testDescribeMissingTable()
    {
        TestingPsql.Result onBasin = basinPsql.run("-c", "\\d no_such_table");
        TestingPsql.Result onPostgres = postgresPsql.run("-c", "\\d no_such_table");
        assertThat(onBasin.exitCode()).isEqualTo(onPostgres.exitCode());
        assertThat(onBasin.stderr()).isEqualTo(onPostgres.stderr()).contains("Did not find any relation named \"no_such_table\".");
    }

    @Test
    void testListTables()
    {
        // schema | name | type | owner: all but the owner
        for (String command : List.of("\\dt", "\\dt psql_catalog.*", "\\dt item*", "\\d")) {
            List<String> onBasin = withoutLastField(basinPsql.run("-A", "-t", "-c", command));
            List<String> onPostgres = withoutLastField(postgresPsql.run("-A", "-t", "-c", command));
            assertThat(onBasin).as(command).isEqualTo(onPostgres).isNotEmpty();
        }
        assertThat(withoutLastField(basinPsql.run("-A", "-t", "-c", "\\dt"))).containsExactly("psql_catalog|empty_table|table", "psql_catalog|items|table");
    }

    @Test
    void testListSchemas()
    {
        TestingPsql.Result result = basinPsql.run("-A", "-t", "-c", "\\dn");
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout().lines().map(line -> line.split("\\|")[0]).toList()).contains("public", SCHEMA);
    }

    @Test
    void testListDatabases()
    {
        TestingPsql.Result result = basinPsql.run("-A", "-t", "-c", "\\l");
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout().lines().map(line -> line.split("\\|")[0]).toList()).contains("dev");
        // psql -l lists databases without connecting to one of them first
        TestingPsql.Result list = basinPsql.run("-l", "-A", "-t");
        assertThat(list.exitCode()).as("%s", list).isZero();
        assertThat(list.stdout()).contains("dev|");
    }

    private void assertSameOutput(String... arguments)
    {
        TestingPsql.Result onBasin = basinPsql.run(arguments);
        TestingPsql.Result onPostgres = postgresPsql.run(arguments);
        assertThat(onPostgres.exitCode()).as("PostgreSQL: %s", onPostgres).isZero();
        assertThat(onBasin.exitCode()).as("Basin: %s", onBasin).isZero();
        assertThat(onBasin.stdout()).isEqualTo(onPostgres.stdout());
        assertThat(onBasin.stderr()).isEqualTo(onPostgres.stderr());
    }

    private static List<String> rows(TestingPsql.Result result)
    {
        return withoutFields(result);
    }

    private static List<String> withoutFields(TestingPsql.Result result, int... fields)
    {
        if (result.exitCode() != 0) {
            throw new UncheckedIOException(new IOException("psql failed: " + result));
        }
        java.util.Set<Integer> dropped = Arrays.stream(fields).boxed().collect(java.util.stream.Collectors.toSet());
        return result.stdout().lines()
                .map(line -> {
                    String[] values = line.split("\\|", -1);
                    List<String> kept = new java.util.ArrayList<>();
                    for (int i = 0; i < values.length; i++) {
                        if (!dropped.contains(i)) {
                            kept.add(values[i]);
                        }
                    }
                    return String.join("|", kept);
                })
                .sorted()
                .toList();
    }

    private static List<String> withoutLastField(TestingPsql.Result result)
    {
        if (result.exitCode() != 0) {
            throw new UncheckedIOException(new IOException("psql failed: " + result));
        }
        return result.stdout().lines()
                .map(line -> String.join("|", Arrays.asList(line.split("\\|")).subList(0, Math.max(0, line.split("\\|").length - 1))))
                .sorted()
                .toList();
    }
}

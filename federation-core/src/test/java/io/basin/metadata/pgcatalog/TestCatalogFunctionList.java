package io.basin.metadata.pgcatalog;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.basin.metadata.pgcatalog.CatalogRowsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * pg_proc lists only functions Basin has: every row is PostgreSQL's own (same oid, name, kind,
 * result and arguments as PostgreSQL 17 gives for that oid), and Basin answers a call of each
 * with the listed argument types.
 */
class TestCatalogFunctionList
        extends BasePostgresOracleTest
{
    /** A value of each argument type a listed function takes ("any" and anyelement: the column x). */
    private static final Map<Long, String> VALUES = Map.ofEntries(
            Map.entry(16L, "true"), Map.entry(20L, "CAST(7 AS bigint)"), Map.entry(21L, "CAST(7 AS smallint)"), Map.entry(23L, "7"),
            Map.entry(700L, "CAST(2.5 AS real)"), Map.entry(701L, "CAST(2.5 AS double precision)"), Map.entry(1700L, "2.5"),
            Map.entry(25L, "'day'"), Map.entry(1043L, "CAST('day' AS varchar)"), Map.entry(1082L, "DATE '2024-02-29'"),
            Map.entry(1114L, "TIMESTAMP '2024-02-29 10:11:12'"), Map.entry(2276L, "x"), Map.entry(2283L, "x"));

    @Test
    void testRowsArePostgresFunctions()
    {
        List<List<String>> basin = text(session().execute(
                "SELECT oid, proname, prokind, prorettype, pronargs, pg_get_function_result(oid), pg_get_function_arguments(oid) FROM pg_catalog.pg_proc ORDER BY oid"));
        assertThat(basin).hasSize(BuiltinFunctions.all().size()).hasSizeGreaterThan(100);
        List<String> oids = basin.stream().map(row -> row.getFirst()).toList();
        List<List<String>> postgres = text(assertions().queryPostgres(
                "SELECT oid, proname, prokind, prorettype, pronargs, pg_get_function_result(oid), pg_get_function_arguments(oid) FROM pg_catalog.pg_proc " +
                        "WHERE oid IN (" + String.join(", ", oids) + ") ORDER BY oid"));
        assertThat(basin).isEqualTo(postgres);
    }

    @Test
    void testEachFunctionCanBeCalled()
    {
        for (BuiltinFunction function : BuiltinFunctions.all()) {
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < function.argumentTypes().size(); i++) {
                long type = function.argumentTypes().get(i);
                // date_part and date_trunc take a unit first
                arguments.add(i == 0 && type == 25L && function.name().startsWith("date_") ? "'day'" : VALUES.get(type));
            }
            String call = function.name() + "(" + (function.name().equals("count") && arguments.isEmpty() ? "*" : String.join(", ", arguments)) + ")";
            String sql = switch (function.kind()) {
                case 'a' -> "SELECT " + call + " FROM (VALUES (1)) t(x)";
                case 'w' -> "SELECT " + call + " OVER (ORDER BY x) FROM (VALUES (1)) t(x)";
                default -> "SELECT " + call + " FROM (VALUES (1)) t(x)";
            };
            if (function.name().equals("version")) {
                // Basin's version text is its own: the call is answered, with one row
                assertThat(session().execute(sql).rows()).hasSize(1);
                continue;
            }
            assertQuery(sql);
        }
    }
}

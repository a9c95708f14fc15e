package io.basin.metadata.pgcatalog;

import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.basin.metadata.pgcatalog.CatalogRowsAssert.columns;
import static io.basin.metadata.pgcatalog.CatalogRowsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements pgjdbc 42.7.8 sends for DatabaseMetaData (getSchemas, getCatalogs, getTables,
 * getColumns, getPrimaryKeys, getImportedKeys, getIndexInfo, getTypeInfo), for its type cache and
 * for ResultSetMetaData run on Basin. Where the answer is structural it matches PostgreSQL's for
 * the same table: getColumns' raw rows (type oid, type modifier, length, nullability, position)
 * are what the driver derives TYPE_NAME, DATA_TYPE, COLUMN_SIZE, DECIMAL_DIGITS and NULLABLE from.
 */
class TestJdbcCatalogQueries
        extends BasePostgresOracleTest
{
    private static final String PGJDBC = "pgjdbc/";
    private final String postgresSchema = getClass().getSimpleName().toLowerCase(Locale.ENGLISH);

    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE jdbc_items (id integer NOT NULL, name varchar(20), price numeric(10,2), d date, ts timestamp, flag boolean, " +
                "big bigint, r real, f double precision, s smallint, txt text, code varchar(3) NOT NULL)");
        executeInBoth("CREATE TABLE jdbc_other (a integer)");
    }

    private static String literal(String value)
    {
        return "'" + value.replace("'", "''") + "'";
    }

    private List<List<String>> basin(String file, String... parameters)
    {
        return text(session().execute(statement(file, parameters)));
    }

    private List<List<String>> postgres(String file, String... parameters)
    {
        return text(assertions().queryPostgres(statement(file, parameters)));
    }

    private static String statement(String file, String... parameters)
    {
        Map<String, String> values = new LinkedHashMap<>();
        // $10 before $1
        for (int i = parameters.length; i >= 1; i--) {
            values.put("$" + i, literal(parameters[i - 1]));
        }
        List<String> statements = CatalogQueryFile.load(PGJDBC + file, values);
        return statements.getLast();
    }

    @Test
    void testGetColumns()
    {
        List<List<String>> basin = basin("get-columns.sql", "public", "jdbc_items", "%");
        List<List<String>> postgres = postgres("get-columns.sql", postgresSchema, "jdbc_items", "%");
        // all but current_database and nspname: relname, attname, atttypid, attnotnull, atttypmod,
        // attlen, typtypmod, attnum, attidentity, attgenerated, adsrc, description, typbasetype, typtype
        int[] structural = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        assertThat(basin).hasSize(12);
        assertThat(columns(basin, structural)).isEqualTo(columns(postgres, structural));
        assertThat(columns(basin, 0, 1)).containsOnly(List.of("dev", "public"));
        // a column pattern
        assertThat(columns(basin("get-columns.sql", "public", "jdbc_items", "n%"), 3)).containsExactly(List.of("name"));
    }

    @Test
    void testGetColumnsOfOtherCatalogs()
    {
        // TPC-H's nation: identifiers, name char(25), comment varchar(152), none NULL (the tpch
        // connector declares the texts as varchar(25) and varchar(152))
        List<List<String>> basin = basin("get-columns.sql", "tpch.tiny", "nation", "%");
        assertThat(columns(basin, 3, 4, 5, 6)).containsExactly(
                List.of("n_nationkey", "20", "true", "-1"),
                List.of("n_name", "1043", "true", String.valueOf(25 + 4)),
                List.of("n_regionkey", "20", "true", "-1"),
                List.of("n_comment", "1043", "true", String.valueOf(152 + 4)));
    }

    @Test
    void testGetTables()
    {
        int[] names = {2, 3, 4};
        assertThat(columns(basin("get-tables.sql", "public", "%"), names))
                .isEqualTo(columns(postgres("get-tables.sql", postgresSchema, "%"), names))
                .containsExactly(java.util.Arrays.asList("jdbc_items", "TABLE", null), java.util.Arrays.asList("jdbc_other", "TABLE", null));
        // every schema: a name pattern
        assertThat(columns(basin("get-tables-all-schemas.sql", "jdbc_items"), 1, 2, 3)).isEqualTo(columns(postgres("get-tables-all-schemas.sql", "jdbc_items"), 1, 2, 3).stream()
                .map(row -> List.of(row.get(0).equals(postgresSchema) ? "public" : row.get(0), row.get(1), row.get(2))).toList());
        // the catalog views are system views, as in PostgreSQL
        assertThat(columns(basin("get-tables-all-schemas.sql", "pg_class"), 1, 2, 3)).isEqualTo(columns(postgres("get-tables-all-schemas.sql", "pg_class"), 1, 2, 3));
        assertThat(columns(basin("get-tables-all-schemas.sql", "columns"), 1, 2, 3)).isEqualTo(columns(postgres("get-tables-all-schemas.sql", "columns"), 1, 2, 3));
    }

    @Test
    void testGetSchemas()
    {
        List<List<String>> basin = basin("get-schemas.sql");
        assertThat(basin).contains(List.of("information_schema", "dev"), List.of("pg_catalog", "dev"), List.of("public", "dev"), List.of("tpch.tiny", "dev"));
        List<String> names = basin.stream().map(List::getFirst).toList();
        assertThat(names).isSorted();
        assertThat(columns(basin("get-schemas-pattern.sql", "pub%"), 0)).isEqualTo(columns(postgres("get-schemas-pattern.sql", "pub%"), 0));
        assertThat(columns(basin("get-schemas-pattern.sql", "tpch.%"), 0)).contains(List.of("tpch.tiny"), List.of("tpch.sf1"));
    }

    @Test
    void testGetCatalogs()
    {
        // the database clients connect to; the other catalogs are reached through its namespaces
        assertThat(basin("get-catalogs.sql")).containsExactly(List.of("dev"));
    }

    @Test
    void testKeysAndIndexes()
    {
        // Basin has no primary keys, foreign keys or indexes; the PostgreSQL table has none either
        assertThat(basin("get-primary-keys.sql", "public", "jdbc_items")).isEqualTo(postgres("get-primary-keys.sql", postgresSchema, "jdbc_items")).isEmpty();
        List<String> importedKeys = CatalogQueryFile.load(PGJDBC + "get-imported-keys.sql", Map.of());
        assertThat(text(session().execute(importedKeys.getFirst()))).isEqualTo(text(assertions().queryPostgres(importedKeys.getFirst())));
        assertThat(basin("get-imported-keys.sql", "public", "jdbc_items")).isEqualTo(postgres("get-imported-keys.sql", postgresSchema, "jdbc_items")).isEmpty();
        assertThat(basin("get-index-info.sql", "public", "jdbc_items")).isEqualTo(postgres("get-index-info.sql", postgresSchema, "jdbc_items")).isEmpty();
    }

    @Test
    void testTypeInfo()
    {
        // every type Basin lists is PostgreSQL's, with its oid, kind and array flag
        List<String> statements = CatalogQueryFile.load(PGJDBC + "get-type-info.sql", Map.of());
        for (String statement : statements) {
            List<List<String>> basin = text(session().execute(statement));
            List<List<String>> postgres = text(assertions().queryPostgres(statement));
            assertThat(basin).hasSizeGreaterThan(80);
            assertThat(postgres).containsAll(basin);
        }
        // the type cache's lookup of one oid (pgjdbc binds it)
        String lookup = statements.getLast().replace("ORDER BY sp.r", "WHERE pg_type.oid = 1043 ORDER BY sp.r");
        assertThat(text(session().execute(lookup))).isEqualTo(text(assertions().queryPostgres(lookup))).containsExactly(List.of("false", "b", "varchar", "1043"));
    }

    @Test
    void testResultSetMetadata()
    {
        String basinOid = text(session().execute("SELECT c.oid FROM pg_catalog.pg_class c WHERE c.relname = 'jdbc_items'")).getFirst().getFirst();
        String postgresOid = text(assertions().queryPostgres("SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
                "WHERE c.relname = 'jdbc_items' AND n.nspname = '" + postgresSchema + "'")).getFirst().getFirst();
        List<List<String>> basin = text(session().execute(CatalogQueryFile.load(PGJDBC + "result-set-metadata.sql", Map.of("${oid}", basinOid)).getFirst()));
        List<List<String>> postgres = text(assertions().queryPostgres(CatalogQueryFile.load(PGJDBC + "result-set-metadata.sql", Map.of("${oid}", postgresOid)).getFirst()));
        // attnum, attname, relname, not-null, auto-increment
        assertThat(sorted(columns(basin, 1, 2, 3, 5, 6))).isEqualTo(sorted(columns(postgres, 1, 2, 3, 5, 6))).hasSize(12);
    }

    private static List<List<String>> sorted(List<List<String>> rows)
    {
        List<List<String>> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(row -> Integer.parseInt(row.getFirst())));
        return sorted;
    }
}

package io.basin.metadata.pgcatalog;

import io.basin.embedded.QueryResult;
import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.basin.metadata.pgcatalog.CatalogRowsAssert.columns;
import static io.basin.metadata.pgcatalog.CatalogRowsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact statements psql 15 sends for {@code \l}, {@code \dn}, {@code \dt}, {@code \d} and
 * {@code \d table} (captured with {@code psql -E}) run on Basin, and where the answer is
 * structural it matches PostgreSQL's for the same tables: names, relation kinds, the column
 * listing of {@code \d table} (type text from format_type, nullability). Basin's tables live in
 * {@code public}; PostgreSQL's in this class's schema, which is its search path.
 */
class TestPsqlCatalogQueries
        extends BasePostgresOracleTest
{
    private static final String PSQL = "psql15/";
    private final String postgresSchema = getClass().getSimpleName().toLowerCase(java.util.Locale.ENGLISH);

    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE psql_items (id integer NOT NULL, name varchar(20), price numeric(10,2), d date, ts timestamp, flag boolean, " +
                "big bigint, r real, f double precision, s smallint, txt text, code varchar(3) NOT NULL)");
        executeInBoth("CREATE TABLE psql_events (a integer, b text)");
        session().execute("CREATE SCHEMA other");
        session().execute("CREATE TABLE other.psql_other (x integer)");
        assertions().executeOnPostgres("DROP SCHEMA IF EXISTS " + postgresSchema + "_other CASCADE");
        assertions().executeOnPostgres("CREATE SCHEMA " + postgresSchema + "_other");
        assertions().executeOnPostgres("CREATE TABLE " + postgresSchema + "_other.psql_other (x integer)");
    }

    @Test
    void testListTables()
    {
        String sql = CatalogQueryFile.load(PSQL + "list-tables.sql");
        List<List<String>> basin = text(session().execute(sql));
        assertThat(columns(basin, 1, 2)).isEqualTo(columns(text(assertions().queryPostgres(sql)), 1, 2));
        assertThat(columns(basin, 1, 2)).containsExactly(List.of("psql_events", "table"), List.of("psql_items", "table"));
        // Basin's own: the schema is public, every table is owned by the bootstrap role
        assertThat(columns(basin, 0, 3)).containsOnly(List.of("public", "basin"));
    }

    @Test
    void testListRelations()
    {
        String sql = CatalogQueryFile.load(PSQL + "list-relations.sql");
        assertThat(columns(text(session().execute(sql)), 1, 2)).isEqualTo(columns(text(assertions().queryPostgres(sql)), 1, 2));
    }

    @Test
    void testListTablesOfSchemaPattern()
    {
        List<List<String>> basin = text(session().execute(CatalogQueryFile.load(PSQL + "list-tables-in-schema.sql", Map.of("${schema}", "other")).getFirst()));
        List<List<String>> postgres = text(assertions().queryPostgres(CatalogQueryFile.load(PSQL + "list-tables-in-schema.sql", Map.of("${schema}", postgresSchema + "_other")).getFirst()));
        assertThat(columns(basin, 1, 2)).isEqualTo(columns(postgres, 1, 2)).containsExactly(List.of("psql_other", "table"));

        // \dt "tpch.tiny".* : another catalog's schema under the name \dn shows
        List<List<String>> tpch = text(session().execute(CatalogQueryFile.load(PSQL + "list-tables-in-schema.sql", Map.of("${schema}", "tpch\\.tiny")).getFirst()));
        assertThat(columns(tpch, 0, 1)).containsExactly(
                List.of("tpch.tiny", "customer"), List.of("tpch.tiny", "lineitem"), List.of("tpch.tiny", "nation"), List.of("tpch.tiny", "orders"),
                List.of("tpch.tiny", "part"), List.of("tpch.tiny", "partsupp"), List.of("tpch.tiny", "region"), List.of("tpch.tiny", "supplier"));
    }

    @Test
    void testDescribeTable()
    {
        for (String table : List.of("psql_items", "psql_events")) {
            List<String> basinQueries = CatalogQueryFile.load(PSQL + "describe-table.sql", Map.of("${table}", table));
            // 1: find the table by name among the visible ones
            List<List<String>> basinTable = text(session().execute(basinQueries.getFirst()));
            List<List<String>> postgresTable = text(assertions().queryPostgres(basinQueries.getFirst()));
            assertThat(columns(basinTable, 2)).isEqualTo(columns(postgresTable, 2)).containsExactly(List.of(table));
            assertThat(basinTable.getFirst().get(1)).isEqualTo("public");
            String basinOid = basinTable.getFirst().getFirst();
            String postgresOid = postgresTable.getFirst().getFirst();
            List<String> basinDetails = CatalogQueryFile.load(PSQL + "describe-table.sql", Map.of("${table}", table, "${oid}", basinOid));
            List<String> postgresDetails = CatalogQueryFile.load(PSQL + "describe-table.sql", Map.of("${table}", table, "${oid}", postgresOid));
            // 2: the table's kind and flags; 3: its columns (type text, default, not null, collation);
            // then indexes, policies, statistics, publications, inheritance: none in both
            for (int i = 1; i < basinDetails.size(); i++) {
                QueryResult basin = session().execute(basinDetails.get(i));
                assertThat(text(basin))
                        .as("psql's query %d of \\d %s: %s", i + 1, table, basinDetails.get(i))
                        .isEqualTo(text(assertions().queryPostgres(postgresDetails.get(i))));
            }
        }
    }

    @Test
    void testDescribeTableColumnListing()
    {
        String oid = text(session().execute(CatalogQueryFile.load(PSQL + "describe-table.sql", Map.of("${table}", "psql_items")).getFirst())).getFirst().getFirst();
        String columnsQuery = CatalogQueryFile.load(PSQL + "describe-table.sql", Map.of("${table}", "psql_items", "${oid}", oid)).get(2);
        assertThat(columns(text(session().execute(columnsQuery)), 0, 1, 3)).containsExactly(
                List.of("id", "integer", "true"),
                List.of("name", "character varying(20)", "false"),
                List.of("price", "numeric(10,2)", "false"),
                List.of("d", "date", "false"),
                List.of("ts", "timestamp without time zone", "false"),
                List.of("flag", "boolean", "false"),
                List.of("big", "bigint", "false"),
                List.of("r", "real", "false"),
                List.of("f", "double precision", "false"),
                List.of("s", "smallint", "false"),
                List.of("txt", "text", "false"),
                List.of("code", "character varying(3)", "true"));
    }

    @Test
    void testListSchemas()
    {
        String sql = CatalogQueryFile.load(PSQL + "list-schemas.sql");
        List<List<String>> basin = text(session().execute(sql));
        // as in PostgreSQL, pg_catalog and information_schema are left out; other catalogs' schemas are in
        assertThat(basin).contains(List.of("public", "basin"), List.of("other", "basin"), List.of("tpch.tiny", "basin"), List.of("system.runtime", "basin"));
        assertThat(columns(basin, 0)).doesNotContain(List.of("pg_catalog"), List.of("information_schema"));
        assertThat(columns(text(assertions().queryPostgres(sql)), 0)).contains(List.of(postgresSchema)).doesNotContain(List.of("pg_catalog"), List.of("information_schema"));
    }

    @Test
    void testListDatabases()
    {
        // PostgreSQL 17 renamed daticulocale, which psql 15 reads from a version-15 server: Basin only
        List<List<String>> basin = text(session().execute(CatalogQueryFile.load(PSQL + "list-databases.sql")));
        assertThat(basin).containsExactly(
                java.util.Arrays.asList("dev", "basin", "UTF8", "C", "C", null, "libc", null),
                java.util.Arrays.asList("lake", "basin", "UTF8", "C", "C", null, "libc", null),
                java.util.Arrays.asList("memory", "basin", "UTF8", "C", "C", null, "libc", null),
                java.util.Arrays.asList("system", "basin", "UTF8", "C", "C", null, "libc", null),
                java.util.Arrays.asList("tpch", "basin", "UTF8", "C", "C", null, "libc", null));
    }
}

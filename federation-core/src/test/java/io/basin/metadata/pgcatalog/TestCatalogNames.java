package io.basin.metadata.pgcatalog;

import io.basin.error.BasinException;
import io.basin.testing.BasePostgresOracleTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.basin.metadata.pgcatalog.CatalogRowsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How Basin's catalogs appear in pg_catalog and information_schema, and that the names shown
 * work when written back: the local database's schemas as themselves, every other catalog's
 * schemas as namespaces {@code catalog.schema}; pg_catalog searched first, unqualified or
 * qualified. information_schema's columns and tables match PostgreSQL's for the same table.
 */
class TestCatalogNames
        extends BasePostgresOracleTest
{
    @Override
    protected void createTables()
    {
        executeInBoth("CREATE TABLE names_t (id integer NOT NULL, label varchar(30), amount numeric(12,3), ratio double precision, small smallint, " +
                "note text, created timestamp, day date, ok boolean, big bigint, score real)");
    }

    private List<List<String>> query(String sql)
    {
        return text(session().execute(sql));
    }

    @Test
    void testNamesWrittenBack()
    {
        // TPC-H's nation table has 25 rows, under every name that reaches it
        for (String name : List.of("tpch.tiny.nation", "\"tpch.tiny\".nation", "dev.\"tpch.tiny\".nation", "\"tpch.tiny\".\"nation\"")) {
            assertThat(query("SELECT count(*) FROM " + name)).as(name).containsExactly(List.of("25"));
        }
        assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'tpch.tiny'")).containsExactly(List.of("8"));
        assertThat(query("SELECT DISTINCT table_catalog FROM information_schema.tables")).containsExactly(List.of("dev"));
        assertThat(query("SELECT catalog_name, schema_name, schema_owner FROM information_schema.schemata WHERE schema_name IN ('public', 'tpch.tiny', 'pg_catalog')"))
                .containsExactlyInAnyOrder(List.of("dev", "pg_catalog", "basin"), List.of("dev", "public", "basin"), List.of("dev", "tpch.tiny", "basin"));
        // a namespace's tables in pg_class
        assertThat(query("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'tpch.tiny' AND c.relname LIKE 'n%'"))
                .containsExactly(List.of("nation"));
    }

    @Test
    void testSearchPath()
    {
        session().execute("SET search_path = \"tpch.tiny\"");
        try {
            assertThat(query("SELECT count(*) FROM nation")).containsExactly(List.of("25"));
            assertThat(query("SELECT current_schema()")).containsExactly(List.of("tpch.tiny"));
            assertThat(query("SELECT count(*) FROM pg_catalog.pg_class c WHERE pg_table_is_visible(c.oid) AND c.relname = 'nation'")).containsExactly(List.of("1"));
        }
        finally {
            session().execute("RESET search_path");
        }
        assertThatThrownBy(() -> session().execute("SELECT count(*) FROM nation"))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("42P01"));
    }

    @Test
    void testCatalogSchemasResolve()
    {
        String count = query("SELECT count(*) FROM pg_catalog.pg_class").getFirst().getFirst();
        assertThat(Integer.parseInt(count)).isGreaterThan(60);
        for (String name : List.of("pg_class", "dev.pg_catalog.pg_class", "PG_CATALOG.PG_CLASS")) {
            assertThat(query("SELECT count(*) FROM " + name)).as(name).containsExactly(List.of(count));
        }
        assertThat(query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'names_t'")).containsExactly(List.of("11"));
        // pg_catalog comes first on the path unless the path lists it later
        session().execute("CREATE TABLE pg_am (mine integer)");
        try {
            assertThat(query("SELECT amname FROM pg_am ORDER BY 1")).containsExactly(List.of("btree"), List.of("heap"));
            session().execute("SET search_path = public, pg_catalog");
            assertThat(session().execute("SELECT mine FROM pg_am").rows()).isEmpty();
        }
        finally {
            session().execute("RESET search_path");
            session().execute("DROP TABLE public.pg_am");
        }
    }

    @Test
    void testObjectIdsAreStable()
    {
        String first = query("SELECT 'names_t'::regclass").getFirst().getFirst();
        session().execute("CREATE TABLE names_other (x integer)");
        assertThat(query("SELECT c.oid FROM pg_catalog.pg_class c WHERE c.relname = 'names_t'")).containsExactly(List.of(first));
        assertThat(query("SELECT count(DISTINCT oid), count(*) FROM pg_catalog.pg_class")).allSatisfy(row -> assertThat(row.get(0)).isEqualTo(row.get(1)));
    }

    @Test
    void testInformationSchemaColumns()
    {
        assertQuery("SELECT column_name, ordinal_position, is_nullable, data_type, character_maximum_length, character_octet_length, numeric_precision, " +
                "numeric_precision_radix, numeric_scale, datetime_precision, udt_name, dtd_identifier, is_updatable, is_identity, is_generated, column_default " +
                "FROM information_schema.columns WHERE table_name = 'names_t' ORDER BY ordinal_position");
    }

    @Test
    void testInformationSchemaTables()
    {
        assertQuery("SELECT table_name, table_type, is_insertable_into, is_typed FROM information_schema.tables WHERE table_name IN ('names_t', 'pg_class', 'pg_tables', 'columns')");
        assertQuery("SELECT table_schema, table_name, check_option FROM information_schema.views WHERE table_name IN ('pg_tables', 'pg_roles', 'tables', 'columns')");
        assertQuery("SELECT schemaname, tablename, hasrules, hastriggers, rowsecurity FROM pg_catalog.pg_tables WHERE tablename IN ('pg_class', 'pg_type', 'names_t')", "SELECT CASE WHEN schemaname = 'pg_catalog' THEN schemaname ELSE 'public' END, tablename, hasrules, hastriggers, rowsecurity FROM pg_catalog.pg_tables WHERE tablename IN ('pg_class', 'pg_type', 'names_t')");
    }
}

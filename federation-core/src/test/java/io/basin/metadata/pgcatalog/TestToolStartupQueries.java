package io.basin.metadata.pgcatalog;

import io.basin.embedded.QueryResult;
import io.basin.testing.TestingBasin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static io.basin.metadata.pgcatalog.CatalogRowsAssert.columns;
import static io.basin.metadata.pgcatalog.CatalogRowsAssert.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/** The statements DBeaver sends when it connects and lists a schema run on Basin and describe Basin's objects. */
@TestInstance(PER_CLASS)
class TestToolStartupQueries
{
    private TestingBasin basin;

    @BeforeAll
    void setUp()
    {
        basin = new TestingBasin();
        basin.execute("CREATE TABLE tool_t (id integer NOT NULL, name varchar(10))");
    }

    @AfterAll
    void tearDown()
    {
        basin.close();
    }

    @Test
    void testDbeaver()
    {
        List<String> statements = CatalogQueryFile.load("tools/dbeaver.sql", Map.of(
                "${database}", "'dev'",
                "${namespace}", String.valueOf(PgCatalogSnapshot.PUBLIC_OID),
                "${catalog_namespace}", String.valueOf(PgCatalogSnapshot.PG_CATALOG_OID)));
        assertThat(statements).hasSize(15);
        for (String statement : statements) {
            // each runs
            basin.execute(statement);
        }
        assertThat(text(basin.execute(find(statements, "current_schema(),session_user")))).containsExactly(List.of("public", "basin"));
        assertThat(text(basin.execute(find(statements, "reset_val")))).containsExactly(List.of("\"$user\", public"));
        assertThat(columns(text(basin.execute(find(statements, "pg_catalog.pg_database db"))), 2)).containsExactly(List.of("dev"));
        QueryResult attributes = basin.execute(find(statements, "a.*,pg_catalog.pg_get_expr(ad.adbin"));
        assertThat(columns(text(attributes), 0, 2)).containsExactly(List.of("tool_t", "id"), List.of("tool_t", "name"));
        QueryResult tables = basin.execute(find(statements, "c.oid,c.*,d.description"));
        assertThat(text(tables).stream().map(row -> row.get(2)).toList()).containsExactly("tool_t");
        assertThat(text(basin.execute(find(statements, "pg_catalog.pg_stat_activity"))).getFirst().subList(1, 3))
                .containsExactly("dev", String.valueOf(text(basin.execute("SELECT pg_backend_pid()")).getFirst().getFirst()));
    }

    private static String find(List<String> statements, String fragment)
    {
        return statements.stream().filter(statement -> statement.contains(fragment)).findFirst().orElseThrow(() -> new AssertionError("no statement with " + fragment));
    }
}

package io.basin.warehouse;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column defaults of warehouse tables ({@code CREATE TABLE ... DEFAULT}, {@code ALTER TABLE ADD
 * COLUMN ... DEFAULT}) for INSERTs that leave columns out, the {@code DEFAULT} keyword in VALUES
 * and {@code INSERT ... DEFAULT VALUES}: the same statements run in PostgreSQL, whose table must
 * end up with the same rows, also after Basin reopens its data directory (the defaults live in the
 * manifest). Time defaults ({@code getdate()}, {@code current_timestamp}) are checked against the
 * clock around the statement.
 */
class TestWarehouseColumnDefaults
{
    private static final String SCHEMA = "warehouse_defaults";

    @TempDir
    Path directory;

    @Test
    void testDefaultsMatchPostgres()
            throws Exception
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        postgres.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        try (QueryAssertions assertions = new QueryAssertions(postgres, SCHEMA)) {
            try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory));
                    BasinSession session = basin.newSession()) {
                for (String sql : List.of(
                        "CREATE TABLE items (a int, b int DEFAULT 5, c varchar(20) DEFAULT 'web', d decimal(10, 2) DEFAULT 2.5 * 3, e date DEFAULT DATE '2024-02-29', f bigint)",
                        "INSERT INTO items (a) VALUES (1), (2)",
                        "INSERT INTO items (a, c) VALUES (3, 'store')",
                        "INSERT INTO items VALUES (4, DEFAULT, DEFAULT, 1.25, DEFAULT, 7)",
                        "INSERT INTO items (a, b) VALUES (5, DEFAULT), (6, 60)",
                        "INSERT INTO items (f, a) VALUES (DEFAULT, 8)",
                        "INSERT INTO items DEFAULT VALUES",
                        "INSERT INTO items (a, f) SELECT a + 100, a FROM items WHERE a <= 3",
                        // a default for the rows already there (Redshift rewrites them) and for later ones
                        "ALTER TABLE items ADD COLUMN g varchar(10) DEFAULT 'new'",
                        "INSERT INTO items (a) VALUES (9)")) {
                    assertions.executeInBoth(session, sql);
                    assertions.assertQuery(session, "SELECT * FROM items");
                }
                // the defaults were really used, not only NULL on both sides
                assertions.assertQuery(session, "SELECT count(*) FROM items WHERE b = 5 AND c = 'web' AND d = 7.5 AND e = DATE '2024-02-29'");
                assertThat((Long) session.execute("SELECT count(*) FROM items WHERE b = 5 AND c = 'web' AND d = 7.5 AND e = DATE '2024-02-29' AND g = 'new'").onlyValue()).isGreaterThan(5);
            }
            // kept in the manifest: the reopened table still fills them in
            try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory));
                    BasinSession session = basin.newSession()) {
                assertions.executeInBoth(session, "INSERT INTO items (a, c) VALUES (10, 'again')");
                assertions.executeInBoth(session, "INSERT INTO items DEFAULT VALUES");
                assertions.assertQuery(session, "SELECT * FROM items");
            }
        }
    }

    @Test
    void testTimeDefaultsTakeTheStatementTime()
    {
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory));
                BasinSession session = basin.newSession()) {
            session.execute("CREATE TABLE stamped (id int, at timestamp DEFAULT getdate(), now_at timestamp DEFAULT current_timestamp) SORTKEY (id)");
            ZoneId zone = ZoneId.of((String) session.execute("SHOW timezone").onlyValue());
            LocalDateTime before = LocalDateTime.now(zone).minusSeconds(1);
            session.execute("INSERT INTO stamped (id) VALUES (1), (2), (3)");
            LocalDateTime after = LocalDateTime.now(zone).plusSeconds(1);
            List<List<Object>> rows = session.execute("SELECT at, now_at FROM stamped").rows();
            assertThat(rows).hasSize(3);
            LocalDateTime first = (LocalDateTime) rows.getFirst().getFirst();
            assertThat(first).isBetween(before, after);
            for (List<Object> row : rows) {
                // one time per statement, as PostgreSQL's now()
                assertThat(row.get(0)).isEqualTo(first);
                assertThat((LocalDateTime) row.get(1)).isBetween(before, after);
            }
        }
    }
}

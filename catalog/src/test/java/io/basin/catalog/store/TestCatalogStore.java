package io.basin.catalog.store;

import io.basin.catalog.CatalogErrorCode;
import io.basin.catalog.CatalogException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCatalogStore
{
    private static final CatalogMigration CREATE_ITEMS = CatalogMigration.ofStatements(1, "items", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT");
    private static final CatalogMigration ADD_COLOR = CatalogMigration.ofStatements(2, "item color", "ALTER TABLE items ADD COLUMN color TEXT");

    @TempDir
    Path directory;

    @Test
    void testMigrationsRunOnceInOrder()
    {
        Path file = directory.resolve("nested/dir/catalog.db");
        AtomicInteger runs = new AtomicInteger();
        CatalogMigration counted = new CatalogMigration(1, "items", connection -> {
            runs.incrementAndGet();
            return CREATE_ITEMS.step().run(connection);
        });
        try (CatalogStore store = CatalogStore.open(file, List.of(counted))) {
            assertThat(store.schemaVersion()).isEqualTo(1);
            assertThat(versions(store)).containsExactly("1 items");
        }
        assertThat(file).exists();
        // reopening with the same history applies nothing; a longer history applies only the new step
        try (CatalogStore store = CatalogStore.open(file, List.of(counted))) {
            assertThat(versions(store)).containsExactly("1 items");
        }
        try (CatalogStore store = CatalogStore.open(file, List.of(counted, ADD_COLOR))) {
            assertThat(store.schemaVersion()).isEqualTo(2);
            assertThat(versions(store)).containsExactly("1 items", "2 item color");
            store.write("add item", connection -> execute(connection, "INSERT INTO items (name, color) VALUES ('a', 'red')"));
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void testNewerCatalogIsRefused()
    {
        Path file = directory.resolve("catalog.db");
        CatalogStore.open(file, List.of(CREATE_ITEMS, ADD_COLOR)).close();
        assertThatThrownBy(() -> CatalogStore.open(file, List.of(CREATE_ITEMS)))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.CATALOG_VERSION_MISMATCH))
                .hasMessageContaining("schema version is 2")
                .hasMessageContaining("knows versions up to 1");
    }

    @Test
    void testMigrationsMustBeNumberedInOrder()
    {
        assertThatThrownBy(() -> CatalogStore.open(directory.resolve("catalog.db"), List.of(ADD_COLOR)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numbered 1, 2");
    }

    @Test
    void testFailedMigrationLeavesNothing()
    {
        Path file = directory.resolve("catalog.db");
        CatalogMigration broken = CatalogMigration.ofStatements(2, "broken", "CREATE TABLE other (x INTEGER)", "THIS IS NOT SQL");
        assertThatThrownBy(() -> CatalogStore.open(file, List.of(CREATE_ITEMS, broken)))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.CATALOG_STORE_ERROR));
        // the failed open rolled back everything, including migration 1 that ran in the same transaction
        try (CatalogStore store = CatalogStore.open(file, List.of(CREATE_ITEMS))) {
            assertThat(versions(store)).containsExactly("1 items");
            assertThat(queryLong(store, "SELECT count(*) FROM sqlite_master WHERE name = 'other'")).isZero();
        }
    }

    @Test
    void testNotADatabase()
            throws Exception
    {
        Path file = directory.resolve("catalog.db");
        Files.writeString(file, "this is a text file, long enough to have a header that is not SQLite's. ".repeat(20));
        assertThatThrownBy(() -> CatalogStore.open(file, List.of(CREATE_ITEMS)))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.CATALOG_VERSION_MISMATCH))
                .hasMessageContaining("not a catalog database");
    }

    @Test
    void testWriteRollsBackOnFailure()
    {
        try (CatalogStore store = CatalogStore.open(directory.resolve("catalog.db"), List.of(CREATE_ITEMS))) {
            assertThatThrownBy(() -> store.write("add items", connection -> {
                execute(connection, "INSERT INTO items (name) VALUES ('a')");
                throw new IllegalStateException("failed after the insert");
            })).isInstanceOf(IllegalStateException.class);
            // a constraint violation is a store error, and the first insert of the transaction is undone too
            assertThatThrownBy(() -> store.write("add items", connection -> {
                execute(connection, "INSERT INTO items (name) VALUES ('b')");
                return execute(connection, "INSERT INTO items (name) VALUES ('b')");
            })).isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.CATALOG_STORE_ERROR))
                    .hasMessageStartingWith("Cannot add items: ");
            assertThat(queryLong(store, "SELECT count(*) FROM items")).isZero();
            // the connection is usable again after the failures
            store.write("add item", connection -> execute(connection, "INSERT INTO items (name) VALUES ('c')"));
            assertThat(queryLong(store, "SELECT count(*) FROM items")).isEqualTo(1);
        }
    }

    @Test
    void testTransactionsDoNotNest()
    {
        try (CatalogStore store = CatalogStore.open(directory.resolve("catalog.db"), List.of(CREATE_ITEMS))) {
            assertThatThrownBy(() -> store.write("outer", outer -> store.write("inner", inner -> 1)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("do not nest");
            int result = store.write("after", connection -> 2);
            assertThat(result).isEqualTo(2);
        }
    }

    @Test
    void testWalModeAndReadsDuringWrite()
            throws Exception
    {
        try (CatalogStore store = CatalogStore.open(directory.resolve("catalog.db"), List.of(CREATE_ITEMS))) {
            String journalMode = store.read("journal mode", connection -> queryString(connection, "PRAGMA journal_mode"));
            assertThat(journalMode).isEqualTo("wal");
            store.write("add", connection -> execute(connection, "INSERT INTO items (name) VALUES ('committed')"));
            // a reader sees the committed state while a write transaction is open in another thread
            List<Long> seen = new ArrayList<>();
            store.write("add more", connection -> {
                execute(connection, "INSERT INTO items (name) VALUES ('uncommitted')");
                Thread reader = Thread.ofPlatform().start(() -> seen.add(store.read("count", c -> queryLong(c, "SELECT count(*) FROM items"))));
                try {
                    reader.join();
                }
                catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return null;
            });
            assertThat(seen).containsExactly(1L);
            assertThat(queryLong(store, "SELECT count(*) FROM items")).isEqualTo(2);
        }
    }

    @Test
    void testBusyWhenAnotherConnectionHoldsTheWriteLock()
            throws Exception
    {
        Path file = directory.resolve("catalog.db");
        try (CatalogStore store = CatalogStore.open(file, List.of(CREATE_ITEMS), Duration.ofMillis(200));
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement statement = other.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                statement.execute("INSERT INTO items (name) VALUES ('other process')");
            }
            assertThatThrownBy(() -> store.write("create item", connection -> execute(connection, "INSERT INTO items (name) VALUES ('mine')")))
                    .isInstanceOfSatisfying(CatalogException.class, e -> {
                        assertThat(e.code()).isEqualTo(CatalogErrorCode.CATALOG_BUSY);
                        assertThat(e.sqlState()).isEqualTo("55P03");
                    })
                    .hasMessage("Cannot create item: the catalog database is locked by another process (waited 200 ms)");
            try (Statement statement = other.createStatement()) {
                statement.execute("COMMIT");
            }
            store.write("create item", connection -> execute(connection, "INSERT INTO items (name) VALUES ('mine')"));
            assertThat(queryLong(store, "SELECT count(*) FROM items")).isEqualTo(2);
        }
    }

    @Test
    void testClosed()
    {
        CatalogStore store = CatalogStore.open(directory.resolve("catalog.db"), List.of(CREATE_ITEMS));
        store.close();
        store.close();
        assertThatThrownBy(() -> store.read("list items", connection -> 1))
                .isInstanceOf(CatalogException.class)
                .hasMessage("Cannot list items: the catalog is closed");
    }

    private static List<String> versions(CatalogStore store)
    {
        return store.read("versions", connection -> {
            List<String> versions = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT version, description FROM catalog_schema_version ORDER BY version")) {
                while (result.next()) {
                    versions.add(result.getInt(1) + " " + result.getString(2));
                }
            }
            return versions;
        });
    }

    private static long queryLong(CatalogStore store, String sql)
    {
        return store.read("query", connection -> queryLong(connection, sql));
    }

    private static Void execute(Connection connection, String sql)
            throws java.sql.SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return null;
    }

    private static long queryLong(Connection connection, String sql)
            throws java.sql.SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String queryString(Connection connection, String sql)
            throws java.sql.SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}

package io.basin.catalog.store;

import io.basin.catalog.CatalogErrorCode;
import io.basin.catalog.CatalogException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import static io.basin.catalog.CatalogErrorCode.CATALOG_BUSY;
import static io.basin.catalog.CatalogErrorCode.CATALOG_STORE_ERROR;
import static io.basin.catalog.CatalogErrorCode.CATALOG_VERSION_MISMATCH;
import static java.util.Objects.requireNonNull;

/**
 * The catalog's embedded SQLite database: opening it (WAL journal, busy timeout, foreign keys),
 * bringing its schema up to date with ordered {@link CatalogMigration}s, and running work in
 * transactions.
 * <p>
 * Thread-safe. Writes go through one connection, one transaction at a time, each begun with
 * {@code BEGIN IMMEDIATE} so that it takes SQLite's write lock up front: a transaction that read
 * first and then tried to write could otherwise fail with {@code SQLITE_BUSY} when another process
 * wrote in between. Reads use a second connection; in WAL mode they see the last committed state
 * and never wait for a writer. Other processes on the same file (a {@code basin sql} next to a
 * server) wait up to the busy timeout for the write lock, then fail with
 * {@link CatalogErrorCode#CATALOG_BUSY}.
 * <p>
 * Transactions are begun and ended with SQL statements on connections in auto-commit mode rather
 * than through {@link Connection#setAutoCommit}, because sqlite-jdbc begins the next transaction
 * as soon as one commits, which with {@code IMMEDIATE} would hold the write lock between
 * transactions.
 */
public final class CatalogStore
        implements AutoCloseable
{
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);
    static final String VERSION_TABLE = "catalog_schema_version";

    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final Connection writeConnection;
    private final Connection readConnection;
    private final int schemaVersion;
    private final Duration busyTimeout;
    private volatile boolean closed;

    private CatalogStore(Path file, Connection writeConnection, Connection readConnection, int schemaVersion, Duration busyTimeout)
    {
        this.busyTimeout = busyTimeout;
        this.file = file;
        this.writeConnection = writeConnection;
        this.readConnection = readConnection;
        this.schemaVersion = schemaVersion;
    }

    /**
     * Opens (creating it and its parent directories if needed) the database at {@code file} and
     * applies the migrations it has not seen yet, all in one transaction.
     *
     * @param migrations the catalog's whole schema history, versions 1, 2, ... in order
     */
    public static CatalogStore open(Path file, List<CatalogMigration> migrations)
    {
        return open(file, migrations, BUSY_TIMEOUT);
    }

    static CatalogStore open(Path file, List<CatalogMigration> migrations, Duration busyTimeout)
    {
        requireNonNull(file, "file is null");
        requireNonNull(busyTimeout, "busyTimeout is null");
        checkMigrations(migrations);
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        }
        catch (IOException e) {
            throw new CatalogException(CATALOG_STORE_ERROR, "Cannot open catalog %s: cannot create its directory: %s".formatted(absolute, e.getMessage()), e);
        }
        Connection writer = null;
        Connection reader = null;
        try {
            writer = connect(absolute, busyTimeout);
            // WAL is a property of the database file; it stays on once set
            try (Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
            }
            int version = migrate(writer, migrations);
            reader = connect(absolute, busyTimeout);
            return new CatalogStore(absolute, writer, reader, version, busyTimeout);
        }
        catch (SQLException e) {
            closeQuietly(reader, null);
            closeQuietly(writer, null);
            throw translate("open catalog " + absolute, e, busyTimeout);
        }
        catch (RuntimeException e) {
            closeQuietly(reader, e);
            closeQuietly(writer, e);
            throw e;
        }
    }

    private static Connection connect(Path file, Duration busyTimeout)
            throws SQLException
    {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.enforceForeignKeys(true);
        // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commits
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private static void checkMigrations(List<CatalogMigration> migrations)
    {
        requireNonNull(migrations, "migrations is null");
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("Migrations must be numbered 1, 2, ... in order; found version %s at position %s".formatted(migrations.get(i).version(), i + 1));
            }
        }
    }

    private static int migrate(Connection connection, List<CatalogMigration> migrations)
            throws SQLException
    {
        return inTransaction(connection, "BEGIN IMMEDIATE", c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
            }
            int current;
            try (Statement statement = c.createStatement();
                    ResultSet result = statement.executeQuery("SELECT coalesce(max(version), 0) FROM " + VERSION_TABLE)) {
                result.next();
                current = result.getInt(1);
            }
            if (current > migrations.size()) {
                throw new CatalogException(CATALOG_VERSION_MISMATCH, "Cannot open catalog: its schema version is %s, but this Basin knows versions up to %s; it was written by a newer Basin"
                        .formatted(current, migrations.size()));
            }
            for (CatalogMigration migration : migrations.subList(current, migrations.size())) {
                migration.step().run(c);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + VERSION_TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.description());
                    insert.setString(3, Instant.now().toString());
                    insert.executeUpdate();
                }
            }
            return migrations.size();
        });
    }

    /** The catalog database file. */
    public Path file()
    {
        return file;
    }

    /** The schema version the database has after opening: the number of migrations applied. */
    public int schemaVersion()
    {
        return schemaVersion;
    }

    /**
     * Runs {@code work} in a read transaction: it sees one committed state of the catalog and must
     * not write.
     *
     * @param action what the work does, for error messages ("find role")
     */
    public <T> T read(String action, SqlWork<T> work)
    {
        return run(readLock, readConnection, "BEGIN DEFERRED", action, work);
    }

    /**
     * Runs {@code work} in a write transaction, committed when it returns and rolled back when it
     * throws. Transactions do not nest: the work must use only the connection it is given.
     *
     * @param action what the work does, for error messages ("create role")
     */
    public <T> T write(String action, SqlWork<T> work)
    {
        return run(writeLock, writeConnection, "BEGIN IMMEDIATE", action, work);
    }

    private <T> T run(ReentrantLock lock, Connection connection, String begin, String action, SqlWork<T> work)
    {
        requireNonNull(action, "action is null");
        requireNonNull(work, "work is null");
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                throw new IllegalStateException("Catalog transactions do not nest");
            }
            if (closed) {
                throw new CatalogException(CATALOG_STORE_ERROR, "Cannot %s: the catalog is closed".formatted(action));
            }
            return inTransaction(connection, begin, work);
        }
        catch (SQLException e) {
            throw translate(action, e, busyTimeout);
        }
        finally {
            lock.unlock();
        }
    }

    private static <T> T inTransaction(Connection connection, String begin, SqlWork<T> work)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(begin);
        }
        T result;
        try {
            result = work.run(connection);
        }
        catch (SQLException | RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMIT");
        }
        catch (SQLException e) {
            rollback(connection, e);
            throw e;
        }
        return result;
    }

    private static void rollback(Connection connection, Throwable failure)
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        }
        catch (SQLException e) {
            // the transaction may already be gone (SQLite rolls back on some errors itself)
            failure.addSuppressed(e);
        }
    }

    private static CatalogException translate(String action, SQLException e, Duration busyTimeout)
    {
        // extended result codes (SQLITE_BUSY_SNAPSHOT, ...) carry the primary code in the low byte
        int code = e.getErrorCode() & 0xFF;
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new CatalogException(CATALOG_BUSY, "Cannot %s: the catalog database is locked by another process (waited %s ms)".formatted(action, busyTimeout.toMillis()), e);
        }
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new CatalogException(CATALOG_VERSION_MISMATCH, "Cannot %s: the file is not a catalog database".formatted(action), e);
        }
        return new CatalogException(CATALOG_STORE_ERROR, "Cannot %s: %s".formatted(action, e.getMessage()), e);
    }

    private static void closeQuietly(Connection connection, Throwable failure)
    {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        }
        catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public void close()
    {
        writeLock.lock();
        readLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            SQLException failure = null;
            for (Connection connection : List.of(readConnection, writeConnection)) {
                try {
                    connection.close();
                }
                catch (SQLException e) {
                    if (failure == null) {
                        failure = e;
                    }
                    else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw translate("close catalog " + file, failure, busyTimeout);
            }
        }
        finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }
}

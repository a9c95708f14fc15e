package io.basin.connector;

import io.basin.error.BasinException;
import io.trino.spi.StandardErrorCode;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;

import static io.basin.error.BasinErrorCode.CONNECTOR_ERROR;
import static io.basin.error.BasinErrorCode.SERIALIZATION_FAILURE;
import static io.trino.spi.transaction.IsolationLevel.READ_COMMITTED;
import static java.util.Objects.requireNonNull;

/**
 * One auto-commit connector transaction, as Basin runs every statement: begun at the start,
 * committed when the statement succeeds, rolled back otherwise. {@link #close()} rolls back a
 * transaction that was neither committed nor rolled back, so try-with-resources is always safe.
 *
 * <p>The transaction hands out one {@link ConnectorMetadata} for its lifetime, as Trino does;
 * connectors may keep per-transaction state in it. Thread-safe.
 */
public final class CatalogTransaction
        implements AutoCloseable
{
    private enum State { ACTIVE, COMMITTED, ROLLED_BACK }

    private final CatalogHandle catalog;
    private final ConnectorTransactionHandle handle;
    private ConnectorMetadata metadata;
    private ConnectorSession metadataSession;
    private State state = State.ACTIVE;

    private CatalogTransaction(CatalogHandle catalog, ConnectorTransactionHandle handle)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.handle = requireNonNull(handle, "handle is null");
    }

    /** Begins a READ COMMITTED auto-commit transaction on {@code catalog}. */
    public static CatalogTransaction begin(CatalogHandle catalog, boolean readOnly)
    {
        requireNonNull(catalog, "catalog is null");
        ConnectorTransactionHandle handle;
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader())) {
            handle = catalog.connector().beginTransaction(READ_COMMITTED, readOnly, true);
        }
        catch (TrinoException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new BasinException(CONNECTOR_ERROR, "Cannot begin a transaction on %s: %s".formatted(catalog, e.getMessage()), e);
        }
        return new CatalogTransaction(catalog, handle);
    }

    public CatalogHandle catalog()
    {
        return catalog;
    }

    public ConnectorTransactionHandle handle()
    {
        return handle;
    }

    /** The transaction's metadata; the first call starts the query in the connector ({@code beginQuery}). */
    public synchronized ConnectorMetadata metadata(ConnectorSession session)
    {
        requireNonNull(session, "session is null");
        checkActive();
        if (metadata == null) {
            try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader())) {
                ConnectorMetadata created = catalog.connector().getMetadata(session, handle);
                created.beginQuery(session);
                metadata = created;
                metadataSession = session;
            }
        }
        return metadata;
    }

    public synchronized boolean isActive()
    {
        return state == State.ACTIVE;
    }

    /** Commits; the statement's effects become permanent (and visible to later transactions). */
    public synchronized void commit()
    {
        checkActive();
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader())) {
            try {
                cleanupQuery();
            }
            catch (RuntimeException e) {
                state = State.ROLLED_BACK;
                rollbackAfterFailure(e);
                throw e;
            }
            // Marked before the call: if the commit itself fails, close() must not roll back a half-commit.
            state = State.COMMITTED;
            try {
                catalog.connector().commit(handle);
            }
            catch (TrinoException e) {
                if (e.getErrorCode().equals(StandardErrorCode.TRANSACTION_CONFLICT.toErrorCode())) {
                    // a transactional connector refused to lose a concurrent update: PostgreSQL's serialization failure
                    throw new BasinException(SERIALIZATION_FAILURE, e.getMessage(), e);
                }
                throw e;
            }
        }
    }

    /** Rolls back; a no-op when the transaction already ended. */
    public synchronized void rollback()
    {
        if (state != State.ACTIVE) {
            return;
        }
        state = State.ROLLED_BACK;
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader())) {
            try {
                cleanupQuery();
            }
            finally {
                catalog.connector().rollback(handle);
            }
        }
    }

    private void rollbackAfterFailure(RuntimeException failure)
    {
        try {
            catalog.connector().rollback(handle);
        }
        catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close()
    {
        rollback();
    }

    private void cleanupQuery()
    {
        if (metadata != null) {
            metadata.cleanupQuery(metadataSession);
        }
    }

    private void checkActive()
    {
        if (state != State.ACTIVE) {
            throw new IllegalStateException("Transaction on %s is already %s".formatted(catalog, state == State.COMMITTED ? "committed" : "rolled back"));
        }
    }
}

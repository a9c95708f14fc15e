package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.CatalogState;
import io.basin.connector.warehouse.storage.RowGroup;
import io.basin.connector.warehouse.storage.TableChange;
import io.basin.connector.warehouse.storage.TableState;
import io.basin.connector.warehouse.storage.WarehouseStore;
import io.trino.spi.TrinoException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * One transaction of a warehouse catalog: the snapshot it read at its start, its own changes
 * applied on top (its working state, which all its reads see) and the files it wrote. Commit
 * replays the changes on the latest committed state ({@link WarehouseStore#commit}); rollback
 * deletes what it wrote. Thread-safe.
 */
final class WarehouseTransaction
{
    private final UUID id;
    private final WarehouseStore store;
    private final boolean readOnly;
    private final List<TableChange> changes = new ArrayList<>();
    private final Map<Long, List<RowGroup>> writtenGroups = new HashMap<>();
    private CatalogState working;

    WarehouseTransaction(UUID id, WarehouseStore store, boolean readOnly)
    {
        this.id = requireNonNull(id, "id is null");
        this.store = requireNonNull(store, "store is null");
        this.readOnly = readOnly;
        this.working = store.openSnapshot(this);
    }

    UUID id()
    {
        return id;
    }

    WarehouseStore store()
    {
        return store;
    }

    /** The state this transaction sees: its snapshot and its own changes. */
    synchronized CatalogState state()
    {
        return working;
    }

    synchronized Optional<TableState> table(long tableId)
    {
        return working.table(tableId);
    }

    /** Applies {@code change} to the working state (failing as it would at commit) and records it. */
    synchronized void apply(TableChange change)
    {
        if (readOnly) {
            throw new TrinoException(NOT_SUPPORTED, "Cannot change warehouse tables in a read-only transaction");
        }
        working = change.applyTo(working);
        changes.add(change);
    }

    /** Remembers groups a writer of this transaction produced, so a rollback can delete them. */
    synchronized void wrote(long tableId, List<RowGroup> groups)
    {
        writtenGroups.computeIfAbsent(tableId, _ -> new ArrayList<>()).addAll(groups);
    }

    void commit()
    {
        List<TableChange> toCommit;
        synchronized (this) {
            toCommit = List.copyOf(changes);
        }
        try {
            store.commit(toCommit);
        }
        catch (RuntimeException e) {
            discardWrites(e);
            throw e;
        }
        finally {
            store.releaseSnapshot(this);
        }
    }

    void rollback()
    {
        try {
            discardWrites(null);
        }
        finally {
            store.releaseSnapshot(this);
        }
    }

    private void discardWrites(RuntimeException failure)
    {
        Map<Long, List<RowGroup>> written;
        synchronized (this) {
            written = new HashMap<>(writtenGroups);
            writtenGroups.clear();
        }
        for (Map.Entry<Long, List<RowGroup>> entry : written.entrySet()) {
            try {
                store.discardGroups(entry.getKey(), entry.getValue());
            }
            catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }
}

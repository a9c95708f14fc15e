package io.basin.connector;

import io.airlift.slice.Slice;
import io.basin.error.BasinException;
import io.basin.execution.operator.PageConsumer;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorInsertTableHandle;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorOutputMetadata;
import io.trino.spi.connector.ConnectorOutputTableHandle;
import io.trino.spi.block.Block;
import io.trino.spi.block.ByteArrayBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.connector.ConnectorMergeSink;
import io.trino.spi.connector.ConnectorMergeTableHandle;
import io.trino.spi.connector.ConnectorPageSink;
import io.trino.spi.connector.ConnectorPageSinkId;
import io.trino.spi.connector.ConnectorPageSinkProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.RetryMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import static io.basin.error.BasinErrorCode.CONNECTOR_ERROR;
import static io.basin.error.BasinErrorCode.UNDEFINED_COLUMN;
import static java.util.Objects.requireNonNull;

/**
 * Writes the result of a {@code CREATE TABLE AS} or {@code INSERT} into a connector table:
 * one {@link Sink} per writer driver, then a single {@link #commit()} that hands every sink's
 * fragments to {@code finishCreateTable}/{@code finishInsert}, which is where the connector
 * makes the rows visible. {@link #abort()} aborts the sinks instead; the caller then rolls the
 * transaction back, which drops whatever finished sinks had staged, so a failed statement
 * leaves nothing half-written.
 *
 * <p>Pages given to a sink carry the table's {@link #columns()} in that order. Thread-safe;
 * each sink is used by one thread.
 */
public final class TableWriter
{
    private enum State { OPEN, COMMITTED, ABORTED }

    private final CatalogTransaction transaction;
    private final ConnectorSession session;
    private final Target target;
    private final List<ColumnMetadata> columns;
    private final List<Sink> sinks = new ArrayList<>();
    private long nextSinkId;
    private State state = State.OPEN;

    private TableWriter(CatalogTransaction transaction, ConnectorSession session, Target target, List<ColumnMetadata> columns)
    {
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.session = requireNonNull(session, "session is null");
        this.target = requireNonNull(target, "target is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    /**
     * Starts a {@code CREATE TABLE AS}: the connector reserves the new table (its name is
     * checked now and again at commit) and the rows are written to it.
     *
     * @param replace whether an existing table of the same name is replaced at commit
     */
    public static TableWriter beginCreateTable(CatalogTransaction transaction, ConnectorSession session, ConnectorTableMetadata table, boolean replace)
    {
        ConnectorMetadata metadata = transaction.metadata(session);
        ConnectorOutputTableHandle handle = call(transaction, () -> metadata.beginCreateTable(session, table, Optional.empty(), RetryMode.NO_RETRIES, replace));
        List<ColumnMetadata> columns = table.getColumns().stream()
                .filter(column -> !column.isHidden())
                .toList();
        return new TableWriter(transaction, session, new CreateTableTarget(handle), columns);
    }

    /** Starts an {@code INSERT} of rows carrying every visible column of {@code table}, in table order. */
    public static TableWriter beginInsert(CatalogTransaction transaction, ConnectorSession session, ConnectorTableHandle table)
    {
        ConnectorMetadata metadata = transaction.metadata(session);
        List<ColumnMetadata> columns = call(transaction, () -> metadata.getTableMetadata(session, table)).getColumns().stream()
                .filter(column -> !column.isHidden())
                .toList();
        Map<String, ColumnHandle> handles = call(transaction, () -> metadata.getColumnHandles(session, table));
        List<ColumnHandle> insertColumns = new ArrayList<>(columns.size());
        for (ColumnMetadata column : columns) {
            ColumnHandle handle = handles.get(column.getName());
            if (handle == null) {
                throw new BasinException(UNDEFINED_COLUMN, "Cannot insert into table %s: %s has no handle for column %s".formatted(table, transaction.catalog(), column.getName()));
            }
            insertColumns.add(handle);
        }
        ConnectorInsertTableHandle handle = call(transaction, () -> metadata.beginInsert(session, table, insertColumns, RetryMode.NO_RETRIES));
        return new TableWriter(transaction, session, new InsertTarget(handle), columns);
    }

    /**
     * Starts an {@code UPDATE} through the connector's merge hooks ({@code beginMerge},
     * {@code createMergeSink}, {@code finishMerge}): every page carries the new values of every
     * visible column of {@code table} in table order, then the row id of the row they replace
     * ({@code rowId}, from {@code getMergeRowIdColumnHandle}). The connector sees each row as a
     * deletion of the old row and an insertion of the new one.
     */
    public static TableWriter beginUpdate(CatalogTransaction transaction, ConnectorSession session, ConnectorTableHandle table, ColumnMetadata rowId)
    {
        return beginMerge(transaction, session, table, rowId, false);
    }

    /**
     * Starts a {@code DELETE} by row id through the connector's merge hooks: every page carries
     * the visible columns of {@code table} (not looked at) and then the row id of the row to delete.
     */
    public static TableWriter beginDelete(CatalogTransaction transaction, ConnectorSession session, ConnectorTableHandle table, ColumnMetadata rowId)
    {
        return beginMerge(transaction, session, table, rowId, true);
    }

    private static TableWriter beginMerge(CatalogTransaction transaction, ConnectorSession session, ConnectorTableHandle table, ColumnMetadata rowId, boolean deleteOnly)
    {
        ConnectorMetadata metadata = transaction.metadata(session);
        List<ColumnMetadata> columns = new ArrayList<>(call(transaction, () -> metadata.getTableMetadata(session, table)).getColumns().stream()
                .filter(column -> !column.isHidden())
                .toList());
        int dataColumns = columns.size();
        columns.add(rowId);
        // the one merge case of an UPDATE sets every column; a DELETE has no update case
        Map<Integer, Collection<ColumnHandle>> updateCases = deleteOnly
                ? Map.of()
                : Map.of(0, List.copyOf(call(transaction, () -> metadata.getColumnHandles(session, table)).values()));
        ConnectorMergeTableHandle handle = call(transaction, () -> metadata.beginMerge(session, table, updateCases, RetryMode.NO_RETRIES));
        return new TableWriter(transaction, session, new UpdateTarget(handle, dataColumns, deleteOnly), columns);
    }

    /** Continues a {@code CREATE TABLE AS} the caller began with {@code beginCreateTable}. */
    public static TableWriter forCreateTable(CatalogTransaction transaction, ConnectorSession session, ConnectorOutputTableHandle handle, List<ColumnMetadata> columns)
    {
        return new TableWriter(transaction, session, new CreateTableTarget(handle), columns);
    }

    /** Continues an {@code INSERT} the caller began with {@code beginInsert}. */
    public static TableWriter forInsert(CatalogTransaction transaction, ConnectorSession session, ConnectorInsertTableHandle handle, List<ColumnMetadata> columns)
    {
        return new TableWriter(transaction, session, new InsertTarget(handle), columns);
    }

    /** The columns every written page carries, in channel order. */
    public List<ColumnMetadata> columns()
    {
        return columns;
    }

    /** A new sink for one writer. */
    public synchronized Sink createSink()
    {
        checkOpen();
        long sinkId = nextSinkId++;
        ConnectorPageSinkProvider provider = call(transaction, () -> transaction.catalog().connector().getPageSinkProvider());
        ConnectorSinkAdapter pageSink = call(transaction, () -> target.createPageSink(provider, transaction.handle(), session, () -> sinkId));
        Sink sink = new Sink(pageSink);
        sinks.add(sink);
        return sink;
    }

    /**
     * Publishes the written rows: every sink must have finished. The transaction still has to
     * be committed by the caller.
     */
    public synchronized Optional<ConnectorOutputMetadata> commit()
    {
        checkOpen();
        List<Slice> fragments = new ArrayList<>();
        for (Sink sink : sinks) {
            if (sink.fragments == null) {
                throw new IllegalStateException("Cannot commit the write to %s: a sink has not finished".formatted(transaction.catalog()));
            }
            fragments.addAll(sink.fragments);
        }
        ConnectorMetadata metadata = transaction.metadata(session);
        try {
            Optional<ConnectorOutputMetadata> result = call(transaction, () -> target.finish(metadata, session, fragments));
            state = State.COMMITTED;
            return result;
        }
        catch (RuntimeException e) {
            // Every sink has finished, so there is nothing left to abort; rolling the
            // transaction back drops what they staged.
            state = State.ABORTED;
            throw e;
        }
    }

    /** Aborts every sink that has not finished; a no-op after commit or abort. */
    public synchronized void abort()
    {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        RuntimeException failure = null;
        for (Sink sink : sinks) {
            try {
                sink.abort();
            }
            catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Rows appended through all sinks so far. */
    public synchronized long writtenRows()
    {
        return sinks.stream().mapToLong(sink -> sink.rows).sum();
    }

    private void checkOpen()
    {
        if (state != State.OPEN) {
            throw new IllegalStateException("The write to %s is already %s".formatted(transaction.catalog(), state == State.COMMITTED ? "committed" : "aborted"));
        }
    }

    private static <T> T call(CatalogTransaction transaction, Supplier<T> action)
    {
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(transaction.catalog().classLoader())) {
            return action.get();
        }
        catch (TrinoException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new BasinException(CONNECTOR_ERROR, "Cannot write to %s: %s".formatted(transaction.catalog(), e.getMessage()), e);
        }
    }

    private static <T> T await(CompletableFuture<T> future)
    {
        try {
            return future.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * One writer's connection to the table. Append pages with {@link #accept}, then
     * {@link #finish()}. Not thread-safe.
     */
    public final class Sink
            implements PageConsumer
    {
        private final ConnectorSinkAdapter pageSink;
        private Collection<Slice> fragments;
        private boolean aborted;
        // Read by writtenRows() on other threads.
        private volatile long rows;

        private Sink(ConnectorSinkAdapter pageSink)
        {
            this.pageSink = requireNonNull(pageSink, "pageSink is null");
        }

        /** Appends a page, waiting while the connector applies back-pressure. */
        @Override
        public void accept(Page page)
        {
            requireNonNull(page, "page is null");
            checkWritable();
            if (page.getChannelCount() != columns.size()) {
                throw new IllegalArgumentException("Page has %s channels but the table has %s columns".formatted(page.getChannelCount(), columns.size()));
            }
            call(transaction, () -> await(pageSink.appendPage(page)));
            rows += page.getPositionCount();
        }

        /** Ends this writer's output; its rows become visible only at {@link TableWriter#commit()}. */
        public void finish()
        {
            checkWritable();
            Collection<Slice> finished = call(transaction, () -> await(pageSink.finish()));
            synchronized (TableWriter.this) {
                fragments = List.copyOf(finished);
            }
        }

        private void abort()
        {
            if (fragments != null || aborted) {
                return;
            }
            aborted = true;
            call(transaction, () -> {
                pageSink.abort();
                return null;
            });
        }

        private void checkWritable()
        {
            if (fragments != null || aborted) {
                throw new IllegalStateException("Sink is already " + (aborted ? "aborted" : "finished"));
            }
        }
    }

    /** A connector's page sink or merge sink, as a {@link Sink} writes to it. */
    private interface ConnectorSinkAdapter
    {
        CompletableFuture<?> appendPage(Page page);

        CompletableFuture<Collection<Slice>> finish();

        void abort();

        static ConnectorSinkAdapter of(ConnectorPageSink sink)
        {
            return new ConnectorSinkAdapter()
            {
                @Override
                public CompletableFuture<?> appendPage(Page page)
                {
                    return sink.appendPage(page);
                }

                @Override
                public CompletableFuture<Collection<Slice>> finish()
                {
                    return sink.finish();
                }

                @Override
                public void abort()
                {
                    sink.abort();
                }
            };
        }
    }

    /** What is written: a new table, an existing one, or rows of an existing one replaced. */
    private sealed interface Target
    {
        ConnectorSinkAdapter createPageSink(ConnectorPageSinkProvider provider, ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPageSinkId sinkId);

        Optional<ConnectorOutputMetadata> finish(ConnectorMetadata metadata, ConnectorSession session, Collection<Slice> fragments);
    }

    private record CreateTableTarget(ConnectorOutputTableHandle handle)
            implements Target
    {
        CreateTableTarget
        {
            requireNonNull(handle, "handle is null");
        }

        @Override
        public ConnectorSinkAdapter createPageSink(ConnectorPageSinkProvider provider, ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPageSinkId sinkId)
        {
            return ConnectorSinkAdapter.of(provider.createPageSink(transaction, session, handle, sinkId));
        }

        @Override
        public Optional<ConnectorOutputMetadata> finish(ConnectorMetadata metadata, ConnectorSession session, Collection<Slice> fragments)
        {
            return metadata.finishCreateTable(session, handle, fragments, List.of());
        }
    }

    private record InsertTarget(ConnectorInsertTableHandle handle)
            implements Target
    {
        InsertTarget
        {
            requireNonNull(handle, "handle is null");
        }

        @Override
        public ConnectorSinkAdapter createPageSink(ConnectorPageSinkProvider provider, ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPageSinkId sinkId)
        {
            return ConnectorSinkAdapter.of(provider.createPageSink(transaction, session, handle, sinkId));
        }

        @Override
        public Optional<ConnectorOutputMetadata> finish(ConnectorMetadata metadata, ConnectorSession session, Collection<Slice> fragments)
        {
            // No source tables: Basin reports none, as the memory and JDBC connectors ignore them.
            return metadata.finishInsert(session, handle, List.of(), fragments, List.of());
        }
    }

    /**
     * An UPDATE: each written row (new values, then the old row's id) becomes two rows of the
     * merge page format, an update-deletion of the old row and an update-insertion of the new.
     * A DELETE ({@code deleteOnly}): each written row becomes one deletion.
     */
    private record UpdateTarget(ConnectorMergeTableHandle handle, int dataColumns, boolean deleteOnly)
            implements Target
    {
        UpdateTarget
        {
            requireNonNull(handle, "handle is null");
        }

        @Override
        public ConnectorSinkAdapter createPageSink(ConnectorPageSinkProvider provider, ConnectorTransactionHandle transaction, ConnectorSession session, ConnectorPageSinkId sinkId)
        {
            ConnectorMergeSink sink = provider.createMergeSink(transaction, session, handle, sinkId);
            return new ConnectorSinkAdapter()
            {
                @Override
                public CompletableFuture<?> appendPage(Page page)
                {
                    sink.storeMergedRows(mergePage(page));
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletableFuture<Collection<Slice>> finish()
                {
                    return sink.finish();
                }

                @Override
                public void abort()
                {
                    sink.abort();
                }
            };
        }

        private Page mergePage(Page page)
        {
            int rows = page.getPositionCount();
            if (deleteOnly) {
                Block[] blocks = new Block[dataColumns + 3];
                for (int channel = 0; channel < dataColumns; channel++) {
                    blocks[channel] = page.getBlock(channel);
                }
                byte[] operations = new byte[rows];
                java.util.Arrays.fill(operations, (byte) ConnectorMergeSink.DELETE_OPERATION_NUMBER);
                blocks[dataColumns] = new ByteArrayBlock(rows, Optional.empty(), operations);
                blocks[dataColumns + 1] = new IntArrayBlock(rows, Optional.empty(), new int[rows]);
                blocks[dataColumns + 2] = page.getBlock(dataColumns);
                return new Page(rows, blocks);
            }
            int[] twice = new int[rows * 2];
            for (int row = 0; row < rows; row++) {
                twice[row] = row;
                twice[rows + row] = row;
            }
            // Trino's merge page: the data columns, the operation, the merge case number, the row id
            Block[] blocks = new Block[dataColumns + 3];
            for (int channel = 0; channel < dataColumns; channel++) {
                blocks[channel] = page.getBlock(channel).getPositions(twice, 0, twice.length);
            }
            byte[] operations = new byte[rows * 2];
            java.util.Arrays.fill(operations, 0, rows, (byte) ConnectorMergeSink.UPDATE_DELETE_OPERATION_NUMBER);
            java.util.Arrays.fill(operations, rows, rows * 2, (byte) ConnectorMergeSink.UPDATE_INSERT_OPERATION_NUMBER);
            blocks[dataColumns] = new ByteArrayBlock(rows * 2, Optional.empty(), operations);
            blocks[dataColumns + 1] = new IntArrayBlock(rows * 2, Optional.empty(), new int[rows * 2]);
            blocks[dataColumns + 2] = page.getBlock(dataColumns).getPositions(twice, 0, twice.length);
            return new Page(rows * 2, blocks);
        }

        @Override
        public Optional<ConnectorOutputMetadata> finish(ConnectorMetadata metadata, ConnectorSession session, Collection<Slice> fragments)
        {
            metadata.finishMerge(session, handle, List.of(), fragments, List.of());
            return Optional.empty();
        }
    }
}

package io.basin.connector;

import io.basin.error.BasinException;
import io.basin.execution.operator.PageSupplier;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorSplitSource;
import io.trino.spi.connector.ConnectorSplitSource.ConnectorSplitBatch;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.metrics.Metrics;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

import static io.basin.error.BasinErrorCode.CONNECTOR_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Reads a connector table as a list of partitions, one per split, for parallel drivers: each
 * partition is a {@link PageSupplier} that opens its split's page source on first use and closes
 * it when exhausted. Pages are handed out fully loaded, in the order of the requested columns.
 *
 * <p>The scan is an immutable description (catalog, transaction, table, columns, and the
 * dynamic filter and constraint passed to the connector, which let it prune splits and rows);
 * {@link #close()} closes page sources still open, e.g. after a {@code LIMIT} stopped early.
 * Partitions may be consumed on different threads, each by one thread.
 */
public final class TableScanner
        implements Closeable
{
    private static final int SPLIT_BATCH_SIZE = 1000;

    private final CatalogHandle catalog;
    private final ConnectorTransactionHandle transaction;
    private final ConnectorSession session;
    private final ConnectorTableHandle table;
    private final List<ColumnHandle> columns;
    private final DynamicFilter dynamicFilter;
    private final Constraint constraint;
    /** For the input of a co-located join: each split's bucket, and how many buckets there are. */
    private final Optional<ToIntFunction<ConnectorSplit>> bucketOf;
    private final int bucketCount;
    private final Set<SplitPageSupplier> openSuppliers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    /** What the connector reported of this scan: its split source's metrics and those of every page source closed so far. */
    private Metrics metrics = Metrics.EMPTY;

    public TableScanner(
            CatalogHandle catalog,
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorTableHandle table,
            List<ColumnHandle> columns)
    {
        this(catalog, transaction, session, table, columns, DynamicFilter.EMPTY, Constraint.alwaysTrue());
    }

    public TableScanner(
            CatalogHandle catalog,
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorTableHandle table,
            List<ColumnHandle> columns,
            DynamicFilter dynamicFilter,
            Constraint constraint)
    {
        this(catalog, transaction, session, table, columns, dynamicFilter, constraint, Optional.empty(), 1);
    }

    private TableScanner(
            CatalogHandle catalog,
            ConnectorTransactionHandle transaction,
            ConnectorSession session,
            ConnectorTableHandle table,
            List<ColumnHandle> columns,
            DynamicFilter dynamicFilter,
            Constraint constraint,
            Optional<ToIntFunction<ConnectorSplit>> bucketOf,
            int bucketCount)
    {
        this.bucketOf = requireNonNull(bucketOf, "bucketOf is null");
        this.bucketCount = bucketCount;
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.session = requireNonNull(session, "session is null");
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.dynamicFilter = requireNonNull(dynamicFilter, "dynamicFilter is null");
        this.constraint = requireNonNull(constraint, "constraint is null");
    }

    /**
     * This scan with each partition tagged with its split's bucket ({@link PageSupplier#bucket()}),
     * from the connector's split bucket function of a partitioning of {@code bucketCount} buckets.
     */
    public TableScanner withBuckets(ToIntFunction<ConnectorSplit> bucketFunction, int bucketCount)
    {
        return new TableScanner(catalog, transaction, session, table, columns, dynamicFilter, constraint, Optional.of(bucketFunction), bucketCount);
    }

    /** A scan within {@code transaction}, with no dynamic filter and no constraint. */
    public static TableScanner create(CatalogTransaction transaction, ConnectorSession session, ConnectorTableHandle table, List<ColumnHandle> columns)
    {
        return new TableScanner(transaction.catalog(), transaction.handle(), session, table, columns);
    }

    /** Asks the connector for all splits of the table. */
    public List<ConnectorSplit> enumerateSplits()
    {
        List<ConnectorSplit> splits = new ArrayList<>();
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader());
                ConnectorSplitSource source = catalog.connector().getSplitManager().getSplits(transaction, session, table, dynamicFilter, constraint)) {
            while (!source.isFinished()) {
                ConnectorSplitBatch batch = await(source.getNextBatch(SPLIT_BATCH_SIZE));
                splits.addAll(batch.getSplits());
                if (batch.isNoMoreSplits()) {
                    break;
                }
            }
            addMetrics(source.getMetrics());
        }
        catch (RuntimeException e) {
            throw connectorFailure("enumerate the splits of", e);
        }
        return splits;
    }

    /** One partition per split; nothing is opened until a partition is first pulled. */
    public List<PageSupplier> createPartitions()
    {
        return enumerateSplits().stream()
                .<PageSupplier>map(SplitPageSupplier::new)
                .toList();
    }

    /** Reads every partition in turn; for tests and small tables, as it holds all pages at once. */
    public List<Page> readAll()
    {
        List<Page> pages = new ArrayList<>();
        for (PageSupplier partition : createPartitions()) {
            for (Page page = partition.next(); page != null; page = partition.next()) {
                pages.add(page);
            }
        }
        return pages;
    }

    /**
     * The connector's own counters of this scan (files, row groups, blocks, bytes read...), merged
     * over the split source and every page source closed so far: complete once the scan has ended.
     */
    public synchronized Metrics metrics()
    {
        return metrics;
    }

    private synchronized void addMetrics(Metrics added)
    {
        metrics = metrics.mergeWith(added);
    }

    /** Ends the scan: open page sources are closed and every partition returns null from now on. */
    @Override
    public void close()
    {
        closed = true;
        RuntimeException failure = null;
        for (SplitPageSupplier supplier : openSuppliers) {
            try {
                supplier.close();
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

    private RuntimeException connectorFailure(String action, RuntimeException e)
    {
        if (e instanceof TrinoException) {
            return e;
        }
        return new BasinException(CONNECTOR_ERROR, "Cannot %s table %s of %s: %s".formatted(action, table, catalog, e.getMessage()), e);
    }

    private int bucketOf(ToIntFunction<ConnectorSplit> function, ConnectorSplit split)
    {
        int bucket;
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader())) {
            bucket = function.applyAsInt(split);
        }
        if (bucket < 0 || bucket >= bucketCount) {
            throw new BasinException(CONNECTOR_ERROR, "Connector of %s put split %s of table %s in bucket %s, not one of 0..%s".formatted(catalog.name(), split, table, bucket, bucketCount - 1));
        }
        return bucket;
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
     * Pulls the pages of one split; opens the page source lazily and closes it at the end.
     * Synchronized so that {@link TableScanner#close()} from another thread cannot close the
     * page source under a page being read.
     */
    private final class SplitPageSupplier
            implements PageSupplier, Closeable
    {
        private final ConnectorSplit split;
        private final int bucket;
        private ConnectorPageSource source;
        private boolean finished;

        SplitPageSupplier(ConnectorSplit split)
        {
            this.split = requireNonNull(split, "split is null");
            this.bucket = bucketOf.map(function -> bucketOf(function, split)).orElse(-1);
        }

        @Override
        public int bucket()
        {
            return bucket;
        }

        @Override
        public synchronized Page next()
        {
            if (finished) {
                return null;
            }
            if (closed) {
                close();
                return null;
            }
            try {
                if (source == null) {
                    open();
                }
                while (!source.isFinished()) {
                    SourcePage sourcePage = source.getNextSourcePage();
                    if (sourcePage == null) {
                        // Not finished, nothing ready: wait for the source (e.g. remote I/O).
                        await(source.isBlocked());
                        continue;
                    }
                    // getPage() loads every column, so no lazily loaded block escapes the scan.
                    Page page = sourcePage.getPage();
                    if (page.getPositionCount() > 0) {
                        return page;
                    }
                }
            }
            catch (RuntimeException e) {
                closeAfterFailure(e);
                throw connectorFailure("read split %s of".formatted(split), e);
            }
            close();
            return null;
        }

        private void open()
        {
            // Registered first: a concurrent TableScanner.close() then waits for this read (the
            // supplier's lock) and closes the source, rather than missing it.
            openSuppliers.add(this);
            try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader())) {
                source = catalog.connector().getPageSourceProvider()
                        .createPageSource(transaction, session, split, table, columns, dynamicFilter);
            }
        }

        @Override
        public synchronized void close()
        {
            finished = true;
            openSuppliers.remove(this);
            if (source == null) {
                return;
            }
            ConnectorPageSource closing = source;
            source = null;
            try {
                closing.close();
            }
            catch (IOException e) {
                throw new BasinException(CONNECTOR_ERROR, "Cannot close the page source of split %s of table %s of %s: %s".formatted(split, table, catalog, e.getMessage()), e);
            }
            // after closing, so that what the source counts while it closes is included
            addMetrics(closing.getMetrics());
        }

        private void closeAfterFailure(RuntimeException failure)
        {
            try {
                close();
            }
            catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}

package io.basin.connector.jdbc;

import io.basin.pushdown.monitor.RemoteQuery;
import io.basin.pushdown.monitor.RemoteQueryLog;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.type.Type;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Reads a statement's result in batches: with auto-commit off and a fetch size, the drivers
 * (PgJDBC through a server-side cursor, MariaDB Connector/J as a stream) fetch
 * {@code fetch-size} rows at a time, so memory stays bounded by one batch of rows plus one page,
 * whatever the result's size. The statement runs in a transaction of its own, after the split's
 * {@link ReadSetup} (e.g. joining a shared snapshot). The statement starts on the first
 * request for a page; the connection goes back to the pool as soon as the result is exhausted
 * or the source is closed. Not thread-safe.
 */
public final class JdbcPageSource
        implements ConnectorPageSource
{
    private static final Logger log = LoggerFactory.getLogger(JdbcPageSource.class);
    private static final int MAX_ROWS_PER_PAGE = 8192;

    private final JdbcClient client;
    private final String sql;
    private final List<String> columnNames;
    private final List<ColumnMapping> mappings;
    private final PageBuilder pageBuilder;
    private final RemoteQueryLog queryLog;
    private final Object transaction;
    private RemoteQuery remoteQuery;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet resultSet;
    private boolean finished;
    private long completedBytes;
    private long completedPositions;
    private long readTimeNanos;

    private final ReadSetup setup;

    public JdbcPageSource(RemoteQueryLog queryLog, Object transaction, JdbcClient client, String sql, ReadSetup setup, List<String> columnNames, List<ColumnMapping> mappings)
    {
        this.setup = requireNonNull(setup, "setup is null");
        this.queryLog = requireNonNull(queryLog, "queryLog is null");
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.client = requireNonNull(client, "client is null");
        this.sql = requireNonNull(sql, "sql is null");
        this.columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        this.mappings = List.copyOf(requireNonNull(mappings, "mappings is null"));
        List<Type> types = mappings.stream().map(ColumnMapping::type).toList();
        this.pageBuilder = new PageBuilder(types);
    }

    @Override
    public SourcePage getNextSourcePage()
    {
        if (finished) {
            return null;
        }
        long start = System.nanoTime();
        try {
            if (resultSet == null) {
                open();
            }
            pageBuilder.reset();
            int rows = 0;
            while (rows < MAX_ROWS_PER_PAGE && !pageBuilder.isFull()) {
                if (!resultSet.next()) {
                    finished = true;
                    break;
                }
                pageBuilder.declarePosition();
                for (int channel = 0; channel < mappings.size(); channel++) {
                    mappings.get(channel).reader().read(resultSet, channel + 1, pageBuilder.getBlockBuilder(channel));
                }
                rows++;
            }
            Page page = pageBuilder.build();
            completedBytes += page.getSizeInBytes();
            completedPositions += page.getPositionCount();
            if (remoteQuery != null) {
                remoteQuery.progress(page.getPositionCount(), page.getSizeInBytes());
            }
            if (finished) {
                release(true);
            }
            return SourcePage.create(page);
        }
        catch (SQLException e) {
            TrinoException failure = remoteQuery != null && remoteQuery.snapshot().state() == RemoteQuery.State.CANCELED
                    ? client.canceledByBasin(e)
                    : client.queryFailure(e);
            if (remoteQuery != null) {
                remoteQuery.failed(failure.getMessage());
            }
            closeAfterFailure(failure);
            throw failure;
        }
        catch (RuntimeException e) {
            if (remoteQuery != null) {
                remoteQuery.failed(String.valueOf(e.getMessage()));
            }
            closeAfterFailure(e);
            throw e;
        }
        finally {
            readTimeNanos += System.nanoTime() - start;
        }
    }

    private void open()
            throws SQLException
    {
        log.debug("{} runs: {}", client.catalogName(), sql);
        connection = client.openConnection();
        // one transaction per read (a cursor needs one; InnoDB reads in one snapshot in it);
        // it is only ever read, and ended when the source is
        connection.setAutoCommit(false);
        setup.prepare(connection);
        statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        try {
            // registered before it runs: cancelling the Basin query cancels it at the source
            remoteQuery = queryLog.start(transaction, client.catalogName(), sql, statement);
        }
        catch (IllegalStateException e) {
            throw new SQLException("the Basin query was canceled before the statement started", "57014", e);
        }
        statement.setFetchSize(client.fetchSize());
        resultSet = statement.executeQuery();
        // a read of no columns selects a constant where the dialect has no empty select list
        if (!mappings.isEmpty() && resultSet.getMetaData().getColumnCount() != mappings.size()) {
            throw new SQLException("%s returned %s columns for %s, expected %s".formatted(client.productName(), resultSet.getMetaData().getColumnCount(), columnNames, mappings.size()));
        }
    }

    /** The statement this source runs. */
    public String sql()
    {
        return sql;
    }

    @Override
    public boolean isFinished()
    {
        return finished;
    }

    @Override
    public long getCompletedBytes()
    {
        return completedBytes;
    }

    @Override
    public OptionalLong getCompletedPositions()
    {
        return OptionalLong.of(completedPositions);
    }

    @Override
    public long getReadTimeNanos()
    {
        return readTimeNanos;
    }

    @Override
    public long getMemoryUsage()
    {
        return pageBuilder.getRetainedSizeInBytes();
    }

    @Override
    public void close()
    {
        boolean complete = finished;
        finished = true;
        try {
            release(complete);
        }
        catch (SQLException e) {
            throw client.queryFailure(e);
        }
    }

    private void closeAfterFailure(Exception failure)
    {
        finished = true;
        try {
            release(false);
        }
        catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Ends the remote transaction and returns the connection to the pool. */
    private void release(boolean complete)
            throws SQLException
    {
        if (remoteQuery != null) {
            if (complete) {
                remoteQuery.succeeded();
            }
            else {
                remoteQuery.abandoned();
            }
        }
        if (connection == null) {
            return;
        }
        Connection closing = connection;
        PreparedStatement closingStatement = statement;
        ResultSet closingResult = resultSet;
        connection = null;
        statement = null;
        resultSet = null;
        // the result first, then the transaction, then the connection goes back to the pool
        try (closing) {
            try (PreparedStatement _ = closingStatement; ResultSet _ = closingResult) {
                // closed by the try
            }
            if (!closing.isClosed()) {
                if (complete) {
                    closing.commit();
                }
                else {
                    closing.rollback();
                }
            }
        }
    }
}

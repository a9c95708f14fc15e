package io.basin.engine;

import io.basin.embedded.QueryResult;
import io.trino.spi.Page;

import java.util.List;

/**
 * The outcome of a statement as it runs: for a query, its columns and a stream of result pages
 * (produced while the client reads them, with bounded memory); for other statements, the update
 * count. Must be closed; closing a query before its end cancels it.
 */
public interface StatementResult
        extends AutoCloseable
{
    /** The result columns; empty for statements that return no rows. */
    List<QueryResult.Column> columns();

    /**
     * The next page of rows, waiting for it if needed; {@code null} after the last one.
     *
     * @throws io.basin.error.BasinException when the query fails (or was canceled) meanwhile
     */
    Page nextPage();

    /** Rows written by INSERT or CREATE TABLE AS; -1 for statements that count nothing. */
    long updateCount();

    @Override
    void close();
}

package io.basin.pgwire;

import io.basin.embedded.QueryResult;
import io.basin.engine.Session;
import io.basin.engine.StatementResult;
import io.basin.engine.TransactionStatus;
import io.basin.sql.parser.Statement;
import io.trino.spi.Page;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A bound statement ready to execute, and once started, its running result: the page being sent
 * and the position in it, so an Execute with a row limit can stop mid-page and the next one
 * continue there.
 */
final class PgPortal
{
    private final String sql;
    private final Statement statement;
    private final short[] resultFormats;
    private StatementResult result;
    private TransactionStatus statusBefore;
    private List<ColumnEncoder> encoders;
    private Page currentPage;
    private int pagePosition;
    private long rowsSent;
    private String completedTag;
    private long startNanos;

    PgPortal(String sql, Statement statement, short[] resultFormats)
    {
        this.sql = requireNonNull(sql, "sql is null");
        // null for an empty query string, which executes to EmptyQueryResponse
        this.statement = statement;
        this.resultFormats = requireNonNull(resultFormats, "resultFormats is null");
    }

    /**
     * The statement as the client wrote it, with {@code $n} markers: what the server logs, never
     * the bound values (they may be secrets).
     */
    String sql()
    {
        return sql;
    }

    /** The parsed statement; null for an empty query string. */
    Statement statement()
    {
        return statement;
    }

    short[] resultFormats()
    {
        return resultFormats;
    }

    List<QueryResult.Column> describe(Session session)
    {
        if (result != null) {
            return result.columns();
        }
        // the planner validates a copy of the tree, so Execute can still plan this statement
        return session.describe(statement).columns();
    }

    boolean isStarted()
    {
        return result != null;
    }

    void start(StatementResult result, TransactionStatus statusBefore, List<ColumnEncoder> encoders)
    {
        this.result = requireNonNull(result, "result is null");
        this.startNanos = System.nanoTime();
        this.statusBefore = statusBefore;
        this.encoders = List.copyOf(encoders);
    }

    /** When the statement started (the first Execute), for the server log. */
    long startNanos()
    {
        return startNanos;
    }

    StatementResult result()
    {
        return result;
    }

    TransactionStatus statusBefore()
    {
        return statusBefore;
    }

    List<ColumnEncoder> encoders()
    {
        return encoders;
    }

    boolean hasCurrentPage()
    {
        return currentPage != null && pagePosition < currentPage.getPositionCount();
    }

    Page currentPage()
    {
        return currentPage;
    }

    int pagePosition()
    {
        return pagePosition;
    }

    void setCurrentPage(Page page)
    {
        currentPage = page;
        pagePosition = 0;
    }

    void advance(int rows)
    {
        pagePosition += rows;
        rowsSent += rows;
    }

    long rowsSent()
    {
        return rowsSent;
    }

    boolean isDone()
    {
        return completedTag != null;
    }

    String completedTag()
    {
        return completedTag;
    }

    /** Marks the portal complete with its command tag and releases the result; returns the tag. */
    String finish(String tag)
    {
        completedTag = tag;
        currentPage = null;
        if (result != null) {
            result.close();
        }
        return tag;
    }

    void close()
    {
        currentPage = null;
        if (result != null) {
            result.close();
        }
    }
}

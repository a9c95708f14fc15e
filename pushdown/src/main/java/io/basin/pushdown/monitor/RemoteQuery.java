package io.basin.pushdown.monitor;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One statement a source connector runs: its SQL, progress (rows and bytes read so far) and
 * state. The page source reading it reports progress and the outcome; a cancel may come from
 * another thread. Thread-safe.
 */
public final class RemoteQuery
{
    /** Where a statement is in its life. */
    public enum State { RUNNING, FINISHED, FAILED, CANCELED }

    /** A consistent copy of a statement's progress, one row of the system table. */
    public record Snapshot(long id, String source, String sql, State state, long rows, long bytes, Instant started, long elapsedNanos, Optional<String> error)
    {
        public Snapshot
        {
            requireNonNull(source, "source is null");
            requireNonNull(sql, "sql is null");
            requireNonNull(state, "state is null");
            requireNonNull(started, "started is null");
            requireNonNull(error, "error is null");
        }
    }

    private final RemoteQueryLog log;
    private final long id;
    private final Object transaction;
    private final String source;
    private final String sql;
    private final Statement statement;
    private final Instant started;
    private final long startNanos;
    private State state = State.RUNNING;
    private long rows;
    private long bytes;
    private long endNanos;
    private String error;

    RemoteQuery(RemoteQueryLog log, long id, Object transaction, String source, String sql, Statement statement, Instant started, long startNanos)
    {
        this.log = requireNonNull(log, "log is null");
        this.id = id;
        this.transaction = requireNonNull(transaction, "transaction is null");
        this.source = requireNonNull(source, "source is null");
        this.sql = requireNonNull(sql, "sql is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.started = requireNonNull(started, "started is null");
        this.startNanos = startNanos;
    }

    Object transaction()
    {
        return transaction;
    }

    /** Rows and bytes (as Basin pages) read since the last call. */
    public synchronized void progress(long rows, long bytes)
    {
        this.rows += rows;
        this.bytes += bytes;
    }

    /** The statement's result was read to its end. */
    public void succeeded()
    {
        end(State.FINISHED, null);
    }

    /** The statement failed (or was canceled: then it stays CANCELED). */
    public void failed(String message)
    {
        end(State.FAILED, message);
    }

    /** The reader stopped before the end (a LIMIT above it was satisfied). */
    public void abandoned()
    {
        end(State.FINISHED, null);
    }

    private void end(State outcome, String message)
    {
        synchronized (this) {
            if (endNanos != 0) {
                return;
            }
            endNanos = System.nanoTime();
            if (state == State.RUNNING) {
                state = outcome;
                error = message;
            }
        }
        log.finished(this);
    }

    /** Cancels the statement at the source, if it is still running. */
    void cancel()
    {
        synchronized (this) {
            if (state != State.RUNNING) {
                return;
            }
            state = State.CANCELED;
        }
        try {
            statement.cancel();
        }
        catch (SQLException | RuntimeException e) {
            // the statement may have just ended and its connection gone back to the pool; the
            // reader sees the failure, if any, when it next reads
            synchronized (this) {
                error = "cancel failed: " + e.getMessage();
            }
        }
    }

    public synchronized Snapshot snapshot()
    {
        long elapsed = (endNanos == 0 ? System.nanoTime() : endNanos) - startNanos;
        return new Snapshot(id, source, sql, state, rows, bytes, started, elapsed, Optional.ofNullable(error));
    }
}

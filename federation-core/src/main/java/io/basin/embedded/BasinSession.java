package io.basin.embedded;

import io.basin.engine.Session;

import static java.util.Objects.requireNonNull;

/** A session: its own default catalog/schema and settings. Not thread-safe; use one per thread. */
public final class BasinSession
        implements AutoCloseable
{
    private final Session session;

    BasinSession(Session session)
    {
        this.session = requireNonNull(session, "session is null");
    }

    /**
     * Runs one SQL statement and returns its rows (or update count).
     *
     * @throws io.basin.error.BasinException with an error code and SQLSTATE when the statement fails
     */
    public QueryResult execute(String sql)
    {
        return session.execute(sql);
    }

    /**
     * Asks the statement running in this session to stop; it then fails with SQLSTATE 57014.
     * Meant to be called from another thread (a CLI's Ctrl-C handler, a server's cancel request)
     * while {@link #execute} blocks. Does nothing when no statement is running.
     */
    public void cancel()
    {
        session.cancel();
    }

    /** The plan of a query as a readable tree (the text of EXPLAIN). */
    public String explain(String sql)
    {
        return session.explain(sql);
    }

    @Override
    public void close()
    {
        session.close();
    }
}

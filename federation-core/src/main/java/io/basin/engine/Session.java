package io.basin.engine;

import io.basin.embedded.QueryResult;
import io.basin.error.BasinException;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/** Session state and statement dispatch. */
public final class Session
        implements AutoCloseable
{
    private final Engine engine;

    Session(Engine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    public QueryResult execute(String sql)
    {
        throw new BasinException(FEATURE_NOT_SUPPORTED, "Cannot execute: the query engine is not wired yet");
    }

    public String explain(String sql)
    {
        throw new BasinException(FEATURE_NOT_SUPPORTED, "Cannot explain: the query engine is not wired yet");
    }

    @Override
    public void close() {}
}

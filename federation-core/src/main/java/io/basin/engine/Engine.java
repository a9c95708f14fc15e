package io.basin.engine;

import io.basin.embedded.BasinConfig;

import static java.util.Objects.requireNonNull;

/** The engine: connector host, planner and executor shared by all sessions. */
public final class Engine
        implements AutoCloseable
{
    private final BasinConfig config;

    public Engine(BasinConfig config)
    {
        this.config = requireNonNull(config, "config is null");
    }

    public BasinConfig config()
    {
        return config;
    }

    public Session newSession()
    {
        return new Session(this);
    }

    @Override
    public void close() {}
}

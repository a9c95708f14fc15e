package io.basin.embedded;

import static java.util.Objects.requireNonNull;

/**
 * The Java embedding API: one engine instance over one data directory.
 * <pre>{@code
 * try (Basin basin = Basin.open(BasinConfig.defaults());
 *         BasinSession session = basin.newSession()) {
 *     QueryResult result = session.execute("SELECT count(*) FROM tpch.tiny.lineitem");
 * }
 * }</pre>
 */
public final class Basin
        implements AutoCloseable
{
    private final BasinConfig config;
    private final io.basin.engine.Engine engine;

    private Basin(BasinConfig config)
    {
        this.config = requireNonNull(config, "config is null");
        this.engine = new io.basin.engine.Engine(config);
    }

    public static Basin open(BasinConfig config)
    {
        return new Basin(config);
    }

    /**
     * The version of this build, from the jar manifest ({@code Implementation-Version}); {@code dev}
     * when running from class directories, as in tests and IDEs.
     */
    public static String version()
    {
        String version = Basin.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    public BasinConfig config()
    {
        return config;
    }

    /** A new session of user {@code basin} in the local database {@code dev}, schema {@code public}. */
    public BasinSession newSession()
    {
        return new BasinSession(engine.newSession());
    }

    /** The engine behind this instance, for the server and tools in this module. */
    public io.basin.engine.Engine engine()
    {
        return engine;
    }

    @Override
    public void close()
    {
        engine.close();
    }
}

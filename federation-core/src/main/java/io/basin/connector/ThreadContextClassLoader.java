package io.basin.connector;

import static java.util.Objects.requireNonNull;

/**
 * Makes a plugin's class loader the thread's context class loader for a block, as libraries in
 * plugins (service loaders, JDBC drivers, Jackson modules) look classes up through it.
 * Use with try-with-resources.
 */
public final class ThreadContextClassLoader
        implements AutoCloseable
{
    private final Thread thread;
    private final ClassLoader original;

    public ThreadContextClassLoader(ClassLoader classLoader)
    {
        requireNonNull(classLoader, "classLoader is null");
        this.thread = Thread.currentThread();
        this.original = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
    }

    @Override
    public void close()
    {
        thread.setContextClassLoader(original);
    }
}

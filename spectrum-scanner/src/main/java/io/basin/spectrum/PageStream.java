package io.basin.spectrum;

import io.trino.spi.Page;

/**
 * The pages a scan returns, pulled by one consumer thread. {@link #close()} may come from any
 * thread and stops the scan; pages not yet taken are dropped.
 */
public interface PageStream
        extends AutoCloseable
{
    /**
     * The next page, waiting for the workers if none is ready; null when the scan is done.
     *
     * @throws io.trino.spi.TrinoException naming the file when a worker failed
     */
    Page next();

    @Override
    void close();
}

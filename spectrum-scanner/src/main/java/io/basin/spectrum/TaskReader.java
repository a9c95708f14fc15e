package io.basin.spectrum;

import io.trino.spi.Page;

import java.io.Closeable;
import java.io.IOException;

/** The pages a worker hands back for one {@link ScanTask}, one at a time: decoded, filtered, or aggregated. */
interface TaskReader
        extends Closeable
{
    /** The next page of rows, or null when the task is done. */
    Page nextPage()
            throws IOException;
}

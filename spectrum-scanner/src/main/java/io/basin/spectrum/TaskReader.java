package io.basin.spectrum;

import io.trino.spi.Page;

import java.io.Closeable;
import java.io.IOException;

/** Decodes the pages of one {@link ScanTask}, one at a time, on the worker that owns it. */
interface TaskReader
        extends Closeable
{
    /** The next page of decoded rows, or null when the task is done. */
    Page nextPage()
            throws IOException;
}

package io.basin.spectrum;

import io.trino.spi.connector.SourcePage;

import java.io.Closeable;
import java.io.IOException;

/**
 * Decodes the rows of one {@link ScanTask} batch by batch, on the worker that owns it. A batch's
 * columns are decoded only when first asked for, so a caller that reads the filter columns first
 * never decodes the others of a batch no row of which survives (late materialization).
 */
interface TaskBatchReader
        extends Closeable
{
    /**
     * The next batch, its channels the columns the reader was opened with and deleted rows
     * already dropped, or null when the task is done. The batch is valid until the next call.
     */
    SourcePage nextBatch()
            throws IOException;
}

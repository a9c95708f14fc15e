package io.basin.spectrum;

import io.trino.orc.AbstractOrcDataSource;
import io.trino.orc.OrcDataSourceId;
import io.trino.orc.OrcReaderOptions;
import org.apache.iceberg.io.InputFile;

import java.io.IOException;

/**
 * An ORC file seen through Iceberg's {@link InputFile}, so Trino's ORC reader works on a local
 * directory and on S3A alike. Closing twice is harmless (the ORC reader closes it when it caches a
 * small file in memory, and the task reader closes it again). Not thread-safe: one reader uses it
 * at a time.
 */
final class InputFileOrcDataSource
        extends AbstractOrcDataSource
{
    private final InputFileRangeReader input;

    InputFileOrcDataSource(InputFile file, long length, OrcReaderOptions options)
    {
        super(new OrcDataSourceId(file.location()), length, options);
        this.input = new InputFileRangeReader(file);
    }

    @Override
    protected void readInternal(long position, byte[] buffer, int bufferOffset, int bufferLength)
            throws IOException
    {
        input.readFully(position, buffer, bufferOffset, bufferLength);
    }

    @Override
    public void close()
            throws IOException
    {
        input.close();
    }
}

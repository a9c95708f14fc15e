package io.basin.spectrum;

import io.trino.parquet.AbstractParquetDataSource;
import io.trino.parquet.ParquetDataSourceId;
import io.trino.parquet.ParquetReaderOptions;
import org.apache.iceberg.io.InputFile;

import java.io.IOException;

/**
 * A Parquet file seen through Iceberg's {@link InputFile}, so the same reader works on a local
 * directory and on S3A. Not thread-safe: one reader uses it at a time.
 */
final class InputFileParquetDataSource
        extends AbstractParquetDataSource
{
    private final InputFileRangeReader input;

    InputFileParquetDataSource(InputFile file, long length, ParquetReaderOptions options)
    {
        super(new ParquetDataSourceId(file.location()), length, options);
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

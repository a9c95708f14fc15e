package io.basin.spectrum;

import io.trino.parquet.AbstractParquetDataSource;
import io.trino.parquet.ParquetDataSourceId;
import io.trino.parquet.ParquetReaderOptions;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.SeekableInputStream;

import java.io.EOFException;
import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * A Parquet file seen through Iceberg's {@link InputFile}, so the same reader works on a local
 * directory and on S3A. The stream is opened on the first read and kept for the rest.
 * Not thread-safe: one reader uses it at a time.
 */
final class InputFileParquetDataSource
        extends AbstractParquetDataSource
{
    private final InputFile file;
    private SeekableInputStream stream;

    InputFileParquetDataSource(InputFile file, long length, ParquetReaderOptions options)
    {
        super(new ParquetDataSourceId(file.location()), length, options);
        this.file = requireNonNull(file, "file is null");
    }

    @Override
    protected void readInternal(long position, byte[] buffer, int bufferOffset, int bufferLength)
            throws IOException
    {
        if (stream == null) {
            stream = file.newStream();
        }
        stream.seek(position);
        int done = 0;
        while (done < bufferLength) {
            int read = stream.read(buffer, bufferOffset + done, bufferLength - done);
            if (read < 0) {
                throw new EOFException("Cannot read %d bytes at %d of %s: the file ends at %d".formatted(bufferLength, position, file.location(), position + done));
            }
            done += read;
        }
    }

    @Override
    public void close()
            throws IOException
    {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}

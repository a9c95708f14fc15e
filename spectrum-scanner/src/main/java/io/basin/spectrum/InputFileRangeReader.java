package io.basin.spectrum;

import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.SeekableInputStream;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * Byte ranges of an Iceberg {@link InputFile}, a local file and an S3A object alike, for the
 * Parquet and ORC decoders' data sources. The stream is opened on the first read and kept for the
 * rest; closing twice is harmless. Not thread-safe: one reader uses it at a time.
 */
final class InputFileRangeReader
        implements Closeable
{
    private final InputFile file;
    private SeekableInputStream stream;

    InputFileRangeReader(InputFile file)
    {
        this.file = requireNonNull(file, "file is null");
    }

    String location()
    {
        return file.location();
    }

    void readFully(long position, byte[] buffer, int bufferOffset, int bufferLength)
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
            SeekableInputStream closing = stream;
            stream = null;
            closing.close();
        }
    }
}

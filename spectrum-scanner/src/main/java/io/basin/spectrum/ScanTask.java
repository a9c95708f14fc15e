package io.basin.spectrum;

import org.apache.iceberg.FileFormat;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One unit of work for a scan worker: a byte range of a data file. A Parquet row group belongs
 * to the task whose range holds its first byte, so the tasks of a file read each row group once.
 *
 * @param path the file's location (a {@code file:} or {@code s3a:} URI or a local path)
 * @param fileSize the file's length in bytes, from the table metadata (spares a request)
 * @param recordCount rows in the whole file
 */
public record ScanTask(String path, FileFormat format, long start, long length, long fileSize, long recordCount)
{
    public ScanTask
    {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        checkArgument(start >= 0 && length >= 0, "negative range of %s", path);
        checkArgument(fileSize >= 0, "negative size of %s", path);
    }
}

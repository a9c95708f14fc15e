package io.basin.spectrum;

import org.apache.iceberg.FileFormat;

import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One unit of work for a scan worker: a byte range of a data file. A Parquet row group belongs
 * to the task whose range holds its first byte, so the tasks of a file read each row group once.
 *
 * @param path the file's location (a {@code file:} or {@code s3a:} URI or a local path)
 * @param fileSize the file's length in bytes, from the table metadata (spares a request)
 * @param recordCount rows in the whole file
 * @param deletes the delete files whose deletes apply to this file's rows
 */
public record ScanTask(String path, FileFormat format, long start, long length, long fileSize, long recordCount, List<DeleteFileRef> deletes)
{
    /** A range of a file without deletes. */
    public ScanTask(String path, FileFormat format, long start, long length, long fileSize, long recordCount)
    {
        this(path, format, start, length, fileSize, recordCount, List.of());
    }

    public ScanTask
    {
        deletes = List.copyOf(requireNonNull(deletes, "deletes is null"));
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        checkArgument(start >= 0 && length >= 0, "negative range of %s", path);
        checkArgument(fileSize >= 0, "negative size of %s", path);
    }
}

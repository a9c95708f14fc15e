package io.basin.spectrum;

import org.apache.iceberg.FileFormat;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A delete file that applies to a {@link ScanTask}'s rows: position deletes (data file path and
 * row position pairs) or equality deletes (rows whose {@code equalityColumns} equal a deleted
 * row's). Which deletes apply to which data file is Iceberg's planning decision (sequence numbers).
 *
 * @param equalitySchemaJson for equality deletes, the Iceberg schema (SchemaParser JSON) of the
 *     equality columns, the way the delete file stores them
 */
public record DeleteFileRef(String path, FileFormat format, long fileSize, Kind kind, List<ScanColumn> equalityColumns, Optional<String> equalitySchemaJson)
{
    public enum Kind
    {
        POSITION,
        EQUALITY
    }

    public DeleteFileRef
    {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(kind, "kind is null");
        equalityColumns = List.copyOf(requireNonNull(equalityColumns, "equalityColumns is null"));
        requireNonNull(equalitySchemaJson, "equalitySchemaJson is null");
    }
}

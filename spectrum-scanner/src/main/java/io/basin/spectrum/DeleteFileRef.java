package io.basin.spectrum;

import org.apache.iceberg.FileFormat;

import java.util.List;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A delete file that applies to a {@link ScanTask}'s rows: position deletes (data file path and
 * row position pairs), equality deletes (rows whose {@code equalityColumns} equal a deleted
 * row's), or an Iceberg v3 deletion vector (a bitmap of one data file's deleted positions, one
 * blob of a Puffin file). Which deletes apply to which data file is Iceberg's planning decision
 * (sequence numbers).
 *
 * @param equalitySchemaJson for equality deletes, the Iceberg schema (SchemaParser JSON) of the
 *     equality columns, the way the delete file stores them
 * @param deletionVector for a deletion vector, where its blob lies in the Puffin file
 */
public record DeleteFileRef(String path, FileFormat format, long fileSize, Kind kind, List<ScanColumn> equalityColumns, Optional<String> equalitySchemaJson, Optional<DeletionVector> deletionVector)
{
    public enum Kind
    {
        POSITION,
        EQUALITY,
        DELETION_VECTOR
    }

    /**
     * The blob of a deletion vector: only this byte range of the Puffin file is read.
     *
     * @param referencedDataFile the one data file whose positions it deletes
     * @param cardinality the number of deleted positions, as the table metadata records it (Iceberg checks the blob against it)
     */
    public record DeletionVector(String referencedDataFile, long contentOffset, long contentSize, long cardinality)
    {
        public DeletionVector
        {
            requireNonNull(referencedDataFile, "referencedDataFile is null");
            checkArgument(contentOffset >= 0 && contentSize >= 0 && contentSize <= Integer.MAX_VALUE, "invalid deletion vector range %s+%s", contentOffset, contentSize);
            checkArgument(cardinality >= 0, "negative cardinality %s", cardinality);
        }
    }

    /** A position or equality delete file. */
    public DeleteFileRef(String path, FileFormat format, long fileSize, Kind kind, List<ScanColumn> equalityColumns, Optional<String> equalitySchemaJson)
    {
        this(path, format, fileSize, kind, equalityColumns, equalitySchemaJson, Optional.empty());
    }

    /** A deletion vector of a Puffin file. */
    public static DeleteFileRef deletionVector(String path, long fileSize, DeletionVector deletionVector)
    {
        return new DeleteFileRef(path, FileFormat.PUFFIN, fileSize, Kind.DELETION_VECTOR, List.of(), Optional.empty(), Optional.of(deletionVector));
    }

    public DeleteFileRef
    {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(kind, "kind is null");
        equalityColumns = List.copyOf(requireNonNull(equalityColumns, "equalityColumns is null"));
        requireNonNull(equalitySchemaJson, "equalitySchemaJson is null");
        requireNonNull(deletionVector, "deletionVector is null");
        checkArgument(deletionVector.isPresent() == (kind == Kind.DELETION_VECTOR), "a deletion vector's blob range is given exactly for deletion vectors: %s", path);
    }
}

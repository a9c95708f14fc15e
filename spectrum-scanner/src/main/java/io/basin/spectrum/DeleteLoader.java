package io.basin.spectrum;

import io.trino.spi.TrinoException;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileMetadata;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.orc.GenericOrcReader;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.deletes.PositionDeleteIndex;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.SeekableInputStream;
import org.apache.iceberg.orc.ORC;
import org.apache.iceberg.parquet.Parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_CORRUPT_FILE;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_NOT_SUPPORTED;
import static io.basin.spectrum.SpectrumErrorCode.describe;
import static java.util.Objects.requireNonNull;

/**
 * Reads the delete files of one scan, each once however many tasks it applies to: a delete file
 * usually covers many data files (and every range of each), and is small next to them. Delete
 * files (Parquet or ORC) are read with Iceberg's generic readers; of a deletion vector only its
 * blob's byte range is read, and Iceberg deserializes it (checking its magic, checksum and
 * cardinality). Thread-safe.
 */
final class DeleteLoader
{
    private static final Schema POSITION_SCHEMA = new Schema(MetadataColumns.DELETE_FILE_PATH, MetadataColumns.DELETE_FILE_POS);

    private final FileIO fileIO;
    private final ScanCounters counters;
    // position delete file -> data file path -> deleted positions
    private final Map<String, Map<String, long[]>> positionDeletes = new ConcurrentHashMap<>();
    // equality delete file -> deleted value tuples, in the order of the file's equality columns
    private final Map<String, Set<List<Object>>> equalityDeletes = new ConcurrentHashMap<>();
    // deletion vector (Puffin file and blob offset) -> deleted positions of its referenced data file
    private final Map<String, long[]> deletionVectors = new ConcurrentHashMap<>();

    DeleteLoader(FileIO fileIO, ScanCounters counters)
    {
        this.fileIO = requireNonNull(fileIO, "fileIO is null");
        this.counters = requireNonNull(counters, "counters is null");
    }

    /** The sorted row positions of {@code dataFile} deleted by the given position delete files and deletion vectors. */
    long[] deletedPositions(String dataFile, List<DeleteFileRef> deletes)
    {
        long[] merged = new long[0];
        for (DeleteFileRef delete : deletes) {
            long[] positions = switch (delete.kind()) {
                case POSITION -> positionDeletes.computeIfAbsent(delete.path(), _ -> loadPositions(delete)).get(dataFile);
                // a deletion vector deletes positions of its referenced file only (planning never gives it to another)
                case DELETION_VECTOR -> delete.deletionVector().orElseThrow().referencedDataFile().equals(dataFile)
                        ? deletionVectors.computeIfAbsent(delete.path() + "#" + delete.deletionVector().orElseThrow().contentOffset(), _ -> loadDeletionVector(delete))
                        : null;
                case EQUALITY -> throw new IllegalArgumentException("Not a source of deleted positions: equality delete file " + delete.path());
            };
            if (positions != null) {
                long[] combined = Arrays.copyOf(merged, merged.length + positions.length);
                System.arraycopy(positions, 0, combined, merged.length, positions.length);
                merged = combined;
            }
        }
        Arrays.sort(merged);
        return merged;
    }

    /** The deleted value tuples of an equality delete file. */
    Set<List<Object>> deletedRows(DeleteFileRef delete)
    {
        return equalityDeletes.computeIfAbsent(delete.path(), _ -> loadEqualityDeletes(delete));
    }

    private Map<String, long[]> loadPositions(DeleteFileRef delete)
    {
        Map<String, List<Long>> byFile = new HashMap<>();
        for (Record record : read(delete, POSITION_SCHEMA)) {
            byFile.computeIfAbsent(record.get(0, CharSequence.class).toString(), _ -> new ArrayList<>()).add(record.get(1, Long.class));
        }
        Map<String, long[]> positions = new HashMap<>();
        byFile.forEach((file, list) -> positions.put(file, list.stream().mapToLong(Long::longValue).sorted().toArray()));
        return positions;
    }

    private long[] loadDeletionVector(DeleteFileRef delete)
    {
        DeleteFileRef.DeletionVector vector = delete.deletionVector().orElseThrow();
        byte[] blob = new byte[(int) vector.contentSize()];
        try (SeekableInputStream stream = fileIO.newInputFile(delete.path(), delete.fileSize()).newStream()) {
            stream.seek(vector.contentOffset());
            int read = stream.readNBytes(blob, 0, blob.length);
            if (read != blob.length) {
                throw new TrinoException(LAKE_CORRUPT_FILE, "Cannot read the deletion vector of %s in %s: the file ends %d bytes into the blob of %d bytes at offset %d".formatted(
                        vector.referencedDataFile(), delete.path(), read, blob.length, vector.contentOffset()));
            }
        }
        catch (IOException | RuntimeException e) {
            throw ReadFailures.translate(delete.path(), e);
        }
        counters.addDeleteFile();
        // Iceberg checks the blob against the metadata it was committed with: its length and cardinality
        DeleteFile metadata = FileMetadata.deleteFileBuilder(PartitionSpec.unpartitioned())
                .ofPositionDeletes()
                .withFormat(delete.format())
                .withPath(delete.path())
                .withFileSizeInBytes(delete.fileSize())
                .withRecordCount(vector.cardinality())
                .withReferencedDataFile(vector.referencedDataFile())
                .withContentOffset(vector.contentOffset())
                .withContentSizeInBytes(vector.contentSize())
                .build();
        PositionDeleteIndex index;
        try {
            index = PositionDeleteIndex.deserialize(blob, metadata);
        }
        catch (RuntimeException e) {
            throw new TrinoException(LAKE_CORRUPT_FILE, "Cannot read the deletion vector of %s in %s (blob of %d bytes at offset %d): %s".formatted(
                    vector.referencedDataFile(), delete.path(), blob.length, vector.contentOffset(), describe(e)), e);
        }
        long[] positions = new long[Math.toIntExact(index.cardinality())];
        int[] count = new int[1];
        index.forEach(position -> positions[count[0]++] = position);
        Arrays.sort(positions);
        return positions;
    }

    private Set<List<Object>> loadEqualityDeletes(DeleteFileRef delete)
    {
        Schema schema = SchemaParser.fromJson(delete.equalitySchemaJson().orElseThrow(() -> new IllegalArgumentException("Equality delete file %s has no equality schema".formatted(delete.path()))));
        Set<List<Object>> rows = new HashSet<>();
        for (Record record : read(delete, schema)) {
            Object[] values = new Object[delete.equalityColumns().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = record.getField(delete.equalityColumns().get(i).name());
            }
            rows.add(Arrays.asList(values));
        }
        return rows;
    }

    private List<Record> read(DeleteFileRef delete, Schema schema)
    {
        InputFile input = fileIO.newInputFile(delete.path(), delete.fileSize());
        CloseableIterable<Record> opened = switch (delete.format()) {
            case PARQUET -> Parquet.read(input)
                    .project(schema)
                    .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema))
                    .build();
            case ORC -> ORC.read(input)
                    .project(schema)
                    .createReaderFunc(fileSchema -> GenericOrcReader.buildReader(schema, fileSchema))
                    .build();
            default -> throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot read delete file %s: %s delete files are not supported".formatted(delete.path(), delete.format()));
        };
        counters.addDeleteFile();
        List<Record> records = new ArrayList<>();
        try (CloseableIterable<Record> reader = opened) {
            // the reader reuses nothing for generic records, so they can be kept
            reader.forEach(records::add);
        }
        catch (IOException | RuntimeException e) {
            throw ReadFailures.translate(delete.path(), e instanceof IOException ? e : new IOException(describe(e), e));
        }
        return records;
    }
}

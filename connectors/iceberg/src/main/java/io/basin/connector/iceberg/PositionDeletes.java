package io.basin.connector.iceberg;

import io.basin.spectrum.ColumnComparison;
import io.basin.spectrum.IcebergValueWriter;
import io.trino.spi.TrinoException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.predicate.Domain;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableUtil;
import org.apache.iceberg.data.BaseDeleteLoader;
import org.apache.iceberg.data.GenericDeleteFilter;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.orc.GenericOrcReader;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.deletes.BaseDVFileWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DeleteWriteResult;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.orc.ORC;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.TypeUtil;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_IO_ERROR;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_NOT_SUPPORTED;
import static io.basin.spectrum.SpectrumErrorCode.describe;
import static io.trino.spi.StandardErrorCode.NOT_SUPPORTED;
import static io.trino.spi.type.TypeUtils.readNativeValue;

/**
 * {@code DELETE FROM t WHERE predicate} on a lake table as Iceberg v2 position deletes: every data
 * file the predicate may touch is read (with Iceberg's own reader, the deletes already on it
 * applied; a comparison of two columns, {@code a < b}, is checked on each row with the domains),
 * the positions of its matching rows go into one position delete file per data file
 * (Parquet, for ORC data files too: Iceberg lets delete files differ in format from the data),
 * and all of them commit in one row delta that checks nothing conflicting was committed since the
 * snapshot the statement read. A format v3 table gets deletion vectors instead (v3 forbids new
 * position delete files): one per touched data file, merged by Iceberg's DV writer with the
 * deletes already on that file (its previous vector, replaced in the same row delta), all in one
 * Puffin file. If anything fails, the delete files written are removed and the table is unchanged.
 */
final class PositionDeletes
{
    private PositionDeletes() {}

    /** Deletes the rows of {@code handle}'s snapshot that its predicate accepts; returns how many. */
    static long delete(Table table, IcebergTableHandle handle)
    {
        if (handle.snapshotId().isEmpty() || handle.predicate().isNone()) {
            return 0;
        }
        if (!IcebergExpressions.translatesExactly(handle.predicate())) {
            throw new TrinoException(NOT_SUPPORTED, "Cannot delete from %s: the condition compares a column of a type lake deletes do not support yet".formatted(handle.name()));
        }
        long snapshotId = handle.snapshotId().get();
        Expression filter = IcebergExpressions.toIceberg(handle.predicate());
        Schema schema = table.schemas().get(table.snapshot(snapshotId).schemaId());
        Set<Integer> filterFields = new HashSet<>(org.apache.iceberg.expressions.Binder.boundReferences(schema.asStruct(), List.of(filter), true));
        // comparisons of two columns are not Iceberg expressions: files are planned by the domains
        // alone (a superset), and each row is checked against the comparisons too
        for (IcebergColumnComparison comparison : handle.comparisons()) {
            filterFields.add(comparison.left().fieldId());
            filterFields.add(comparison.right().fieldId());
        }
        List<RowCheck> checks = rowChecks(schema, handle);
        boolean deletionVectors = TableUtil.formatVersion(table) >= 3;
        List<DeleteFile> written = new ArrayList<>();
        List<DeleteFile> replaced = new ArrayList<>();
        // the Puffin file of the deletion vectors, removed too if the statement fails
        String vectorsLocation = table.locationProvider().newDataLocation("dv-" + UUID.randomUUID() + ".puffin");
        // data file -> the position deletes and vectors already on it, which its new vector merges
        Map<String, List<DeleteFile>> previousDeletes = new HashMap<>();
        BaseDeleteLoader previousLoader = new BaseDeleteLoader(delete -> table.io().newInputFile(delete.location(), delete.fileSizeInBytes()));
        // null for a v2 table (a null resource is not closed)
        BaseDVFileWriter vectorWriter = !deletionVectors ? null : new BaseDVFileWriter(
                () -> table.io().newOutputFile(vectorsLocation),
                path -> previousDeletes.getOrDefault(path, List.of()).isEmpty() ? null : previousLoader.loadPositionDeletes(previousDeletes.get(path), path));
        long deleted = 0;
        try {
            try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId).filter(filter).planFiles(); vectorWriter) {
                for (FileScanTask task : tasks) {
                    List<Long> positions = matchingPositions(table, schema, filterFields, checks, task);
                    if (positions.isEmpty()) {
                        continue;
                    }
                    deleted += positions.size();
                    if (deletionVectors) {
                        DataFile file = task.file();
                        previousDeletes.put(file.location(), task.deletes().stream().filter(delete -> delete.content() == FileContent.POSITION_DELETES).toList());
                        for (long position : positions) {
                            vectorWriter.delete(file.location(), position, table.specs().get(file.specId()), file.partition());
                        }
                    }
                    else {
                        written.add(writeDeletes(table, task.file(), positions));
                    }
                }
            }
            if (deletionVectors) {
                DeleteWriteResult result = vectorWriter.result();
                written.addAll(result.deleteFiles());
                replaced.addAll(result.rewrittenDeleteFiles());
            }
            if (written.isEmpty()) {
                return 0;
            }
            RowDelta delta = table.newRowDelta()
                    .validateFromSnapshot(snapshotId)
                    .conflictDetectionFilter(filter)
                    .validateDataFilesExist(written.stream().map(delete -> delete.referencedDataFile()).filter(java.util.Objects::nonNull).toList())
                    .validateDeletedFiles()
                    .validateNoConflictingDataFiles()
                    .validateNoConflictingDeleteFiles();
            written.forEach(delta::addDeletes);
            replaced.forEach(delta::removeDeletes);
            delta.commit();
            return deleted;
        }
        catch (IOException | RuntimeException e) {
            if (deletionVectors) {
                try {
                    table.io().deleteFile(vectorsLocation);
                }
                catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            for (DeleteFile file : written) {
                if (file.location().equals(vectorsLocation)) {
                    continue;
                }
                try {
                    table.io().deleteFile(file.location());
                }
                catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            if (e instanceof TrinoException trino) {
                throw trino;
            }
            throw new TrinoException(LAKE_IO_ERROR, "Cannot delete from %s: %s".formatted(handle.name(), describe(e)), e);
        }
    }

    /**
     * What a row must pass to be deleted, made once for the statement: the predicate's domains, with
     * SQL's meaning of NULL (Iceberg's row evaluator orders nulls first), and the comparisons.
     */
    private static List<RowCheck> rowChecks(Schema schema, IcebergTableHandle handle)
    {
        List<RowCheck> checks = new ArrayList<>();
        handle.predicate().getDomains().orElseThrow().forEach((column, domain) ->
                checks.add(new ColumnCheck(schema.findField(column.fieldId()).name(), domain, IcebergValueWriter.forType(column.type()))));
        for (IcebergColumnComparison comparison : handle.comparisons()) {
            checks.add(new ComparisonCheck(schema.findField(comparison.left().fieldId()).name(), comparison.operator(), schema.findField(comparison.right().fieldId()).name()));
        }
        return List.copyOf(checks);
    }

    private static List<Long> matchingPositions(Table table, Schema schema, Set<Integer> filterFields, List<RowCheck> checks, FileScanTask task)
            throws IOException
    {
        DataFile file = task.file();
        Schema requested = TypeUtil.join(TypeUtil.select(schema, filterFields), new Schema(MetadataColumns.ROW_POSITION));
        GenericDeleteFilter deletes = new GenericDeleteFilter(table.io(), task, schema, requested);
        Schema read = deletes.requiredSchema();
        List<Long> positions = new ArrayList<>();
        try (CloseableIterable<Record> records = deletes.filter(readWithPositions(table, file, read))) {
            for (Record record : records) {
                if (checks.stream().allMatch(check -> check.accepts(record))) {
                    positions.add((Long) record.getField(MetadataColumns.ROW_POSITION.name()));
                }
            }
        }
        return positions;
    }

    /** The records of a data file with their positions ({@code _pos}), by Iceberg's generic reader for its format. */
    private static CloseableIterable<Record> readWithPositions(Table table, DataFile file, Schema read)
    {
        InputFile input = table.io().newInputFile(file.location(), file.fileSizeInBytes());
        return switch (file.format()) {
            case PARQUET -> Parquet.read(input)
                    .project(read)
                    .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(read, fileSchema, Map.of()))
                    .build();
            // the ORC reader is given the file's columns; the metadata columns come from the record reader
            case ORC -> ORC.read(input)
                    .project(TypeUtil.selectNot(read, MetadataColumns.metadataFieldIds()))
                    .createReaderFunc(fileSchema -> GenericOrcReader.buildReader(read, fileSchema))
                    .build();
            default -> throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot delete from %s: deleting rows of %s files is not supported".formatted(file.location(), file.format()));
        };
    }

    /** A test of one row, on Iceberg's generic values. */
    private interface RowCheck
    {
        boolean accepts(Record record);
    }

    /** One column's domain, checked on Iceberg's generic values. */
    private record ColumnCheck(String name, Domain domain, IcebergValueWriter writer)
            implements RowCheck
    {
        @Override
        public boolean accepts(Record record)
        {
            Object value = record.getField(name);
            if (value == null) {
                return domain.isNullAllowed();
            }
            BlockBuilder builder = domain.getType().createBlockBuilder(null, 1);
            writer.write(builder, value);
            return domain.includesNullableValue(readNativeValue(domain.getType(), builder.build(), 0));
        }
    }

    /**
     * A comparison of two columns of one type, checked on Iceberg's generic values (of one class for
     * one type: integers, dates, decimals of one scale, timestamps), with SQL's meaning of NULL: a
     * NULL on either side does not match.
     */
    private record ComparisonCheck(String left, ColumnComparison.Operator operator, String right)
            implements RowCheck
    {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public boolean accepts(Record record)
        {
            Object leftValue = record.getField(left);
            Object rightValue = record.getField(right);
            if (leftValue == null || rightValue == null) {
                return false;
            }
            return operator.accepts(((Comparable) leftValue).compareTo(rightValue));
        }
    }

    private static DeleteFile writeDeletes(Table table, DataFile file, List<Long> positions)
            throws IOException
    {
        PartitionSpec spec = table.specs().get(file.specId());
        String name = "delete-" + UUID.randomUUID() + ".parquet";
        OutputFile output = table.io().newOutputFile(table.locationProvider().newDataLocation(spec, file.partition(), name));
        PositionDeleteWriter<Record> writer = Parquet.writeDeletes(output)
                .setAll(table.properties())
                .withSpec(spec)
                .withPartition(file.partition())
                .overwrite()
                .buildPositionWriter();
        try (writer) {
            PositionDelete<Record> delete = PositionDelete.create();
            for (long position : positions) {
                writer.write(delete.set(file.location(), position));
            }
        }
        return writer.toDeleteFile();
    }
}

package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import org.apache.iceberg.MetadataColumns;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.orc.GenericOrcReader;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.orc.ORC;
import org.apache.iceberg.types.Types;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reads an ORC range (the stripes that start in it) with Iceberg's generic ORC reader, which finds
 * columns by field id, and copies the records into pages. A correct but row-at-a-time path: the
 * vectorized ORC decoder into blocks is still to come, and ORC stripes are not pruned yet.
 *
 * <p>Deletes (from Parquet delete files, as Basin writes them for ORC tables too, or ORC ones
 * that {@link DeleteLoader} reads) drop rows here: a record whose position in the file (Iceberg's
 * {@code _pos} metadata column, counted from the file's start whatever the range) was deleted, or
 * whose values equal a row of an equality delete file.
 */
final class OrcTaskReader
        implements TaskReader
{
    private static final int ROWS_PER_PAGE = 8192;

    private final ScanTask task;
    private final List<ScanColumn> columns;
    private final ScanCounters counters;
    private final CloseableIterable<Record> records;
    private final CloseableIterator<Record> iterator;
    private final IcebergValueWriter[] writers;
    // sorted deleted row positions of this file, and the equality deletes with the names their columns are read under
    private final long[] deletedPositions;
    private final List<EqualityDelete> equalityDeletes;

    OrcTaskReader(ScanTask task, List<ScanColumn> columns, InputFile file, ScanCounters counters, DeleteLoader deleteLoader)
    {
        this.task = requireNonNull(task, "task is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.counters = requireNonNull(counters, "counters is null");
        requireNonNull(deleteLoader, "deleteLoader is null");
        List<DeleteFileRef> positionFiles = task.deletes().stream().filter(delete -> delete.kind() == DeleteFileRef.Kind.POSITION).toList();
        this.deletedPositions = positionFiles.isEmpty() ? new long[0] : deleteLoader.deletedPositions(task.path(), positionFiles);
        List<Types.NestedField> fields = new ArrayList<>();
        for (ScanColumn column : columns) {
            addField(fields, column);
        }
        List<EqualityDelete> equality = new ArrayList<>();
        for (DeleteFileRef delete : task.deletes()) {
            if (delete.kind() == DeleteFileRef.Kind.EQUALITY) {
                delete.equalityColumns().forEach(column -> addField(fields, column));
                List<String> names = delete.equalityColumns().stream()
                        .map(column -> fields.stream().filter(field -> field.fieldId() == column.fieldId()).findFirst().orElseThrow().name())
                        .toList();
                equality.add(new EqualityDelete(names, deleteLoader.deletedRows(delete)));
            }
        }
        this.equalityDeletes = List.copyOf(equality);
        // the file holds the data columns; _pos comes from the reader
        Schema fileProjection = new Schema(fields);
        if (deletedPositions.length > 0) {
            fields.add(MetadataColumns.ROW_POSITION);
        }
        Schema projection = new Schema(fields);
        this.writers = columns.stream().map(column -> IcebergValueWriter.forType(column.type())).toArray(IcebergValueWriter[]::new);
        counters.addFile();
        this.records = ORC.read(file)
                .project(fileProjection)
                .split(task.start(), task.length())
                .createReaderFunc(fileSchema -> GenericOrcReader.buildReader(projection, fileSchema))
                .build();
        this.iterator = records.iterator();
    }

    private static void addField(List<Types.NestedField> fields, ScanColumn column)
    {
        if (fields.stream().noneMatch(field -> field.fieldId() == column.fieldId())) {
            fields.add(Types.NestedField.optional(column.fieldId(), column.name(), IcebergTypes.toIceberg(column.type())));
        }
    }

    private boolean deleted(Record record)
    {
        if (deletedPositions.length > 0 && Arrays.binarySearch(deletedPositions, (Long) record.getField(MetadataColumns.ROW_POSITION.name())) >= 0) {
            return true;
        }
        for (EqualityDelete delete : equalityDeletes) {
            if (delete.matches(record)) {
                return true;
            }
        }
        return false;
    }

    /** The rows of one equality delete file: a row is deleted when its values equal one of them (nulls equal). */
    private record EqualityDelete(List<String> names, Set<List<Object>> deletedRows)
    {
        boolean matches(Record record)
        {
            Object[] values = new Object[names.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = record.getField(names.get(i));
            }
            return deletedRows.contains(Arrays.asList(values));
        }
    }

    @Override
    public Page nextPage()
            throws IOException
    {
        PageBuilder builder = new PageBuilder(columns.stream().map(ScanColumn::type).toList());
        int rows = 0;
        int deleted = 0;
        try {
            while (rows < ROWS_PER_PAGE && iterator.hasNext()) {
                Record record = iterator.next();
                if (deleted(record)) {
                    deleted++;
                    continue;
                }
                builder.declarePosition();
                for (int i = 0; i < writers.length; i++) {
                    writers[i].write(builder.getBlockBuilder(i), record.getField(columns.get(i).name()));
                }
                rows++;
            }
        }
        catch (RuntimeException e) {
            throw ParquetTaskReader.translate(task.path(), e);
        }
        counters.addRowsRead(rows + deleted);
        counters.addRowsDeleted(deleted);
        if (rows == 0) {
            return null;
        }
        return columns.isEmpty() ? new Page(rows) : builder.build();
    }

    @Override
    public void close()
            throws IOException
    {
        try {
            iterator.close();
        }
        finally {
            records.close();
        }
    }
}

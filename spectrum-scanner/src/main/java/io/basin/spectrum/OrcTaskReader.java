package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.TrinoException;
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
import java.util.List;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * Reads an ORC range (the stripes that start in it) with Iceberg's generic ORC reader, which finds
 * columns by field id, and copies the records into pages. A correct but row-at-a-time path: the
 * vectorized ORC decoder into blocks is still to come, and ORC stripes are not pruned yet.
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

    OrcTaskReader(ScanTask task, List<ScanColumn> columns, InputFile file, ScanCounters counters)
    {
        this.task = requireNonNull(task, "task is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.counters = requireNonNull(counters, "counters is null");
        if (!task.deletes().isEmpty()) {
            throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot read %s: deletes on ORC files are not supported yet".formatted(task.path()));
        }
        List<Types.NestedField> fields = new ArrayList<>();
        for (ScanColumn column : columns) {
            if (fields.stream().noneMatch(field -> field.fieldId() == column.fieldId())) {
                fields.add(Types.NestedField.optional(column.fieldId(), column.name(), IcebergTypes.toIceberg(column.type())));
            }
        }
        Schema projection = new Schema(fields);
        this.writers = columns.stream().map(column -> IcebergValueWriter.forType(column.type())).toArray(IcebergValueWriter[]::new);
        counters.addFile();
        this.records = ORC.read(file)
                .project(projection)
                .split(task.start(), task.length())
                .createReaderFunc(fileSchema -> GenericOrcReader.buildReader(projection, fileSchema))
                .build();
        this.iterator = records.iterator();
    }

    @Override
    public Page nextPage()
            throws IOException
    {
        PageBuilder builder = new PageBuilder(columns.stream().map(ScanColumn::type).toList());
        int rows = 0;
        try {
            while (rows < ROWS_PER_PAGE && iterator.hasNext()) {
                Record record = iterator.next();
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
        if (rows == 0) {
            return null;
        }
        counters.addRowsRead(rows);
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

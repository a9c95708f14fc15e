package io.basin.spectrum;

import io.trino.memory.context.AggregatedMemoryContext;
import io.trino.parquet.Column;
import io.trino.parquet.Field;
import io.trino.parquet.ParquetReaderOptions;
import io.trino.parquet.metadata.BlockMetadata;
import io.trino.parquet.metadata.FileMetadata;
import io.trino.parquet.metadata.ParquetMetadata;
import io.trino.parquet.predicate.TupleDomainParquetPredicate;
import io.trino.parquet.reader.MetadataReader;
import io.trino.parquet.reader.ParquetReader;
import io.trino.parquet.reader.RowGroupInfo;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.TupleDomain;
import org.apache.iceberg.io.InputFile;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.io.ColumnIO;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.joda.time.DateTimeZone;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_CORRUPT_FILE;
import static io.trino.memory.context.AggregatedMemoryContext.newSimpleAggregatedMemoryContext;
import static io.trino.parquet.ParquetTypeUtils.constructField;
import static io.trino.parquet.ParquetTypeUtils.getColumnIO;
import static io.trino.parquet.ParquetTypeUtils.getDescriptors;
import static io.trino.parquet.ParquetTypeUtils.lookupColumnById;
import static io.trino.parquet.predicate.PredicateUtils.buildPredicate;
import static io.trino.parquet.predicate.PredicateUtils.getFilteredRowGroups;
import static java.util.Objects.requireNonNull;

/**
 * Reads a Parquet range with Trino's vectorized Parquet decoder: columns are found by Iceberg field
 * id (a column missing from an older file reads as nulls), only the requested columns are decoded,
 * and row groups are skipped by their statistics, dictionaries, bloom filters and page indexes
 * against the pushed predicate. Batches are handed over undecoded ({@link LazyBatch}): a column
 * decodes when first read, and the rows of batches that never read it are skipped (whole pages
 * of them without being decompressed).
 */
final class ParquetTaskReader
        implements TaskBatchReader
{
    // how many discrete values of a domain are checked against dictionaries and bloom filters
    private static final int DOMAIN_COMPACTION_THRESHOLD = 1000;
    private static final int MAX_ROWS_PER_COUNT_PAGE = 8192;

    private final ScanTask task;
    private final List<ScanColumn> columns;
    private final ScanCounters counters;
    private final InputFileParquetDataSource dataSource;
    private final AggregatedMemoryContext memoryContext = newSimpleAggregatedMemoryContext();
    // per output column: its channel in the reader's pages, or -1 when the file does not have it
    private final int[] readerChannels;
    private final List<io.trino.spi.type.Type> columnTypes;
    private ParquetReader reader;
    // when no column is read (count(*)): the rows of the surviving row groups still to return
    private long remainingRowsWithoutColumns;
    // deletes, and the reader channel of each column by field id (-1: the file lacks the column,
    // whose values are null), which equality deletes look their columns up in
    private final RowDeletes deletes;
    private int rowNumberChannel = -1;
    private final Map<Integer, Integer> channelsByFieldId = new HashMap<>();

    ParquetTaskReader(ScanTask task, List<ScanColumn> columns, TupleDomain<ScanColumn> predicate, InputFile file, ParquetReaderOptions options, ScanCounters counters, DeleteLoader deleteLoader)
    {
        this.task = requireNonNull(task, "task is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.counters = requireNonNull(counters, "counters is null");
        this.deletes = RowDeletes.load(task, deleteLoader);
        this.dataSource = new InputFileParquetDataSource(file, task.fileSize(), options);
        this.readerChannels = new int[columns.size()];
        this.columnTypes = this.columns.stream().map(ScanColumn::type).toList();
        try {
            open(predicate, options);
        }
        catch (IOException | RuntimeException e) {
            try {
                dataSource.close();
            }
            catch (IOException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw ReadFailures.translate(task.path(), e);
        }
    }

    private void open(TupleDomain<ScanColumn> predicate, ParquetReaderOptions options)
            throws IOException
    {
        counters.addFile();
        ParquetMetadata metadata = MetadataReader.readFooter(dataSource, Optional.empty());
        FileMetadata fileMetadata = metadata.getFileMetaData();
        MessageType fileSchema = fileMetadata.getSchema();

        Map<Integer, Type> fileFieldsById = new HashMap<>();
        for (Type field : fileSchema.getFields()) {
            if (field.getId() != null) {
                fileFieldsById.put(field.getId().intValue(), field);
            }
        }
        List<Type> requestedFields = new ArrayList<>();
        for (ScanColumn column : columns) {
            Type field = fileFieldsById.get(column.fieldId());
            if (field != null && !requestedFields.contains(field)) {
                requestedFields.add(field);
            }
        }
        // equality deletes compare columns that may not be returned
        for (ScanColumn column : deletes.equalityColumns()) {
            Type field = fileFieldsById.get(column.fieldId());
            if (field != null && !requestedFields.contains(field)) {
                requestedFields.add(field);
            }
        }
        // the predicate may name columns that are not returned: they are read for pruning only
        predicate.getDomains().ifPresent(domains -> domains.keySet().forEach(column -> {
            Type field = fileFieldsById.get(column.fieldId());
            if (field != null && !requestedFields.contains(field)) {
                requestedFields.add(field);
            }
        }));
        MessageType requestedSchema = new MessageType(fileSchema.getName(), requestedFields);
        MessageColumnIO messageColumnIO = getColumnIO(fileSchema, requestedSchema);
        Map<List<String>, ColumnDescriptor> descriptorsByPath = getDescriptors(fileSchema, requestedSchema);

        TupleDomain<ColumnDescriptor> parquetDomain = toParquetDomain(predicate, fileFieldsById, descriptorsByPath);
        TupleDomainParquetPredicate parquetPredicate = buildPredicate(requestedSchema, parquetDomain, descriptorsByPath, DateTimeZone.UTC);
        List<RowGroupInfo> rowGroups = getFilteredRowGroups(
                task.start(),
                task.length(),
                dataSource,
                metadata,
                List.of(parquetDomain),
                List.of(parquetPredicate),
                descriptorsByPath,
                DateTimeZone.UTC,
                DOMAIN_COMPACTION_THRESHOLD,
                options);
        long rowGroupsInRange = 0;
        for (BlockMetadata block : metadata.getBlocks(task.start(), task.length())) {
            long blockStart = block.getStartingPos();
            if (task.start() <= blockStart && blockStart < task.start() + task.length()) {
                rowGroupsInRange++;
            }
        }
        counters.addRowGroups(rowGroupsInRange, rowGroups.size());

        List<Column> readerColumns = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            readerChannels[i] = addReaderColumn(columns.get(i), fileFieldsById, messageColumnIO, readerColumns);
        }
        for (ScanColumn column : deletes.equalityColumns()) {
            addReaderColumn(column, fileFieldsById, messageColumnIO, readerColumns);
        }
        boolean rowNumbers = deletes.needsRowPositions();
        if (readerColumns.isEmpty() && !rowNumbers) {
            remainingRowsWithoutColumns = rowGroups.stream().mapToLong(group -> group.prunedBlockMetadata().getRowCount()).sum();
            counters.addRowsRead(remainingRowsWithoutColumns);
            return;
        }
        if (rowNumbers) {
            rowNumberChannel = readerColumns.size();
        }
        reader = new ParquetReader(
                Optional.ofNullable(fileMetadata.getCreatedBy()),
                readerColumns,
                rowNumbers,
                rowGroups,
                dataSource,
                DateTimeZone.UTC,
                memoryContext,
                options,
                exception -> ReadFailures.translate(task.path(), exception),
                Optional.of(parquetPredicate),
                Optional.empty());
    }

    /** Adds a column to the reader once (by field id); its reader channel, or -1 when the file lacks it. */
    private int addReaderColumn(ScanColumn column, Map<Integer, Type> fileFieldsById, MessageColumnIO messageColumnIO, List<Column> readerColumns)
    {
        Integer existing = channelsByFieldId.get(column.fieldId());
        if (existing != null) {
            return existing;
        }
        Type field = fileFieldsById.get(column.fieldId());
        if (field == null) {
            channelsByFieldId.put(column.fieldId(), -1);
            return -1;
        }
        ColumnIO columnIO = lookupColumnById(messageColumnIO, column.fieldId());
        Optional<Field> readerField = columnIO == null ? Optional.empty() : constructField(column.type(), columnIO);
        if (readerField.isEmpty()) {
            throw new TrinoException(LAKE_CORRUPT_FILE, "Cannot read column %s (field id %d) of %s as %s".formatted(column.name(), column.fieldId(), task.path(), column.type()));
        }
        int channel = readerColumns.size();
        readerColumns.add(new Column(field.getName(), readerField.get()));
        channelsByFieldId.put(column.fieldId(), channel);
        return channel;
    }

    private static TupleDomain<ColumnDescriptor> toParquetDomain(TupleDomain<ScanColumn> predicate, Map<Integer, Type> fileFieldsById, Map<List<String>, ColumnDescriptor> descriptorsByPath)
    {
        if (predicate.isNone()) {
            return TupleDomain.none();
        }
        Map<ColumnDescriptor, Domain> domains = new HashMap<>();
        predicate.getDomains().orElseThrow().forEach((column, domain) -> {
            Type field = fileFieldsById.get(column.fieldId());
            if (field == null || !field.isPrimitive()) {
                // a column the file lacks is all nulls there; pruning on it is left to the caller's filter
                return;
            }
            ColumnDescriptor descriptor = descriptorsByPath.get(List.of(field.getName()));
            if (descriptor != null) {
                domains.put(descriptor, domain);
            }
        });
        return TupleDomain.withColumnDomains(domains);
    }

    @Override
    public SourcePage nextBatch()
            throws IOException
    {
        if (reader == null) {
            if (remainingRowsWithoutColumns == 0) {
                return null;
            }
            int rows = (int) Math.min(remainingRowsWithoutColumns, MAX_ROWS_PER_COUNT_PAGE);
            remainingRowsWithoutColumns -= rows;
            return new LazyBatch(task.path(), null, rows, readerChannels, columnTypes);
        }
        SourcePage sourcePage;
        try {
            sourcePage = reader.nextPage();
        }
        catch (IOException | RuntimeException e) {
            throw ReadFailures.translate(task.path(), e);
        }
        if (sourcePage == null) {
            return null;
        }
        int positions = sourcePage.getPositionCount();
        counters.addRowsRead(positions);
        // nothing is decoded yet: the caller decodes the columns it needs, when it needs them
        LazyBatch batch = new LazyBatch(task.path(), sourcePage, positions, readerChannels, columnTypes);
        if (deletes.isEmpty()) {
            return batch;
        }
        int[] kept;
        try {
            Block rowNumbers = rowNumberChannel < 0 ? null : sourcePage.getBlock(rowNumberChannel);
            kept = deletes.survivingPositions(positions, rowNumbers, fieldId -> {
                int channel = channelsByFieldId.get(fieldId);
                return channel < 0 ? null : sourcePage.getBlock(channel);
            });
        }
        catch (RuntimeException e) {
            throw ReadFailures.translate(task.path(), e);
        }
        if (kept.length < positions) {
            counters.addRowsDeleted(positions - kept.length);
            batch.selectPositions(kept, 0, kept.length);
        }
        return batch;
    }

    @Override
    public void close()
            throws IOException
    {
        counters.addBytesRead(dataSource.getReadBytes());
        if (reader != null) {
            reader.close();
        }
        else {
            dataSource.close();
        }
        memoryContext.close();
    }
}

package io.basin.spectrum;

import io.trino.memory.context.AggregatedMemoryContext;
import io.trino.orc.NameBasedFieldMapper;
import io.trino.orc.OrcColumn;
import io.trino.orc.OrcPredicate;
import io.trino.orc.OrcReader;
import io.trino.orc.OrcReaderOptions;
import io.trino.orc.OrcRecordReader;
import io.trino.orc.TupleDomainOrcPredicate;
import io.trino.orc.metadata.Footer;
import io.trino.orc.metadata.OrcType.OrcTypeKind;
import io.trino.orc.metadata.StripeInformation;
import io.trino.orc.metadata.statistics.StripeStatistics;
import io.trino.spi.block.Block;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.Type;
import org.apache.iceberg.io.InputFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.trino.memory.context.AggregatedMemoryContext.newSimpleAggregatedMemoryContext;
import static io.trino.orc.OrcReader.INITIAL_BATCH_SIZE;
import static java.util.Objects.requireNonNull;
import static org.joda.time.DateTimeZone.UTC;

/**
 * Reads an ORC range (the stripes that start in it) with Trino's vectorized ORC decoder, straight
 * into blocks (dictionary-encoded strings may stay dictionary blocks). Columns are found by the
 * Iceberg field id each ORC column carries ({@code iceberg.id}), so renamed, reordered, dropped and
 * widened columns read as in any other Iceberg engine, and a column missing from an older file
 * reads as nulls. Only the requested columns are decoded, and stripes and their row groups are
 * skipped by their statistics against the pushed predicate.
 *
 * <p>Deletes drop rows here: a row whose position in the file (counted from the file's start,
 * whatever the range) was deleted, or whose values equal a row of an equality delete file.
 */
final class OrcTaskReader
        implements TaskBatchReader
{
    // how many discrete values of a domain are checked against bloom filters
    private static final int DOMAIN_COMPACTION_THRESHOLD = 1000;
    // the attribute Iceberg's ORC writer gives each column (package-private in Iceberg)
    private static final String ICEBERG_ID_ATTRIBUTE = "iceberg.id";
    // ORC kinds without min/max statistics of their own: the predicate never names them
    private static final Set<OrcTypeKind> NESTED_KINDS = EnumSet.of(OrcTypeKind.STRUCT, OrcTypeKind.LIST, OrcTypeKind.MAP, OrcTypeKind.UNION);

    private final ScanTask task;
    private final List<ScanColumn> columns;
    private final ScanCounters counters;
    private final InputFileOrcDataSource dataSource;
    private final AggregatedMemoryContext memoryContext = newSimpleAggregatedMemoryContext();
    private final RowDeletes deletes;
    // per output column: its channel in the reader's pages, or -1 when the file does not have it
    private final int[] readerChannels;
    private final List<Type> columnTypes;
    // the reader channel of every column read, by field id (-1: the file lacks it), for equality deletes
    private final Map<Integer, Integer> channelsByFieldId = new HashMap<>();
    private int rowPositionChannel = -1;
    // null when the file has no rows at all
    private OrcRecordReader reader;
    private boolean closed;

    OrcTaskReader(ScanTask task, List<ScanColumn> columns, TupleDomain<ScanColumn> predicate, InputFile file, OrcReaderOptions options, ScanCounters counters, DeleteLoader deleteLoader)
    {
        this.task = requireNonNull(task, "task is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.counters = requireNonNull(counters, "counters is null");
        requireNonNull(predicate, "predicate is null");
        this.deletes = RowDeletes.load(task, deleteLoader);
        this.dataSource = new InputFileOrcDataSource(file, task.fileSize(), options);
        this.readerChannels = new int[columns.size()];
        this.columnTypes = this.columns.stream().map(ScanColumn::type).toList();
        try {
            open(predicate, options);
        }
        catch (IOException | RuntimeException e) {
            try {
                close();
            }
            catch (IOException | RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw ReadFailures.translate(task.path(), e);
        }
    }

    private void open(TupleDomain<ScanColumn> predicate, OrcReaderOptions options)
            throws IOException
    {
        counters.addFile();
        Optional<OrcReader> orcReader = OrcReader.createOrcReader(dataSource, options);
        if (orcReader.isEmpty()) {
            // a zero-length file holds no rows
            counters.addRowGroups(0, 0);
            return;
        }
        Map<Integer, OrcColumn> fileColumnsById = columnsById(orcReader.get().getRootColumn().getNestedColumns());

        List<OrcColumn> readColumns = new ArrayList<>();
        List<Type> readTypes = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            readerChannels[i] = addReaderColumn(columns.get(i), fileColumnsById, readColumns, readTypes);
        }
        // equality deletes compare columns that may not be returned
        for (ScanColumn column : deletes.equalityColumns()) {
            addReaderColumn(column, fileColumnsById, readColumns, readTypes);
        }
        if (deletes.needsRowPositions()) {
            // the record reader appends the rows' file positions after the columns
            rowPositionChannel = readColumns.size();
        }

        OrcPredicate orcPredicate = toOrcPredicate(predicate, fileColumnsById);
        countStripes(orcReader.get().getFooter(), orcReader.get().getMetadata().getStripeStatsList(), orcPredicate);
        reader = orcReader.get().createRecordReader(
                readColumns,
                readTypes,
                Collections.nCopies(readColumns.size(), OrcReader.fullyProjectedLayout()),
                deletes.needsRowPositions(),
                orcPredicate,
                task.start(),
                task.length(),
                // Iceberg's timestamps without zone are stored as UTC
                UTC,
                memoryContext,
                INITIAL_BATCH_SIZE,
                exception -> ReadFailures.translate(task.path(), exception),
                NameBasedFieldMapper::create);
    }

    /**
     * The file's top-level columns by Iceberg field id. A file written without ids (not by an
     * Iceberg writer) is matched by column name, as Iceberg's own readers do without a name mapping.
     */
    private Map<Integer, OrcColumn> columnsById(List<OrcColumn> fileColumns)
    {
        Map<Integer, OrcColumn> byId = new HashMap<>();
        for (OrcColumn column : fileColumns) {
            String id = column.getAttributes().get(ICEBERG_ID_ATTRIBUTE);
            if (id != null) {
                byId.put(Integer.parseInt(id), column);
            }
        }
        if (!byId.isEmpty() || fileColumns.isEmpty()) {
            return byId;
        }
        Map<String, OrcColumn> byName = new HashMap<>();
        fileColumns.forEach(column -> byName.put(column.getColumnName(), column));
        List<ScanColumn> wanted = new ArrayList<>(columns);
        wanted.addAll(deletes.equalityColumns());
        for (ScanColumn column : wanted) {
            OrcColumn match = byName.get(column.name());
            if (match != null) {
                byId.put(column.fieldId(), match);
            }
        }
        return byId;
    }

    /** Adds a column to the reader once (by field id); its reader channel, or -1 when the file lacks it. */
    private int addReaderColumn(ScanColumn column, Map<Integer, OrcColumn> fileColumnsById, List<OrcColumn> readColumns, List<Type> readTypes)
    {
        Integer existing = channelsByFieldId.get(column.fieldId());
        if (existing != null) {
            return existing;
        }
        OrcColumn fileColumn = fileColumnsById.get(column.fieldId());
        if (fileColumn == null) {
            channelsByFieldId.put(column.fieldId(), -1);
            return -1;
        }
        int channel = readColumns.size();
        readColumns.add(fileColumn);
        // the table's current type: the decoder widens int to bigint, float to double and decimals
        readTypes.add(column.type());
        channelsByFieldId.put(column.fieldId(), channel);
        return channel;
    }

    private static OrcPredicate toOrcPredicate(TupleDomain<ScanColumn> predicate, Map<Integer, OrcColumn> fileColumnsById)
    {
        if (predicate.isNone()) {
            // nothing can match: every stripe is skipped
            return (numberOfRows, statistics) -> false;
        }
        TupleDomainOrcPredicate.TupleDomainOrcPredicateBuilder builder = TupleDomainOrcPredicate.builder()
                .setBloomFiltersEnabled(true)
                .setDomainCompactionThreshold(DOMAIN_COMPACTION_THRESHOLD);
        predicate.getDomains().orElseThrow().forEach((column, domain) -> {
            OrcColumn fileColumn = fileColumnsById.get(column.fieldId());
            // a column the file lacks is all nulls there; filtering on it is left to the caller's filter
            if (fileColumn != null && !NESTED_KINDS.contains(fileColumn.getColumnType())) {
                builder.addColumn(fileColumn.getColumnId(), domain);
            }
        });
        return builder.build();
    }

    /**
     * Counts the stripes of the range and those the predicate keeps, for the scan counters: the
     * record reader decides the same way (file statistics first, then each stripe's) but does not
     * say what it skipped.
     */
    private void countStripes(Footer footer, List<Optional<StripeStatistics>> stripeStatistics, OrcPredicate predicate)
    {
        List<StripeInformation> stripes = footer.getStripes();
        boolean fileMatches = footer.getFileStats().map(statistics -> predicate.matches(footer.getNumberOfRows(), statistics)).orElse(true);
        // statistics that do not line up with the stripes are ignored, as by the reader
        boolean statisticsUsable = stripeStatistics.size() == stripes.size();
        long total = 0;
        long read = 0;
        for (int i = 0; i < stripes.size(); i++) {
            StripeInformation stripe = stripes.get(i);
            if (stripe.getOffset() < task.start() || stripe.getOffset() >= task.start() + task.length()) {
                continue;
            }
            total++;
            Optional<StripeStatistics> statistics = statisticsUsable ? stripeStatistics.get(i) : Optional.empty();
            if (fileMatches && statistics.map(stats -> predicate.matches(stripe.getNumberOfRows(), stats.getColumnStatistics())).orElse(true)) {
                read++;
            }
        }
        counters.addRowGroups(total, read);
    }

    @Override
    public SourcePage nextBatch()
            throws IOException
    {
        if (reader == null) {
            return null;
        }
        try {
            SourcePage sourcePage = reader.nextPage();
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
            Block rowPositions = rowPositionChannel < 0 ? null : sourcePage.getBlock(rowPositionChannel);
            int[] kept = deletes.survivingPositions(positions, rowPositions, fieldId -> {
                int channel = channelsByFieldId.get(fieldId);
                return channel < 0 ? null : sourcePage.getBlock(channel);
            });
            if (kept.length < positions) {
                counters.addRowsDeleted(positions - kept.length);
                batch.selectPositions(kept, 0, kept.length);
            }
            return batch;
        }
        catch (IOException | RuntimeException e) {
            throw ReadFailures.translate(task.path(), e);
        }
    }

    @Override
    public void close()
            throws IOException
    {
        if (closed) {
            return;
        }
        closed = true;
        counters.addBytesRead(dataSource.getReadBytes());
        try {
            if (reader != null) {
                OrcRecordReader closing = reader;
                reader = null;
                closing.close();
            }
        }
        finally {
            // the record reader closes the source it reads, which is this one unless it cached the file in memory
            dataSource.close();
            memoryContext.close();
        }
    }
}

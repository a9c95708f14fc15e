package io.basin.execution.operator.join;

import io.basin.execution.RowViews;
import io.basin.execution.hash.KeyType;
import io.basin.execution.hash.LongBitmapFilter;
import io.basin.execution.hash.LongKeys;
import io.basin.execution.operator.Operator;
import io.basin.execution.operator.PageConsumer;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.type.Type;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One driver's probe of the join hash table; see {@link LookupJoinOperatorFactory}. */
final class LookupJoinOperator
        implements Operator
{
    private static final int OUTPUT_BATCH = 16 * 1024;
    private static final int PREFILTER_SAMPLE_ROWS = 65_536;

    private final LookupJoinOperatorFactory factory;
    private final LookupJoinOperatorFactory.Mode mode;
    private final int bucket;
    private final JoinHashTable table;
    private final Optional<JoinFilter> filter;
    private final int[] probeKeyChannels;
    private final List<Type> probeTypes;
    private final List<Type> buildTypes;
    private final boolean buildOutputFirst;
    private final boolean[] visited;
    // the probe's columns may be row views (see RowViews): rows handed on are gathered, never passed through
    private final boolean probeRowViews;
    private final boolean buildRowViews;

    private int[] pairProbe = new int[OUTPUT_BATCH];
    // per page of the long-key probe: each row's key and first candidate build row
    private long[] probeValues = new long[0];
    // the packed probe's second key and its NULL marks
    private long[] secondValues = new long[0];
    private int[] secondMarks = new int[0];
    // the build keys' bitmap, tested before the table while it drops enough rows (see prefilter)
    private LongBitmapFilter keyBitmap;
    private boolean keyBitmapChecked;
    private long prefilterSeen;
    private long prefilterKept;
    private int[] probeCandidates = new int[0];
    private int[] pairBuild = new int[OUTPUT_BATCH];
    private int pairCount;

    LookupJoinOperator(LookupJoinOperatorFactory factory, int bucket, JoinHashTable table, Optional<JoinFilter> filter)
    {
        this.factory = factory;
        this.bucket = bucket;
        this.mode = factory.mode();
        this.table = table;
        this.filter = filter;
        this.probeKeyChannels = factory.probeKeyChannels();
        this.probeTypes = factory.probeTypes();
        this.buildTypes = factory.buildTypes();
        this.buildOutputFirst = factory.buildOutputFirst();
        this.visited = mode.tracksBuildRows() ? new boolean[table.rowCount()] : null;
        this.probeRowViews = factory.probeRowViews();
        this.buildRowViews = factory.buildRowViews();
    }

    @Override
    public void addInput(Page page, PageConsumer output)
    {
        int positions = page.getPositionCount();
        if (table.isEmpty()) {
            switch (mode) {
                case INNER, SEMI, BUILD_SEMI, BUILD_ANTI, BUILD_OUTER -> {
                    return;
                }
                case ANTI -> {
                    output.accept(probeRowViews ? RowViews.materialize(page) : page);
                    return;
                }
                case PROBE_OUTER, FULL -> {
                    output.accept(withNullBuild(page, identity(positions), positions));
                    return;
                }
            }
        }
        Block[] probeKeys = new Block[probeKeyChannels.length];
        for (int i = 0; i < probeKeys.length; i++) {
            probeKeys[i] = page.getBlock(probeKeyChannels[i]);
        }
        // matched[p]: probe row p has at least one surviving pair (for outer, semi and anti joins)
        boolean buildSide = mode == LookupJoinOperatorFactory.Mode.BUILD_SEMI || mode == LookupJoinOperatorFactory.Mode.BUILD_ANTI;
        boolean[] matched = mode == LookupJoinOperatorFactory.Mode.INNER || mode == LookupJoinOperatorFactory.Mode.BUILD_OUTER || buildSide ? null : new boolean[positions];
        pairCount = 0;
        boolean semiWithoutFilter = (mode == LookupJoinOperatorFactory.Mode.SEMI || mode == LookupJoinOperatorFactory.Mode.ANTI) && filter.isEmpty();
        if (table.hasKeys() && table.isLongFastPath()) {
            probeLongKeys(probeKeys[0], page, output, matched, semiWithoutFilter);
        }
        else if (table.hasKeys() && table.isPackedPair()) {
            probePackedKeys(probeKeys[0], probeKeys[1], page, output, matched, semiWithoutFilter);
        }
        else {
            for (int position = 0; position < positions; position++) {
                if (!table.hasKeys()) {
                    for (int row = 0; row < table.rowCount(); row++) {
                        addPair(position, row, page, output, matched);
                        if (semiWithoutFilter) {
                            break;
                        }
                    }
                    continue;
                }
                if (table.hasUnmatchableNull(probeKeys, position)) {
                    continue;
                }
                long hash = table.hash(probeKeys, position);
                for (int row = table.firstRow(hash); row >= 0; row = table.nextRow(row)) {
                    if (table.keysEqual(row, probeKeys, position)) {
                        addPair(position, row, page, output, matched);
                        if (semiWithoutFilter) {
                            break;
                        }
                    }
                }
            }
        }
        flushPairs(page, output, matched);
        switch (mode) {
            case SEMI -> emitProbeRows(page, matched, true, output);
            case ANTI -> emitProbeRows(page, matched, false, output);
            case PROBE_OUTER, FULL -> {
                int[] unmatched = selectProbeRows(matched, false);
                if (unmatched.length > 0) {
                    output.accept(withNullBuild(page, unmatched, unmatched.length));
                }
            }
            default -> {
            }
        }
    }

    /**
     * The probe of a single long key in two passes over the page: first every row's key and first
     * candidate build row, then the candidates' chains. Each pass's loads are independent of one
     * another, so the CPU overlaps their cache misses, where one loop doing both per row waits for
     * each row's bucket before it can look at the row's build keys.
     */
    private void probeLongKeys(Block keys, Page page, PageConsumer output, boolean[] matched, boolean firstMatchOnly)
    {
        int positions = page.getPositionCount();
        ensureProbeCapacity(positions);
        readKeys(keys, 0, positions, probeValues, probeCandidates);
        prefilter(positions);
        probeChains(positions, page, output, matched, firstMatchOnly);
    }

    /**
     * Marks the rows whose key is not among the build's (-1 in {@code probeCandidates}) by the
     * build keys' bitmap, when there is one, without a branch per row. After
     * {@value #PREFILTER_SAMPLE_ROWS} rows a driver stops when the bitmap kept more than half of
     * them: the table then finds partners for most rows, and the test is work for nothing.
     */
    private void prefilter(int positions)
    {
        if (!keyBitmapChecked) {
            keyBitmapChecked = true;
            keyBitmap = table.keyBitmap().orElse(null);
        }
        if (keyBitmap == null) {
            return;
        }
        long[] values = probeValues;
        int[] candidates = probeCandidates;
        int kept = 0;
        for (int position = 0; position < positions; position++) {
            boolean partner = keyBitmap.mightContain(values[position]);
            candidates[position] |= partner ? 0 : -1;
            kept += partner ? 1 : 0;
        }
        prefilterSeen += positions;
        prefilterKept += kept;
        if (prefilterSeen >= PREFILTER_SAMPLE_ROWS && prefilterKept * 2 > prefilterSeen) {
            keyBitmap = null;
        }
    }

    /**
     * Two long keys whose build values fit in an int, packed into one long as the table packed
     * them ({@link JoinHashTable#packPair}): probed as one long key. A row with a NULL key, or a key
     * outside the int range, has no partner.
     */
    private void probePackedKeys(Block first, Block second, Page page, PageConsumer output, boolean[] matched, boolean firstMatchOnly)
    {
        int positions = page.getPositionCount();
        ensureProbeCapacity(positions);
        if (secondValues.length < positions) {
            secondValues = new long[positions];
            secondMarks = new int[positions];
        }
        long[] values = probeValues;
        long[] seconds = secondValues;
        int[] candidates = probeCandidates;
        int[] secondCandidates = secondMarks;
        readKeys(first, 0, positions, values, candidates);
        // a NULL second key marks the row too: candidates only ever go from 0 to -1
        readKeys(second, 1, positions, seconds, secondCandidates);
        for (int position = 0; position < positions; position++) {
            long firstValue = values[position];
            long secondValue = seconds[position];
            values[position] = JoinHashTable.packPair(firstValue, secondValue);
            candidates[position] |= secondCandidates[position] | (firstValue == (int) firstValue && secondValue == (int) secondValue ? 0 : -1);
        }
        probeChains(positions, page, output, matched, firstMatchOnly);
    }

    /** Key {@code key}'s values of the page's rows into {@code values}, and 0 (a key) or -1 (NULL: no partner) into {@code candidates}. */
    private void readKeys(Block keys, int key, int positions, long[] values, int[] candidates)
    {
        LongKeys.read(keys, table.keyType(key), positions, values, candidates);
    }

    private void ensureProbeCapacity(int positions)
    {
        if (probeValues.length < positions) {
            probeValues = new long[positions];
            probeCandidates = new int[positions];
        }
    }

    /**
     * The probe by the long values in {@code probeValues}, of the rows whose {@code probeCandidates}
     * entry is 0 (the others, -1, have no partner): first each row's first candidate build row,
     * then each row's chain of candidates, compared by value.
     */
    private void probeChains(int positions, Page page, PageConsumer output, boolean[] matched, boolean firstMatchOnly)
    {
        long[] values = probeValues;
        int[] candidates = probeCandidates;
        for (int position = 0; position < positions; position++) {
            candidates[position] = candidates[position] < 0 ? -1 : table.firstRow(KeyType.mix(values[position]));
        }
        for (int position = 0; position < positions; position++) {
            int row = candidates[position];
            if (row < 0) {
                continue;
            }
            long value = values[position];
            for (; row >= 0; row = table.nextRow(row)) {
                if (table.longKey(row) == value) {
                    addPair(position, row, page, output, matched);
                    if (firstMatchOnly) {
                        break;
                    }
                }
            }
        }
    }

    private void addPair(int probePosition, int buildRow, Page page, PageConsumer output, boolean[] matched)
    {
        if (pairCount == pairProbe.length) {
            flushPairs(page, output, matched);
        }
        pairProbe[pairCount] = probePosition;
        pairBuild[pairCount] = buildRow;
        pairCount++;
    }

    private void flushPairs(Page page, PageConsumer output, boolean[] matched)
    {
        if (pairCount == 0) {
            return;
        }
        int count = pairCount;
        pairCount = 0;
        int[] probe = Arrays.copyOf(pairProbe, count);
        int[] build = Arrays.copyOf(pairBuild, count);
        boolean outputsPairs = mode == LookupJoinOperatorFactory.Mode.INNER || mode == LookupJoinOperatorFactory.Mode.PROBE_OUTER || mode == LookupJoinOperatorFactory.Mode.FULL
                || mode == LookupJoinOperatorFactory.Mode.BUILD_OUTER;
        Page candidates = null;
        if (filter.isPresent()) {
            candidates = pairPage(page, probe, build, count, !outputsPairs && isBuildSideMode());
            int[] survivors = filter.get().filter(candidates);
            if (survivors.length != count) {
                int[] newProbe = new int[survivors.length];
                int[] newBuild = new int[survivors.length];
                for (int i = 0; i < survivors.length; i++) {
                    newProbe[i] = probe[survivors[i]];
                    newBuild[i] = build[survivors[i]];
                }
                probe = newProbe;
                build = newBuild;
                count = survivors.length;
                // build views are gathered anew: copying a dictionary block's positions hashes every id
                candidates = !outputsPairs || count == 0 ? null
                        : buildRowViews ? pairPage(page, probe, build, count, false)
                        : candidates.copyPositions(survivors, 0, count);
            }
        }
        if (matched != null) {
            for (int i = 0; i < count; i++) {
                matched[probe[i]] = true;
            }
        }
        if (visited != null) {
            for (int i = 0; i < count; i++) {
                visited[build[i]] = true;
            }
        }
        if (outputsPairs && count > 0) {
            output.accept(candidates != null ? candidates : pairPage(page, probe, build, count, false));
        }
    }

    private boolean isBuildSideMode()
    {
        return mode == LookupJoinOperatorFactory.Mode.BUILD_SEMI || mode == LookupJoinOperatorFactory.Mode.BUILD_ANTI;
    }

    /**
     * Candidate pairs laid out as the join's rows. For build-side semi/anti joins the build side is
     * the plan's left input, so the filter sees build columns first.
     */
    private Page pairPage(Page page, int[] probe, int[] build, int count, boolean buildFirst)
    {
        Block[] buildColumns = table.columns();
        Block[] blocks = new Block[page.getChannelCount() + buildColumns.length];
        boolean first = buildFirst || buildOutputFirst;
        int probeOffset = first ? buildColumns.length : 0;
        int buildOffset = first ? 0 : page.getChannelCount();
        for (int channel = 0; channel < page.getChannelCount(); channel++) {
            blocks[probeOffset + channel] = RowViews.copy(page.getBlock(channel), probe, count);
        }
        for (int channel = 0; channel < buildColumns.length; channel++) {
            // the build array is this page's own: views may keep it
            blocks[buildOffset + channel] = buildRowViews ? RowViews.view(buildColumns[channel], build, count) : buildColumns[channel].copyPositions(build, 0, count);
        }
        return new Page(count, blocks);
    }

    private Page withNullBuild(Page page, int[] positions, int count)
    {
        Block[] blocks = new Block[page.getChannelCount() + buildTypes.size()];
        int probeOffset = buildOutputFirst ? buildTypes.size() : 0;
        int buildOffset = buildOutputFirst ? 0 : page.getChannelCount();
        for (int channel = 0; channel < page.getChannelCount(); channel++) {
            Block block = page.getBlock(channel);
            blocks[probeOffset + channel] = count == page.getPositionCount() && !probeRowViews ? block : RowViews.copy(block, positions, count);
        }
        for (int channel = 0; channel < buildTypes.size(); channel++) {
            blocks[buildOffset + channel] = RunLengthEncodedBlock.create(buildTypes.get(channel), null, count);
        }
        return new Page(count, blocks);
    }

    /** The build rows (the join's output: build columns only) that were matched, or not matched. */
    private void emitBuildRows(boolean[] allVisited, boolean wanted, PageConsumer output)
    {
        Block[] buildColumns = table.columns();
        int[] rows = new int[OUTPUT_BATCH];
        int count = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            boolean hit = allVisited != null && allVisited[row];
            if (hit == wanted) {
                rows[count++] = row;
                if (count == rows.length) {
                    output.accept(buildPage(buildColumns, rows, count));
                    count = 0;
                }
            }
        }
        if (count > 0) {
            output.accept(buildPage(buildColumns, rows, count));
        }
    }

    private static Page buildPage(Block[] columns, int[] rows, int count)
    {
        Block[] blocks = new Block[columns.length];
        for (int channel = 0; channel < columns.length; channel++) {
            blocks[channel] = columns[channel].copyPositions(rows, 0, count);
        }
        return new Page(count, blocks);
    }

    private Page withNullProbe(int[] buildRows, int count)
    {
        Block[] buildColumns = table.columns();
        Block[] blocks = new Block[probeTypes.size() + buildColumns.length];
        int probeOffset = buildOutputFirst ? buildColumns.length : 0;
        int buildOffset = buildOutputFirst ? 0 : probeTypes.size();
        for (int channel = 0; channel < probeTypes.size(); channel++) {
            blocks[probeOffset + channel] = RunLengthEncodedBlock.create(probeTypes.get(channel), null, count);
        }
        for (int channel = 0; channel < buildColumns.length; channel++) {
            blocks[buildOffset + channel] = buildColumns[channel].copyPositions(buildRows, 0, count);
        }
        return new Page(count, blocks);
    }

    private static int[] selectProbeRows(boolean[] matched, boolean wanted)
    {
        int count = 0;
        for (boolean value : matched) {
            if (value == wanted) {
                count++;
            }
        }
        int[] positions = new int[count];
        int index = 0;
        for (int i = 0; i < matched.length; i++) {
            if (matched[i] == wanted) {
                positions[index++] = i;
            }
        }
        return positions;
    }

    private void emitProbeRows(Page page, boolean[] matched, boolean wanted, PageConsumer output)
    {
        int[] positions = selectProbeRows(matched, wanted);
        if (positions.length == page.getPositionCount()) {
            output.accept(probeRowViews ? RowViews.materialize(page) : page);
        }
        else if (positions.length > 0) {
            Block[] blocks = new Block[page.getChannelCount()];
            for (int channel = 0; channel < blocks.length; channel++) {
                blocks[channel] = RowViews.copy(page.getBlock(channel), positions, positions.length);
            }
            output.accept(new Page(positions.length, blocks));
        }
    }

    private static int[] identity(int count)
    {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        return positions;
    }

    @Override
    public void finish(PageConsumer output)
    {
        boolean last = factory.driverFinished(bucket, visited);
        if (!mode.tracksBuildRows() || !last) {
            return;
        }
        boolean[] allVisited = factory.visitedBuildRows(bucket);
        if (isBuildSideMode()) {
            emitBuildRows(allVisited, mode == LookupJoinOperatorFactory.Mode.BUILD_SEMI, output);
            return;
        }
        int[] rows = new int[OUTPUT_BATCH];
        int count = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            if (allVisited == null || !allVisited[row]) {
                rows[count++] = row;
                if (count == rows.length) {
                    output.accept(withNullProbe(rows, count));
                    count = 0;
                }
            }
        }
        if (count > 0) {
            output.accept(withNullProbe(rows, count));
        }
    }
}

package io.basin.execution.expression;

import io.basin.execution.RowViews;
import io.basin.execution.expression.codegen.ExpressionKernel;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.block.ValueBlock;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Runs a generated kernel over pages. The filter produces a selection of positions; input columns
 * are passed through untouched when every row survives and copied at the selected positions
 * otherwise; literals become run-length blocks; only computed projections run generated code, and
 * only on the selected rows (so {@code WHERE x <> 0} protects {@code 1 / x}).
 * <p>
 * A projection that reads one column of a dictionary block is evaluated once per dictionary entry
 * (remembered while pages share the dictionary) and mapped to the rows through the ids, as Trino's
 * dictionary-aware processors do; filters over dictionary columns likewise (see
 * {@link DictionaryFilter}): {@code l_shipmode IN ('MAIL', 'SHIP')} costs seven evaluations per page
 * instead of one per row. An entry no selected row uses may still be evaluated, so when that fails
 * (1 / 0 for an entry the filter removed) the page is evaluated row by row, which fails only if a
 * selected row really does.
 * <p>
 * With row views (see {@link PageProcessorFactory#withRowViews}) the selected rows of input columns,
 * in the selections its policy names,
 * are not copied: each becomes a dictionary block of the selected positions over the input block.
 */
final class CompiledPageProcessor
        implements PageProcessor
{
    private final Optional<ExpressionKernel> kernel;
    private final boolean hasFilter;
    private final Projection[] projections;
    private final DictionaryChannels dictionaryChannels;
    private final DictionaryFilterEvaluator dictionaryFilter;
    private int[] positions = new int[0];
    private int identityLength;

    // per computed projection: the dictionary it was last evaluated over, and the results (null: evaluate rows)
    private final ValueBlock[] projectionDictionaries;
    private final Block[] projectionDictionaryValues;
    private int[] dictionaryPositions = new int[0];
    private final RowViews.Policy rowViews;

    CompiledPageProcessor(Optional<ExpressionKernel> kernel, boolean hasFilter, List<Projection> projections, DictionaryChannels dictionaryChannels, Optional<DictionaryFilterEvaluator> dictionaryFilter, RowViews.Policy rowViews)
    {
        this.rowViews = requireNonNull(rowViews, "rowViews is null");
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.dictionaryFilter = requireNonNull(dictionaryFilter, "dictionaryFilter is null").orElse(null);
        this.hasFilter = hasFilter;
        this.projections = projections.toArray(new Projection[0]);
        this.dictionaryChannels = requireNonNull(dictionaryChannels, "dictionaryChannels is null");
        this.projectionDictionaries = new ValueBlock[dictionaryChannels.computed().length];
        this.projectionDictionaryValues = new Block[dictionaryChannels.computed().length];
    }

    @Override
    public Page process(Page page)
    {
        int positionCount = page.getPositionCount();
        if (positionCount == 0) {
            return null;
        }
        int count;
        if (hasFilter) {
            ensureCapacity(positionCount);
            // the filter overwrites the buffer, so it no longer holds the identity
            identityLength = 0;
            count = dictionaryFilter == null ? -1 : dictionaryFilter.filter(page, positions);
            if (count < 0) {
                count = kernel.orElseThrow().filter(page, positions);
            }
            if (count == 0) {
                return null;
            }
        }
        else {
            count = positionCount;
            identity(positionCount);
        }
        // when every row passes, the selection is the identity
        boolean allPositions = count == positionCount;
        boolean views = rowViews.viewsOf(count, positionCount);
        Block[] blocks = new Block[projections.length];
        // with row views: the selected positions, shared by every view of this page
        int[] viewIds = null;
        for (int i = 0; i < projections.length; i++) {
            Block block = projections[i] instanceof Projection.InputChannel input ? page.getBlock(input.channel()) : null;
            if (views && block instanceof ValueBlock values) {
                if (viewIds == null) {
                    viewIds = Arrays.copyOf(positions, count);
                }
                blocks[i] = RowViews.view(values, viewIds, count);
                continue;
            }
            blocks[i] = switch (projections[i]) {
                case Projection.InputChannel _ -> allPositions ? block : selectPositions(block, count);
                case Projection.ConstantValue constant -> RunLengthEncodedBlock.create(constant.value(), count);
                case Projection.Computed computed -> {
                    Block projected = projectByDictionary(computed.index(), page, count);
                    yield projected != null ? projected : kernel.orElseThrow().project(computed.index(), page, positions, count);
                }
            };
        }
        return new Page(count, blocks);
    }

    /**
     * The selected rows of {@code block}. A dictionary block no larger than the selection keeps
     * its dictionary and gets new ids ({@code copyPositions} would hash every id to compact the
     * dictionary); a larger one is compacted, so pages kept downstream do not each hold it.
     */
    private Block selectPositions(Block block, int count)
    {
        if (block instanceof DictionaryBlock dictionaryBlock && dictionaryBlock.getDictionary().getPositionCount() <= count) {
            return DictionaryBlock.create(count, dictionaryBlock.getDictionary(), selectedIds(dictionaryBlock, count));
        }
        return block.copyPositions(positions, 0, count);
    }

    /** The projection over the selected rows through their dictionary, or null to compute it row by row. */
    private Block projectByDictionary(int index, Page page, int count)
    {
        int channel = dictionaryChannels.computed(index);
        if (channel < 0 || !(page.getBlock(channel) instanceof DictionaryBlock block)) {
            return null;
        }
        ValueBlock dictionary = block.getDictionary();
        if (dictionary != projectionDictionaries[index]) {
            projectionDictionaries[index] = dictionary;
            projectionDictionaryValues[index] = null;
            int entries = dictionary.getPositionCount();
            if (entries <= count) {
                if (dictionaryPositions.length < entries) {
                    dictionaryPositions = new int[entries];
                    for (int i = 0; i < entries; i++) {
                        dictionaryPositions[i] = i;
                    }
                }
                try {
                    projectionDictionaryValues[index] = kernel.orElseThrow().project(index, DictionaryFilterEvaluator.dictionaryPage(page.getChannelCount(), dictionary), dictionaryPositions, entries);
                }
                catch (RuntimeException e) {
                    // an entry no selected row uses failed (see the class comment): the rows decide
                    projectionDictionaryValues[index] = null;
                }
            }
        }
        Block values = projectionDictionaryValues[index];
        if (values == null) {
            return null;
        }
        return DictionaryBlock.create(count, values, selectedIds(block, count));
    }

    /** The dictionary ids of the first {@code count} selected positions. */
    private int[] selectedIds(DictionaryBlock block, int count)
    {
        int[] rawIds = block.getRawIds();
        int offset = block.getRawIdsOffset();
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = rawIds[offset + positions[i]];
        }
        return ids;
    }

    private void ensureCapacity(int positionCount)
    {
        if (positions.length < positionCount) {
            positions = new int[Math.max(positionCount, positions.length * 2)];
            identityLength = 0;
        }
    }

    /** Fills the position buffer with 0..positionCount-1, reusing what an earlier page filled. */
    private void identity(int positionCount)
    {
        ensureCapacity(positionCount);
        for (int i = identityLength; i < positionCount; i++) {
            positions[i] = i;
        }
        identityLength = Math.max(identityLength, positionCount);
    }
}

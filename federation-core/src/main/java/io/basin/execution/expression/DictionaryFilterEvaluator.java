package io.basin.execution.expression;

import io.basin.execution.expression.codegen.ExpressionKernel;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.ValueBlock;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Runs a {@link DictionaryFilter} for one processor, so one driver: not thread-safe. An entry no
 * row uses may still be evaluated, so when a conjunct fails on some entry (1 / 0 for an entry
 * another conjunct removes) the page is filtered row by row instead, which fails only if a row
 * really does.
 */
final class DictionaryFilterEvaluator
{
    private final int[] channels;
    private final ExpressionKernel[] conjuncts;
    private final ExpressionKernel residual;
    // per group: the dictionary last evaluated and which entries passed (null: evaluate rows)
    private final ValueBlock[] dictionaries;
    private final boolean[][] masks;
    private int[] passed = new int[0];

    DictionaryFilterEvaluator(DictionaryFilter filter, ExpressionKernel processorKernel, ExpressionContext context)
    {
        requireNonNull(filter, "filter is null");
        requireNonNull(processorKernel, "processorKernel is null");
        this.channels = filter.channels().clone();
        this.conjuncts = filter.conjuncts().stream()
                .map(conjunct -> conjunct.map(kernel -> kernel.newInstance(context)).orElse(processorKernel))
                .toArray(ExpressionKernel[]::new);
        this.residual = filter.residual().map(kernel -> kernel.newInstance(context)).orElse(null);
        this.dictionaries = new ValueBlock[channels.length];
        this.masks = new boolean[channels.length][];
    }

    /** The number of selected rows, written to {@code positions}; -1 when the filter must run row by row. */
    int filter(Page page, int[] positions)
    {
        int positionCount = page.getPositionCount();
        for (int group = 0; group < channels.length; group++) {
            if (!(page.getBlock(channels[group]) instanceof DictionaryBlock block) || mask(group, block.getDictionary(), page) == null) {
                return -1;
            }
        }
        int count = 0;
        for (int group = 0; group < channels.length; group++) {
            DictionaryBlock block = (DictionaryBlock) page.getBlock(channels[group]);
            boolean[] mask = masks[group];
            int[] ids = block.getRawIds();
            int offset = block.getRawIdsOffset();
            if (group == 0) {
                for (int position = 0; position < positionCount; position++) {
                    positions[count] = position;
                    count += mask[ids[offset + position]] ? 1 : 0;
                }
            }
            else {
                int kept = 0;
                for (int i = 0; i < count; i++) {
                    int position = positions[i];
                    positions[kept] = position;
                    kept += mask[ids[offset + position]] ? 1 : 0;
                }
                count = kept;
            }
        }
        if (residual != null && count > 0) {
            count = residual.filter(page, positions, positions, count);
        }
        return count;
    }

    /** Which entries of {@code dictionary} pass group {@code group}, or null when its rows must decide. */
    private boolean[] mask(int group, ValueBlock dictionary, Page page)
    {
        if (dictionary != dictionaries[group]) {
            dictionaries[group] = dictionary;
            masks[group] = null;
            int entries = dictionary.getPositionCount();
            // a dictionary larger than the page costs more per entry than the rows would
            if (entries <= page.getPositionCount()) {
                if (passed.length < entries) {
                    passed = new int[entries];
                }
                try {
                    int passedCount = conjuncts[group].filter(dictionaryPage(page.getChannelCount(), dictionary), passed);
                    boolean[] mask = new boolean[entries];
                    for (int i = 0; i < passedCount; i++) {
                        mask[passed[i]] = true;
                    }
                    masks[group] = mask;
                }
                catch (RuntimeException e) {
                    // an entry no row may use failed (see the class comment): the rows decide
                    masks[group] = null;
                }
            }
        }
        return masks[group];
    }

    /** A page of the dictionary's entries in every channel: a kernel reads only its expression's channel. */
    static Page dictionaryPage(int channelCount, ValueBlock dictionary)
    {
        Block[] blocks = new Block[channelCount];
        Arrays.fill(blocks, dictionary);
        return new Page(dictionary.getPositionCount(), blocks);
    }
}

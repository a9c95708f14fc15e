package io.basin.execution.operator.aggregation;

import io.trino.spi.Page;
import io.trino.spi.block.BlockBuilder;

/**
 * The state of one aggregate for many groups, in typed arrays indexed by group id. Each driver
 * owns one accumulator per aggregate; at the end the drivers' accumulators are merged.
 */
public interface Accumulator
{
    /** Adds the rows of {@code page}; {@code groups[i] < 0} skips row i (FILTER clause). */
    void addInput(int[] groups, int groupCount, Page page, int positionCount);

    /** Folds {@code other} (same aggregate) into this one; other's group g becomes {@code mapping[g]}. */
    void merge(Accumulator other, int[] mapping, int groupCount);

    void write(int group, BlockBuilder output);

    long retainedBytes();
}

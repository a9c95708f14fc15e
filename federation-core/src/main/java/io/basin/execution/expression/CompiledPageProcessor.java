package io.basin.execution.expression;

import io.basin.execution.expression.codegen.ExpressionKernel;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.RunLengthEncodedBlock;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Runs a generated kernel over pages. The filter produces a selection of positions; input columns
 * are passed through untouched when every row survives and copied at the selected positions
 * otherwise; literals become run-length blocks; only computed projections run generated code, and
 * only on the selected rows (so {@code WHERE x <> 0} protects {@code 1 / x}).
 */
final class CompiledPageProcessor
        implements PageProcessor
{
    private final Optional<ExpressionKernel> kernel;
    private final boolean hasFilter;
    private final Projection[] projections;
    private int[] positions = new int[0];
    private int identityLength;

    CompiledPageProcessor(Optional<ExpressionKernel> kernel, boolean hasFilter, List<Projection> projections)
    {
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.hasFilter = hasFilter;
        this.projections = projections.toArray(new Projection[0]);
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
            count = kernel.orElseThrow().filter(page, positions);
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
        Block[] blocks = new Block[projections.length];
        for (int i = 0; i < projections.length; i++) {
            blocks[i] = switch (projections[i]) {
                case Projection.InputChannel input -> allPositions
                        ? page.getBlock(input.channel())
                        : page.getBlock(input.channel()).copyPositions(positions, 0, count);
                case Projection.ConstantValue constant -> RunLengthEncodedBlock.create(constant.value(), count);
                case Projection.Computed computed -> kernel.orElseThrow().project(computed.index(), page, positions, count);
            };
        }
        return new Page(count, blocks);
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

package io.basin.execution.window;

import io.basin.error.BasinException;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;

import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static java.util.Objects.requireNonNull;

/**
 * {@code nth_value(value, n)}: the value at the n-th row (from 1) of the frame, NULL when the
 * frame is shorter. {@code n} is read at the current row; NULL gives NULL, zero or less is an
 * error, as in PostgreSQL.
 */
final class NthValueFunction
        implements WindowFunction
{
    private final int valueChannel;
    private final int nChannel;
    private final Type nType;
    private WindowPartition partition;

    NthValueFunction(int valueChannel, int nChannel, Type nType)
    {
        this.valueChannel = valueChannel;
        this.nChannel = nChannel;
        this.nType = requireNonNull(nType, "nType is null");
    }

    @Override
    public void reset(WindowPartition partition)
    {
        this.partition = partition;
    }

    @Override
    public void processRow(BlockBuilder output, int row, int peerGroupStart, int peerGroupEnd, int frameStart, int frameEnd)
    {
        if (partition.isNull(nChannel, row)) {
            output.appendNull();
            return;
        }
        long n = nType.getLong(partition.block(nChannel, row), partition.position(row));
        if (n <= 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "Argument of nth_value must be greater than zero");
        }
        if (n <= frameEnd - frameStart) {
            partition.appendValue(valueChannel, frameStart + (int) n - 1, output);
        }
        else {
            output.appendNull();
        }
    }
}

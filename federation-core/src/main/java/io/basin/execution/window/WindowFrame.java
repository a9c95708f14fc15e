package io.basin.execution.window;

import io.basin.error.BasinException;

import static com.google.common.base.Preconditions.checkArgument;
import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.execution.window.FrameBound.Kind.UNBOUNDED_FOLLOWING;
import static io.basin.execution.window.FrameBound.Kind.UNBOUNDED_PRECEDING;
import static java.util.Objects.requireNonNull;

/**
 * The frame of a window function: {@code ROWS} or {@code RANGE BETWEEN start AND end}. RANGE
 * frames are supported with unbounded and current-row bounds, where CURRENT ROW takes in the
 * row's peers (rows equal on the ORDER BY keys).
 *
 * <p>Frame positions are rows of the partition, 0-based; a frame is {@code [start, end)}. Both
 * ends are non-decreasing as the current row advances, for every frame this class accepts,
 * which lets aggregates slide instead of recomputing.
 */
public record WindowFrame(Unit unit, FrameBound start, FrameBound end)
{
    public enum Unit
    {
        ROWS,
        RANGE,
    }

    /** The SQL default with ORDER BY: the partition up to the current row and its peers. */
    public static final WindowFrame DEFAULT = new WindowFrame(Unit.RANGE, FrameBound.unboundedPreceding(), FrameBound.currentRow());

    /** The whole partition (the SQL default without ORDER BY, where every row is a peer). */
    public static final WindowFrame FULL_PARTITION = new WindowFrame(Unit.RANGE, FrameBound.unboundedPreceding(), FrameBound.unboundedFollowing());

    public WindowFrame
    {
        requireNonNull(unit, "unit is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        // The same rules as PostgreSQL's parser; the analyzer reports them to users first.
        checkArgument(start.kind() != UNBOUNDED_FOLLOWING, "frame start cannot be UNBOUNDED FOLLOWING");
        checkArgument(end.kind() != UNBOUNDED_PRECEDING, "frame end cannot be UNBOUNDED PRECEDING");
        checkArgument(start.kind().ordinal() <= end.kind().ordinal(), "frame starting from %s cannot end with %s", start, end);
        if (unit == Unit.RANGE && (start.kind().hasOffset() || end.kind().hasOffset())) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "RANGE frames with an offset are not supported");
        }
    }

    public static WindowFrame rows(FrameBound start, FrameBound end)
    {
        return new WindowFrame(Unit.ROWS, start, end);
    }

    public static WindowFrame range(FrameBound start, FrameBound end)
    {
        return new WindowFrame(Unit.RANGE, start, end);
    }

    /** First row of the frame, clamped to {@code [0, partitionSize]}. */
    int startIndex(int row, int peerStart, int partitionSize)
    {
        long index = switch (start.kind()) {
            case UNBOUNDED_PRECEDING -> 0;
            case PRECEDING -> row - start.offset();
            case CURRENT_ROW -> unit == Unit.ROWS ? row : peerStart;
            case FOLLOWING -> row + Math.min(start.offset(), partitionSize);
            case UNBOUNDED_FOLLOWING -> throw new IllegalStateException("invalid frame start");
        };
        return clamp(index, partitionSize);
    }

    /** One past the last row of the frame, never before {@code frameStart}: an empty frame is {@code [start, start)}. */
    int endIndex(int row, int peerEnd, int partitionSize, int frameStart)
    {
        long last = switch (end.kind()) {
            case UNBOUNDED_PRECEDING -> throw new IllegalStateException("invalid frame end");
            case PRECEDING -> row - end.offset();
            case CURRENT_ROW -> unit == Unit.ROWS ? row : peerEnd - 1;
            case FOLLOWING -> row + Math.min(end.offset(), partitionSize);
            case UNBOUNDED_FOLLOWING -> partitionSize - 1;
        };
        return Math.max(frameStart, clamp(last + 1, partitionSize));
    }

    private static int clamp(long index, int partitionSize)
    {
        return (int) Math.max(0, Math.min(index, partitionSize));
    }

    @Override
    public String toString()
    {
        return unit + " BETWEEN " + start + " AND " + end;
    }
}

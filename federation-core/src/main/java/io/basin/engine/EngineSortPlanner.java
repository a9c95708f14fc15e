package io.basin.engine;

import io.basin.error.BasinException;
import io.basin.execution.compare.SortKey;
import io.basin.execution.operator.LimitOperatorFactory;
import io.basin.execution.operator.OperatorFactory;
import io.basin.execution.operator.OrderBySink;
import io.basin.execution.operator.TopNSink;
import io.basin.execution.operator.WindowSink;
import io.basin.execution.window.FrameBound;
import io.basin.execution.window.WindowFrame;
import io.basin.execution.window.WindowFunctionKind;
import io.basin.execution.window.WindowFunctionSpec;
import io.basin.execution.window.WindowSpec;
import io.basin.plan.LimitNode;
import io.basin.plan.Ordering;
import io.basin.plan.SortNode;
import io.basin.plan.WindowNode;
import io.basin.sql.planner.physical.SortPlanner;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.basin.error.BasinErrorCode.UNDEFINED_FUNCTION;

/** Maps ORDER BY, LIMIT and window plan nodes to the sort, top-N, limit and window operators. */
final class EngineSortPlanner
        implements SortPlanner
{
    // above this, a top-N buffer is no cheaper than a full sort followed by a limit
    private static final long MAX_TOP_N = 100_000;

    @Override
    public SortStage sort(List<Type> types, SortNode node)
    {
        List<SortKey> keys = sortKeys(types, node.orderings());
        if (node.limit().isPresent() && node.limit().getAsLong() + node.offset() <= MAX_TOP_N) {
            TopNSink sink = new TopNSink(types, keys, node.limit().getAsLong(), node.offset());
            return new SortStage(sink, sink, Optional.empty());
        }
        OrderBySink sink = new OrderBySink(types, keys);
        Optional<OperatorFactory> limit = node.limit().isPresent() || node.offset() > 0
                ? Optional.of(new LimitOperatorFactory(node.limit().orElse(Long.MAX_VALUE), node.offset()))
                : Optional.empty();
        return new SortStage(sink, sink, limit);
    }

    @Override
    public OperatorFactory limit(LimitNode node)
    {
        return new LimitOperatorFactory(node.limit().orElse(Long.MAX_VALUE), node.offset());
    }

    @Override
    public SortStage window(List<Type> types, WindowNode node)
    {
        WindowSpec spec = new WindowSpec(node.partitionChannels(), sortKeys(types, node.orderings()));
        List<WindowFunctionSpec> functions = new ArrayList<>();
        for (WindowNode.WindowFunction function : node.functions()) {
            WindowFunctionKind kind = kind(function);
            Type outputType = function.type();
            if (VALUE_FUNCTIONS.contains(kind) && outputType instanceof VarcharType && types.get(function.arguments().getFirst()) instanceof VarcharType) {
                // lag(name, 1, 'none'): Calcite widens varchar(n) to varchar; the value operators
                // return the value's own type, and both are read the same way downstream
                outputType = types.get(function.arguments().getFirst());
            }
            functions.add(new WindowFunctionSpec(kind, function.arguments(), outputType, frame(function.frame())));
        }
        WindowSink sink = new WindowSink(types, spec, functions);
        return new SortStage(sink, sink, Optional.empty());
    }

    private static final java.util.Set<WindowFunctionKind> VALUE_FUNCTIONS = java.util.EnumSet.of(
            WindowFunctionKind.LAG, WindowFunctionKind.LEAD, WindowFunctionKind.FIRST_VALUE, WindowFunctionKind.LAST_VALUE, WindowFunctionKind.NTH_VALUE);

    private static WindowFunctionKind kind(WindowNode.WindowFunction function)
    {
        return switch (function.name().toLowerCase(Locale.ROOT)) {
            case "row_number" -> WindowFunctionKind.ROW_NUMBER;
            case "rank" -> WindowFunctionKind.RANK;
            case "dense_rank" -> WindowFunctionKind.DENSE_RANK;
            case "percent_rank" -> WindowFunctionKind.PERCENT_RANK;
            case "cume_dist" -> WindowFunctionKind.CUME_DIST;
            case "ntile" -> WindowFunctionKind.NTILE;
            case "lag" -> WindowFunctionKind.LAG;
            case "lead" -> WindowFunctionKind.LEAD;
            case "first_value" -> WindowFunctionKind.FIRST_VALUE;
            case "last_value" -> WindowFunctionKind.LAST_VALUE;
            case "nth_value" -> WindowFunctionKind.NTH_VALUE;
            case "count" -> function.arguments().isEmpty() ? WindowFunctionKind.COUNT_ALL : WindowFunctionKind.COUNT;
            case "sum", "$sum0" -> WindowFunctionKind.SUM;
            case "avg" -> WindowFunctionKind.AVG;
            case "min" -> WindowFunctionKind.MIN;
            case "max" -> WindowFunctionKind.MAX;
            default -> throw new BasinException(UNDEFINED_FUNCTION, "window function " + function.name() + " is not supported");
        };
    }

    private static WindowFrame frame(WindowNode.Frame frame)
    {
        FrameBound start = bound(frame.start());
        FrameBound end = bound(frame.end());
        return frame.type() == WindowNode.FrameType.ROWS ? WindowFrame.rows(start, end) : WindowFrame.range(start, end);
    }

    private static FrameBound bound(WindowNode.FrameBound bound)
    {
        return switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> FrameBound.unboundedPreceding();
            case PRECEDING -> FrameBound.preceding(bound.offset());
            case CURRENT_ROW -> FrameBound.currentRow();
            case FOLLOWING -> FrameBound.following(bound.offset());
            case UNBOUNDED_FOLLOWING -> FrameBound.unboundedFollowing();
        };
    }

    private static List<SortKey> sortKeys(List<Type> types, List<Ordering> orderings)
    {
        return orderings.stream()
                .map(ordering -> new SortKey(ordering.channel(), types.get(ordering.channel()), ordering.ascending(), ordering.nullsFirst()))
                .toList();
    }
}

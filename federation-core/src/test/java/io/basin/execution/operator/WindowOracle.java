package io.basin.execution.operator;

import io.basin.execution.window.FrameBound;
import io.basin.execution.window.WindowFrame;
import io.basin.execution.window.WindowFunctionKind;
import io.basin.execution.window.WindowFunctionSpec;
import io.basin.execution.window.WindowSpec;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.basin.execution.window.FrameBound.Kind.UNBOUNDED_FOLLOWING;
import static io.basin.execution.window.FrameBound.Kind.UNBOUNDED_PRECEDING;

/**
 * The test oracle for window functions: the SQL definitions evaluated naively, row by row,
 * over Java lists, sharing no code with the engine. Each row's partition is found by grouping,
 * sorted with the oracle ordering, and every value is recomputed from scratch by looping over
 * the partition, so a row costs O(partition size) per function.
 */
final class WindowOracle
{
    private final List<Type> types;
    private final WindowSpec windowSpec;
    private final Comparator<List<Object>> order;

    WindowOracle(List<Type> types, WindowSpec windowSpec)
    {
        this.types = types;
        this.windowSpec = windowSpec;
        this.order = TestingOrdering.rowComparator(windowSpec.orderKeys());
    }

    /** For each input row, in input order: the expected value of each function. */
    List<List<Object>> expected(List<List<Object>> rows, List<WindowFunctionSpec> functions)
    {
        Map<List<Object>, List<Integer>> partitions = new LinkedHashMap<>();
        for (int row = 0; row < rows.size(); row++) {
            List<Object> key = new ArrayList<>();
            for (int channel : windowSpec.partitionChannels()) {
                key.add(rows.get(row).get(channel));
            }
            partitions.computeIfAbsent(key, _ -> new ArrayList<>()).add(row);
        }
        List<List<Object>> expected = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            expected.add(null);
        }
        for (List<Integer> members : partitions.values()) {
            List<Integer> sorted = new ArrayList<>(members);
            sorted.sort((left, right) -> order.compare(rows.get(left), rows.get(right)));
            List<List<Object>> partition = sorted.stream().map(rows::get).toList();
            for (int index = 0; index < partition.size(); index++) {
                List<Object> values = new ArrayList<>();
                for (WindowFunctionSpec function : functions) {
                    values.add(evaluate(function, partition, index));
                }
                expected.set(sorted.get(index), values);
            }
        }
        return expected;
    }

    private Object evaluate(WindowFunctionSpec function, List<List<Object>> partition, int current)
    {
        int size = partition.size();
        List<Object> row = partition.get(current);
        return switch (function.kind()) {
            case ROW_NUMBER -> (long) current + 1;
            case RANK -> rank(partition, current);
            case DENSE_RANK -> {
                long groups = 0;
                for (int index = 0; index < size && order.compare(partition.get(index), row) < 0; index++) {
                    if (index == 0 || order.compare(partition.get(index - 1), partition.get(index)) != 0) {
                        groups++;
                    }
                }
                yield groups + 1;
            }
            case PERCENT_RANK -> size == 1 ? 0.0 : (rank(partition, current) - 1) / (double) (size - 1);
            case CUME_DIST -> {
                long upToPeers = 0;
                for (List<Object> other : partition) {
                    if (order.compare(other, row) <= 0) {
                        upToPeers++;
                    }
                }
                yield upToPeers / (double) size;
            }
            case NTILE -> {
                Object buckets = partition.getFirst().get(function.argument(0));
                if (buckets == null) {
                    yield null;
                }
                long count = (Long) buckets;
                long end = 0;
                for (long bucket = 1; ; bucket++) {
                    end += size / count + (bucket <= size % count ? 1 : 0);
                    if (current < end) {
                        yield bucket;
                    }
                }
            }
            case LAG, LEAD -> {
                Object offset = function.argumentChannels().size() > 1 ? row.get(function.argument(1)) : (Object) 1L;
                if (offset == null) {
                    yield null;
                }
                long target = function.kind() == WindowFunctionKind.LAG ? current - (Long) offset : current + (Long) offset;
                if (target >= 0 && target < size) {
                    yield partition.get((int) target).get(function.argument(0));
                }
                yield function.argumentChannels().size() > 2 ? row.get(function.argument(2)) : null;
            }
            case FIRST_VALUE -> {
                List<Integer> frame = frame(function.frame(), partition, current);
                yield frame.isEmpty() ? null : partition.get(frame.getFirst()).get(function.argument(0));
            }
            case LAST_VALUE -> {
                List<Integer> frame = frame(function.frame(), partition, current);
                yield frame.isEmpty() ? null : partition.get(frame.getLast()).get(function.argument(0));
            }
            case NTH_VALUE -> {
                Object n = row.get(function.argument(1));
                if (n == null) {
                    yield null;
                }
                List<Integer> frame = frame(function.frame(), partition, current);
                long nth = (Long) n;
                yield nth <= frame.size() ? partition.get(frame.get((int) nth - 1)).get(function.argument(0)) : null;
            }
            case COUNT_ALL -> (long) frame(function.frame(), partition, current).size();
            case COUNT -> (long) frameValues(function, partition, current).size();
            case SUM -> sum(function, frameValues(function, partition, current));
            case AVG -> avg(function, frameValues(function, partition, current));
            case MIN, MAX -> {
                Type type = types.get(function.argument(0));
                Object best = null;
                for (Object value : frameValues(function, partition, current)) {
                    int result = best == null ? 0 : TestingOrdering.compareValues(type, value, best);
                    if (best == null || (function.kind() == WindowFunctionKind.MAX ? result > 0 : result < 0)) {
                        best = value;
                    }
                }
                yield best;
            }
        };
    }

    private long rank(List<List<Object>> partition, int current)
    {
        long before = 0;
        for (List<Object> other : partition) {
            if (order.compare(other, partition.get(current)) < 0) {
                before++;
            }
        }
        return before + 1;
    }

    private List<Object> frameValues(WindowFunctionSpec function, List<List<Object>> partition, int current)
    {
        List<Object> values = new ArrayList<>();
        for (int index : frame(function.frame(), partition, current)) {
            Object value = partition.get(index).get(function.argument(0));
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** The frame's rows by the definition: every row whose position (ROWS) or peer relation (RANGE) is within both bounds. */
    private List<Integer> frame(WindowFrame frame, List<List<Object>> partition, int current)
    {
        List<Integer> rows = new ArrayList<>();
        for (int index = 0; index < partition.size(); index++) {
            boolean afterStart;
            boolean beforeEnd;
            if (frame.unit() == WindowFrame.Unit.ROWS) {
                afterStart = frame.start().kind() == UNBOUNDED_PRECEDING || index >= rowsBound(frame.start(), current);
                beforeEnd = frame.end().kind() == UNBOUNDED_FOLLOWING || index <= rowsBound(frame.end(), current);
            }
            else {
                int relation = order.compare(partition.get(index), partition.get(current));
                afterStart = frame.start().kind() == UNBOUNDED_PRECEDING || relation >= 0;
                beforeEnd = frame.end().kind() == UNBOUNDED_FOLLOWING || relation <= 0;
            }
            if (afterStart && beforeEnd) {
                rows.add(index);
            }
        }
        return rows;
    }

    private static long rowsBound(FrameBound bound, int current)
    {
        return switch (bound.kind()) {
            case PRECEDING -> current - bound.offset();
            case CURRENT_ROW -> current;
            // saturate: n FOLLOWING with a huge n
            case FOLLOWING -> bound.offset() > Long.MAX_VALUE - current ? Long.MAX_VALUE : current + bound.offset();
            default -> throw new IllegalArgumentException(bound.toString());
        };
    }

    private static Object sum(WindowFunctionSpec function, List<Object> values)
    {
        if (values.isEmpty()) {
            return null;
        }
        return switch (function.outputType()) {
            case BigintType _ -> values.stream().map(value -> BigInteger.valueOf((Long) value)).reduce(BigInteger.ZERO, BigInteger::add).longValueExact();
            case DecimalType decimal -> decimalSum(values).setScale(decimal.getScale());
            case DoubleType _ -> values.stream().mapToDouble(value -> ((Number) value).doubleValue()).sum();
            default -> throw new IllegalArgumentException(function.toString());
        };
    }

    private static Object avg(WindowFunctionSpec function, List<Object> values)
    {
        if (values.isEmpty()) {
            return null;
        }
        return switch (function.outputType()) {
            case DecimalType decimal -> decimalSum(values).divide(BigDecimal.valueOf(values.size()), decimal.getScale(), RoundingMode.HALF_UP);
            case DoubleType _ -> {
                double sum = 0;
                for (Object value : values) {
                    sum += value instanceof BigDecimal decimal ? decimal.doubleValue() : ((Number) value).doubleValue();
                }
                yield sum / values.size();
            }
            default -> throw new IllegalArgumentException(function.toString());
        };
    }

    private static BigDecimal decimalSum(List<Object> values)
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (Object value : values) {
            sum = sum.add(value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf((Long) value));
        }
        return sum;
    }
}

package io.basin.execution.operator.aggregation;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.plan.Ordering;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * string_agg(value, separator [ORDER BY keys]) / listagg: keeps each group's values (with their
 * ORDER BY keys) and joins them when the group is output. NULL values are skipped; the separator
 * before each value but the first is that row's separator, as in PostgreSQL.
 */
final class StringAggAccumulator
        implements Accumulator
{
    private record Entry(Slice value, Slice separator, Object[] keys) {}

    private final int valueChannel;
    private final int separatorChannel;
    private final List<Ordering> orderings;
    private final List<Type> inputTypes;
    private final Type outputType;
    private List<Entry>[] groups = newArray(16);
    private long retainedBytes;

    StringAggAccumulator(List<Integer> arguments, List<Ordering> orderings, List<Type> inputTypes, Type outputType)
    {
        this.valueChannel = arguments.get(0);
        this.separatorChannel = arguments.size() > 1 ? arguments.get(1) : -1;
        this.orderings = List.copyOf(orderings);
        this.inputTypes = List.copyOf(inputTypes);
        this.outputType = outputType;
    }

    @SuppressWarnings("unchecked")
    private static List<Entry>[] newArray(int size)
    {
        return (List<Entry>[]) new List<?>[size];
    }

    private void ensure(int groupCount)
    {
        if (groupCount > groups.length) {
            groups = Arrays.copyOf(groups, Math.max(groupCount, groups.length * 2));
        }
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, Page page, int positionCount)
    {
        ensure(groupCount);
        Block values = page.getBlock(valueChannel);
        Type valueType = inputTypes.get(valueChannel);
        for (int i = 0; i < positionCount; i++) {
            int group = groupIds[i];
            if (group < 0 || values.isNull(i)) {
                continue;
            }
            Slice value = valueType.getSlice(values, i).copy();
            Slice separator = Slices.EMPTY_SLICE;
            if (separatorChannel >= 0 && !page.getBlock(separatorChannel).isNull(i)) {
                separator = inputTypes.get(separatorChannel).getSlice(page.getBlock(separatorChannel), i).copy();
            }
            Object[] keys = new Object[orderings.size()];
            for (int k = 0; k < keys.length; k++) {
                int channel = orderings.get(k).channel();
                Object key = TypeUtils.readNativeValue(inputTypes.get(channel), page.getBlock(channel), i);
                keys[k] = key instanceof Slice slice ? slice.copy() : key;
            }
            if (groups[group] == null) {
                groups[group] = new ArrayList<>();
            }
            groups[group].add(new Entry(value, separator, keys));
            retainedBytes += value.length() + separator.length() + 64;
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping, int groupCount)
    {
        ensure(groupCount);
        StringAggAccumulator that = (StringAggAccumulator) other;
        for (int group = 0; group < mapping.length && group < that.groups.length; group++) {
            if (that.groups[group] != null) {
                int target = mapping[group];
                if (groups[target] == null) {
                    groups[target] = new ArrayList<>();
                }
                groups[target].addAll(that.groups[group]);
            }
        }
        retainedBytes += that.retainedBytes;
    }

    @Override
    public void write(int group, BlockBuilder output)
    {
        List<Entry> entries = group < groups.length ? groups[group] : null;
        if (entries == null || entries.isEmpty()) {
            output.appendNull();
            return;
        }
        List<Entry> sorted = new ArrayList<>(entries);
        if (!orderings.isEmpty()) {
            sorted.sort(comparator());
        }
        int length = 0;
        for (int i = 0; i < sorted.size(); i++) {
            length += sorted.get(i).value().length() + (i > 0 ? sorted.get(i).separator().length() : 0);
        }
        Slice result = Slices.allocate(length);
        int offset = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                Slice separator = sorted.get(i).separator();
                result.setBytes(offset, separator);
                offset += separator.length();
            }
            Slice value = sorted.get(i).value();
            result.setBytes(offset, value);
            offset += value.length();
        }
        outputType.writeSlice(output, result);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<Entry> comparator()
    {
        return (left, right) -> {
            for (int k = 0; k < orderings.size(); k++) {
                Ordering ordering = orderings.get(k);
                Object a = left.keys()[k];
                Object b = right.keys()[k];
                int result;
                if (a == null || b == null) {
                    result = a == b ? 0 : (a == null) == ordering.nullsFirst() ? -1 : 1;
                }
                else {
                    result = ((Comparable) a).compareTo(b);
                    result = ordering.ascending() ? result : -result;
                }
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        };
    }

    @Override
    public long retainedBytes()
    {
        return retainedBytes + groups.length * 8L;
    }
}

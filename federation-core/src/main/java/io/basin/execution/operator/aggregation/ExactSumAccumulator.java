package io.basin.execution.operator.aggregation;

import io.basin.error.BasinException;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.Int128ArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

import static io.basin.error.BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;

/**
 * sum and avg of exact numbers (integers and decimals) in 128-bit integers, so sums of
 * decimal(12,2) never lose precision and avg is rounded once at the end (half away from zero).
 */
final class ExactSumAccumulator
        implements Accumulator
{
    private final int channel;
    private final Type inputType;
    private final int inputScale;
    private final Type outputType;
    private final boolean sum0;
    private final boolean average;
    // with partial results as input: the channel of their counts, which add up instead of one per row
    private final int countChannel;
    private final boolean longDecimalInput;
    private long[] high = new long[16];
    private long[] low = new long[16];
    private long[] counts = new long[16];

    ExactSumAccumulator(int channel, Type inputType, Type outputType, boolean sum0, boolean average)
    {
        this(channel, inputType, outputType, sum0, average, -1);
    }

    ExactSumAccumulator(int channel, Type inputType, Type outputType, boolean sum0, boolean average, int countChannel)
    {
        this.countChannel = countChannel;
        this.channel = channel;
        this.inputType = inputType;
        this.inputScale = inputType instanceof DecimalType decimal ? decimal.getScale() : 0;
        this.longDecimalInput = inputType instanceof DecimalType decimal && !decimal.isShort();
        this.outputType = outputType;
        this.sum0 = sum0;
        this.average = average;
    }

    private void ensure(int groupCount)
    {
        if (groupCount > high.length) {
            int size = Math.max(groupCount, high.length * 2);
            high = Arrays.copyOf(high, size);
            low = Arrays.copyOf(low, size);
            counts = Arrays.copyOf(counts, size);
        }
    }

    @Override
    public void addInput(int[] groups, int groupCount, Page page, int positionCount)
    {
        ensure(groupCount);
        Block block = page.getBlock(channel);
        Block countBlock = countChannel < 0 ? null : page.getBlock(countChannel);
        long[] high = this.high;
        long[] low = this.low;
        long[] counts = this.counts;
        if (longDecimalInput && block instanceof Int128ArrayBlock int128Block) {
            // read both halves in place: no Int128 object per row
            for (int i = 0; i < positionCount; i++) {
                int group = groups[i];
                if (group >= 0 && !int128Block.isNull(i)) {
                    Int128Math.add(high, low, group, int128Block.getInt128High(i), int128Block.getInt128Low(i));
                    counts[group] += countBlock == null ? 1 : BigintType.BIGINT.getLong(countBlock, i);
                }
            }
            return;
        }
        if (longDecimalInput && countBlock == null && block instanceof DictionaryBlock view && view.getDictionary() instanceof Int128ArrayBlock int128Block) {
            // a row view (see RowViews) of long decimals: both halves in place, through its positions
            int[] ids = view.getRawIds();
            int offset = view.getRawIdsOffset();
            for (int i = 0; i < positionCount; i++) {
                int group = groups[i];
                int position = ids[offset + i];
                if (group >= 0 && !int128Block.isNull(position)) {
                    Int128Math.add(high, low, group, int128Block.getInt128High(position), int128Block.getInt128Low(position));
                    counts[group]++;
                }
            }
            return;
        }
        if (longDecimalInput) {
            for (int i = 0; i < positionCount; i++) {
                int group = groups[i];
                if (group >= 0 && !block.isNull(i)) {
                    Int128 value = (Int128) inputType.getObject(block, i);
                    Int128Math.add(high, low, group, value.getHigh(), value.getLow());
                    counts[group] += countBlock == null ? 1 : BigintType.BIGINT.getLong(countBlock, i);
                }
            }
            return;
        }
        boolean mayHaveNull = block.mayHaveNull();
        if (!mayHaveNull && countBlock == null && block instanceof DictionaryBlock view && view.getDictionary() instanceof LongArrayBlock longs) {
            // a row view of the rows a filter kept (see RowViews): read them through its positions
            int[] ids = view.getRawIds();
            int offset = view.getRawIdsOffset();
            for (int i = 0; i < positionCount; i++) {
                int group = groups[i];
                if (group >= 0) {
                    addLong(high, low, group, longs.getLong(ids[offset + i]));
                    counts[group]++;
                }
            }
            return;
        }
        // bigint and short decimals arrive as LongArrayBlocks: read them without the type's dispatch
        LongArrayBlock longBlock = block instanceof LongArrayBlock direct ? direct : null;
        for (int i = 0; i < positionCount; i++) {
            int group = groups[i];
            if (group >= 0 && (!mayHaveNull || !block.isNull(i))) {
                addLong(high, low, group, longBlock != null ? longBlock.getLong(i) : inputType.getLong(block, i));
                counts[group] += countBlock == null ? 1 : BigintType.BIGINT.getLong(countBlock, i);
            }
        }
    }

    /** Adds a 64-bit value to the 128-bit sum of {@code group}: the low half with its carry, the sign into the high half. */
    private static void addLong(long[] high, long[] low, int group, long value)
    {
        long oldLow = low[group];
        long newLow = oldLow + value;
        high[group] += (value >> 63) + (Long.compareUnsigned(newLow, oldLow) < 0 ? 1 : 0);
        low[group] = newLow;
    }

    @Override
    public void merge(Accumulator other, int[] mapping, int groupCount)
    {
        ensure(groupCount);
        ExactSumAccumulator that = (ExactSumAccumulator) other;
        for (int group = 0; group < mapping.length; group++) {
            if (that.counts[group] > 0) {
                int target = mapping[group];
                Int128Math.add(high, low, target, that.high[group], that.low[group]);
                counts[target] += that.counts[group];
            }
        }
    }

    @Override
    public void write(int group, BlockBuilder output)
    {
        write(group, output, outputType, sum0, average);
    }

    /**
     * Whether {@code other} adds up exactly the same values (same column, same input type, no
     * partial counts), so that one of them can keep the sums for both: sum(x) and avg(x) of one
     * query (TPC-H q1 asks for both of three columns).
     */
    boolean addsUpSameValues(ExactSumAccumulator other)
    {
        return channel == other.channel && countChannel < 0 && other.countChannel < 0 && inputType.equals(other.inputType);
    }

    /** This aggregate's result read from {@code sums}, which adds up the same values (see {@link #addsUpSameValues}). */
    Accumulator sharedOutputOf(ExactSumAccumulator sums)
    {
        return sums.sharedWith(outputType, sum0, average);
    }

    /** Another aggregate's result over this accumulator's sums and counts: it adds nothing itself. */
    Accumulator sharedWith(Type outputType, boolean sum0, boolean average)
    {
        return new Accumulator()
        {
            @Override
            public void addInput(int[] groups, int groupCount, Page page, int positionCount) {}

            @Override
            public void merge(Accumulator other, int[] mapping, int groupCount) {}

            @Override
            public void write(int group, BlockBuilder output)
            {
                ExactSumAccumulator.this.write(group, output, outputType, sum0, average);
            }

            @Override
            public long retainedBytes()
            {
                return 0;
            }
        };
    }

    private void write(int group, BlockBuilder output, Type outputType, boolean sum0, boolean average)
    {
        long count = group < counts.length ? counts[group] : 0;
        if (count == 0 && (average || !sum0)) {
            output.appendNull();
            return;
        }
        long sumHigh = count == 0 ? 0 : high[group];
        long sumLow = count == 0 ? 0 : low[group];
        if (!average) {
            writeSum(sumHigh, sumLow, outputType, output);
            return;
        }
        BigDecimal sum = new BigDecimal(Int128Math.toBigInteger(sumHigh, sumLow), inputScale);
        if (outputType instanceof DecimalType decimal) {
            BigDecimal result = sum.divide(BigDecimal.valueOf(count), decimal.getScale(), RoundingMode.HALF_UP);
            writeDecimal(decimal, result.unscaledValue(), output);
        }
        else if (outputType instanceof DoubleType) {
            outputType.writeDouble(output, sum.doubleValue() / count);
        }
        else if (outputType instanceof RealType) {
            outputType.writeLong(output, Float.floatToIntBits((float) (sum.doubleValue() / count)));
        }
        else {
            BigDecimal result = sum.divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP);
            writeInteger(result.toBigInteger(), outputType, output);
        }
    }

    private void writeSum(long sumHigh, long sumLow, Type outputType, BlockBuilder output)
    {
        if (outputType instanceof DecimalType decimal) {
            Int128 value = Int128Math.checkedDecimal(sumHigh, sumLow);
            if (decimal.isShort()) {
                writeDecimal(decimal, value.toBigInteger(), output);
            }
            else {
                decimal.writeObject(output, value);
            }
            return;
        }
        if (outputType instanceof DoubleType) {
            outputType.writeDouble(output, new BigDecimal(Int128Math.toBigInteger(sumHigh, sumLow), inputScale).doubleValue());
            return;
        }
        writeInteger(Int128Math.toBigInteger(sumHigh, sumLow), outputType, output);
    }

    private static void writeInteger(BigInteger value, Type outputType, BlockBuilder output)
    {
        if (value.bitLength() > 63) {
            throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
        }
        long result = value.longValue();
        if (outputType instanceof IntegerType && (result > Integer.MAX_VALUE || result < Integer.MIN_VALUE)
                || outputType instanceof SmallintType && (result > Short.MAX_VALUE || result < Short.MIN_VALUE)
                || outputType instanceof TinyintType && (result > Byte.MAX_VALUE || result < Byte.MIN_VALUE)) {
            throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, outputType.getDisplayName() + " out of range");
        }
        outputType.writeLong(output, result);
    }

    private static void writeDecimal(DecimalType decimal, BigInteger unscaled, BlockBuilder output)
    {
        if (unscaled.abs().compareTo(BigInteger.TEN.pow(decimal.getPrecision())) >= 0) {
            throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow: value does not fit " + decimal.getDisplayName());
        }
        if (decimal.isShort()) {
            decimal.writeLong(output, unscaled.longValueExact());
        }
        else {
            decimal.writeObject(output, Int128.valueOf(unscaled));
        }
    }

    @Override
    public long retainedBytes()
    {
        return high.length * 24L;
    }

    static boolean supports(Type type)
    {
        return type instanceof DecimalType || type instanceof BigintType || type instanceof IntegerType || type instanceof SmallintType || type instanceof TinyintType;
    }
}

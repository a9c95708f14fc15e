package io.basin.execution.operator.aggregation;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** stddev/variance (sample or population), with Welford's update for numerical stability. */
final class VarianceAccumulator
        implements Accumulator
{
    private final int channel;
    private final Type inputType;
    private final Type outputType;
    private final boolean sample;
    private final boolean standardDeviation;
    private long[] counts = new long[16];
    private double[] means = new double[16];
    private double[] m2s = new double[16];

    VarianceAccumulator(int channel, Type inputType, Type outputType, boolean sample, boolean standardDeviation)
    {
        this.channel = channel;
        this.inputType = inputType;
        this.outputType = outputType;
        this.sample = sample;
        this.standardDeviation = standardDeviation;
    }

    private void ensure(int groupCount)
    {
        if (groupCount > counts.length) {
            int size = Math.max(groupCount, counts.length * 2);
            counts = Arrays.copyOf(counts, size);
            means = Arrays.copyOf(means, size);
            m2s = Arrays.copyOf(m2s, size);
        }
    }

    private double value(Block block, int position)
    {
        if (inputType instanceof DoubleType) {
            return inputType.getDouble(block, position);
        }
        if (inputType instanceof RealType) {
            return Float.intBitsToFloat((int) inputType.getLong(block, position));
        }
        if (inputType instanceof DecimalType decimal) {
            if (decimal.isShort()) {
                return BigDecimal.valueOf(inputType.getLong(block, position), decimal.getScale()).doubleValue();
            }
            return new BigDecimal(((Int128) inputType.getObject(block, position)).toBigInteger(), decimal.getScale()).doubleValue();
        }
        return inputType.getLong(block, position);
    }

    @Override
    public void addInput(int[] groups, int groupCount, Page page, int positionCount)
    {
        ensure(groupCount);
        Block block = page.getBlock(channel);
        for (int i = 0; i < positionCount; i++) {
            int group = groups[i];
            if (group >= 0 && !block.isNull(i)) {
                double x = value(block, i);
                long n = ++counts[group];
                double delta = x - means[group];
                means[group] += delta / n;
                m2s[group] += delta * (x - means[group]);
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] mapping, int groupCount)
    {
        ensure(groupCount);
        VarianceAccumulator that = (VarianceAccumulator) other;
        for (int group = 0; group < mapping.length; group++) {
            long nb = that.counts[group];
            if (nb == 0) {
                continue;
            }
            int target = mapping[group];
            long na = counts[target];
            long n = na + nb;
            double delta = that.means[group] - means[target];
            means[target] += delta * nb / n;
            m2s[target] += that.m2s[group] + delta * delta * na * nb / n;
            counts[target] = n;
        }
    }

    @Override
    public void write(int group, BlockBuilder output)
    {
        long n = group < counts.length ? counts[group] : 0;
        if (n == 0 || (sample && n == 1)) {
            output.appendNull();
            return;
        }
        double variance = m2s[group] / (sample ? n - 1 : n);
        double result = standardDeviation ? Math.sqrt(variance) : variance;
        if (outputType instanceof DecimalType decimal) {
            BigDecimal value = BigDecimal.valueOf(result).setScale(decimal.getScale(), RoundingMode.HALF_UP);
            if (decimal.isShort()) {
                decimal.writeLong(output, value.unscaledValue().longValueExact());
            }
            else {
                decimal.writeObject(output, Int128.valueOf(value.unscaledValue()));
            }
        }
        else {
            outputType.writeDouble(output, result);
        }
    }

    @Override
    public long retainedBytes()
    {
        return counts.length * 24L;
    }
}

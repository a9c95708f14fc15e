package io.basin.execution.operator.aggregation;

import io.basin.error.BasinException;
import io.basin.plan.AggregationNode;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;

import java.util.List;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/** Creates the accumulator for one aggregate of a plan, for one grouping set. */
public final class AccumulatorFactory
{
    private final AggregationNode.Aggregate aggregate;
    private final List<Type> inputTypes;

    public AccumulatorFactory(AggregationNode.Aggregate aggregate, List<Type> inputTypes)
    {
        this.aggregate = requireNonNull(aggregate, "aggregate is null");
        this.inputTypes = List.copyOf(inputTypes);
        // fail at planning time, not in a driver
        create(List.of());
    }

    public AggregationNode.Aggregate aggregate()
    {
        return aggregate;
    }

    /** @param groupingSet the key indexes present in the grouping set (for GROUPING). */
    public Accumulator create(List<Integer> groupingSet)
    {
        Type output = aggregate.type();
        int channel = aggregate.arguments().isEmpty() ? -1 : aggregate.arguments().getFirst();
        Type input = channel >= 0 && aggregate.function() != AggregationNode.Function.GROUPING ? inputTypes.get(channel) : null;
        return switch (aggregate.function()) {
            case COUNT_STAR -> new CountAccumulator(-1);
            case COUNT -> new CountAccumulator(channel);
            case SUM, SUM0 -> sum(channel, input, output, aggregate.function() == AggregationNode.Function.SUM0, false);
            case AVG -> sum(channel, input, output, false, true);
            case AVG_COMBINE -> combineAverage(channel, aggregate.arguments().get(1), input, output);
            case MIN -> new MinMaxAccumulator(channel, input, false);
            case MAX -> new MinMaxAccumulator(channel, input, true);
            case BOOL_AND -> new BooleanAccumulator(channel, true);
            case BOOL_OR -> new BooleanAccumulator(channel, false);
            case SINGLE_VALUE -> new ValueAccumulator(channel, input, true);
            case ANY_VALUE -> new ValueAccumulator(channel, input, false);
            case GROUPING -> new ConstantAccumulator(output, groupingValue(groupingSet));
            case LITERAL -> new ConstantAccumulator(output, aggregate.literal().orElseThrow().value());
            case STRING_AGG -> new StringAggAccumulator(aggregate.arguments(), aggregate.orderings(), inputTypes, output);
            case STDDEV_SAMP -> new VarianceAccumulator(channel, input, output, true, true);
            case STDDEV_POP -> new VarianceAccumulator(channel, input, output, false, true);
            case VAR_SAMP -> new VarianceAccumulator(channel, input, output, true, false);
            case VAR_POP -> new VarianceAccumulator(channel, input, output, false, false);
        };
    }

    private long groupingValue(List<Integer> groupingSet)
    {
        // bit i (from the left) is 1 when the i-th argument is not grouped in this set
        long value = 0;
        for (int key : aggregate.arguments()) {
            value = (value << 1) | (groupingSet.contains(key) ? 0 : 1);
        }
        return value;
    }

    private static Accumulator combineAverage(int sumChannel, int countChannel, Type sum, Type output)
    {
        if (sum instanceof DoubleType) {
            return new DoubleSumAccumulator(sumChannel, sum, output, false, true, countChannel);
        }
        if (ExactSumAccumulator.supports(sum)) {
            return new ExactSumAccumulator(sumChannel, sum, output, false, true, countChannel);
        }
        throw new BasinException(FEATURE_NOT_SUPPORTED, "avg of partial sums of " + sum + " is not supported");
    }

    private static Accumulator sum(int channel, Type input, Type output, boolean sum0, boolean average)
    {
        if (input instanceof DoubleType || input instanceof RealType) {
            return new DoubleSumAccumulator(channel, input, output, sum0, average);
        }
        if (ExactSumAccumulator.supports(input)) {
            if (!average && output.getJavaType() == long.class && !(output instanceof io.trino.spi.type.DecimalType)) {
                return new LongSumAccumulator(channel, input, output, sum0);
            }
            return new ExactSumAccumulator(channel, input, output, sum0, average);
        }
        if (input instanceof BooleanType) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "sum/avg of boolean is not supported");
        }
        throw new BasinException(FEATURE_NOT_SUPPORTED, "sum/avg of " + input + " is not supported");
    }
}

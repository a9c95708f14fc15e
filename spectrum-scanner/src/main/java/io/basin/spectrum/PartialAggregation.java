package io.basin.spectrum;

import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * An aggregation the scan workers run over the rows a scan keeps, returning partial results that
 * the engine combines: per task, one row per group with the grouping columns followed by one
 * column per aggregate. Counts and sums are summed by the engine, minimums and maximums are taken
 * again; an average is asked for as a sum and a count.
 *
 * @param groupingChannels the grouping columns, as indexes into the scan's columns
 */
public record PartialAggregation(List<Integer> groupingChannels, List<Aggregate> aggregates)
{
    public enum Function
    {
        /** count(*): bigint. */
        COUNT_ALL,
        /** count(x), the non-null values: bigint. */
        COUNT,
        /** sum(x): bigint (with overflow checks) or decimal(38, 0) for integers, decimal(38, s) for decimal(p, s), double for real and double. */
        SUM,
        MIN,
        MAX
    }

    /**
     * One aggregate.
     *
     * @param argument the aggregated column, an index into the scan's columns (none for count(*) or an expression)
     * @param expression what is aggregated when it is not a plain column: an expression over the scan's columns
     * @param outputType the type of the partial result column
     */
    public record Aggregate(Function function, OptionalInt argument, Optional<ScanExpression> expression, Type outputType)
    {
        public Aggregate
        {
            requireNonNull(function, "function is null");
            requireNonNull(argument, "argument is null");
            requireNonNull(expression, "expression is null");
            requireNonNull(outputType, "outputType is null");
            checkArgument(argument.isEmpty() || expression.isEmpty(), "an aggregate has a column or an expression, not both");
            checkArgument((argument.isEmpty() && expression.isEmpty()) == (function == Function.COUNT_ALL), "only count(*) has no argument");
        }

        public Aggregate(Function function, OptionalInt argument, Type outputType)
        {
            this(function, argument, Optional.empty(), outputType);
        }

        /** The type of what is aggregated, or null for count(*). */
        public Type inputType(List<ScanColumn> columns)
        {
            if (expression.isPresent()) {
                return expression.get().type();
            }
            return argument.isPresent() ? columns.get(argument.getAsInt()).type() : null;
        }
    }

    public PartialAggregation
    {
        groupingChannels = List.copyOf(requireNonNull(groupingChannels, "groupingChannels is null"));
        aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
    }

    /** The types of the partial results over {@code columns}: the grouping columns', then each aggregate's. */
    public List<Type> outputTypes(List<ScanColumn> columns)
    {
        List<Type> types = new ArrayList<>();
        groupingChannels.forEach(channel -> types.add(columns.get(channel).type()));
        aggregates.forEach(aggregate -> types.add(aggregate.outputType()));
        return List.copyOf(types);
    }

    /** Whether the workers compute {@code function} of a {@code input} column into {@code output}. */
    public static boolean supports(Function function, Type input, Type output)
    {
        return switch (function) {
            case COUNT_ALL, COUNT -> output instanceof BigintType;
            case SUM -> isInteger(input) && (output instanceof BigintType || output.equals(DecimalType.createDecimalType(38, 0)))
                    || input instanceof DecimalType decimal && output.equals(DecimalType.createDecimalType(38, decimal.getScale()))
                    || (input instanceof DoubleType || input instanceof RealType) && output instanceof DoubleType;
            case MIN, MAX -> input.equals(output) && (isInteger(input) || input instanceof DateType || input instanceof DecimalType
                    || input instanceof DoubleType || input instanceof RealType || input instanceof VarcharType || input instanceof BooleanType
                    || input instanceof TimestampType timestamp && timestamp.isShort());
        };
    }

    static boolean isInteger(Type type)
    {
        return type instanceof BigintType || type instanceof IntegerType || type instanceof SmallintType || type instanceof TinyintType;
    }
}

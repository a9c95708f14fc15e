package io.basin.plan;

import io.basin.plan.expr.Constant;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * GROUP BY {@code groupKeys} (with optional grouping sets, each a subset of the keys, given as key
 * indexes into {@code groupKeys}); output is the keys followed by one column per aggregate. Keys
 * absent from a grouping set are NULL in its rows.
 */
public record AggregationNode(PlanNode source, List<Integer> groupKeys, List<List<Integer>> groupingSets, List<Aggregate> aggregates)
        implements PlanNode
{
    public enum Function
    {
        COUNT_STAR, COUNT, SUM, SUM0, AVG, MIN, MAX, BOOL_AND, BOOL_OR, SINGLE_VALUE, ANY_VALUE, GROUPING,
        /** A constant per group (Calcite's LITERAL_AGG, a marker produced by subquery rewrites). */
        LITERAL,
        /** string_agg(value, separator [ORDER BY ...]) and listagg: concatenation in the given order. */
        STRING_AGG,
        STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP,
        /**
         * avg from partial results: arguments are a sum and a count column (as a scan with a pushed
         * partial aggregation returns them); the sum of the sums over the sum of the counts,
         * rounded as AVG rounds.
         */
        AVG_COMBINE
    }

    /**
     * One aggregate. {@code arguments} are input channels, except for GROUPING whose arguments are
     * key indexes into groupKeys; {@code filter} is a boolean input channel (FILTER (WHERE ...)).
     */
    public record Aggregate(Function function, List<Integer> arguments, OptionalInt filter, Type type, Optional<Constant> literal, List<Ordering> orderings)
    {
        public Aggregate(Function function, List<Integer> arguments, OptionalInt filter, Type type)
        {
            this(function, arguments, filter, type, Optional.empty(), List.of());
        }

        public Aggregate
        {
            requireNonNull(literal, "literal is null");
            orderings = List.copyOf(requireNonNull(orderings, "orderings is null"));
            requireNonNull(function, "function is null");
            arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
            requireNonNull(filter, "filter is null");
            requireNonNull(type, "type is null");
        }
    }

    public AggregationNode
    {
        requireNonNull(source, "source is null");
        groupKeys = List.copyOf(requireNonNull(groupKeys, "groupKeys is null"));
        groupingSets = requireNonNull(groupingSets, "groupingSets is null").stream().map(List::copyOf).toList();
        checkArgument(!groupingSets.isEmpty(), "at least one grouping set is required");
        aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
    }

    public boolean isGlobal()
    {
        return groupKeys.isEmpty();
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes()
    {
        List<Type> sourceTypes = source.outputTypes();
        List<Type> types = new ArrayList<>();
        for (int key : groupKeys) {
            types.add(sourceTypes.get(key));
        }
        for (Aggregate aggregate : aggregates) {
            types.add(aggregate.type());
        }
        return types;
    }
}

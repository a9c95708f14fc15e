package io.basin.execution.expression;

import io.basin.execution.RowViews;
import io.basin.execution.expression.codegen.CompiledKernel;
import io.basin.execution.expression.codegen.ExpressionKernel;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Compiled filter and projections, bound to their literal values: immutable, shared by all drivers
 * of an operator, creating one {@link PageProcessor} per driver. Obtained from
 * {@link ExpressionCompiler#compile}.
 */
public final class PageProcessorFactory
{
    private final Optional<CompiledKernel> kernel;
    private final Object[] parameters;
    private final boolean hasFilter;
    private final List<Projection> projections;
    private final DictionaryChannels dictionaryChannels;
    private final Optional<DictionaryFilter> dictionaryFilter;
    private final RowViews.Policy rowViews;

    PageProcessorFactory(Optional<CompiledKernel> kernel, Object[] parameters, boolean hasFilter, List<Projection> projections, DictionaryChannels dictionaryChannels, Optional<DictionaryFilter> dictionaryFilter)
    {
        this(kernel, parameters, hasFilter, projections, dictionaryChannels, dictionaryFilter, RowViews.Policy.NONE);
    }

    private PageProcessorFactory(Optional<CompiledKernel> kernel, Object[] parameters, boolean hasFilter, List<Projection> projections, DictionaryChannels dictionaryChannels, Optional<DictionaryFilter> dictionaryFilter, RowViews.Policy rowViews)
    {
        this.rowViews = requireNonNull(rowViews, "rowViews is null");
        this.dictionaryChannels = requireNonNull(dictionaryChannels, "dictionaryChannels is null");
        this.dictionaryFilter = requireNonNull(dictionaryFilter, "dictionaryFilter is null");
        this.kernel = requireNonNull(kernel, "kernel is null");
        this.parameters = requireNonNull(parameters, "parameters is null").clone();
        this.hasFilter = hasFilter;
        this.projections = List.copyOf(requireNonNull(projections, "projections is null"));
        checkArgument(kernel.isPresent() || (!hasFilter && projections.stream().noneMatch(Projection.Computed.class::isInstance)),
                "computed expressions need a kernel");
        checkArgument(hasFilter || dictionaryFilter.isEmpty(), "a dictionary filter needs a filter");
    }

    /** A processor for one driver, with current_date/current_timestamp taken from {@code context}. */
    public PageProcessor createProcessor(ExpressionContext context)
    {
        requireNonNull(context, "context is null");
        Optional<ExpressionKernel> instance = kernel.map(compiled -> compiled.newInstance(parameters, context.currentDate(), context.currentTimestamp()));
        Optional<DictionaryFilterEvaluator> dictionaryEvaluator = dictionaryFilter.map(filter -> new DictionaryFilterEvaluator(filter, instance.orElseThrow(), context));
        return new CompiledPageProcessor(instance, hasFilter, projections, dictionaryChannels, dictionaryEvaluator, rowViews);
    }

    /**
     * These expressions with the filter's selected rows of input columns handed on as views (a
     * {@link io.trino.spi.block.DictionaryBlock} of the selected positions over the input block)
     * instead of copies, for the selections {@code policy} names. Only for a consumer that reads
     * views itself: a join's probe (see {@code LookupJoinOperator}), which copies only the rows it
     * keeps, or an aggregation, which reads each row once into its groups and accumulators.
     */
    public PageProcessorFactory withRowViews(RowViews.Policy policy)
    {
        return new PageProcessorFactory(kernel, parameters, hasFilter, projections, dictionaryChannels, dictionaryFilter, policy);
    }

    public boolean hasFilter()
    {
        return hasFilter;
    }

    public List<Type> outputTypes()
    {
        return projections.stream().map(Projection::type).toList();
    }

    /** Bytecode size of the largest generated method, when there is generated code. */
    public OptionalInt largestGeneratedMethodBytes()
    {
        return kernel.map(compiled -> OptionalInt.of(compiled.largestMethodBytes())).orElseGet(OptionalInt::empty);
    }

    /** The generated source, when the expressions needed code (for debugging and EXPLAIN). */
    public Optional<String> generatedSource()
    {
        return kernel.map(CompiledKernel::source);
    }
}

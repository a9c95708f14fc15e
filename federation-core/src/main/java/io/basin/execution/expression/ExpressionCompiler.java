package io.basin.execution.expression;

import io.basin.error.BasinException;
import io.basin.execution.expression.codegen.CompiledKernel;
import io.basin.execution.expression.codegen.ExpressionShape;
import io.basin.execution.expression.codegen.KernelGenerator;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Conjuncts;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.type.TypeUtils;
import io.trino.spi.type.VariableWidthType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.basin.error.BasinErrorCode.DATATYPE_MISMATCH;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static java.util.Objects.requireNonNull;

/**
 * Compiles a filter and projections over Basin expressions into a {@link PageProcessorFactory}.
 * Code is generated per expression shape (literals lifted into parameters) and cached in a
 * {@link CompiledExpressionCache}, so {@code x > 5} and {@code x > 7} compile once. Thread-safe;
 * one instance is meant to serve the whole engine.
 *
 * <pre>{@code
 * PageProcessorFactory factory = compiler.compile(Optional.of(filter), projections);
 * PageProcessor processor = factory.createProcessor(ExpressionContext.of(queryContext)); // per driver
 * Page output = processor.process(input); // null when no row passes
 * }</pre>
 */
public final class ExpressionCompiler
{
    private final CompiledExpressionCache cache;

    public ExpressionCompiler()
    {
        this(new CompiledExpressionCache());
    }

    public ExpressionCompiler(CompiledExpressionCache cache)
    {
        this.cache = requireNonNull(cache, "cache is null");
    }

    public CompiledExpressionCache cache()
    {
        return cache;
    }

    /**
     * Compiles {@code filter} (boolean; NULL rejects the row) and {@code projections} (one output
     * block each). Input types are those of the {@link InputReference}s.
     */
    public PageProcessorFactory compile(Optional<Expression> filter, List<Expression> projections)
    {
        requireNonNull(filter, "filter is null");
        requireNonNull(projections, "projections is null");
        filter.ifPresent(expression -> {
            if (!expression.type().equals(BOOLEAN)) {
                throw new BasinException(DATATYPE_MISMATCH, "argument of WHERE must be type boolean, not type " + expression.type().getDisplayName());
            }
        });
        List<Projection> plan = new ArrayList<>(projections.size());
        List<Expression> computed = new ArrayList<>();
        for (Expression projection : projections) {
            switch (projection) {
                case InputReference reference -> plan.add(new Projection.InputChannel(reference.field(), reference.type()));
                case Constant constant -> plan.add(new Projection.ConstantValue(TypeUtils.writeNativeValue(constant.type(), ExpressionShape.stackValue(constant)), constant.type()));
                case Call _, SpecialForm _ -> {
                    plan.add(new Projection.Computed(computed.size(), projection.type()));
                    computed.add(projection);
                }
            }
        }
        if (filter.isEmpty() && computed.isEmpty()) {
            return new PageProcessorFactory(Optional.empty(), new Object[0], false, plan, DictionaryChannels.NONE, Optional.empty());
        }
        BoundKernel kernel = bind(filter, computed);
        DictionaryChannels dictionaryChannels = new DictionaryChannels(computed.stream().mapToInt(ExpressionCompiler::singleInputChannel).toArray());
        return new PageProcessorFactory(Optional.of(kernel.kernel()), kernel.parameters(), filter.isPresent(), plan, dictionaryChannels, filter.flatMap(this::dictionaryFilter));
    }

    private BoundKernel bind(Optional<Expression> filter, List<Expression> computed)
    {
        ExpressionShape shape = ExpressionShape.of(filter, computed);
        CompiledKernel kernel = cache.get(shape.key(), () -> KernelGenerator.compile(shape, filter, computed));
        return new BoundKernel(kernel, kernel.bind(shape.constantValues()));
    }

    /**
     * The filter's plan for dictionary inputs: the whole filter when it reads one column; else its
     * conjuncts that each read one string column (the types that arrive as dictionaries), grouped
     * by column, with the rest as the residual. Empty when there is no such conjunct.
     */
    private Optional<DictionaryFilter> dictionaryFilter(Expression filter)
    {
        int channel = singleInputChannel(filter);
        if (channel >= 0) {
            return Optional.of(DictionaryFilter.singleChannel(channel));
        }
        Map<Integer, List<Expression>> groups = new LinkedHashMap<>();
        List<Expression> residual = new ArrayList<>();
        for (Expression conjunct : Conjuncts.of(filter)) {
            int conjunctChannel = singleInputChannel(conjunct);
            if (conjunctChannel >= 0 && readsVariableWidth(conjunct)) {
                groups.computeIfAbsent(conjunctChannel, _ -> new ArrayList<>()).add(conjunct);
            }
            else {
                residual.add(conjunct);
            }
        }
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        int[] channels = groups.keySet().stream().mapToInt(Integer::intValue).toArray();
        List<Optional<BoundKernel>> kernels = groups.values().stream()
                .map(group -> Optional.of(bind(Optional.of(Conjuncts.and(group)), List.of())))
                .toList();
        Optional<BoundKernel> residualKernel = residual.isEmpty() ? Optional.empty() : Optional.of(bind(Optional.of(Conjuncts.and(residual)), List.of()));
        return Optional.of(new DictionaryFilter(channels, kernels, residualKernel));
    }

    /** Whether the expression reads a variable-width column (strings: what arrives dictionary-encoded). */
    private static boolean readsVariableWidth(Expression expression)
    {
        return switch (expression) {
            case InputReference reference -> reference.type() instanceof VariableWidthType;
            case Constant _ -> false;
            case Call call -> call.arguments().stream().anyMatch(ExpressionCompiler::readsVariableWidth);
            case SpecialForm form -> form.arguments().stream().anyMatch(ExpressionCompiler::readsVariableWidth);
        };
    }

    /**
     * The one input channel a deterministic expression reads, or -1: such an expression can be
     * evaluated once per dictionary entry instead of once per row.
     */
    private static int singleInputChannel(Expression expression)
    {
        Set<Integer> channels = new HashSet<>();
        if (!collectChannels(expression, channels) || channels.size() != 1) {
            return -1;
        }
        return channels.iterator().next();
    }

    /** Adds the channels {@code expression} reads; false when it is not deterministic. */
    private static boolean collectChannels(Expression expression, Set<Integer> channels)
    {
        return switch (expression) {
            case InputReference reference -> channels.add(reference.field()) || true;
            case Constant _ -> true;
            case Call call -> !call.name().equals(FunctionNames.RANDOM)
                    && call.arguments().stream().allMatch(argument -> collectChannels(argument, channels));
            case SpecialForm form -> form.arguments().stream().allMatch(argument -> collectChannels(argument, channels));
        };
    }

    /**
     * Evaluates an expression without inputs (e.g. a LIMIT or OFFSET expression) to its value in
     * Trino's stack representation ({@code Long}, {@code Double}, {@code Boolean}, {@code Slice},
     * {@code Int128}), or null for SQL NULL.
     */
    public Object evaluateConstant(Expression expression, ExpressionContext context)
    {
        requireNonNull(expression, "expression is null");
        requireNonNull(context, "context is null");
        if (expression instanceof Constant constant) {
            return constant.value();
        }
        if (referencesInput(expression)) {
            throw new IllegalArgumentException("Expression references input columns: " + expression);
        }
        PageProcessor processor = compile(Optional.empty(), List.of(expression)).createProcessor(context);
        Page result = processor.process(new Page(1));
        Block block = result.getBlock(0);
        return TypeUtils.readNativeValue(expression.type(), block, 0);
    }

    private static boolean referencesInput(Expression expression)
    {
        return switch (expression) {
            case InputReference _ -> true;
            case Constant _ -> false;
            case Call call -> call.arguments().stream().anyMatch(ExpressionCompiler::referencesInput);
            case SpecialForm form -> form.arguments().stream().anyMatch(ExpressionCompiler::referencesInput);
        };
    }
}

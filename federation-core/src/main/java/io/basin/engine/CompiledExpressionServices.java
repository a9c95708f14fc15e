package io.basin.engine;

import io.basin.execution.QueryContext;
import io.basin.execution.expression.ExpressionCompiler;
import io.basin.execution.expression.ExpressionContext;
import io.basin.execution.expression.PageProcessor;
import io.basin.execution.expression.PageProcessorFactory;
import io.basin.execution.operator.join.JoinFilter;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.InputReference;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** Expressions compiled to bytecode through the engine-wide, shape-keyed cache. */
final class CompiledExpressionServices
        implements ExpressionServices
{
    private final ExpressionCompiler compiler;

    CompiledExpressionServices(ExpressionCompiler compiler)
    {
        this.compiler = requireNonNull(compiler, "compiler is null");
    }

    @Override
    public PageProcessorFactory compile(Optional<Expression> filter, List<Expression> projections, List<Type> inputTypes, QueryContext queryContext)
    {
        return compiler.compile(filter, projections);
    }

    @Override
    public Object evaluateConstant(Expression expression, QueryContext queryContext)
    {
        return compiler.evaluateConstant(expression, ExpressionContext.of(queryContext));
    }

    @Override
    public Supplier<JoinFilter> compileJoinFilter(Expression filter, List<Type> inputTypes, QueryContext queryContext)
    {
        // the candidate page gets one more column, each row's own index; projecting only that
        // column through the filter yields the indexes of the surviving rows
        int indexChannel = inputTypes.size();
        PageProcessorFactory factory = compiler.compile(Optional.of(filter), List.of(new InputReference(indexChannel, IntegerType.INTEGER)));
        ExpressionContext context = ExpressionContext.of(queryContext);
        return () -> {
            PageProcessor processor = factory.createProcessor(context);
            return candidates -> {
                int count = candidates.getPositionCount();
                int[] indexes = new int[count];
                for (int i = 0; i < count; i++) {
                    indexes[i] = i;
                }
                Block[] blocks = new Block[candidates.getChannelCount() + 1];
                for (int channel = 0; channel < candidates.getChannelCount(); channel++) {
                    blocks[channel] = candidates.getBlock(channel);
                }
                blocks[indexChannel] = new IntArrayBlock(count, Optional.empty(), indexes);
                Page result = processor.process(new Page(count, blocks));
                if (result == null) {
                    return new int[0];
                }
                Block survivors = result.getBlock(0);
                int[] positions = new int[result.getPositionCount()];
                for (int i = 0; i < positions.length; i++) {
                    positions[i] = IntegerType.INTEGER.getInt(survivors, i);
                }
                return positions;
            };
        };
    }
}

package io.basin.engine;

import io.basin.execution.QueryContext;
import io.basin.execution.expression.PageProcessorFactory;
import io.basin.execution.operator.join.JoinFilter;
import io.basin.plan.expr.Expression;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Compiles expressions into per-driver page processors (bytecode, cached by expression shape). */
interface ExpressionServices
{
    PageProcessorFactory compile(Optional<Expression> filter, List<Expression> projections, List<Type> inputTypes, QueryContext queryContext);

    Object evaluateConstant(Expression expression, QueryContext queryContext);

    Supplier<JoinFilter> compileJoinFilter(Expression filter, List<Type> inputTypes, QueryContext queryContext);
}

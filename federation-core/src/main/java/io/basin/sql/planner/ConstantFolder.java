package io.basin.sql.planner;

import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;

import java.util.Optional;

/**
 * Evaluates constant subexpressions at planning time with Basin's own function semantics (Calcite's
 * reducer would round and overflow differently). Empty when the expression cannot be folded, for
 * example because it would raise an error; it then raises it at run time, only if evaluated.
 */
@FunctionalInterface
public interface ConstantFolder
{
    ConstantFolder NONE = expression -> Optional.empty();

    Optional<Constant> fold(Expression expression);
}

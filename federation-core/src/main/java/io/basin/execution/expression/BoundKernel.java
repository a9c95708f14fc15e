package io.basin.execution.expression;

import io.basin.execution.expression.codegen.CompiledKernel;
import io.basin.execution.expression.codegen.ExpressionKernel;

import static java.util.Objects.requireNonNull;

/** A compiled kernel with the parameters (literals and derived values) of one expression of its shape. */
record BoundKernel(CompiledKernel kernel, Object[] parameters)
{
    BoundKernel
    {
        requireNonNull(kernel, "kernel is null");
        parameters = requireNonNull(parameters, "parameters is null").clone();
    }

    /** A new instance for one driver (kernels own scratch space). */
    ExpressionKernel newInstance(ExpressionContext context)
    {
        return kernel.newInstance(parameters, context.currentDate(), context.currentTimestamp());
    }
}

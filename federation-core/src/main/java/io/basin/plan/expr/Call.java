package io.basin.plan.expr;

import io.trino.spi.type.Type;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A scalar function call, {@code name} being one of the names in {@link FunctionNames}. Calls are
 * null-propagating unless their function says otherwise (see {@code FunctionNames}).
 */
public record Call(String name, List<Expression> arguments, Type type)
        implements Expression
{
    public Call
    {
        requireNonNull(name, "name is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(type, "type is null");
    }

    public Call(String name, Type type, Expression... arguments)
    {
        this(name, List.of(arguments), type);
    }

    @Override
    public <R, C> R accept(ExpressionVisitor<R, C> visitor, C context)
    {
        return visitor.visitCall(this, context);
    }

    @Override
    public String toString()
    {
        return name + arguments.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}

package io.basin.plan.expr;

import io.trino.spi.type.Type;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Expressions that are not plain null-propagating calls: they short-circuit, or treat NULL
 * specially.
 */
public record SpecialForm(Form form, List<Expression> arguments, Type type)
        implements Expression
{
    public enum Form
    {
        /** n-ary, three-valued logic. */
        AND,
        /** n-ary, three-valued logic. */
        OR,
        /** NOT(x): null stays null. */
        NOT,
        /** IS_NULL(x): boolean, never null. */
        IS_NULL,
        /** IF(condition, then, else): else taken when condition is false or null. */
        IF,
        /** SWITCH(when1, then1, when2, then2, ..., else): searched CASE; the else is always present (may be a null constant). */
        SWITCH,
        /** COALESCE(a, b, ...): first non-null. */
        COALESCE,
        /** IN(value, c1, c2, ...): SQL semantics; null when no match and value or any candidate is null. */
        IN,
        /** IS_DISTINCT_FROM(a, b): boolean, never null. */
        IS_DISTINCT_FROM,
        /** NULLIF(a, b). */
        NULLIF,
        /** GREATEST(a, b, ...) and LEAST: as in PostgreSQL, NULL arguments are ignored; NULL only when all are NULL. */
        GREATEST,
        LEAST,
    }

    public SpecialForm
    {
        requireNonNull(form, "form is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(type, "type is null");
    }

    public SpecialForm(Form form, Type type, Expression... arguments)
    {
        this(form, List.of(arguments), type);
    }

    @Override
    public <R, C> R accept(ExpressionVisitor<R, C> visitor, C context)
    {
        return visitor.visitSpecialForm(this, context);
    }

    @Override
    public String toString()
    {
        return form + arguments.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}

package io.basin.execution.expression.codegen;

import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A field of a generated kernel computed once from the literals of an expression, e.g. the
 * compiled matcher of a constant LIKE pattern or the hash set of a long IN list. It is a function
 * of the literal values by slot, so one definition serves every expression of the same shape.
 *
 * @param javaType the field's Java type, as written in generated source
 * @param factory builds the value from the literal values, slot by slot
 */
public record DerivedParameter(String javaType, Function<List<Object>, Object> factory)
{
    public DerivedParameter
    {
        requireNonNull(javaType, "javaType is null");
        requireNonNull(factory, "factory is null");
    }
}

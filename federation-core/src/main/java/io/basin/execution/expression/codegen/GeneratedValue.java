package io.basin.execution.expression.codegen;

import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A value computed by generated code: side-effect-free Java expressions (usually local names,
 * sometimes a field or a literal) for the value and its null flag. A 128-bit decimal has a
 * {@code high} and {@code low} expression instead of {@code value}. A null flag of the literal
 * {@code "false"} tells the generator the value is never null, so it emits no check.
 */
public record GeneratedValue(Type type, String value, String high, String low, String isNull)
{
    public GeneratedValue
    {
        requireNonNull(type, "type is null");
        requireNonNull(isNull, "isNull is null");
        // fields are not assigned yet in a compact constructor: use the parameter
        if (TypeKind.of(type).javaKind() == JavaKind.INT128) {
            requireNonNull(high, "high is null");
            requireNonNull(low, "low is null");
        }
        else {
            requireNonNull(value, "value is null");
        }
    }

    public static GeneratedValue of(Type type, String value, String isNull)
    {
        return new GeneratedValue(type, value, null, null, isNull);
    }

    public static GeneratedValue ofInt128(Type type, String high, String low, String isNull)
    {
        return new GeneratedValue(type, null, high, low, isNull);
    }

    public TypeKind typeKind()
    {
        return TypeKind.of(type);
    }

    public JavaKind kind()
    {
        return TypeKind.of(type).javaKind();
    }

    public boolean mayBeNull()
    {
        return !isNull.equals("false");
    }

    /** The value as Java call arguments: {@code value}, or {@code high, low}. */
    public String arguments()
    {
        return kind() == JavaKind.INT128 ? high + ", " + low : value;
    }
}

package io.basin.execution.expression.function;

import io.basin.error.BasinException;

import static io.basin.error.BasinErrorCode.DIVISION_BY_ZERO;
import static io.basin.error.BasinErrorCode.INVALID_TEXT_REPRESENTATION;
import static io.basin.error.BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;

/**
 * Builds the errors that scalar functions raise most often, with PostgreSQL's wording, so that
 * every function reports the same condition the same way.
 */
public final class ExpressionErrors
{
    private ExpressionErrors() {}

    public static BasinException divisionByZero()
    {
        return new BasinException(DIVISION_BY_ZERO, "division by zero");
    }

    /** Integer overflow: {@code "integer out of range"}, {@code "bigint out of range"}, ... */
    public static BasinException outOfRange(String typeName)
    {
        return new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }

    /** A decimal value that does not fit its precision. */
    public static BasinException numericFieldOverflow()
    {
        return new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
    }

    /** Floating point overflow or underflow ({@code direction} is "overflow" or "underflow"). */
    public static BasinException floatOutOfRange(String direction)
    {
        return new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: " + direction);
    }

    /** Text that cannot be read as a value of {@code typeName}. */
    public static BasinException invalidInputSyntax(String typeName, String text)
    {
        return new BasinException(INVALID_TEXT_REPRESENTATION, "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    /** Text that reads as a number too large for {@code typeName}. */
    public static BasinException valueOutOfRangeForType(String text, String typeName)
    {
        return new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "value \"" + text + "\" is out of range for type " + typeName);
    }
}

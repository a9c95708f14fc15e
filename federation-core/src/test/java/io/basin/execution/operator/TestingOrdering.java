package io.basin.execution.operator;

import io.basin.execution.compare.SortKey;
import io.trino.spi.type.CharType;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.Type;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The test oracle for ordering: PostgreSQL's order written directly over Java values, sharing
 * no code with the engine. Strings compare by code points (what byte-wise UTF-8 order must
 * equal), char values without trailing spaces, floating point with NaN above everything and
 * -0.0 equal to 0.0.
 */
final class TestingOrdering
{
    private TestingOrdering() {}

    static Comparator<List<Object>> rowComparator(List<SortKey> keys)
    {
        return (left, right) -> {
            for (SortKey key : keys) {
                int result = compareWithNulls(key, left.get(key.channel()), right.get(key.channel()));
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        };
    }

    static int compareWithNulls(SortKey key, Object left, Object right)
    {
        if (left == null || right == null) {
            if (left == null && right == null) {
                return 0;
            }
            return (left == null) == key.nullsFirst() ? -1 : 1;
        }
        int result = compareValues(key.type(), left, right);
        return key.ascending() ? result : -result;
    }

    static int compareValues(Type type, Object left, Object right)
    {
        return switch (left) {
            case Boolean value -> Boolean.compare(value, (Boolean) right);
            case Long value -> Long.compare(value, (Long) right);
            case Float value -> compareDoubles(value, (Float) right);
            case Double value -> compareDoubles(value, (Double) right);
            case BigDecimal value -> value.compareTo((BigDecimal) right);
            case String value when type instanceof CharType -> compareCodePoints(stripTrailingSpaces(value), stripTrailingSpaces((String) right));
            case String value -> compareCodePoints(value, (String) right);
            case TestingBinary value -> Arrays.compareUnsigned(value.bytes(), ((TestingBinary) right).bytes());
            case LongTimestamp value -> value.compareTo((LongTimestamp) right);
            default -> throw new IllegalArgumentException("unsupported value " + left);
        };
    }

    private static int compareDoubles(double left, double right)
    {
        if (Double.isNaN(left) || Double.isNaN(right)) {
            return Boolean.compare(Double.isNaN(left), Double.isNaN(right));
        }
        // + 0.0 turns -0.0 into 0.0
        return Double.compare(left + 0.0, right + 0.0);
    }

    private static int compareCodePoints(String left, String right)
    {
        return Arrays.compare(left.codePoints().toArray(), right.codePoints().toArray());
    }

    private static String stripTrailingSpaces(String value)
    {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(0, end);
    }
}

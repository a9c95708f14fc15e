package io.basin.connector.iceberg;

import io.airlift.slice.Slice;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A pushed predicate as an Iceberg expression, so that Iceberg's planning skips manifests, files
 * and partitions that cannot match. A domain over a type this does not translate is left out: the
 * expression may only be wider than the predicate, never narrower.
 */
final class IcebergExpressions
{
    private IcebergExpressions() {}

    static Expression toIceberg(TupleDomain<IcebergColumnHandle> predicate)
    {
        if (predicate.isNone()) {
            return Expressions.alwaysFalse();
        }
        Expression result = Expressions.alwaysTrue();
        for (Map.Entry<IcebergColumnHandle, Domain> entry : predicate.getDomains().orElseThrow().entrySet()) {
            Optional<Expression> column = toIceberg(entry.getKey(), entry.getValue());
            if (column.isPresent()) {
                result = Expressions.and(result, column.get());
            }
        }
        return result;
    }

    /** Whether {@link #toIceberg(TupleDomain)} leaves nothing of {@code predicate} out. */
    static boolean translatesExactly(TupleDomain<IcebergColumnHandle> predicate)
    {
        return predicate.getDomains()
                .map(domains -> domains.entrySet().stream().allMatch(entry -> entry.getValue().isAll() || entry.getValue().isNone()
                        || entry.getValue().isOnlyNull() || supported(entry.getKey().type())))
                .orElse(true);
    }

    private static Optional<Expression> toIceberg(IcebergColumnHandle column, Domain domain)
    {
        String name = column.name();
        if (domain.isAll()) {
            return Optional.empty();
        }
        if (domain.isNone()) {
            return Optional.of(Expressions.alwaysFalse());
        }
        if (domain.isOnlyNull()) {
            return Optional.of(Expressions.isNull(name));
        }
        if (!supported(column.type())) {
            return Optional.empty();
        }
        Expression values = Expressions.alwaysFalse();
        for (Range range : domain.getValues().getRanges().getOrderedRanges()) {
            Expression expression;
            if (range.isSingleValue()) {
                expression = Expressions.equal(name, value(column.type(), range.getSingleValue()));
            }
            else {
                expression = Expressions.alwaysTrue();
                if (!range.isLowUnbounded()) {
                    Object low = value(column.type(), range.getLowBoundedValue());
                    expression = Expressions.and(expression, range.isLowInclusive() ? Expressions.greaterThanOrEqual(name, low) : Expressions.greaterThan(name, low));
                }
                if (!range.isHighUnbounded()) {
                    Object high = value(column.type(), range.getHighBoundedValue());
                    expression = Expressions.and(expression, range.isHighInclusive() ? Expressions.lessThanOrEqual(name, high) : Expressions.lessThan(name, high));
                }
            }
            values = Expressions.or(values, expression);
        }
        if (domain.isNullAllowed()) {
            values = Expressions.or(values, Expressions.isNull(name));
        }
        return Optional.of(values);
    }

    private static boolean supported(Type type)
    {
        return type instanceof BooleanType || type instanceof IntegerType || type instanceof BigintType
                || type instanceof RealType || type instanceof DoubleType || type instanceof DecimalType
                || type instanceof DateType || type instanceof VarcharType || type instanceof TimestampType;
    }

    private static Object value(Type type, Object value)
    {
        return switch (type) {
            case BooleanType _ -> value;
            case IntegerType _, DateType _ -> Math.toIntExact((long) value);
            case BigintType _, TimestampType _ -> value;
            case RealType _ -> Float.intBitsToFloat(Math.toIntExact((long) value));
            case DoubleType _ -> value;
            case DecimalType decimal when decimal.isShort() -> BigDecimal.valueOf((long) value, decimal.getScale());
            case DecimalType decimal -> new BigDecimal(((Int128) value).toBigInteger(), decimal.getScale());
            case VarcharType _ -> ((Slice) value).toStringUtf8();
            default -> throw new IllegalArgumentException("Unsupported type " + type);
        };
    }
}

package io.basin.connector.jdbc;

import io.airlift.slice.Slices;
import io.trino.spi.TrinoException;
import io.trino.spi.type.CharType;
import io.trino.spi.type.Chars;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.VarbinaryType.VARBINARY;

/** Readers of the values both dialects' drivers return alike, each writing exactly the value read (or null). */
public final class ValueReaders
{
    private ValueReaders() {}

    /** The error for a value Basin's type cannot hold, given the value's text and the Basin type's name. */
    @FunctionalInterface
    public interface Unrepresentable
    {
        TrinoException failure(String value, String basinType);
    }

    public static ValueReader booleans()
    {
        return (resultSet, index, output) -> {
            boolean value = resultSet.getBoolean(index);
            if (resultSet.wasNull()) {
                output.appendNull();
            }
            else {
                BOOLEAN.writeBoolean(output, value);
            }
        };
    }

    public static ValueReader tinyints()
    {
        return (resultSet, index, output) -> {
            byte value = resultSet.getByte(index);
            if (resultSet.wasNull()) {
                output.appendNull();
            }
            else {
                TINYINT.writeLong(output, value);
            }
        };
    }

    public static ValueReader smallints()
    {
        return (resultSet, index, output) -> {
            short value = resultSet.getShort(index);
            if (resultSet.wasNull()) {
                output.appendNull();
            }
            else {
                SMALLINT.writeLong(output, value);
            }
        };
    }

    public static ValueReader integers()
    {
        return (resultSet, index, output) -> {
            int value = resultSet.getInt(index);
            if (resultSet.wasNull()) {
                output.appendNull();
            }
            else {
                INTEGER.writeLong(output, value);
            }
        };
    }

    public static ValueReader bigints()
    {
        return (resultSet, index, output) -> {
            long value = resultSet.getLong(index);
            if (resultSet.wasNull()) {
                output.appendNull();
            }
            else {
                BIGINT.writeLong(output, value);
            }
        };
    }

    public static ValueReader reals()
    {
        return (resultSet, index, output) -> {
            float value = resultSet.getFloat(index);
            if (resultSet.wasNull()) {
                output.appendNull();
            }
            else {
                REAL.writeLong(output, Float.floatToIntBits(value));
            }
        };
    }

    public static ValueReader doubles()
    {
        return (resultSet, index, output) -> {
            double value = resultSet.getDouble(index);
            if (resultSet.wasNull()) {
                output.appendNull();
            }
            else {
                DOUBLE.writeDouble(output, value);
            }
        };
    }

    public static ValueReader varbinaries()
    {
        return (resultSet, index, output) -> {
            byte[] value = resultSet.getBytes(index);
            if (value == null) {
                output.appendNull();
            }
            else {
                VARBINARY.writeSlice(output, Slices.wrappedBuffer(value));
            }
        };
    }

    /** A string as the driver returns it, as a {@code varchar} of the given type. */
    public static ValueReader strings(VarcharType varchar)
    {
        return (resultSet, index, output) -> {
            String value = resultSet.getString(index);
            if (value == null) {
                output.appendNull();
            }
            else {
                varchar.writeSlice(output, Slices.utf8Slice(value));
            }
        };
    }

    /** A fixed-length string: Basin, like Trino, holds {@code char} values without their padding. */
    public static ValueReader chars(CharType charType)
    {
        return (resultSet, index, output) -> {
            String value = resultSet.getString(index);
            if (value == null) {
                output.appendNull();
            }
            else {
                charType.writeSlice(output, Chars.trimTrailingSpaces(Slices.utf8Slice(value)));
            }
        };
    }

    /** Reads a column's value as a {@link BigDecimal}, or null. */
    @FunctionalInterface
    public interface DecimalSource
    {
        BigDecimal read(ResultSet resultSet, int index)
                throws SQLException;
    }

    /**
     * A decimal, exactly: a value with more fraction digits than the type's scale, or more
     * integer digits than its precision allows, is an error, never rounded.
     */
    public static ValueReader decimals(DecimalType decimal, DecimalSource source, Unrepresentable unrepresentable)
    {
        BigInteger limit = BigInteger.TEN.pow(decimal.getPrecision());
        return (resultSet, index, output) -> {
            BigDecimal value = source.read(resultSet, index);
            if (value == null) {
                output.appendNull();
                return;
            }
            BigInteger unscaled;
            try {
                unscaled = value.setScale(decimal.getScale(), RoundingMode.UNNECESSARY).unscaledValue();
            }
            catch (ArithmeticException e) {
                throw unrepresentable.failure(value.toPlainString(), decimal.getDisplayName());
            }
            if (unscaled.abs().compareTo(limit) >= 0) {
                throw unrepresentable.failure(value.toPlainString(), decimal.getDisplayName());
            }
            if (decimal.isShort()) {
                decimal.writeLong(output, unscaled.longValueExact());
            }
            else {
                decimal.writeObject(output, Int128.valueOf(unscaled));
            }
        };
    }

    /** A timestamp as Basin's microseconds since the epoch, the local date-time read as UTC. */
    public static long epochMicros(LocalDateTime value)
    {
        return Math.addExact(Math.multiplyExact(value.toEpochSecond(ZoneOffset.UTC), 1_000_000L), value.getNano() / 1_000);
    }
}

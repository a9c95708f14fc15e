package io.basin.pgwire.type;

import io.airlift.slice.Slice;
import io.basin.error.BasinException;
import io.basin.pgwire.type.TextValueWriters.CharWriter;
import io.basin.pgwire.type.TextValueWriters.NullableWriter;
import io.basin.pgwire.type.TextValueWriters.ObjectTextWriter;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.block.Block;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimeType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TimestampWithTimeZoneType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.UuidType;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import static io.basin.error.BasinErrorCode.DATETIME_FIELD_OVERFLOW;
import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_DAY;
import static java.util.Objects.requireNonNull;

/**
 * The binary-format {@link PgValueWriter}s, writing what PostgreSQL's {@code *send} functions
 * write: big-endian integers and IEEE floats, {@code bool} as one byte, {@code numeric} as
 * base-10000 groups, {@code date} as int32 days and {@code timestamp} as int64 microseconds since
 * 2000-01-01, {@code interval} as int64 microseconds, int32 days, int32 months, strings as their
 * UTF-8 bytes.
 */
final class BinaryValueWriters
{
    /** Days from 1970-01-01 (Trino's epoch) to 2000-01-01 (PostgreSQL's). */
    static final long POSTGRES_EPOCH_DAYS = 10_957;
    static final long POSTGRES_EPOCH_MICROS = POSTGRES_EPOCH_DAYS * MICROS_PER_DAY;
    private static final long MILLIS_PER_DAY = MICROS_PER_DAY / 1_000;

    private BinaryValueWriters() {}

    static PgValueWriter forType(Type type)
    {
        return switch (type) {
            case BooleanType _ -> new BooleanWriter();
            case TinyintType _, SmallintType _ -> new Int2Writer(type);
            case IntegerType _ -> new Int4Writer(type);
            case BigintType _ -> new Int8Writer(type);
            case RealType _ -> new Float4Writer();
            case DoubleType _ -> new Float8Writer();
            case DecimalType decimal -> new NumericWriter(decimal);
            case VarcharType _, VarbinaryType _ -> new SliceBytesWriter(type);
            case CharType charType -> new CharBytesWriter(charType);
            case DateType _ -> new DateWriter(type);
            case TimeType time -> new TimeWriter(time);
            case TimestampType timestamp -> new TimestampWriter(timestamp);
            case TimestampWithTimeZoneType timestamp -> new TimestampWithTimeZoneWriter(timestamp);
            case IntervalDayTimeType _ -> new IntervalDayTimeWriter(type);
            case IntervalYearMonthType _ -> new IntervalYearMonthWriter(type);
            case UuidType _ -> new UuidWriter(type);
            // sent as text, whose binary form is its UTF-8 bytes
            default -> new ObjectTextWriter(type);
        };
    }

    private static final class BooleanWriter
            extends NullableWriter
    {
        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            buffer.writeInt(1);
            buffer.writeByte(BooleanType.BOOLEAN.getBoolean(block, position) ? 1 : 0);
        }
    }

    private static final class Int2Writer
            extends NullableWriter
    {
        private final Type type;

        Int2Writer(Type type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            buffer.writeInt(2);
            buffer.writeShort((int) type.getLong(block, position));
        }
    }

    private static final class Int4Writer
            extends NullableWriter
    {
        private final Type type;

        Int4Writer(Type type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            buffer.writeInt(4);
            buffer.writeInt((int) type.getLong(block, position));
        }
    }

    private static final class Int8Writer
            extends NullableWriter
    {
        private final Type type;

        Int8Writer(Type type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            buffer.writeInt(8);
            buffer.writeLong(type.getLong(block, position));
        }
    }

    private static final class Float4Writer
            extends NullableWriter
    {
        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            // canonical NaN, as PostgreSQL's float4 NaN
            float value = Float.intBitsToFloat((int) RealType.REAL.getLong(block, position));
            buffer.writeInt(4);
            buffer.writeInt(Float.floatToIntBits(value));
        }
    }

    private static final class Float8Writer
            extends NullableWriter
    {
        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            buffer.writeInt(8);
            buffer.writeLong(Double.doubleToLongBits(DoubleType.DOUBLE.getDouble(block, position)));
        }
    }

    private static final class NumericWriter
            extends NullableWriter
    {
        private final DecimalType type;
        private final NumericDigits digits = new NumericDigits();

        NumericWriter(DecimalType type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            TextValueWriters.loadDecimal(type, block, position, digits);
            int start = buffer.reserveInt();
            digits.writeBinary(buffer, type.getScale());
            buffer.patchLength(start);
        }
    }

    private static final class CharBytesWriter
            extends NullableWriter
    {
        private final CharType type;
        private final BlockValues value = new BlockValues();

        CharBytesWriter(CharType type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            // bpcharsend sends the padded value, as the text form
            CharWriter.writePadded(type, value, block, position, buffer);
        }
    }

    private static final class DateWriter
            extends NullableWriter
    {
        private final Type type;

        DateWriter(Type type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            long days = type.getLong(block, position) - POSTGRES_EPOCH_DAYS;
            if (days != (int) days) {
                throw new BasinException(DATETIME_FIELD_OVERFLOW, "date out of range");
            }
            buffer.writeInt(4);
            buffer.writeInt((int) days);
        }
    }

    private static final class TimeWriter
            extends NullableWriter
    {
        private final TimeType type;

        TimeWriter(TimeType type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            buffer.writeInt(8);
            buffer.writeLong(BlockValues.microsOfDay(type, block, position));
        }
    }

    private static final class TimestampWriter
            extends NullableWriter
    {
        private final TimestampType type;

        TimestampWriter(TimestampType type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            buffer.writeInt(8);
            buffer.writeLong(toPostgresEpoch(BlockValues.epochMicros(type, block, position)));
        }
    }

    private static final class TimestampWithTimeZoneWriter
            extends NullableWriter
    {
        private final TimestampWithTimeZoneType type;

        TimestampWithTimeZoneWriter(TimestampWithTimeZoneType type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            buffer.writeInt(8);
            buffer.writeLong(toPostgresEpoch(BlockValues.epochMicros(type, block, position)));
        }
    }

    private static long toPostgresEpoch(long epochMicros)
    {
        if (epochMicros < Long.MIN_VALUE + POSTGRES_EPOCH_MICROS) {
            throw new BasinException(DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
        return epochMicros - POSTGRES_EPOCH_MICROS;
    }

    private static final class IntervalDayTimeWriter
            extends NullableWriter
    {
        private final Type type;

        IntervalDayTimeWriter(Type type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            long millis = type.getLong(block, position);
            long days = millis / MILLIS_PER_DAY;
            if (days != (int) days) {
                throw new BasinException(DATETIME_FIELD_OVERFLOW, "interval out of range");
            }
            writeInterval(buffer, (millis % MILLIS_PER_DAY) * 1_000, (int) days, 0);
        }
    }

    private static final class IntervalYearMonthWriter
            extends NullableWriter
    {
        private final Type type;

        IntervalYearMonthWriter(Type type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            long months = type.getLong(block, position);
            if (months != (int) months) {
                throw new BasinException(DATETIME_FIELD_OVERFLOW, "interval out of range");
            }
            writeInterval(buffer, 0, 0, (int) months);
        }
    }

    private static void writeInterval(WireBuffer buffer, long micros, int days, int months)
    {
        buffer.writeInt(16);
        buffer.writeLong(micros);
        buffer.writeInt(days);
        buffer.writeInt(months);
    }

    private static final class UuidWriter
            extends NullableWriter
    {
        private final Type type;

        UuidWriter(Type type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            Slice bytes = type.getSlice(block, position);
            buffer.writeInt(16);
            buffer.writeBytes(bytes, 0, 16);
        }
    }
}

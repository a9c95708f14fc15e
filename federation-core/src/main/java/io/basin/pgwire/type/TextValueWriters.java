package io.basin.pgwire.type;

import io.airlift.slice.Slice;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.block.Block;
import io.trino.spi.block.Int128ArrayBlock;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
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

import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_DAY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The text-format {@link PgValueWriter}s, one per kind of engine type. Each writes its text
 * straight into the buffer after a reserved length prefix.
 */
final class TextValueWriters
{
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(UTF_8);
    private static final long MILLIS_PER_DAY = MICROS_PER_DAY / 1_000;

    private TextValueWriters() {}

    static PgValueWriter forType(Type type)
    {
        return switch (type) {
            case BooleanType _ -> new BooleanWriter();
            case TinyintType _, SmallintType _, IntegerType _, BigintType _ -> new IntegerWriter(type);
            case RealType _ -> new RealWriter();
            case DoubleType _ -> new DoubleWriter();
            case DecimalType decimal -> new DecimalWriter(decimal);
            case VarcharType _ -> new SliceBytesWriter(type);
            case CharType charType -> new CharWriter(charType);
            case VarbinaryType _ -> new VarbinaryWriter(type);
            case DateType _ -> new DateWriter(type);
            case TimeType time -> new TimeWriter(time);
            case TimestampType timestamp -> new TimestampWriter(timestamp);
            case TimestampWithTimeZoneType timestamp -> new TimestampWithTimeZoneWriter(timestamp);
            case IntervalDayTimeType _ -> new IntervalDayTimeWriter(type);
            case IntervalYearMonthType _ -> new IntervalYearMonthWriter(type);
            case UuidType _ -> new UuidWriter(type);
            default -> new ObjectTextWriter(type);
        };
    }

    /** Writes -1 for NULL and leaves non-null values to the subclass. */
    abstract static class NullableWriter
            implements PgValueWriter
    {
        @Override
        public final void write(Block block, int position, WireBuffer buffer)
        {
            if (block.isNull(position)) {
                buffer.writeInt(-1);
                return;
            }
            writeValue(block, position, buffer);
        }

        /** Writes the length prefix and the bytes of a non-null value. */
        abstract void writeValue(Block block, int position, WireBuffer buffer);
    }

    private static final class BooleanWriter
            extends NullableWriter
    {
        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            buffer.writeInt(1);
            buffer.writeByte(BooleanType.BOOLEAN.getBoolean(block, position) ? 't' : 'f');
        }
    }

    private static final class IntegerWriter
            extends NullableWriter
    {
        private final Type type;

        IntegerWriter(Type type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            long value = type.getLong(block, position);
            int start = buffer.size();
            buffer.ensureWritable(4 + 20);
            buffer.endValue(start, AsciiDigits.write(buffer.array(), start + 4, value));
        }
    }

    private static final class RealWriter
            extends NullableWriter
    {
        private final FloatText text = new FloatText();

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            float value = Float.intBitsToFloat((int) RealType.REAL.getLong(block, position));
            int start = buffer.size();
            buffer.ensureWritable(4 + FloatText.MAX_LENGTH);
            buffer.endValue(start, text.writeReal(buffer.array(), start + 4, value));
        }
    }

    private static final class DoubleWriter
            extends NullableWriter
    {
        private final FloatText text = new FloatText();

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            double value = DoubleType.DOUBLE.getDouble(block, position);
            int start = buffer.size();
            buffer.ensureWritable(4 + FloatText.MAX_LENGTH);
            buffer.endValue(start, text.writeDouble(buffer.array(), start + 4, value));
        }
    }

    private static final class DecimalWriter
            extends NullableWriter
    {
        private final DecimalType type;
        private final NumericDigits digits = new NumericDigits();

        DecimalWriter(DecimalType type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            loadDecimal(type, block, position, digits);
            int start = buffer.size();
            buffer.ensureWritable(4 + NumericDigits.MAX_TEXT_LENGTH);
            buffer.endValue(start, digits.writeText(buffer.array(), start + 4, type.getScale()));
        }
    }

    /** Loads the unscaled value of a decimal into {@code digits}, reading long decimals without an Int128 per value. */
    static void loadDecimal(DecimalType type, Block block, int position, NumericDigits digits)
    {
        if (type.isShort()) {
            digits.setLong(type.getLong(block, position));
            return;
        }
        if (block.getUnderlyingValueBlock() instanceof Int128ArrayBlock int128Block) {
            int valuePosition = block.getUnderlyingValuePosition(position);
            digits.setInt128(int128Block.getInt128High(valuePosition), int128Block.getInt128Low(valuePosition));
            return;
        }
        Int128 value = (Int128) type.getObject(block, position);
        digits.setInt128(value.getHigh(), value.getLow());
    }

    static final class CharWriter
            extends NullableWriter
    {
        private final CharType type;
        private final BlockValues value = new BlockValues();

        CharWriter(CharType type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            writePadded(type, value, block, position, buffer);
        }

        static void writePadded(CharType type, BlockValues value, Block block, int position, WireBuffer buffer)
        {
            value.loadSlice(type, block, position);
            Slice slice = value.slice();
            int characters = 0;
            for (int i = value.offset(); i < value.offset() + value.length(); i++) {
                // count UTF-8 lead bytes, not continuation bytes
                if ((slice.getByte(i) & 0xC0) != 0x80) {
                    characters++;
                }
            }
            int padding = Math.max(0, type.getLength() - characters);
            buffer.writeInt(value.length() + padding);
            buffer.writeBytes(slice, value.offset(), value.length());
            buffer.writeRepeated(' ', padding);
        }
    }

    private static final class VarbinaryWriter
            extends NullableWriter
    {
        private final Type type;
        private final BlockValues value = new BlockValues();

        VarbinaryWriter(Type type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            value.loadSlice(type, block, position);
            writeHex(value.slice(), value.offset(), value.length(), buffer);
        }
    }

    /** bytea's hex format: {@code \x} and two lower-case hex digits per byte. */
    static void writeHex(Slice slice, int offset, int length, WireBuffer buffer)
    {
        int start = buffer.size();
        buffer.ensureWritable(4 + 2 + 2 * length);
        byte[] array = buffer.array();
        int position = start + 4;
        array[position++] = '\\';
        array[position++] = 'x';
        for (int i = 0; i < length; i++) {
            int value = slice.getByte(offset + i) & 0xFF;
            array[position++] = HEX_DIGITS[value >>> 4];
            array[position++] = HEX_DIGITS[value & 0xF];
        }
        buffer.endValue(start, position);
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
            long days = type.getLong(block, position);
            int start = buffer.size();
            buffer.ensureWritable(4 + PgDateTimeText.MAX_DATE_LENGTH);
            buffer.endValue(start, PgDateTimeText.writeDate(buffer.array(), start + 4, days));
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
            long micros = BlockValues.microsOfDay(type, block, position);
            int start = buffer.size();
            buffer.ensureWritable(4 + PgDateTimeText.MAX_TIME_LENGTH);
            buffer.endValue(start, PgDateTimeText.writeTime(buffer.array(), start + 4, micros));
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
            long micros = BlockValues.epochMicros(type, block, position);
            int start = buffer.size();
            buffer.ensureWritable(4 + PgDateTimeText.MAX_TIMESTAMP_LENGTH);
            buffer.endValue(start, PgDateTimeText.writeTimestamp(buffer.array(), start + 4, micros, false));
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
            long micros = BlockValues.epochMicros(type, block, position);
            int start = buffer.size();
            buffer.ensureWritable(4 + PgDateTimeText.MAX_TIMESTAMP_LENGTH);
            buffer.endValue(start, PgDateTimeText.writeTimestamp(buffer.array(), start + 4, micros, true));
        }
    }

    /** Basin's day-time interval (milliseconds) as whole days and the rest, as Basin's own text form splits it. */
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
            int start = buffer.size();
            buffer.ensureWritable(4 + PgDateTimeText.MAX_INTERVAL_LENGTH);
            int end = PgDateTimeText.writeInterval(buffer.array(), start + 4, 0, millis / MILLIS_PER_DAY, (millis % MILLIS_PER_DAY) * 1_000);
            buffer.endValue(start, end);
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
            int start = buffer.size();
            buffer.ensureWritable(4 + PgDateTimeText.MAX_INTERVAL_LENGTH);
            buffer.endValue(start, PgDateTimeText.writeInterval(buffer.array(), start + 4, months, 0, 0));
        }
    }

    /** {@code 8-4-4-4-12} lower-case hex digits. */
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
            int start = buffer.size();
            buffer.ensureWritable(4 + 36);
            byte[] array = buffer.array();
            int end = start + 4;
            for (int i = 0; i < 16; i++) {
                if (i == 4 || i == 6 || i == 8 || i == 10) {
                    array[end++] = '-';
                }
                int value = bytes.getByte(i) & 0xFF;
                array[end++] = HEX_DIGITS[value >>> 4];
                array[end++] = HEX_DIGITS[value & 0xF];
            }
            buffer.endValue(start, end);
        }
    }

    /** A type without a PostgreSQL counterpart, sent as {@code text}: the text of its Java value. */
    static final class ObjectTextWriter
            extends NullableWriter
    {
        private final Type type;

        ObjectTextWriter(Type type)
        {
            this.type = requireNonNull(type, "type is null");
        }

        @Override
        void writeValue(Block block, int position, WireBuffer buffer)
        {
            Object value = type.getObjectValue(null, block, position);
            byte[] text = (value instanceof Slice slice ? slice.toStringUtf8() : String.valueOf(value)).getBytes(UTF_8);
            buffer.writeInt(text.length);
            buffer.writeBytes(text);
        }
    }
}

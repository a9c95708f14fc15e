package io.basin.execution.operator;

import io.airlift.slice.Slices;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.LongArrayBlockBuilder;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.block.VariableWidthBlockBuilder;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.LongTimestamp;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test rows as plain Java values, and conversion to and from pages. Values: Boolean; Long for
 * tinyint..bigint, date, short timestamp and intervals; Float; Double; BigDecimal; String for
 * varchar and char; {@link TestingBinary}; LongTimestamp for long timestamps.
 */
final class TestingPages
{
    private TestingPages() {}

    static List<Page> toPages(List<Type> types, List<List<Object>> rows, int rowsPerPage)
    {
        List<Page> pages = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += rowsPerPage) {
            pages.add(toPage(types, rows.subList(start, Math.min(rows.size(), start + rowsPerPage))));
        }
        return pages;
    }

    static Page toPage(List<Type> types, List<List<Object>> rows)
    {
        Block[] blocks = new Block[types.size()];
        for (int channel = 0; channel < types.size(); channel++) {
            Type type = types.get(channel);
            BlockBuilder builder = type.createBlockBuilder(null, rows.size());
            for (List<Object> row : rows) {
                write(type, builder, row.get(channel));
            }
            blocks[channel] = builder.build();
        }
        return new Page(rows.size(), blocks);
    }

    /** The same rows, with every block wrapped in a dictionary over a shuffled copy (and RLE for constant pages). */
    static Page encode(Page page)
    {
        Block[] blocks = new Block[page.getChannelCount()];
        int count = page.getPositionCount();
        for (int channel = 0; channel < blocks.length; channel++) {
            Block block = page.getBlock(channel);
            if (count == 1) {
                blocks[channel] = RunLengthEncodedBlock.create(block, 1);
                continue;
            }
            // dictionary = the block reversed; ids map each position back to its value
            int[] reversed = new int[count];
            for (int position = 0; position < count; position++) {
                reversed[position] = count - 1 - position;
            }
            Block dictionary = block.copyPositions(reversed, 0, count);
            blocks[channel] = DictionaryBlock.create(count, dictionary, reversed.clone());
        }
        return new Page(count, blocks);
    }

    static List<List<Object>> toRows(List<Type> types, List<Page> pages)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (Page page : pages) {
            for (int position = 0; position < page.getPositionCount(); position++) {
                List<Object> row = new ArrayList<>(types.size());
                for (int channel = 0; channel < types.size(); channel++) {
                    row.add(read(types.get(channel), page.getBlock(channel), position));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static void write(Type type, BlockBuilder builder, Object value)
    {
        if (value == null) {
            builder.appendNull();
            return;
        }
        switch (type) {
            case BooleanType _ -> type.writeBoolean(builder, (Boolean) value);
            case RealType _ -> type.writeLong(builder, Float.floatToRawIntBits((Float) value));
            // raw bits, so NaNs other than the canonical one reach the engine too
            case DoubleType _ -> ((LongArrayBlockBuilder) builder).writeLong(Double.doubleToRawLongBits((Double) value));
            case DecimalType decimal -> {
                BigInteger unscaled = ((BigDecimal) value).setScale(decimal.getScale()).unscaledValue();
                if (decimal.isShort()) {
                    type.writeLong(builder, unscaled.longValueExact());
                }
                else {
                    type.writeObject(builder, Int128.valueOf(unscaled));
                }
            }
            case VarcharType _ -> type.writeSlice(builder, Slices.utf8Slice((String) value));
            // CharType.writeSlice rejects trailing spaces; write them anyway, as a connector handing
            // over padded values would, to check that ordering ignores them.
            case CharType _ -> ((VariableWidthBlockBuilder) builder).writeEntry(Slices.utf8Slice((String) value));
            case VarbinaryType _ -> type.writeSlice(builder, Slices.wrappedBuffer(((TestingBinary) value).bytes()));
            case TimestampType timestamp when !timestamp.isShort() -> type.writeObject(builder, value);
            default -> type.writeLong(builder, (Long) value);
        }
    }

    static Object read(Type type, Block block, int position)
    {
        if (block.isNull(position)) {
            return null;
        }
        return switch (type) {
            case BooleanType _ -> type.getBoolean(block, position);
            case RealType real -> real.getFloat(block, position);
            case DoubleType _ -> type.getDouble(block, position);
            case DecimalType decimal when decimal.isShort() -> BigDecimal.valueOf(type.getLong(block, position), decimal.getScale());
            case DecimalType decimal -> new BigDecimal(((Int128) type.getObject(block, position)).toBigInteger(), decimal.getScale());
            case VarcharType _, CharType _ -> type.getSlice(block, position).toStringUtf8();
            case VarbinaryType _ -> new TestingBinary(type.getSlice(block, position).getBytes());
            case TimestampType timestamp when !timestamp.isShort() -> (LongTimestamp) type.getObject(block, position);
            case TinyintType _, SmallintType _, IntegerType _, BigintType _, DateType _, TimestampType _,
                 IntervalDayTimeType _, IntervalYearMonthType _ -> type.getLong(block, position);
            default -> throw new IllegalArgumentException("unsupported test type " + type);
        };
    }

    static List<Object> row(Object... values)
    {
        return new ArrayList<>(Arrays.asList(values));
    }
}

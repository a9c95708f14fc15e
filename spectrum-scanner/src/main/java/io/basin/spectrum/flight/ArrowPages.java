package io.basin.spectrum.flight;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.ByteArrayBlock;
import io.trino.spi.block.Int128ArrayBlock;
import io.trino.spi.block.IntArrayBlock;
import io.trino.spi.block.LongArrayBlock;
import io.trino.spi.block.ShortArrayBlock;
import io.trino.spi.block.VariableWidthBlock;
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
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_NOT_SUPPORTED;

/**
 * Trino pages as Arrow record batches and back, for the scan types of the lake: boolean, integers,
 * real/double, short and long decimals (Arrow's 128-bit decimal), date (days), timestamp up to
 * microseconds (Arrow timestamp in microseconds without a zone), varchar/char (UTF-8) and varbinary.
 * Any block encoding (dictionary, run-length, lazy) is written flat; the reading side builds flat
 * value blocks straight from the Arrow buffers.
 */
final class ArrowPages
{
    private ArrowPages() {}

    static Schema schema(List<Type> types)
    {
        List<Field> fields = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            fields.add(new Field("c" + i, FieldType.nullable(arrowType(types.get(i))), null));
        }
        return new Schema(fields);
    }

    private static ArrowType arrowType(Type type)
    {
        return switch (type) {
            case BooleanType _ -> ArrowType.Bool.INSTANCE;
            case TinyintType _ -> new ArrowType.Int(8, true);
            case SmallintType _ -> new ArrowType.Int(16, true);
            case IntegerType _ -> new ArrowType.Int(32, true);
            case BigintType _ -> new ArrowType.Int(64, true);
            case RealType _ -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DoubleType _ -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DecimalType decimal -> new ArrowType.Decimal(decimal.getPrecision(), decimal.getScale(), 128);
            case DateType _ -> new ArrowType.Date(DateUnit.DAY);
            case TimestampType timestamp when timestamp.isShort() -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case VarcharType _, CharType _ -> ArrowType.Utf8.INSTANCE;
            case VarbinaryType _ -> ArrowType.Binary.INSTANCE;
            default -> throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot send type %s from a remote scan worker".formatted(type));
        };
    }

    /** Fills {@code root} (whose schema is {@link #schema} of {@code types}) with the page's rows. */
    static void write(Page page, List<Type> types, VectorSchemaRoot root)
    {
        int positions = page.getPositionCount();
        for (int channel = 0; channel < types.size(); channel++) {
            writeVector(page.getBlock(channel), types.get(channel), root.getVector(channel), positions);
        }
        root.setRowCount(positions);
    }

    private static void writeVector(Block block, Type type, FieldVector vector, int positions)
    {
        vector.clear();
        if (vector instanceof BaseVariableWidthVector variable) {
            writeVariableWidth(block, type, variable, positions);
            return;
        }
        BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
        fixed.allocateNew(positions);
        writeValidity(block, fixed.getValidityBuffer(), positions);
        ArrowBuf data = fixed.getDataBuffer();
        // values are gathered into an array and copied into the Arrow buffer at once
        switch (type) {
            case BooleanType _ -> {
                for (int position = 0; position < positions; position++) {
                    if (!block.isNull(position) && BooleanType.BOOLEAN.getBoolean(block, position)) {
                        BitVectorHelper.setBit(data, position);
                    }
                }
            }
            case TinyintType _ -> {
                byte[] values = new byte[positions];
                for (int position = 0; position < positions; position++) {
                    values[position] = (byte) type.getLong(block, position);
                }
                data.setBytes(0, values);
            }
            case SmallintType _ -> {
                short[] values = new short[positions];
                for (int position = 0; position < positions; position++) {
                    values[position] = (short) type.getLong(block, position);
                }
                data.nioBuffer(0, positions * Short.BYTES).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(values);
            }
            case IntegerType _, DateType _, RealType _ -> {
                int[] values = new int[positions];
                for (int position = 0; position < positions; position++) {
                    values[position] = (int) type.getLong(block, position);
                }
                data.nioBuffer(0, positions * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(values);
            }
            case BigintType _, TimestampType _ -> {
                long[] values = new long[positions];
                for (int position = 0; position < positions; position++) {
                    values[position] = type.getLong(block, position);
                }
                data.nioBuffer(0, positions * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(values);
            }
            case DoubleType _ -> {
                double[] values = new double[positions];
                for (int position = 0; position < positions; position++) {
                    values[position] = DoubleType.DOUBLE.getDouble(block, position);
                }
                data.nioBuffer(0, positions * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(values);
            }
            case DecimalType decimal when decimal.isShort() -> {
                // little-endian 128-bit two's complement: the value, then its sign extension
                long[] values = new long[positions * 2];
                for (int position = 0; position < positions; position++) {
                    long value = decimal.getLong(block, position);
                    values[2 * position] = value;
                    values[2 * position + 1] = value >> 63;
                }
                data.nioBuffer(0, positions * 16).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(values);
            }
            case DecimalType decimal -> {
                long[] values = new long[positions * 2];
                for (int position = 0; position < positions; position++) {
                    if (!block.isNull(position)) {
                        Int128 value = (Int128) decimal.getObject(block, position);
                        values[2 * position] = value.getLow();
                        values[2 * position + 1] = value.getHigh();
                    }
                }
                data.nioBuffer(0, positions * 16).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(values);
            }
            default -> throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot send type %s from a remote scan worker".formatted(type));
        }
        fixed.setValueCount(positions);
    }

    private static void writeVariableWidth(Block block, Type type, BaseVariableWidthVector vector, int positions)
    {
        if (!(block.getUnderlyingValueBlock() instanceof VariableWidthBlock values)) {
            throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot send a %s block of type %s from a remote scan worker".formatted(block.getClass().getSimpleName(), type));
        }
        // straight from the block's bytes, without a slice per value; a dictionary block's
        // positions point into its dictionary
        Slice raw = values.getRawSlice();
        int[] offsets = new int[positions + 1];
        int bytes = 0;
        for (int position = 0; position < positions; position++) {
            bytes += values.getSliceLength(block.getUnderlyingValuePosition(position));
            offsets[position + 1] = bytes;
        }
        vector.allocateNew(Math.max(bytes, 1), positions);
        writeValidity(block, vector.getValidityBuffer(), positions);
        ArrowBuf data = vector.getDataBuffer();
        if (block == values && positions > 0) {
            // a plain block: its values already lie one after another
            data.setBytes(0, raw.byteArray(), raw.byteArrayOffset() + values.getRawSliceOffset(0), bytes);
        }
        else {
            for (int position = 0; position < positions; position++) {
                int valuePosition = block.getUnderlyingValuePosition(position);
                int length = values.getSliceLength(valuePosition);
                if (length > 0) {
                    data.setBytes(offsets[position], raw.byteArray(), raw.byteArrayOffset() + values.getRawSliceOffset(valuePosition), length);
                }
            }
        }
        vector.getOffsetBuffer().nioBuffer(0, (positions + 1) * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(offsets);
        vector.setLastSet(positions - 1);
        vector.setValueCount(positions);
    }

    private static void writeValidity(Block block, ArrowBuf validity, int positions)
    {
        if (!block.mayHaveNull()) {
            validity.setOne(0, positions / 8);
            for (int position = positions / 8 * 8; position < positions; position++) {
                BitVectorHelper.setBit(validity, position);
            }
            return;
        }
        for (int position = 0; position < positions; position++) {
            if (!block.isNull(position)) {
                BitVectorHelper.setBit(validity, position);
            }
        }
    }

    /** The rows of {@code root} as a page of flat blocks of {@code types}. */
    static Page read(VectorSchemaRoot root, List<Type> types)
    {
        int positions = root.getRowCount();
        if (types.isEmpty() || positions == 0) {
            return new Page(positions);
        }
        Block[] blocks = new Block[types.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            blocks[channel] = readVector(root.getVector(channel), types.get(channel), positions);
        }
        return new Page(positions, blocks);
    }

    private static Block readVector(FieldVector vector, Type type, int positions)
    {
        Optional<boolean[]> nulls = nulls(vector, positions);
        if (vector instanceof BaseVariableWidthVector variable) {
            ArrowBuf offsetBuffer = variable.getOffsetBuffer();
            int[] offsets = new int[positions + 1];
            offsetBuffer.nioBuffer(0, (positions + 1) * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(offsets);
            int start = offsets[0];
            byte[] bytes = new byte[offsets[positions] - start];
            variable.getDataBuffer().getBytes(start, bytes, 0, bytes.length);
            if (start != 0) {
                for (int i = 0; i <= positions; i++) {
                    offsets[i] -= start;
                }
            }
            return new VariableWidthBlock(positions, Slices.wrappedBuffer(bytes), offsets, nulls);
        }
        ArrowBuf data = ((BaseFixedWidthVector) vector).getDataBuffer();
        return switch (type) {
            case BooleanType _ -> {
                byte[] values = new byte[positions];
                for (int i = 0; i < positions; i++) {
                    values[i] = (byte) BitVectorHelper.get(data, i);
                }
                yield new ByteArrayBlock(positions, nulls, values);
            }
            case TinyintType _ -> {
                byte[] values = new byte[positions];
                data.getBytes(0, values, 0, positions);
                yield new ByteArrayBlock(positions, nulls, values);
            }
            case SmallintType _ -> {
                short[] values = new short[positions];
                data.nioBuffer(0, positions * Short.BYTES).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(values);
                yield new ShortArrayBlock(positions, nulls, values);
            }
            case IntegerType _, DateType _, RealType _ -> {
                int[] values = new int[positions];
                data.nioBuffer(0, positions * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
                yield new IntArrayBlock(positions, nulls, values);
            }
            case BigintType _, TimestampType _, DoubleType _ -> {
                long[] values = new long[positions];
                data.nioBuffer(0, positions * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
                yield new LongArrayBlock(positions, nulls, values);
            }
            case DecimalType decimal when decimal.isShort() -> {
                long[] values = new long[positions];
                for (int i = 0; i < positions; i++) {
                    values[i] = data.getLong(i * 16L);
                }
                yield new LongArrayBlock(positions, nulls, values);
            }
            case DecimalType _ -> {
                long[] pairs = new long[positions * 2];
                for (int i = 0; i < positions; i++) {
                    // Arrow: little-endian low word first; Trino: high word first
                    pairs[2 * i] = data.getLong(i * 16L + 8);
                    pairs[2 * i + 1] = data.getLong(i * 16L);
                }
                yield new Int128ArrayBlock(positions, nulls, pairs);
            }
            default -> throw new TrinoException(LAKE_NOT_SUPPORTED, "Cannot read type %s from a remote scan worker".formatted(type));
        };
    }

    private static Optional<boolean[]> nulls(FieldVector vector, int positions)
    {
        if (vector.getNullCount() == 0) {
            return Optional.empty();
        }
        boolean[] nulls = new boolean[positions];
        for (int i = 0; i < positions; i++) {
            nulls[i] = vector.isNull(i);
        }
        return Optional.of(nulls);
    }
}

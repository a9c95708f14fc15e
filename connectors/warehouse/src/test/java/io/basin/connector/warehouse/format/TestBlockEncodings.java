package io.basin.connector.warehouse.format;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Property tests: every encoding round-trips every storable type, over random and structured
 * value distributions with NULLs and each type's extreme values. The oracle is the generated
 * input itself, compared value by value through the type's own accessors.
 */
class TestBlockEncodings
{
    private static final List<Type> TYPES = List.of(
            BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE,
            DecimalType.createDecimalType(10, 2), DecimalType.createDecimalType(18, 0), DecimalType.createDecimalType(38, 10),
            VarcharType.VARCHAR, VarcharType.createVarcharType(20), CharType.createCharType(12), VARBINARY,
            DATE, TIMESTAMP_MILLIS, TIMESTAMP_MICROS);

    private enum Shape { RANDOM, SORTED, FEW_DISTINCT, CONSTANT, ALL_NULL, RUNS }

    static Stream<Arguments> cases()
    {
        List<Arguments> cases = new ArrayList<>();
        for (Type type : TYPES) {
            for (Encoding encoding : ColumnType.of(type).allowedEncodings()) {
                for (Shape shape : Shape.values()) {
                    cases.add(Arguments.of(type, encoding, shape));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void testRoundTrip(Type type, Encoding encoding, Shape shape)
    {
        Random random = new Random(type.hashCode() * 31L + encoding.ordinal() * 7L + shape.ordinal());
        for (int size : new int[] {1, 7, 1023, 1025, 5000}) {
            Block input = generate(type, shape, size, random);
            ColumnValues values = ColumnValues.fromBlocks(ColumnType.of(type), List.of(input));
            BlockEncoder.EncodedBlock encoded = BlockEncoder.encode(values, encoding);
            if (encoding != Encoding.AUTO && encoding != Encoding.BYTEDICT) {
                assertThat(encoded.encoding()).isEqualTo(encoding);
            }
            Block output = BlockDecoder.decode(MemorySegment.ofArray(encoded.bytes()), ColumnType.of(type), "test");
            assertSameValues(type, input, output);
            ZoneMap zoneMap = ZoneMap.of(values);
            assertZoneMap(type, input, zoneMap);
        }
    }

    @Test
    void testDictionaryAndRunLengthStayEncoded()
    {
        Random random = new Random(1);
        Block strings = generate(VarcharType.VARCHAR, Shape.FEW_DISTINCT, 4000, random);
        Block decoded = roundTrip(VarcharType.VARCHAR, strings, Encoding.BYTEDICT);
        assertThat(decoded).isInstanceOf(DictionaryBlock.class);
        Block constant = generate(BIGINT, Shape.CONSTANT, 4000, random);
        assertThat(roundTrip(BIGINT, constant, Encoding.RUNLENGTH)).isInstanceOf(RunLengthEncodedBlock.class);
    }

    @Test
    void testAz64IsSmallerThanRawForSortedKeys()
    {
        BlockBuilder builder = BIGINT.createFixedSizeBlockBuilder(65536);
        for (int i = 0; i < 65536; i++) {
            BIGINT.writeLong(builder, 1_000_000_000L + i * 3L);
        }
        ColumnValues values = ColumnValues.fromBlocks(ColumnType.of(BIGINT), List.of(builder.build()));
        int raw = BlockEncoder.encode(values, Encoding.RAW).bytes().length;
        int az64 = BlockEncoder.encode(values, Encoding.AZ64).bytes().length;
        assertThat(az64).isLessThan(raw / 20);
        assertThat(BlockEncoder.chooseAuto(values)).isIn(Encoding.AZ64, Encoding.DELTA);
    }

    @Test
    void testCorruptBlockIsRejected()
    {
        Block input = generate(INTEGER, Shape.RANDOM, 100, new Random(2));
        byte[] bytes = BlockEncoder.encode(ColumnValues.fromBlocks(ColumnType.of(INTEGER), List.of(input)), Encoding.RAW).bytes();
        bytes[20] ^= 1;
        assertThatThrownBy(() -> BlockDecoder.decode(MemorySegment.ofArray(bytes), ColumnType.of(INTEGER), "t/c0"))
                .hasMessageContaining("checksum");
    }

    private static Block roundTrip(Type type, Block input, Encoding encoding)
    {
        ColumnValues values = ColumnValues.fromBlocks(ColumnType.of(type), List.of(input));
        Block output = BlockDecoder.decode(MemorySegment.ofArray(BlockEncoder.encode(values, encoding).bytes()), ColumnType.of(type), "test");
        assertSameValues(type, input, output);
        return output;
    }

    private static void assertSameValues(Type type, Block expected, Block actual)
    {
        assertThat(actual.getPositionCount()).isEqualTo(expected.getPositionCount());
        for (int position = 0; position < expected.getPositionCount(); position++) {
            assertThat(actual.isNull(position)).as("null at %s", position).isEqualTo(expected.isNull(position));
            if (!expected.isNull(position)) {
                assertThat(valueOf(type, actual, position)).as("value at %s", position).isEqualTo(valueOf(type, expected, position));
            }
        }
    }

    private static void assertZoneMap(Type type, Block input, ZoneMap zoneMap)
    {
        int nulls = 0;
        for (int position = 0; position < input.getPositionCount(); position++) {
            if (input.isNull(position)) {
                nulls++;
            }
            else if (zoneMap.min().isPresent()) {
                // every value lies inside the zone map's domain
                assertThat(zoneMap.toDomain(ColumnType.of(type)).includesNullableValue(nativeValue(type, input, position))).isTrue();
            }
        }
        assertThat(zoneMap.nullCount()).isEqualTo(nulls);
        assertThat(zoneMap.rowCount()).isEqualTo(input.getPositionCount());
    }

    private static Object nativeValue(Type type, Block block, int position)
    {
        Class<?> javaType = type.getJavaType();
        if (javaType == boolean.class) {
            return type.getBoolean(block, position);
        }
        if (javaType == long.class) {
            return type.getLong(block, position);
        }
        if (javaType == double.class) {
            return type.getDouble(block, position);
        }
        if (javaType == Slice.class) {
            return type.getSlice(block, position);
        }
        return type.getObject(block, position);
    }

    private static Object valueOf(Type type, Block block, int position)
    {
        Object value = nativeValue(type, block, position);
        // doubles by their bits, so NaN and -0.0 must survive exactly
        return value instanceof Double d ? Double.doubleToRawLongBits(d) : value;
    }

    private static Block generate(Type type, Shape shape, int size, Random random)
    {
        Function<Random, Object> values = generator(type);
        List<Object> extremes = extremes(type);
        List<Object> few = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            few.add(values.apply(random));
        }
        List<Object> rows = new ArrayList<>();
        Object constant = values.apply(random);
        Object run = null;
        for (int i = 0; i < size; i++) {
            Object value = switch (shape) {
                case RANDOM, SORTED -> random.nextInt(10) == 0 ? null : random.nextInt(20) == 0 ? extremes.get(random.nextInt(extremes.size())) : values.apply(random);
                case FEW_DISTINCT -> random.nextInt(8) == 0 ? null : few.get(random.nextInt(few.size()));
                case CONSTANT -> constant;
                case ALL_NULL -> null;
                case RUNS -> {
                    if (run == null || random.nextInt(40) == 0) {
                        run = random.nextInt(5) == 0 ? extremes.get(random.nextInt(extremes.size())) : values.apply(random);
                    }
                    yield random.nextInt(50) == 0 ? null : run;
                }
            };
            rows.add(value);
        }
        if (shape == Shape.SORTED) {
            ColumnType columnType = ColumnType.of(type);
            rows.sort((left, right) -> {
                if (left == null || right == null) {
                    return Boolean.compare(left == null, right == null);
                }
                return compareNative(columnType, left, right);
            });
        }
        BlockBuilder builder = type.createBlockBuilder(null, size);
        for (Object value : rows) {
            write(type, builder, value);
        }
        return builder.build();
    }

    private static int compareNative(ColumnType type, Object left, Object right)
    {
        return switch (left) {
            case Boolean b -> Boolean.compare(b, (Boolean) right);
            case Long l when type.order() == ColumnType.Order.REAL -> Float.compare(Float.intBitsToFloat(l.intValue()), Float.intBitsToFloat(((Long) right).intValue()));
            case Long l -> Long.compare(l, (Long) right);
            case Double d -> Double.compare(d, (Double) right);
            case Int128 i -> i.compareTo((Int128) right);
            case Slice s -> s.compareTo((Slice) right);
            default -> throw new IllegalArgumentException(left.toString());
        };
    }

    private static void write(Type type, BlockBuilder builder, Object value)
    {
        if (value == null) {
            builder.appendNull();
        }
        else if (value instanceof Boolean b) {
            type.writeBoolean(builder, b);
        }
        else if (value instanceof Long l) {
            type.writeLong(builder, l);
        }
        else if (value instanceof Double d) {
            type.writeDouble(builder, d);
        }
        else if (value instanceof Slice s) {
            type.writeSlice(builder, s);
        }
        else {
            type.writeObject(builder, value);
        }
    }

    private static Function<Random, Object> generator(Type type)
    {
        if (type == BOOLEAN) {
            return Random::nextBoolean;
        }
        if (type == TINYINT) {
            return r -> (long) (byte) r.nextInt();
        }
        if (type == SMALLINT) {
            return r -> (long) (short) r.nextInt();
        }
        if (type == INTEGER || type == DATE) {
            return r -> (long) r.nextInt(-1_000_000, 1_000_000);
        }
        if (type == REAL) {
            return r -> (long) Float.floatToIntBits((r.nextFloat() - 0.5f) * 1e6f);
        }
        if (type == DOUBLE) {
            return r -> (r.nextDouble() - 0.5) * 1e12;
        }
        if (type instanceof DecimalType decimal && decimal.isShort()) {
            long limit = (long) Math.pow(10, decimal.getPrecision()) - 1;
            return r -> r.nextLong(-limit, limit + 1);
        }
        if (type instanceof DecimalType) {
            return r -> Int128.valueOf(r.nextLong(), r.nextLong() >>> 1).compareTo(Int128.ZERO) >= 0 ? Int128.valueOf(r.nextLong(-1000, 1000), r.nextLong()) : Int128.valueOf(r.nextLong(100), r.nextLong());
        }
        if (type instanceof VarcharType || type == VARBINARY) {
            return r -> {
                int length = r.nextInt(12);
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    text.append(r.nextInt(20) == 0 ? "ä€😀".charAt(0) : (char) ('a' + r.nextInt(26)));
                }
                return Slices.utf8Slice(text.toString());
            };
        }
        if (type instanceof CharType) {
            // char values are stored without trailing spaces
            return r -> Slices.utf8Slice("c" + r.nextInt(1000));
        }
        if (type == TIMESTAMP_MILLIS) {
            return r -> r.nextLong(-10_000_000_000L, 10_000_000_000L) * 1000;
        }
        return r -> r.nextLong(-4_000_000_000_000_000L, 4_000_000_000_000_000L);
    }

    private static List<Object> extremes(Type type)
    {
        if (type == BOOLEAN) {
            return List.of(true, false);
        }
        if (type == TINYINT) {
            return List.of((long) Byte.MIN_VALUE, (long) Byte.MAX_VALUE, 0L);
        }
        if (type == SMALLINT) {
            return List.of((long) Short.MIN_VALUE, (long) Short.MAX_VALUE, 0L);
        }
        if (type == INTEGER || type == DATE) {
            return List.of((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 0L);
        }
        if (type == REAL) {
            return List.of((long) Float.floatToIntBits(Float.MAX_VALUE), (long) Float.floatToIntBits(-Float.MAX_VALUE), (long) Float.floatToIntBits(Float.NaN),
                    (long) Float.floatToIntBits(Float.NEGATIVE_INFINITY), (long) Float.floatToIntBits(-0.0f), (long) Float.floatToIntBits(Float.MIN_VALUE));
        }
        if (type == DOUBLE) {
            return List.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE);
        }
        if (type instanceof DecimalType decimal && decimal.isShort()) {
            long limit = (long) Math.pow(10, decimal.getPrecision()) - 1;
            return List.of(limit, -limit, 0L);
        }
        if (type instanceof DecimalType) {
            Int128 max = Int128.valueOf(new java.math.BigInteger("99999999999999999999999999999999999999"));
            Int128 min = Int128.valueOf(new java.math.BigInteger("-99999999999999999999999999999999999999"));
            return List.of(max, min, Int128.ZERO, Int128.valueOf(Long.MIN_VALUE), Int128.valueOf(Long.MAX_VALUE));
        }
        if (type instanceof CharType) {
            return List.of(Slices.utf8Slice(""), Slices.utf8Slice("zzzzzzzzzzzz"), Slices.utf8Slice("\u00ff"));
        }
        if (type instanceof VarcharType || type == VARBINARY) {
            return List.of(Slices.utf8Slice(""), Slices.utf8Slice("x".repeat(300)), Slices.utf8Slice("\uffff\u0000"), Slices.wrappedBuffer((byte) 0xFF, (byte) 0x00));
        }
        if (type == TIMESTAMP_MILLIS) {
            return List.of(Long.MIN_VALUE / 1000 * 1000, Long.MAX_VALUE / 1000 * 1000, 0L);
        }
        return List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L);
    }
}

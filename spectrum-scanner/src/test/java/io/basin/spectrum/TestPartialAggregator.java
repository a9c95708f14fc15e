package io.basin.spectrum;

import io.basin.connector.testing.TestingBlockValues;

import io.airlift.slice.Slices;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.block.DictionaryBlock;
import io.trino.spi.block.RunLengthEncodedBlock;
import io.trino.spi.block.ValueBlock;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.BiConsumer;

import static io.basin.spectrum.PartialAggregation.Function.COUNT;
import static io.basin.spectrum.PartialAggregation.Function.COUNT_ALL;
import static io.basin.spectrum.PartialAggregation.Function.MAX;
import static io.basin.spectrum.PartialAggregation.Function.MIN;
import static io.basin.spectrum.PartialAggregation.Function.SUM;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scan workers' partial aggregation against sums, counts and extremes computed here with
 * BigDecimal arithmetic: q1's shape (two varchar keys, dictionary-encoded with dictionaries shared
 * across pages or not, flat, or one value per page; sums over {@code price * (1 - discount)} and
 * {@code ... * (1 + tax)}) on random rows with NULL keys, NULL values and a group whose values are
 * all NULL, long decimals beyond a long, and sums that overflow 38 digits, a long or bigint.
 */
class TestPartialAggregator
{
    private static final DecimalType PRICE = DecimalType.createDecimalType(15, 2);
    private static final DecimalType WIDE = DecimalType.createDecimalType(30, 3);
    private static final DecimalType ONE = DecimalType.createDecimalType(1, 0);
    private static final DecimalType FACTOR = DecimalType.createDecimalType(16, 2);
    private static final DecimalType DISCOUNTED = DecimalType.createDecimalType(32, 4);
    private static final DecimalType CHARGE = DecimalType.createDecimalType(38, 6);
    private static final DecimalType BIG_INTEGER = DecimalType.createDecimalType(20, 0);
    private static final List<ScanColumn> COLUMNS = List.of(
            new ScanColumn(1, "flag", VARCHAR),
            new ScanColumn(2, "status", VARCHAR),
            new ScanColumn(3, "price", PRICE),
            new ScanColumn(4, "discount", PRICE),
            new ScanColumn(5, "tax", PRICE),
            new ScanColumn(6, "wide", WIDE),
            new ScanColumn(7, "quantity", BIGINT));
    private static final String[] FLAGS = {"A", "N", "R", null};
    private static final String[] STATUSES = {"F", "O"};

    @Test
    void testQ1ShapeAgainstBigDecimal()
    {
        ScanExpression price = new ScanExpression.Column(2, PRICE);
        ScanExpression discounted = new ScanExpression.Arithmetic(ScanExpression.Operator.MULTIPLY, price,
                new ScanExpression.Arithmetic(ScanExpression.Operator.SUBTRACT, new ScanExpression.Literal(1L, ONE), new ScanExpression.Column(3, PRICE), FACTOR), DISCOUNTED);
        ScanExpression charge = new ScanExpression.Arithmetic(ScanExpression.Operator.MULTIPLY, discounted,
                new ScanExpression.Arithmetic(ScanExpression.Operator.ADD, new ScanExpression.Column(4, PRICE), new ScanExpression.Literal(1L, ONE), FACTOR), CHARGE);
        ScanExpression quantity = new ScanExpression.Cast(new ScanExpression.Column(6, BIGINT), BIG_INTEGER);
        List<PartialAggregation.Aggregate> aggregates = List.of(
                new PartialAggregation.Aggregate(COUNT_ALL, OptionalInt.empty(), BIGINT),
                new PartialAggregation.Aggregate(COUNT, OptionalInt.of(2), BIGINT),
                new PartialAggregation.Aggregate(SUM, OptionalInt.of(2), sumType(PRICE)),
                new PartialAggregation.Aggregate(SUM, OptionalInt.of(6), BIGINT),
                new PartialAggregation.Aggregate(SUM, OptionalInt.of(5), sumType(WIDE)),
                new PartialAggregation.Aggregate(MIN, OptionalInt.of(2), PRICE),
                new PartialAggregation.Aggregate(MAX, OptionalInt.of(5), WIDE),
                new PartialAggregation.Aggregate(SUM, OptionalInt.empty(), Optional.of(discounted), sumType(DISCOUNTED)),
                new PartialAggregation.Aggregate(SUM, OptionalInt.empty(), Optional.of(charge), sumType(CHARGE)),
                new PartialAggregation.Aggregate(COUNT, OptionalInt.empty(), Optional.of(discounted), BIGINT),
                new PartialAggregation.Aggregate(SUM, OptionalInt.empty(), Optional.of(quantity), sumType(BIG_INTEGER)),
                new PartialAggregation.Aggregate(MIN, OptionalInt.empty(), Optional.of(discounted), DISCOUNTED));
        PartialAggregator aggregator = new PartialAggregator(new PartialAggregation(List.of(0, 1), aggregates), COLUMNS);

        Random random = new Random(20261124);
        Map<List<String>, Object[]> expected = new HashMap<>();
        // dictionaries a column chunk's pages share, as the Parquet decoder returns them
        ValueBlock flagDictionary = varchars(FLAGS);
        ValueBlock statusDictionary = varchars(STATUSES);
        for (int pageNumber = 0; pageNumber < 12; pageNumber++) {
            int rows = 500 + random.nextInt(3000);
            int[] flags = new int[rows];
            int[] statuses = new int[rows];
            BigDecimal[][] values = new BigDecimal[5][rows];
            for (int row = 0; row < rows; row++) {
                flags[row] = random.nextInt(FLAGS.length);
                statuses[row] = pageNumber % 4 == 3 ? 0 : random.nextInt(STATUSES.length);
                // the NULL flag's prices are all NULL: its sums are NULL and its counts of price 0
                values[0][row] = FLAGS[flags[row]] == null || random.nextInt(20) == 0 ? null : BigDecimal.valueOf(random.nextLong(10_000_000_000L), 2);
                values[1][row] = BigDecimal.valueOf(random.nextInt(11), 2);
                // one tax for the whole page (run-length encoded) on some pages, NULL wide values on one
                values[2][row] = pageNumber % 5 == 4 ? new BigDecimal("0.03") : BigDecimal.valueOf(random.nextInt(9), 2);
                values[3][row] = pageNumber == 7 || random.nextInt(10) == 0 ? null : new BigDecimal(new BigInteger(90, random).subtract(BigInteger.ONE.shiftLeft(89)), 3);
                values[4][row] = BigDecimal.valueOf(random.nextLong() >> 20);
            }
            Block flagBlock = switch (pageNumber % 3) {
                case 0 -> DictionaryBlock.create(rows, flagDictionary, flags);
                case 1 -> DictionaryBlock.create(rows, varchars(FLAGS), flags);
                default -> flatVarchars(FLAGS, flags);
            };
            Block statusBlock = pageNumber % 4 == 3
                    ? RunLengthEncodedBlock.create(varchars(new String[] {STATUSES[0]}), rows)
                    : pageNumber % 2 == 0 ? DictionaryBlock.create(rows, statusDictionary, statuses) : flatVarchars(STATUSES, statuses);
            Block taxBlock = pageNumber % 5 == 4 ? RunLengthEncodedBlock.create(decimals(PRICE, new BigDecimal[] {values[2][0]}), rows) : decimals(PRICE, values[2]);
            Block wideBlock = pageNumber == 7 ? RunLengthEncodedBlock.create(decimals(WIDE, new BigDecimal[] {null}), rows) : decimals(WIDE, values[3]);
            Page page = new Page(flagBlock, statusBlock, decimals(PRICE, values[0]), decimals(PRICE, values[1]), taxBlock, wideBlock, bigints(values[4]));
            // the rows a filter keeps
            int[] positions = new int[rows];
            int kept = 0;
            for (int row = 0; row < rows; row++) {
                if (random.nextInt(10) < 7) {
                    positions[kept++] = row;
                }
            }
            aggregator.add(page, positions, kept);
            for (int i = 0; i < kept; i++) {
                int row = positions[i];
                BigDecimal rowPrice = values[0][row];
                BigDecimal rowDiscounted = rowPrice == null ? null : rowPrice.multiply(BigDecimal.ONE.subtract(values[1][row]));
                BigDecimal rowCharge = rowDiscounted == null ? null : rowDiscounted.multiply(values[2][row].add(BigDecimal.ONE));
                Object[] add = {
                        1L, rowPrice == null ? 0L : 1L, rowPrice, values[4][row], values[3][row], rowPrice, values[3][row],
                        rowDiscounted, rowCharge, rowDiscounted == null ? 0L : 1L, values[4][row], rowDiscounted};
                expected.merge(Arrays.asList(FLAGS[flags[row]], statusBlock instanceof RunLengthEncodedBlock ? STATUSES[0] : STATUSES[statuses[row]]), add, TestPartialAggregator::combine);
            }
        }
        Map<List<String>, Object[]> actual = results(aggregator, aggregates);
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(expected.keySet()).anyMatch(key -> key.getFirst() == null);
        for (Map.Entry<List<String>, Object[]> entry : expected.entrySet()) {
            Object[] row = entry.getValue();
            Object[] scaled = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                Type type = aggregates.get(i).outputType();
                scaled[i] = row[i] instanceof BigDecimal decimal && type instanceof DecimalType decimalType ? decimal.setScale(decimalType.getScale(), RoundingMode.UNNECESSARY)
                        : row[i] instanceof BigDecimal decimal ? decimal.longValueExact() : row[i];
            }
            assertThat(Arrays.asList(actual.get(entry.getKey()))).as("group %s", entry.getKey()).isEqualTo(Arrays.asList(scaled));
        }
        Object[] nullFlag = actual.entrySet().stream().filter(entry -> entry.getKey().getFirst() == null).findFirst().orElseThrow().getValue();
        assertThat(nullFlag[1]).isEqualTo(0L);
        assertThat(nullFlag[2]).isNull();
        assertThat(nullFlag[7]).isNull();
    }

    @Test
    void testManyGroupsOfFlatKeys()
    {
        // a varchar and a bigint key, neither dictionary-encoded: thousands of groups, NULLs in both
        List<ScanColumn> columns = List.of(new ScanColumn(1, "name", VARCHAR), new ScanColumn(2, "k", BIGINT), new ScanColumn(3, "price", PRICE));
        PartialAggregator aggregator = new PartialAggregator(new PartialAggregation(List.of(0, 1), List.of(
                new PartialAggregation.Aggregate(COUNT_ALL, OptionalInt.empty(), BIGINT),
                new PartialAggregation.Aggregate(SUM, OptionalInt.of(2), sumType(PRICE)))), columns);
        Random random = new Random(5);
        Map<List<Object>, BigDecimal[]> expected = new HashMap<>();
        for (int pageNumber = 0; pageNumber < 6; pageNumber++) {
            int rows = 4000;
            String[] names = new String[rows];
            BigDecimal[] keys = new BigDecimal[rows];
            BigDecimal[] prices = new BigDecimal[rows];
            for (int row = 0; row < rows; row++) {
                int id = random.nextInt(3000);
                names[row] = id % 97 == 0 ? null : "customer#" + id % 1500;
                keys[row] = id % 89 == 0 ? null : BigDecimal.valueOf(id % 2 - 1_000_000_000_000L * (id % 3));
                prices[row] = BigDecimal.valueOf(random.nextLong(1_000_000), 2);
                expected.merge(Arrays.asList(names[row], keys[row] == null ? null : keys[row].longValueExact()), new BigDecimal[] {BigDecimal.ONE, prices[row]},
                        (left, right) -> new BigDecimal[] {left[0].add(right[0]), left[1].add(right[1])});
            }
            aggregator.add(new Page(varchars(names), bigints(keys), decimals(PRICE, prices)), all(rows), rows);
        }
        Page result = aggregator.result();
        assertThat(result.getPositionCount()).isEqualTo(expected.size()).isGreaterThan(1000);
        for (int position = 0; position < result.getPositionCount(); position++) {
            List<Object> key = Arrays.asList(TestingBlockValues.javaValue(VARCHAR, result.getBlock(0), position), TestingBlockValues.javaValue(BIGINT, result.getBlock(1), position));
            BigDecimal[] row = expected.get(key);
            assertThat(row).as("group %s", key).isNotNull();
            assertThat(TestingBlockValues.javaValue(BIGINT, result.getBlock(2), position)).as("group %s", key).isEqualTo(row[0].longValueExact());
            assertThat(TestingBlockValues.javaValue(sumType(PRICE), result.getBlock(3), position)).as("group %s", key).isEqualTo(row[1].setScale(2, RoundingMode.UNNECESSARY));
        }
    }

    @Test
    void testDecimalSumsStayExactPastTheRangeOfInt128()
    {
        DecimalType type = DecimalType.createDecimalType(38, 0);
        BigDecimal big = new BigDecimal("9" + "0".repeat(37));
        // 1.8 * 10^38 passes 2^127 (the 128-bit sum wraps) and comes back: exactly 10^37
        assertThat(sumOf(type, big, big, big.negate(), big.negate(), BigDecimal.TEN.pow(37))).isEqualTo(BigDecimal.TEN.pow(37));
        // beyond 38 digits only in between, without a wrap
        assertThat(sumOf(type, big, new BigDecimal("5" + "0".repeat(37)), big.negate())).isEqualTo(new BigDecimal("5" + "0".repeat(37)));
        assertThat(sumOf(type, big.negate(), big.negate(), big, new BigDecimal(-7))).isEqualTo(big.negate().subtract(BigDecimal.valueOf(7)));
        assertSumOverflows(type, big, big);
        assertSumOverflows(type, big, BigDecimal.TEN.pow(37).multiply(BigDecimal.TWO));
        assertSumOverflows(type, big.negate(), big.negate());
        // longs that overflow a long when added: carried into the 128-bit sum
        BigDecimal max = BigDecimal.valueOf(Long.MAX_VALUE);
        BigDecimal min = BigDecimal.valueOf(Long.MIN_VALUE);
        assertThat(sumOf(type, max, max, max, BigDecimal.ONE, min, min)).isEqualTo(max.multiply(BigDecimal.valueOf(3)).add(BigDecimal.ONE).add(min.multiply(BigDecimal.valueOf(2))));
    }

    @Test
    void testIntegerSumsIntoDecimalCarryPastALong()
    {
        List<ScanColumn> columns = List.of(new ScanColumn(1, "n", BIGINT));
        PartialAggregation aggregation = new PartialAggregation(List.of(), List.of(new PartialAggregation.Aggregate(SUM, OptionalInt.of(0), DecimalType.createDecimalType(38, 0))));
        PartialAggregator aggregator = new PartialAggregator(aggregation, columns);
        BigDecimal[] values = new BigDecimal[1000];
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < values.length; i++) {
            values[i] = BigDecimal.valueOf(i % 7 == 0 ? Long.MIN_VALUE + i : Long.MAX_VALUE - i);
            expected = expected.add(values[i]);
        }
        aggregator.add(new Page(bigints(values)), all(values.length), values.length);
        Page result = aggregator.result();
        assertThat(TestingBlockValues.javaValue(DecimalType.createDecimalType(38, 0), result.getBlock(0), 0)).isEqualTo(expected);
    }

    @Test
    void testBigintSumOverflowIsAnError()
    {
        List<ScanColumn> columns = List.of(new ScanColumn(1, "n", BIGINT));
        PartialAggregation aggregation = new PartialAggregation(List.of(0), List.of(new PartialAggregation.Aggregate(SUM, OptionalInt.of(0), BIGINT)));
        PartialAggregator aggregator = new PartialAggregator(aggregation, columns);
        BigDecimal half = BigDecimal.valueOf(Long.MAX_VALUE / 2 + 1);
        Page page = new Page(bigints(new BigDecimal[] {half, half, BigDecimal.ONE}));
        // each group's sum fits, until the page with the second half of the same key
        aggregator.add(page, new int[] {0, 2}, 2);
        assertThatThrownBy(() -> aggregator.add(page, new int[] {1}, 1))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(SpectrumErrorCode.LAKE_NUMERIC_OVERFLOW.toErrorCode()))
                .hasMessageContaining("bigint out of range");
    }

    @Test
    void testSumsWithoutGroupBy()
    {
        // one group: the sums run in registers; NULLs are skipped, and a sum of only NULLs is NULL
        List<ScanColumn> columns = List.of(new ScanColumn(1, "n", BIGINT), new ScanColumn(2, "price", PRICE), new ScanColumn(3, "x", DOUBLE));
        PartialAggregation aggregation = new PartialAggregation(List.of(), List.of(
                new PartialAggregation.Aggregate(SUM, OptionalInt.of(0), BIGINT),
                new PartialAggregation.Aggregate(SUM, OptionalInt.of(1), sumType(PRICE)),
                new PartialAggregation.Aggregate(SUM, OptionalInt.of(2), DOUBLE)));
        PartialAggregator aggregator = new PartialAggregator(aggregation, columns);
        PartialAggregator allNull = new PartialAggregator(aggregation, columns);
        Random random = new Random(7);
        long expectedLong = 0;
        BigDecimal expectedPrice = BigDecimal.ZERO;
        double expectedDouble = 0;
        for (int page = 0; page < 5; page++) {
            int count = 1 + random.nextInt(300);
            BigDecimal[] longs = new BigDecimal[count];
            BigDecimal[] prices = new BigDecimal[count];
            Double[] doubles = new Double[count];
            for (int i = 0; i < count; i++) {
                longs[i] = random.nextInt(5) > 0 ? BigDecimal.valueOf(random.nextLong() >> 12) : null;
                prices[i] = random.nextInt(5) > 0 ? BigDecimal.valueOf(random.nextInt(100_000_000) - 50_000_000, 2) : null;
                doubles[i] = random.nextInt(5) > 0 ? random.nextGaussian() * 1e6 : null;
            }
            // every second row, as of a page that a filter thinned; the expected sums add the same rows in the same order
            int[] kept = new int[(count + 1) / 2];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = 2 * i;
                expectedLong += longs[2 * i] == null ? 0 : longs[2 * i].longValueExact();
                expectedPrice = prices[2 * i] == null ? expectedPrice : expectedPrice.add(prices[2 * i]);
                expectedDouble += doubles[2 * i] == null ? 0 : doubles[2 * i];
            }
            aggregator.add(new Page(bigints(longs), decimals(PRICE, prices), doubles(doubles)), kept, kept.length);
            allNull.add(new Page(bigints(new BigDecimal[count]), decimals(PRICE, new BigDecimal[count]), doubles(new Double[count])), kept, kept.length);
        }
        Page result = aggregator.result();
        assertThat(TestingBlockValues.javaValue(BIGINT, result.getBlock(0), 0)).isEqualTo(expectedLong);
        assertThat(TestingBlockValues.javaValue(sumType(PRICE), result.getBlock(1), 0)).isEqualTo(expectedPrice);
        assertThat(TestingBlockValues.javaValue(DOUBLE, result.getBlock(2), 0)).isEqualTo(expectedDouble);
        Page nulls = allNull.result();
        for (int channel = 0; channel < 3; channel++) {
            assertThat(nulls.getBlock(channel).isNull(0)).as("sum of only NULLs, channel %s", channel).isTrue();
        }
    }

    @Test
    void testBigintSumWithoutGroupByOverflowIsAnError()
    {
        List<ScanColumn> columns = List.of(new ScanColumn(1, "n", BIGINT));
        PartialAggregation aggregation = new PartialAggregation(List.of(), List.of(new PartialAggregation.Aggregate(SUM, OptionalInt.of(0), BIGINT)));
        PartialAggregator aggregator = new PartialAggregator(aggregation, columns);
        BigDecimal half = BigDecimal.valueOf(Long.MAX_VALUE / 2 + 1);
        aggregator.add(new Page(bigints(new BigDecimal[] {half, BigDecimal.ONE})), all(2), 2);
        assertThatThrownBy(() -> aggregator.add(new Page(bigints(new BigDecimal[] {half})), all(1), 1))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(SpectrumErrorCode.LAKE_NUMERIC_OVERFLOW.toErrorCode()))
                .hasMessageContaining("bigint out of range");
    }

    @Test
    void testGroupsOfNullKeysAndAllNullValues()
    {
        List<ScanColumn> columns = List.of(new ScanColumn(1, "k", BIGINT), new ScanColumn(2, "price", PRICE));
        PartialAggregation aggregation = new PartialAggregation(List.of(0), List.of(
                new PartialAggregation.Aggregate(COUNT_ALL, OptionalInt.empty(), BIGINT),
                new PartialAggregation.Aggregate(COUNT, OptionalInt.of(1), BIGINT),
                new PartialAggregation.Aggregate(SUM, OptionalInt.of(1), sumType(PRICE)),
                new PartialAggregation.Aggregate(MAX, OptionalInt.of(1), PRICE)));
        PartialAggregator aggregator = new PartialAggregator(aggregation, columns);
        BigDecimal[] keys = {null, BigDecimal.ONE, null, BigDecimal.TEN, BigDecimal.ONE};
        BigDecimal[] prices = {new BigDecimal("1.50"), null, new BigDecimal("-2.25"), new BigDecimal("4.00"), null};
        aggregator.add(new Page(bigints(keys), decimals(PRICE, prices)), all(keys.length), keys.length);
        Page result = aggregator.result();
        Map<Object, List<Object>> rows = new HashMap<>();
        for (int position = 0; position < result.getPositionCount(); position++) {
            List<Object> row = new ArrayList<>();
            for (int channel = 1; channel < 5; channel++) {
                row.add(TestingBlockValues.javaValue(channel == 3 ? sumType(PRICE) : channel == 4 ? PRICE : BIGINT, result.getBlock(channel), position));
            }
            rows.put(TestingBlockValues.javaValue(BIGINT, result.getBlock(0), position), row);
        }
        assertThat(rows).containsOnlyKeys(null, 1L, 10L);
        assertThat(rows.get(null)).containsExactly(2L, 2L, new BigDecimal("-0.75"), new BigDecimal("1.50"));
        assertThat(rows.get(1L)).containsExactly(2L, 0L, null, null);
        assertThat(rows.get(10L)).containsExactly(1L, 1L, new BigDecimal("4.00"), new BigDecimal("4.00"));
    }

    private static BigDecimal sumOf(DecimalType type, BigDecimal... values)
    {
        PartialAggregator aggregator = sumAggregator(type, values);
        Page result = aggregator.result();
        return (BigDecimal) TestingBlockValues.javaValue(type, result.getBlock(0), 0);
    }

    private static void assertSumOverflows(DecimalType type, BigDecimal... values)
    {
        PartialAggregator aggregator = sumAggregator(type, values);
        assertThatThrownBy(aggregator::result)
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(SpectrumErrorCode.LAKE_NUMERIC_OVERFLOW.toErrorCode()))
                .hasMessageContaining("numeric field overflow");
    }

    /** A sum of a decimal(38, 0) column, its values one page each (the wide ones) and together. */
    private static PartialAggregator sumAggregator(DecimalType type, BigDecimal... values)
    {
        List<ScanColumn> columns = List.of(new ScanColumn(1, "x", type));
        PartialAggregator aggregator = new PartialAggregator(new PartialAggregation(List.of(), List.of(new PartialAggregation.Aggregate(SUM, OptionalInt.of(0), type))), columns);
        for (BigDecimal value : values) {
            aggregator.add(new Page(decimals(type, new BigDecimal[] {value, value})), new int[] {0}, 1);
        }
        return aggregator;
    }

    private static Map<List<String>, Object[]> results(PartialAggregator aggregator, List<PartialAggregation.Aggregate> aggregates)
    {
        Page result = aggregator.result();
        Map<List<String>, Object[]> rows = new HashMap<>();
        for (int position = 0; position < result.getPositionCount(); position++) {
            Object[] row = new Object[aggregates.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = TestingBlockValues.javaValue(aggregates.get(i).outputType(), result.getBlock(2 + i), position);
            }
            List<String> key = Arrays.asList((String) TestingBlockValues.javaValue(VARCHAR, result.getBlock(0), position), (String) TestingBlockValues.javaValue(VARCHAR, result.getBlock(1), position));
            assertThat(rows.put(key, row)).as("group %s once", key).isNull();
        }
        return rows;
    }

    /** Two rows of one group combined: count, count, sum, sum, sum, min, max, sum, sum, count, sum, min. */
    private static Object[] combine(Object[] left, Object[] right)
    {
        Object[] result = new Object[left.length];
        for (int i = 0; i < left.length; i++) {
            result[i] = switch (i) {
                case 0, 1, 9 -> (Long) left[i] + (Long) right[i];
                case 5, 11 -> extreme(left[i], right[i], false);
                case 6 -> extreme(left[i], right[i], true);
                default -> left[i] == null ? right[i] : right[i] == null ? left[i] : ((BigDecimal) left[i]).add((BigDecimal) right[i]);
            };
        }
        return result;
    }

    private static Object extreme(Object left, Object right, boolean max)
    {
        if (left == null || right == null) {
            return left == null ? right : left;
        }
        int comparison = ((BigDecimal) left).compareTo((BigDecimal) right);
        return (max ? comparison >= 0 : comparison <= 0) ? left : right;
    }

    private static DecimalType sumType(DecimalType type)
    {
        return DecimalType.createDecimalType(38, type.getScale());
    }

    private static int[] all(int count)
    {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        return positions;
    }

    private static ValueBlock varchars(String[] values)
    {
        return builder(VARCHAR, values, (builder, value) -> VARCHAR.writeSlice(builder, Slices.utf8Slice(value))).buildValueBlock();
    }

    private static Block flatVarchars(String[] dictionary, int[] ids)
    {
        String[] values = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            values[i] = dictionary[ids[i]];
        }
        return varchars(values);
    }

    private static Block bigints(BigDecimal[] values)
    {
        return builder(BIGINT, values, (builder, value) -> BIGINT.writeLong(builder, value.longValueExact())).build();
    }

    private static Block doubles(Double[] values)
    {
        return builder(DOUBLE, values, DOUBLE::writeDouble).build();
    }

    private static Block decimals(DecimalType type, BigDecimal[] values)
    {
        return builder(type, values, (builder, value) -> {
            BigInteger unscaled = value.setScale(type.getScale(), RoundingMode.UNNECESSARY).unscaledValue();
            if (type.isShort()) {
                type.writeLong(builder, unscaled.longValueExact());
            }
            else {
                type.writeObject(builder, Int128.valueOf(unscaled));
            }
        }).build();
    }

    /**
     * A builder of {@code type} holding {@code values}, null for NULL, each written by
     * {@code writer}. Its {@code build()} makes a block of only NULLs run-length encoded.
     */
    private static <T> BlockBuilder builder(Type type, T[] values, BiConsumer<BlockBuilder, T> writer)
    {
        BlockBuilder builder = type.createBlockBuilder(null, values.length);
        for (T value : values) {
            if (value == null) {
                builder.appendNull();
            }
            else {
                writer.accept(builder, value);
            }
        }
        return builder;
    }
}

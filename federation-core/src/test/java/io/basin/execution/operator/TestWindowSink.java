package io.basin.execution.operator;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.execution.QueryContext;
import io.basin.execution.compare.SortKey;
import io.basin.execution.window.FrameBound;
import io.basin.execution.window.WindowFrame;
import io.basin.execution.window.WindowFunctionSpec;
import io.basin.execution.window.WindowSpec;
import io.trino.spi.Page;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import static io.basin.execution.window.FrameBound.currentRow;
import static io.basin.execution.window.FrameBound.following;
import static io.basin.execution.window.FrameBound.preceding;
import static io.basin.execution.window.FrameBound.unboundedFollowing;
import static io.basin.execution.window.FrameBound.unboundedPreceding;
import static io.basin.execution.window.WindowFunctionKind.AVG;
import static io.basin.execution.window.WindowFunctionKind.COUNT;
import static io.basin.execution.window.WindowFunctionKind.COUNT_ALL;
import static io.basin.execution.window.WindowFunctionKind.CUME_DIST;
import static io.basin.execution.window.WindowFunctionKind.DENSE_RANK;
import static io.basin.execution.window.WindowFunctionKind.FIRST_VALUE;
import static io.basin.execution.window.WindowFunctionKind.LAG;
import static io.basin.execution.window.WindowFunctionKind.LAST_VALUE;
import static io.basin.execution.window.WindowFunctionKind.LEAD;
import static io.basin.execution.window.WindowFunctionKind.MAX;
import static io.basin.execution.window.WindowFunctionKind.MIN;
import static io.basin.execution.window.WindowFunctionKind.NTH_VALUE;
import static io.basin.execution.window.WindowFunctionKind.NTILE;
import static io.basin.execution.window.WindowFunctionKind.PERCENT_RANK;
import static io.basin.execution.window.WindowFunctionKind.RANK;
import static io.basin.execution.window.WindowFunctionKind.ROW_NUMBER;
import static io.basin.execution.window.WindowFunctionKind.SUM;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

final class TestWindowSink
{
    // input channels
    private static final int P1 = 0;
    private static final int P2 = 1;
    private static final int O1 = 2;
    private static final int ID = 3;
    private static final int X = 4;
    private static final int D = 5;
    private static final int DEC = 6;
    private static final int S = 7;
    private static final int OFF = 8;
    private static final int BUCKETS = 9;
    private static final int NTH = 10;
    private static final int DFLT = 11;
    private static final int BIG = 12;

    private static final Type DEC_TYPE = createDecimalType(12, 2);
    private static final Type BIG_TYPE = createDecimalType(30, 4);
    private static final List<Type> TYPES = List.of(BIGINT, VARCHAR, INTEGER, BIGINT, BIGINT, DOUBLE, DEC_TYPE, VARCHAR, INTEGER, INTEGER, BIGINT, BIGINT, BIG_TYPE);

    private static final List<WindowFrame> FRAMES = List.of(
            WindowFrame.DEFAULT,
            WindowFrame.FULL_PARTITION,
            WindowFrame.range(currentRow(), unboundedFollowing()),
            WindowFrame.rows(unboundedPreceding(), currentRow()),
            WindowFrame.rows(preceding(2), following(1)),
            WindowFrame.rows(preceding(3), preceding(1)),
            WindowFrame.rows(following(1), following(3)),
            WindowFrame.rows(currentRow(), unboundedFollowing()),
            WindowFrame.rows(preceding(0), following(0)),
            WindowFrame.rows(preceding(5), unboundedFollowing()),
            WindowFrame.rows(preceding(1), preceding(2)),
            WindowFrame.rows(preceding(Long.MAX_VALUE), following(Long.MAX_VALUE)));

    @Test
    void everyFunctionOverEveryFrame()
    {
        List<List<Object>> rows = randomRows(new Random(1), 8000, 60);
        WindowSpec window = new WindowSpec(List.of(P1, P2), List.of(SortKey.ascending(O1, INTEGER), SortKey.descending(ID, BIGINT)));
        List<WindowFunctionSpec> functions = new ArrayList<>(List.of(
                WindowFunctionSpec.of(ROW_NUMBER, BIGINT),
                WindowFunctionSpec.of(RANK, BIGINT),
                WindowFunctionSpec.of(DENSE_RANK, BIGINT),
                WindowFunctionSpec.of(PERCENT_RANK, DOUBLE),
                WindowFunctionSpec.of(CUME_DIST, DOUBLE),
                WindowFunctionSpec.of(NTILE, INTEGER, BUCKETS),
                WindowFunctionSpec.of(LAG, BIGINT, X),
                WindowFunctionSpec.of(LAG, BIGINT, X, OFF),
                WindowFunctionSpec.of(LAG, BIGINT, X, OFF, DFLT),
                WindowFunctionSpec.of(LEAD, BIGINT, X, OFF, DFLT),
                WindowFunctionSpec.of(LEAD, VARCHAR, S),
                WindowFunctionSpec.of(LEAD, DOUBLE, D, NTH)));
        for (WindowFrame frame : FRAMES) {
            functions.add(new WindowFunctionSpec(FIRST_VALUE, List.of(S), VARCHAR, frame));
            functions.add(new WindowFunctionSpec(LAST_VALUE, List.of(X), BIGINT, frame));
            functions.add(new WindowFunctionSpec(NTH_VALUE, List.of(D, NTH), DOUBLE, frame));
            functions.add(new WindowFunctionSpec(COUNT_ALL, List.of(), BIGINT, frame));
            functions.add(new WindowFunctionSpec(COUNT, List.of(X), BIGINT, frame));
            functions.add(new WindowFunctionSpec(SUM, List.of(X), BIGINT, frame));
            functions.add(new WindowFunctionSpec(SUM, List.of(D), DOUBLE, frame));
            functions.add(new WindowFunctionSpec(SUM, List.of(BIG), createDecimalType(38, 4), frame));
            functions.add(new WindowFunctionSpec(AVG, List.of(DEC), createDecimalType(38, 6), frame));
            functions.add(new WindowFunctionSpec(AVG, List.of(X), createDecimalType(38, 6), frame));
            functions.add(new WindowFunctionSpec(AVG, List.of(D), DOUBLE, frame));
            functions.add(new WindowFunctionSpec(MIN, List.of(S), VARCHAR, frame));
            functions.add(new WindowFunctionSpec(MAX, List.of(D), DOUBLE, frame));
            functions.add(new WindowFunctionSpec(MIN, List.of(DEC), DEC_TYPE, frame));
        }
        functions.add(WindowFunctionSpec.of(SUM, createDecimalType(38, 2), DEC));
        functions.add(WindowFunctionSpec.of(AVG, createDecimalType(38, 8), BIG));
        functions.add(WindowFunctionSpec.of(AVG, DOUBLE, X));
        functions.add(WindowFunctionSpec.of(MAX, BIGINT, X));
        assertWindow(rows, window, functions, 3, 700);
    }

    @Test
    void peerFunctionsWithTiesAndNulls()
    {
        // ORDER BY a key with many ties and NULLs first: only functions whose value does not
        // depend on the order among peers
        List<List<Object>> rows = randomRows(new Random(2), 10_000, 40);
        WindowSpec window = new WindowSpec(List.of(P1), List.of(new SortKey(O1, INTEGER, false, true)));
        List<WindowFunctionSpec> functions = List.of(
                WindowFunctionSpec.of(RANK, BIGINT),
                WindowFunctionSpec.of(DENSE_RANK, BIGINT),
                WindowFunctionSpec.of(PERCENT_RANK, DOUBLE),
                WindowFunctionSpec.of(CUME_DIST, DOUBLE),
                WindowFunctionSpec.of(COUNT_ALL, BIGINT),
                WindowFunctionSpec.of(SUM, BIGINT, X),
                WindowFunctionSpec.of(AVG, createDecimalType(38, 6), DEC),
                WindowFunctionSpec.of(MIN, VARCHAR, S),
                WindowFunctionSpec.of(MAX, DOUBLE, D).withFrame(WindowFrame.range(currentRow(), unboundedFollowing())),
                WindowFunctionSpec.of(COUNT, BIGINT, X).withFrame(WindowFrame.FULL_PARTITION),
                WindowFunctionSpec.of(SUM, DOUBLE, D).withFrame(WindowFrame.range(currentRow(), currentRow())));
        assertWindow(rows, window, functions, 2, 1000);
    }

    @Test
    void withoutOrderByEveryRowIsAPeer()
    {
        List<List<Object>> rows = randomRows(new Random(3), 5000, 30);
        WindowSpec window = new WindowSpec(List.of(P2, P1), List.of());
        List<WindowFunctionSpec> functions = List.of(
                WindowFunctionSpec.of(RANK, BIGINT),
                WindowFunctionSpec.of(DENSE_RANK, BIGINT),
                WindowFunctionSpec.of(CUME_DIST, DOUBLE),
                WindowFunctionSpec.of(PERCENT_RANK, DOUBLE),
                WindowFunctionSpec.of(COUNT_ALL, BIGINT),
                WindowFunctionSpec.of(SUM, BIGINT, X),
                WindowFunctionSpec.of(MAX, VARCHAR, S));
        assertWindow(rows, window, functions, 3, 512);
    }

    @Test
    void withoutPartitionByTheInputIsOnePartition()
    {
        List<List<Object>> rows = randomRows(new Random(4), 3000, 1);
        WindowSpec window = new WindowSpec(List.of(), List.of(SortKey.descending(ID, BIGINT)));
        List<WindowFunctionSpec> functions = List.of(
                WindowFunctionSpec.of(ROW_NUMBER, BIGINT),
                WindowFunctionSpec.of(NTILE, BIGINT, BUCKETS),
                WindowFunctionSpec.of(LAG, BIGINT, X, OFF, DFLT),
                WindowFunctionSpec.of(SUM, BIGINT, X).withFrame(WindowFrame.rows(preceding(10), following(10))),
                WindowFunctionSpec.of(MIN, BIGINT, X).withFrame(WindowFrame.rows(preceding(7), currentRow())),
                WindowFunctionSpec.of(MAX, createDecimalType(30, 4), BIG).withFrame(WindowFrame.rows(currentRow(), following(20))));
        assertWindow(rows, window, functions, 2, 256);
    }

    @Test
    void valueFunctionsForEveryType()
    {
        Random random = new Random(8);
        for (Type type : TestingValues.ALL_TYPES) {
            // (partition, id, value): min and max order by the type, the others copy values
            List<Type> types = List.of(BIGINT, BIGINT, type);
            List<List<Object>> rows = new ArrayList<>();
            for (long id = 0; id < 2000; id++) {
                rows.add(TestingPages.row((long) random.nextInt(20), id, TestingValues.random(type, random, 0.1, id % 2 == 0 ? 10 : 1_000_000)));
            }
            WindowSpec window = new WindowSpec(List.of(0), List.of(SortKey.descending(1, BIGINT)));
            List<WindowFunctionSpec> functions = List.of(
                    WindowFunctionSpec.of(MIN, type, 2),
                    WindowFunctionSpec.of(MAX, type, 2).withFrame(WindowFrame.rows(preceding(3), following(2))),
                    WindowFunctionSpec.of(LAG, type, 2),
                    WindowFunctionSpec.of(FIRST_VALUE, type, 2).withFrame(WindowFrame.rows(preceding(1), following(1))),
                    WindowFunctionSpec.of(COUNT, BIGINT, 2));
            WindowSink sink = new WindowSink(types, window, functions);
            List<List<Object>> actual = TestingPages.toRows(sink.outputTypes(), TestingDrivers.run(sink, TestingPages.toPages(types, rows, 300), TestingDrivers.queryContext(2)));
            List<List<Object>> expected = new WindowOracle(types, window).expected(rows, functions);
            assertThat(actual).hasSize(rows.size());
            for (List<Object> row : actual) {
                int id = (int) (long) (Long) row.get(1);
                for (int function = 0; function < functions.size(); function++) {
                    Object expectedValue = expected.get(id).get(function);
                    Object actualValue = row.get(types.size() + function);
                    // equal under the type's order: NaNs, -0.0 and 0.0, padded chars
                    boolean same = expectedValue == null ? actualValue == null
                            : actualValue != null && (functions.get(function).outputType().equals(type)
                                    ? TestingOrdering.compareValues(type, expectedValue, actualValue) == 0
                                    : expectedValue.equals(actualValue));
                    if (!same) {
                        fail("%s for row %s: expected %s, got %s".formatted(functions.get(function), rows.get(id), expectedValue, actualValue));
                    }
                }
            }
        }
    }

    @Test
    void largeMultiPageInput()
    {
        List<List<Object>> rows = randomRows(new Random(5), 150_000, 1500);
        WindowSpec window = new WindowSpec(List.of(P1), List.of(SortKey.ascending(ID, BIGINT)));
        List<WindowFunctionSpec> functions = List.of(
                WindowFunctionSpec.of(ROW_NUMBER, BIGINT),
                WindowFunctionSpec.of(LEAD, BIGINT, X),
                WindowFunctionSpec.of(SUM, BIGINT, X),
                WindowFunctionSpec.of(AVG, DOUBLE, D).withFrame(WindowFrame.rows(preceding(3), following(3))),
                WindowFunctionSpec.of(MAX, VARCHAR, S).withFrame(WindowFrame.rows(preceding(4), currentRow())));
        List<Page> output = assertWindow(rows, window, functions, 4, 8192);
        SortAssertions.assertPageSizes(output, 8192);
    }

    @Test
    void emptyInput()
    {
        WindowSink sink = new WindowSink(TYPES, new WindowSpec(List.of(P1), List.of()), List.of(WindowFunctionSpec.of(ROW_NUMBER, BIGINT)));
        assertThat(TestingDrivers.run(sink, List.of(), TestingDrivers.queryContext(2))).isEmpty();
        WindowSink unpartitioned = new WindowSink(TYPES, new WindowSpec(List.of(), List.of()), List.of(WindowFunctionSpec.of(ROW_NUMBER, BIGINT)));
        assertThat(TestingDrivers.run(unpartitioned, List.of(), TestingDrivers.queryContext(2))).isEmpty();
    }

    @Test
    void sumOverflowIsAnError()
    {
        List<Type> types = List.of(BIGINT, BIGINT);
        List<List<Object>> rows = List.of(TestingPages.row(1L, Long.MAX_VALUE), TestingPages.row(1L, 1L), TestingPages.row(2L, 5L));
        WindowSink sink = new WindowSink(types, new WindowSpec(List.of(0), List.of(SortKey.ascending(1, BIGINT))), List.of(WindowFunctionSpec.of(SUM, BIGINT, 1)));
        assertThatThrownBy(() -> TestingDrivers.run(sink, TestingPages.toPages(types, rows, 10), TestingDrivers.queryContext(2)))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));

        // a frame whose sum is a true overflow
        List<List<Object>> overflowing = List.of(TestingPages.row(1L, Long.MAX_VALUE), TestingPages.row(1L, Long.MAX_VALUE), TestingPages.row(1L, -Long.MAX_VALUE));
        WindowSink sliding = new WindowSink(types, new WindowSpec(List.of(0), List.of(SortKey.descending(1, BIGINT))),
                List.of(WindowFunctionSpec.of(SUM, BIGINT, 1).withFrame(WindowFrame.rows(currentRow(), following(1)))));
        assertThatThrownBy(() -> TestingDrivers.run(sliding, TestingPages.toPages(types, overflowing, 10), TestingDrivers.queryContext(1)))
                .isInstanceOf(BasinException.class);

        // a running total beyond bigint is fine while every frame's sum fits: sliding from
        // {MAX, 0} to {0, MAX} passes through MAX + 0 + MAX before the first row leaves
        List<Type> ordered = List.of(BIGINT, BIGINT, BIGINT);
        List<List<Object>> rises = List.of(TestingPages.row(1L, 1L, Long.MAX_VALUE), TestingPages.row(1L, 2L, 0L), TestingPages.row(1L, 3L, Long.MAX_VALUE));
        WindowSink lastTwo = new WindowSink(ordered, new WindowSpec(List.of(0), List.of(SortKey.ascending(1, BIGINT))),
                List.of(WindowFunctionSpec.of(SUM, BIGINT, 2).withFrame(WindowFrame.rows(preceding(1), currentRow()))));
        List<List<Object>> output = TestingPages.toRows(List.of(BIGINT, BIGINT, BIGINT, BIGINT), TestingDrivers.run(lastTwo, TestingPages.toPages(ordered, rises, 10), TestingDrivers.queryContext(1)));
        assertThat(output).containsExactly(
                TestingPages.row(1L, 1L, Long.MAX_VALUE, Long.MAX_VALUE),
                TestingPages.row(1L, 2L, 0L, Long.MAX_VALUE),
                TestingPages.row(1L, 3L, Long.MAX_VALUE, Long.MAX_VALUE));

        // decimal(38, s) overflow
        Type decimal = createDecimalType(38, 0);
        BigDecimal large = new BigDecimal(BigInteger.TEN.pow(38).subtract(BigInteger.ONE));
        List<List<Object>> decimals = List.of(TestingPages.row(1L, large), TestingPages.row(1L, large));
        WindowSink decimalSum = new WindowSink(List.of(BIGINT, decimal), new WindowSpec(List.of(0), List.of()), List.of(WindowFunctionSpec.of(SUM, decimal, 1)));
        assertThatThrownBy(() -> TestingDrivers.run(decimalSum, TestingPages.toPages(List.of(BIGINT, decimal), decimals, 10), TestingDrivers.queryContext(1)))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
    }

    @Test
    void invalidArgumentsAreErrors()
    {
        List<Type> types = List.of(BIGINT, BIGINT);
        List<List<Object>> rows = List.of(TestingPages.row(1L, 0L), TestingPages.row(1L, 0L));
        WindowSink ntile = new WindowSink(types, new WindowSpec(List.of(0), List.of()), List.of(WindowFunctionSpec.of(NTILE, BIGINT, 1)));
        assertThatThrownBy(() -> TestingDrivers.run(ntile, TestingPages.toPages(types, rows, 10), TestingDrivers.queryContext(1)))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.INVALID_PARAMETER_VALUE));
        WindowSink nthValue = new WindowSink(types, new WindowSpec(List.of(0), List.of()), List.of(WindowFunctionSpec.of(NTH_VALUE, BIGINT, 0, 1)));
        assertThatThrownBy(() -> TestingDrivers.run(nthValue, TestingPages.toPages(types, rows, 10), TestingDrivers.queryContext(1)))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.INVALID_PARAMETER_VALUE));
        assertThatThrownBy(() -> FrameBound.preceding(-1))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.INVALID_PARAMETER_VALUE));
        assertThatThrownBy(() -> new WindowFrame(WindowFrame.Unit.RANGE, preceding(1), currentRow()))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.FEATURE_NOT_SUPPORTED));
        assertThatThrownBy(() -> WindowFrame.rows(following(1), currentRow())).isInstanceOf(IllegalArgumentException.class);
        // a type the function does not accept is caught when the sink is built
        assertThatThrownBy(() -> new WindowSink(TYPES, new WindowSpec(List.of(), List.of()), List.of(WindowFunctionSpec.of(SUM, BIGINT, S))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WindowSink(TYPES, new WindowSpec(List.of(), List.of()), List.of(WindowFunctionSpec.of(AVG, DOUBLE, D, X))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failsWhenPartitionsExceedTheMemoryLimit()
    {
        List<List<Object>> rows = randomRows(new Random(6), 50_000, 100);
        WindowSink sink = new WindowSink(TYPES, new WindowSpec(List.of(P1), List.of(SortKey.ascending(ID, BIGINT))), List.of(WindowFunctionSpec.of(ROW_NUMBER, BIGINT)));
        assertThatThrownBy(() -> TestingDrivers.run(sink, TestingPages.toPages(TYPES, rows, 1000), TestingDrivers.queryContext(1L << 20, 2)))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.EXCEEDED_MEMORY_LIMIT));
    }

    @Test
    void releasesMemoryWhenOutputIsConsumed()
    {
        List<List<Object>> rows = randomRows(new Random(7), 20_000, 100);
        QueryContext queryContext = TestingDrivers.queryContext(3);
        WindowSink sink = new WindowSink(TYPES, new WindowSpec(List.of(P1), List.of(SortKey.ascending(ID, BIGINT))), List.of(WindowFunctionSpec.of(ROW_NUMBER, BIGINT)));
        TestingDrivers.run(sink, TestingPages.toPages(TYPES, rows, 1000), queryContext);
        assertThat(queryContext.memoryPool().peakBytes()).isPositive();
        assertThat(queryContext.memoryPool().reservedBytes()).isZero();
    }

    private static List<Page> assertWindow(List<List<Object>> rows, WindowSpec window, List<WindowFunctionSpec> functions, int drivers, int rowsPerPage)
    {
        WindowSink sink = new WindowSink(TYPES, window, functions);
        List<Page> output = TestingDrivers.run(sink, TestingPages.toPages(TYPES, rows, rowsPerPage), TestingDrivers.queryContext(drivers));
        List<List<Object>> actual = TestingPages.toRows(sink.outputTypes(), output);
        List<List<Object>> expected = new WindowOracle(TYPES, window).expected(rows, functions);
        assertThat(actual).hasSize(rows.size());

        Map<Long, Integer> inputIndexById = new HashMap<>();
        for (int row = 0; row < rows.size(); row++) {
            inputIndexById.put((Long) rows.get(row).get(ID), row);
        }
        for (List<Object> actualRow : actual) {
            int inputIndex = inputIndexById.get((Long) actualRow.get(ID));
            assertThat(actualRow.subList(0, TYPES.size())).isEqualTo(rows.get(inputIndex));
            List<Object> expectedValues = expected.get(inputIndex);
            for (int function = 0; function < functions.size(); function++) {
                Object actualValue = actualRow.get(TYPES.size() + function);
                if (!matches(expectedValues.get(function), actualValue)) {
                    fail("%s for row %s: expected %s, got %s".formatted(functions.get(function), rows.get(inputIndex), expectedValues.get(function), actualValue));
                }
            }
        }
        return output;
    }

    private static boolean matches(Object expected, Object actual)
    {
        if (expected instanceof Double expectedDouble && actual instanceof Double actualDouble) {
            if (expectedDouble.isNaN() || expectedDouble.isInfinite()) {
                return expectedDouble.equals(actualDouble);
            }
            return Math.abs(expectedDouble - actualDouble) <= 1e-6 + 1e-12 * Math.abs(expectedDouble);
        }
        return Objects.equals(expected, actual);
    }

    /**
     * Rows in random order with unique ids; {@code partitionKeys} distinct values of P1. Values
     * include NULLs, NaN and infinities, extreme lag/lead offsets and NULL offsets.
     */
    private static List<List<Object>> randomRows(Random random, int count, int partitionKeys)
    {
        List<Long> ids = new ArrayList<>();
        for (long id = 0; id < count; id++) {
            ids.add(id);
        }
        Collections.shuffle(ids, random);
        String[] p2Values = {"a", "b", "\u00e9"};
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < count; row++) {
            rows.add(TestingPages.row(
                    random.nextInt(30) == 0 ? null : (long) random.nextInt(partitionKeys),
                    random.nextInt(20) == 0 ? null : p2Values[random.nextInt(p2Values.length)],
                    random.nextInt(10) == 0 ? null : (long) random.nextInt(20),
                    ids.get(row),
                    random.nextInt(10) == 0 ? null : random.nextLong() % 1_000_000_000_000L,
                    randomDouble(random),
                    random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, 2),
                    random.nextInt(10) == 0 ? null : TestingValues.randomString(random, 3),
                    randomOffset(random),
                    (long) (1 + random.nextInt(7)),
                    random.nextInt(20) == 0 ? null : (long) (1 + random.nextInt(4)),
                    (long) random.nextInt(1000) - 2000,
                    random.nextInt(10) == 0 ? null : new BigDecimal(new BigInteger(84, random).subtract(BigInteger.ONE.shiftLeft(83)), 4)));
        }
        return rows;
    }

    private static Double randomDouble(Random random)
    {
        int pick = random.nextInt(200);
        if (pick < 20) {
            return null;
        }
        if (pick == 20) {
            return Double.NaN;
        }
        if (pick == 21) {
            return Double.POSITIVE_INFINITY;
        }
        if (pick == 22) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.round((random.nextDouble() - 0.5) * 200_000) / 100.0;
    }

    private static Long randomOffset(Random random)
    {
        return switch (random.nextInt(40)) {
            case 0 -> null;
            case 1 -> (long) Integer.MAX_VALUE;
            case 2 -> (long) Integer.MIN_VALUE;
            case 3, 4 -> -1L;
            default -> (long) random.nextInt(4);
        };
    }
}

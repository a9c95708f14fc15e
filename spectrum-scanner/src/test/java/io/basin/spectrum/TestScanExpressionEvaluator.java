package io.basin.spectrum;

import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.IntegerType.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scan workers' expression evaluator against BigDecimal arithmetic written out here: the exact
 * result, rounded half away from zero to the result scale, and an error when it has more digits
 * than the result precision. Random short and long decimals, NULLs, and rounding ties of both signs.
 */
class TestScanExpressionEvaluator
{
    private static final DecimalType PRICE = DecimalType.createDecimalType(15, 2);
    private static final DecimalType WIDE = DecimalType.createDecimalType(30, 3);

    @Test
    void testDecimalArithmeticAgainstBigDecimal()
    {
        Random random = new Random(20261124);
        int rows = 2_000;
        BigDecimal[] prices = new BigDecimal[rows];
        BigDecimal[] discounts = new BigDecimal[rows];
        BigDecimal[] wides = new BigDecimal[rows];
        for (int i = 0; i < rows; i++) {
            prices[i] = i % 17 == 0 ? null : BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, 2);
            discounts[i] = BigDecimal.valueOf(random.nextInt(11) - 1, 2);
            wides[i] = i % 13 == 0 ? null : new BigDecimal(new BigInteger(80, random).subtract(BigInteger.ONE.shiftLeft(79)), 3);
        }
        Page page = new Page(block(PRICE, prices), block(PRICE, discounts), block(WIDE, wides));
        ScanExpression price = new ScanExpression.Column(0, PRICE);
        ScanExpression discount = new ScanExpression.Column(1, PRICE);
        ScanExpression wide = new ScanExpression.Column(2, WIDE);

        // q1: price * (1 - discount), as decimal(31, 4)
        DecimalType discountedType = DecimalType.createDecimalType(31, 4);
        ScanExpression discounted = new ScanExpression.Arithmetic(ScanExpression.Operator.MULTIPLY, price,
                new ScanExpression.Arithmetic(ScanExpression.Operator.SUBTRACT, new ScanExpression.Literal(1L, DecimalType.createDecimalType(1, 0)), discount, DecimalType.createDecimalType(16, 2)),
                discountedType);
        // a product whose scale (6) is cut to 2: rounding on every row
        DecimalType roundedType = DecimalType.createDecimalType(38, 2);
        ScanExpression rounded = new ScanExpression.Arithmetic(ScanExpression.Operator.MULTIPLY, wide, new ScanExpression.Literal(Int128.valueOf(12345), WIDE), roundedType);
        // a cast down to one decimal place, and a sum of a short and a long decimal
        DecimalType castType = DecimalType.createDecimalType(14, 1);
        ScanExpression cast = new ScanExpression.Cast(price, castType);
        DecimalType sumType = DecimalType.createDecimalType(32, 3);
        ScanExpression sum = new ScanExpression.Arithmetic(ScanExpression.Operator.ADD, wide, price, sumType);

        int[] positions = new int[rows / 2];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i * 2 + 1;
        }
        assertEvaluates(discounted, page, positions, i -> prices[i] == null ? null : prices[i].multiply(BigDecimal.ONE.subtract(discounts[i])), discountedType);
        assertEvaluates(rounded, page, positions, i -> wides[i] == null ? null : wides[i].multiply(new BigDecimal(BigInteger.valueOf(12345), 3)), roundedType);
        assertEvaluates(cast, page, positions, i -> prices[i], castType);
        assertEvaluates(sum, page, positions, i -> wides[i] == null || prices[i] == null ? null : wides[i].add(prices[i]), sumType);
    }

    @Test
    void testLiteralOperandsOfAdditionAndSubtraction()
    {
        Random random = new Random(7);
        int rows = 500;
        BigDecimal[] prices = new BigDecimal[rows];
        for (int i = 0; i < rows; i++) {
            prices[i] = i % 11 == 0 ? null : BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, 2);
        }
        Page page = new Page(block(PRICE, prices));
        ScanExpression price = new ScanExpression.Column(0, PRICE);
        int[] positions = new int[rows];
        for (int i = 0; i < rows; i++) {
            positions[i] = i;
        }
        DecimalType sumType = DecimalType.createDecimalType(17, 2);
        // the literal on either side, at a smaller scale than the column (brought to scale 2 once)
        assertEvaluates(new ScanExpression.Arithmetic(ScanExpression.Operator.SUBTRACT, price, new ScanExpression.Literal(3L, DecimalType.createDecimalType(1, 0)), sumType),
                page, positions, i -> prices[i] == null ? null : prices[i].subtract(BigDecimal.valueOf(3)), sumType);
        assertEvaluates(new ScanExpression.Arithmetic(ScanExpression.Operator.ADD, new ScanExpression.Literal(-25L, DecimalType.createDecimalType(3, 1)), price, sumType),
                page, positions, i -> prices[i] == null ? null : prices[i].add(new BigDecimal("-2.5")), sumType);
        // a literal whose rescaled value leaves a long: every row computed exactly
        DecimalType wideType = DecimalType.createDecimalType(38, 2);
        BigDecimal huge = BigDecimal.valueOf(Long.MAX_VALUE / 10);
        assertEvaluates(new ScanExpression.Arithmetic(ScanExpression.Operator.SUBTRACT, new ScanExpression.Literal(Int128.valueOf(Long.MAX_VALUE / 10), DecimalType.createDecimalType(19, 0)), price, wideType),
                page, positions, i -> prices[i] == null ? null : huge.subtract(prices[i]), wideType);
        // a result that leaves its precision is an error, not a wrapped value
        Page five = new Page(block(PRICE, new BigDecimal[] {new BigDecimal("5.00")}));
        assertOverflows(new ScanExpression.Arithmetic(ScanExpression.Operator.ADD, price, new ScanExpression.Literal(999_999_999_999_999L, DecimalType.createDecimalType(15, 0)), sumType), five, 0, "numeric field overflow");
    }

    @Test
    void testRoundingTiesGoAwayFromZero()
    {
        Page page = new Page(block(WIDE, new BigDecimal[] {new BigDecimal("0.005"), new BigDecimal("-0.005"), new BigDecimal("0.015"), new BigDecimal("-2.125"), new BigDecimal("2.124")}));
        DecimalType type = DecimalType.createDecimalType(10, 2);
        ScanExpressionEvaluator evaluator = new ScanExpressionEvaluator(new ScanExpression.Cast(new ScanExpression.Column(0, WIDE), type));
        String[] expected = {"0.01", "-0.01", "0.02", "-2.13", "2.12"};
        // through the block (computed in longs) and row by row (exactly)
        Block block = evaluator.evaluate(page, new int[] {0, 1, 2, 3, 4}, 5);
        for (int position = 0; position < expected.length; position++) {
            assertThat(read(type, block, position)).isEqualTo(new BigDecimal(expected[position]));
            assertThat(evaluator.evaluate(page, position)).isEqualTo(new BigDecimal(expected[position]));
        }
        // a product cut from 4 places to 1, on a short decimal: 0.0500 and -0.0500 are ties
        DecimalType cents = DecimalType.createDecimalType(6, 2);
        Page prices = new Page(block(cents, new BigDecimal[] {new BigDecimal("0.25"), new BigDecimal("-0.25"), new BigDecimal("0.35")}));
        DecimalType product = DecimalType.createDecimalType(12, 1);
        Block products = new ScanExpressionEvaluator(new ScanExpression.Arithmetic(ScanExpression.Operator.MULTIPLY, new ScanExpression.Column(0, cents), new ScanExpression.Literal(20L, DecimalType.createDecimalType(3, 2)), product))
                .evaluate(prices, new int[] {0, 1, 2}, 3);
        assertThat(read(product, products, 0)).isEqualTo(new BigDecimal("0.1"));
        assertThat(read(product, products, 1)).isEqualTo(new BigDecimal("-0.1"));
        assertThat(read(product, products, 2)).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void testOverflowIsAnError()
    {
        BlockBuilder longs = BIGINT.createBlockBuilder(null, 2);
        BIGINT.writeLong(longs, 5_000_000_000_000_000_000L);
        BIGINT.writeLong(longs, 3);
        BlockBuilder ints = INTEGER.createBlockBuilder(null, 2);
        INTEGER.writeLong(ints, Integer.MAX_VALUE);
        INTEGER.writeLong(ints, 3);
        Page page = new Page(longs.build(), ints.build(), block(WIDE, new BigDecimal[] {new BigDecimal("123456789012345678901234567.123"), BigDecimal.ONE}));

        ScanExpression doubled = new ScanExpression.Arithmetic(ScanExpression.Operator.ADD, new ScanExpression.Column(0, BIGINT), new ScanExpression.Column(0, BIGINT), BIGINT);
        assertOverflows(doubled, page, 0, "bigint out of range");
        assertThat(new ScanExpressionEvaluator(doubled).evaluate(page, 1)).isEqualTo(BigDecimal.valueOf(6));
        ScanExpression intPlusOne = new ScanExpression.Arithmetic(ScanExpression.Operator.ADD, new ScanExpression.Column(1, INTEGER), new ScanExpression.Literal(1L, INTEGER), INTEGER);
        assertOverflows(intPlusOne, page, 0, "integer out of range");
        ScanExpression squared = new ScanExpression.Arithmetic(ScanExpression.Operator.MULTIPLY, new ScanExpression.Column(2, WIDE), new ScanExpression.Column(2, WIDE), DecimalType.createDecimalType(38, 6));
        assertOverflows(squared, page, 0, "numeric field overflow");
        assertThat(new ScanExpressionEvaluator(squared).evaluate(page, 1)).isEqualTo(new BigDecimal("1.000000"));
        ScanExpression narrowed = new ScanExpression.Cast(new ScanExpression.Column(0, BIGINT), DecimalType.createDecimalType(18, 0));
        assertOverflows(narrowed, page, 0, "numeric field overflow");
    }

    private interface Expected
    {
        BigDecimal exact(int row);
    }

    private static void assertEvaluates(ScanExpression expression, Page page, int[] positions, Expected expected, DecimalType type)
    {
        Block block = new ScanExpressionEvaluator(expression).evaluate(page, positions, positions.length);
        assertThat(block.getPositionCount()).isEqualTo(page.getPositionCount());
        for (int position : positions) {
            BigDecimal exact = expected.exact(position);
            if (exact == null) {
                assertThat(block.isNull(position)).as("row %s", position).isTrue();
                continue;
            }
            BigDecimal value = exact.setScale(type.getScale(), RoundingMode.HALF_UP);
            assertThat(value.precision() - value.scale()).as("row %s fits", position).isLessThanOrEqualTo(type.getPrecision() - type.getScale());
            assertThat(read(type, block, position)).as("row %s", position).isEqualTo(value);
        }
    }

    private static void assertOverflows(ScanExpression expression, Page page, int position, String message)
    {
        assertThatThrownBy(() -> new ScanExpressionEvaluator(expression).evaluate(page, new int[] {position}, 1))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(SpectrumErrorCode.LAKE_NUMERIC_OVERFLOW.toErrorCode()))
                .hasMessageContaining(message);
    }

    private static Block block(DecimalType type, BigDecimal[] values)
    {
        BlockBuilder builder = type.createBlockBuilder(null, values.length);
        for (BigDecimal value : values) {
            if (value == null) {
                builder.appendNull();
            }
            else if (type.isShort()) {
                type.writeLong(builder, value.setScale(type.getScale(), RoundingMode.UNNECESSARY).unscaledValue().longValueExact());
            }
            else {
                type.writeObject(builder, Int128.valueOf(value.setScale(type.getScale(), RoundingMode.UNNECESSARY).unscaledValue()));
            }
        }
        return builder.build();
    }

    private static BigDecimal read(Type type, Block block, int position)
    {
        DecimalType decimal = (DecimalType) type;
        BigInteger unscaled = decimal.isShort() ? BigInteger.valueOf(decimal.getLong(block, position)) : ((Int128) decimal.getObject(block, position)).toBigInteger();
        return new BigDecimal(unscaled, decimal.getScale());
    }
}

package io.basin.sql.planner.physical;

import io.basin.metadata.ColumnEstimate;
import io.basin.metadata.QualifiedTableName;
import io.basin.metadata.TableColumn;
import io.basin.plan.FilterNode;
import io.basin.plan.TableScanNode;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Filters over a scan are estimated from the table's column statistics where they answer the
 * predicate (the expected counts follow from the statistics by hand), and by the fixed guesses
 * otherwise.
 */
class TestCardinalityEstimator
{
    private static final InputReference A = new InputReference(0, BIGINT);
    private static final InputReference B = new InputReference(1, BIGINT);

    private static TableScanNode scan(Map<String, Double> distinct, Map<String, ColumnEstimate> estimates)
    {
        ColumnHandle handle = new ColumnHandle() {};
        return new TableScanNode(new QualifiedTableName("dev", "public", "t"), new ConnectorTableHandle() {},
                List.of(new TableColumn("a", BIGINT, handle), new TableColumn("b", BIGINT, handle)),
                OptionalDouble.of(1000), Optional.empty(), distinct, estimates);
    }

    private static double rows(TableScanNode scan, Expression predicate)
    {
        return CardinalityEstimator.estimateRows(new FilterNode(scan, predicate));
    }

    private static Expression call(String function, Expression left, Expression right)
    {
        return new Call(function, BOOLEAN, left, right);
    }

    @Test
    void testColumnStatisticsAnswerComparisons()
    {
        // a: 50 distinct values, 20% NULL, between 0 and 100
        TableScanNode scan = scan(Map.of("a", 50.0), Map.of("a", new ColumnEstimate(OptionalDouble.of(0.2), OptionalDouble.of(0), OptionalDouble.of(100))));
        Constant five = new Constant(5L, BIGINT);
        Constant quarter = new Constant(25L, BIGINT);
        assertThat(rows(scan, call(FunctionNames.EQUAL, A, five))).isCloseTo(1000 * 0.8 / 50, within(1e-9));
        assertThat(rows(scan, call(FunctionNames.EQUAL, five, A))).isCloseTo(1000 * 0.8 / 50, within(1e-9));
        assertThat(rows(scan, new SpecialForm(SpecialForm.Form.IS_NULL, BOOLEAN, A))).isCloseTo(200, within(1e-9));
        assertThat(rows(scan, call(FunctionNames.LESS_THAN, A, quarter))).isCloseTo(1000 * 0.8 * 0.25, within(1e-9));
        assertThat(rows(scan, call(FunctionNames.GREATER_THAN, quarter, A))).isCloseTo(1000 * 0.8 * 0.25, within(1e-9));
        assertThat(rows(scan, call(FunctionNames.GREATER_THAN_OR_EQUAL, A, quarter))).isCloseTo(1000 * 0.8 * 0.75, within(1e-9));
        // beyond the range: nothing, or every non-null row
        assertThat(rows(scan, call(FunctionNames.LESS_THAN, A, new Constant(-5L, BIGINT)))).isZero();
        assertThat(rows(scan, call(FunctionNames.LESS_THAN, A, new Constant(500L, BIGINT)))).isCloseTo(800, within(1e-9));
        // AND multiplies the parts
        assertThat(rows(scan, new SpecialForm(SpecialForm.Form.AND, BOOLEAN, call(FunctionNames.EQUAL, A, five), call(FunctionNames.LESS_THAN, A, quarter))))
                .isCloseTo(1000 * (0.8 / 50) * (0.8 * 0.25), within(1e-9));
    }

    @Test
    void testWithoutStatisticsTheFixedGuessesStay()
    {
        TableScanNode scan = scan(Map.of("a", 50.0), Map.of());
        Constant five = new Constant(5L, BIGINT);
        // column b has no statistics; a has no range or null fraction
        assertThat(rows(scan, call(FunctionNames.EQUAL, B, five))).isCloseTo(1000 * CardinalityEstimator.selectivity(call(FunctionNames.EQUAL, B, five)), within(1e-9));
        assertThat(rows(scan, call(FunctionNames.LESS_THAN, A, five))).isCloseTo(1000 * CardinalityEstimator.selectivity(call(FunctionNames.LESS_THAN, A, five)), within(1e-9));
        assertThat(rows(scan, call(FunctionNames.EQUAL, A, five))).isCloseTo(1000 / 50.0, within(1e-9));
        assertThat(rows(scan, call(FunctionNames.EQUAL, A, B))).isCloseTo(1000 * CardinalityEstimator.selectivity(call(FunctionNames.EQUAL, A, B)), within(1e-9));
    }

    @Test
    void testLikeIsMoreSelectiveWithMoreLiteralCharacters()
    {
        InputReference name = new InputReference(0, io.trino.spi.type.VarcharType.VARCHAR);
        double anything = CardinalityEstimator.selectivity(like(name, "%"));
        double oneLetter = CardinalityEstimator.selectivity(like(name, "%a%"));
        double green = CardinalityEstimator.selectivity(like(name, "%green%"));
        double longer = CardinalityEstimator.selectivity(like(name, "%special%requests%"));
        // 0.25 * 0.8^(literals - 1), at least 0.02
        assertThat(anything).isEqualTo(0.25);
        assertThat(oneLetter).isEqualTo(0.25);
        assertThat(green).isCloseTo(0.25 * Math.pow(0.8, 4), within(1e-12));
        assertThat(longer).isEqualTo(0.02);
        assertThat(CardinalityEstimator.selectivity(new SpecialForm(SpecialForm.Form.NOT, BOOLEAN, like(name, "%special%requests%")))).isEqualTo(0.98);
    }

    private static Expression like(Expression value, String pattern)
    {
        return new Call(FunctionNames.LIKE, BOOLEAN, value, new Constant(io.airlift.slice.Slices.utf8Slice(pattern), io.trino.spi.type.VarcharType.VARCHAR));
    }
}

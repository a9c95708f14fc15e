package io.basin.sql.planner.physical;

import io.airlift.slice.Slices;
import io.basin.metadata.TableColumn;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static io.trino.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;

class TestScanConstraintExtractor
{
    private record Handle(String name)
            implements ColumnHandle {}

    private static final Handle KEY = new Handle("key");
    private static final Handle DAY = new Handle("day");
    private static final Handle NAME = new Handle("name");
    private static final List<TableColumn> COLUMNS = List.of(
            new TableColumn("key", BIGINT, KEY),
            new TableColumn("day", DATE, DAY),
            new TableColumn("name", createVarcharType(25), NAME));

    private final ScanConstraintExtractor extractor = new ScanConstraintExtractor(COLUMNS, expression -> {
        // stands in for the engine's constant folding: day + 10
        Call call = (Call) expression;
        return (Long) ((Constant) call.arguments().get(0)).value() + (Long) ((Constant) call.arguments().get(1)).value();
    });

    @Test
    void testComparisonsBecomeRangesAndIntersect()
    {
        Expression filter = and(
                call(FunctionNames.GREATER_THAN_OR_EQUAL, column(0), new Constant(10L, BIGINT)),
                call(FunctionNames.LESS_THAN, new Constant(20L, BIGINT), column(0)), // 20 < key
                call(FunctionNames.LESS_THAN, column(0), new Constant(30L, BIGINT)));
        assertThat(extractor.extract(filter)).isEqualTo(TupleDomain.withColumnDomains(Map.<ColumnHandle, Domain>of(
                KEY, Domain.create(ValueSet.ofRanges(Range.range(BIGINT, 20L, false, 30L, false)), false))));
    }

    @Test
    void testFoldedConstantsInAndIsNull()
    {
        Expression filter = and(
                call(FunctionNames.EQUAL, column(1), new Call("add", DATE, new Constant(100L, DATE), new Constant(10L, DATE))),
                new SpecialForm(SpecialForm.Form.IN, List.of(column(2), new Constant(Slices.utf8Slice("a"), VARCHAR), new Constant(Slices.utf8Slice("b"), VARCHAR)), BOOLEAN),
                new SpecialForm(SpecialForm.Form.IS_NULL, List.of(column(0)), BOOLEAN));
        assertThat(extractor.extract(filter)).isEqualTo(TupleDomain.withColumnDomains(Map.<ColumnHandle, Domain>of(
                DAY, Domain.singleValue(DATE, 110L),
                NAME, Domain.multipleValues(createVarcharType(25), List.of(Slices.utf8Slice("a"), Slices.utf8Slice("b"))),
                KEY, Domain.onlyNull(BIGINT))));
    }

    @Test
    void testWhatCannotBePushedIsLeftOut()
    {
        // OR, column-to-column comparisons, NULL constants and failing constant folding prune nothing
        Expression filter = and(
                new SpecialForm(SpecialForm.Form.OR, List.of(call(FunctionNames.EQUAL, column(0), new Constant(1L, BIGINT)), call(FunctionNames.EQUAL, column(0), new Constant(2L, BIGINT))), BOOLEAN),
                call(FunctionNames.EQUAL, column(0), column(0)),
                call(FunctionNames.EQUAL, column(0), new Constant(null, BIGINT)),
                call(FunctionNames.NOT_EQUAL, column(0), new Constant(5L, BIGINT)));
        assertThat(extractor.extract(filter)).isEqualTo(TupleDomain.all());
        ScanConstraintExtractor failing = new ScanConstraintExtractor(COLUMNS, _ -> {
            throw new ArithmeticException("division by zero");
        });
        assertThat(failing.extract(call(FunctionNames.EQUAL, column(0), new Call("divide", BIGINT, new Constant(1L, BIGINT), new Constant(0L, BIGINT))))).isEqualTo(TupleDomain.all());
    }

    private static InputReference column(int channel)
    {
        return new InputReference(channel, COLUMNS.get(channel).type());
    }

    private static Call call(String name, Expression left, Expression right)
    {
        return new Call(name, BOOLEAN, left, right);
    }

    private static SpecialForm and(Expression... arguments)
    {
        return new SpecialForm(SpecialForm.Form.AND, List.of(arguments), BOOLEAN);
    }
}

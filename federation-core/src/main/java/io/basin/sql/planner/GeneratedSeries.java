package io.basin.sql.planner;

import io.basin.error.BasinException;
import io.basin.plan.ValuesNode;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.sql.analyzer.TypeConverter;
import io.trino.spi.type.Type;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.List;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;

/**
 * {@code generate_series(start, stop [, step])} in FROM, over integers known at planning time
 * (constants, or expressions of constants such as {@code array_upper(current_schemas(false), 1)}):
 * planned as literal rows.
 */
final class GeneratedSeries
{
    /** Bounds the rows planned as literals. */
    private static final long MAX_ROWS = 1_000_000;

    private GeneratedSeries() {}

    static ValuesNode plan(TableFunctionScan scan, RexTranslator translator)
    {
        if (!(scan.getCall() instanceof RexCall call) || !call.getOperator().getName().equalsIgnoreCase("GENERATE_SERIES") || !scan.getInputs().isEmpty()) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "Table function " + scan.getCall() + " is not supported");
        }
        Type type = TypeConverter.toTrinoType(scan.getRowType().getFieldList().getFirst().getType());
        List<Long> arguments = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            Expression argument = translator.translate(operand);
            if (!(argument instanceof Constant constant)) {
                throw new BasinException(FEATURE_NOT_SUPPORTED, "generate_series is supported only with arguments known when the statement is planned");
            }
            if (constant.isNull()) {
                return new ValuesNode(List.of(type), List.of());
            }
            arguments.add(((Number) constant.value()).longValue());
        }
        long start = arguments.get(0);
        long stop = arguments.get(1);
        long step = arguments.size() > 2 ? arguments.get(2) : 1;
        if (step == 0) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
        List<List<Expression>> rows = new ArrayList<>();
        for (long value = start; step > 0 ? value <= stop : value >= stop; value += step) {
            if (rows.size() >= MAX_ROWS) {
                throw new BasinException(FEATURE_NOT_SUPPORTED, "generate_series is limited to " + MAX_ROWS + " rows");
            }
            rows.add(List.of(new Constant(value, type)));
        }
        return new ValuesNode(List.of(type), rows);
    }
}

package io.basin.engine;

import io.basin.plan.FilterNode;
import io.basin.plan.PlanNode;
import io.basin.plan.WindowNode;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;

import java.util.List;

/**
 * The rows of an {@code UPDATE ... FROM} with at most one row per target row: when the FROM list
 * matches a target row several times, PostgreSQL (and Redshift) update it once with one of the
 * matches, unspecified which, so the engine keeps the first match of each row id (a
 * {@code row_number()} over the row id, filtered to 1). The numbering column stays at the end,
 * after the rows' own columns, for the caller's projection to drop.
 */
final class OneMatchPerRow
{
    private OneMatchPerRow() {}

    static PlanNode keepFirst(PlanNode rows, int rowIdChannel)
    {
        WindowNode.Frame wholePartition = new WindowNode.Frame(
                WindowNode.FrameType.ROWS,
                new WindowNode.FrameBound(WindowNode.BoundType.UNBOUNDED_PRECEDING, 0),
                new WindowNode.FrameBound(WindowNode.BoundType.CURRENT_ROW, 0));
        WindowNode numbered = new WindowNode(rows, List.of(rowIdChannel), List.of(),
                List.of(new WindowNode.WindowFunction("row_number", List.of(), List.of(), BigintType.BIGINT, wholePartition)));
        int number = rows.outputTypes().size();
        return new FilterNode(numbered, new Call(FunctionNames.EQUAL, BooleanType.BOOLEAN,
                new InputReference(number, BigintType.BIGINT), new Constant(1L, BigintType.BIGINT)));
    }
}

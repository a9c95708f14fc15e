package io.basin.sql.planner.physical;

import io.basin.execution.expression.PageProcessorFactory;
import io.basin.execution.operator.Source;
import io.basin.execution.operator.join.JoinFilter;
import io.basin.plan.TableScanNode;
import io.basin.plan.TableWriterNode;
import io.basin.plan.expr.Expression;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What the physical planner needs from the engine: compiled expressions, scans and writers. */
public interface ExecutionServices
{
    PageProcessorFactory compile(Optional<Expression> filter, List<Expression> projections, List<Type> inputTypes);

    Supplier<JoinFilter> compileJoinFilter(Expression filter, List<Type> inputTypes);

    Source tableScan(TableScanNode node);

    /**
     * A scan told which values the rows it returns must have ({@link ScanConstraint}), so the
     * connector may skip data that cannot match; the caller still filters every row.
     */
    default Source tableScan(TableScanNode node, io.trino.spi.predicate.TupleDomain<io.trino.spi.connector.ColumnHandle> constraint)
    {
        return tableScan(node);
    }

    /** Evaluates an expression without inputs (a VALUES entry such as a cast literal) to its stack value. */
    Object evaluateConstant(Expression expression);

    /** A sink writing into the target table; after the pipeline it is a source of one row: the row count. */
    io.basin.execution.operator.TableWriterSink tableWriter(TableWriterNode node);
}

package io.basin.sql.planner.physical;

import io.trino.spi.connector.DynamicFilter;
import io.basin.execution.driver.Pipeline;
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

    /**
     * A scan whose rows go through {@code filter} next, if present: the connector may use the filter
     * to skip data (the caller still applies all of it). {@code dynamicFilter} holds the keys of the
     * joins above whose builds have finished when the scan runs, which the connector may use alike.
     */
    Source tableScan(TableScanNode node, Optional<Expression> filter, DynamicFilter dynamicFilter);

    /**
     * A scan (with the filter above it, if any, offered as in {@link #tableScan(TableScanNode, Optional, DynamicFilter)})
     * whose partitions each hold rows of one bucket of {@code coLocation}'s partitioning, and say
     * which ({@link io.basin.execution.operator.PageSupplier#bucket()}): an input of a co-located join.
     */
    Source bucketedTableScan(TableScanNode node, Optional<Expression> filter, io.basin.plan.JoinNode.CoLocation coLocation);

    /** Evaluates an expression without inputs (a VALUES entry such as a cast literal) to its stack value. */
    Object evaluateConstant(Expression expression);

    /** Runs pipelines to completion in the query's context (a recursive union runs each round's this way). */
    void run(List<Pipeline> pipelines);

    /** A sink writing into the target table; after the pipeline it is a source of one row: the row count. */
    io.basin.execution.operator.TableWriterSink tableWriter(TableWriterNode node);
}

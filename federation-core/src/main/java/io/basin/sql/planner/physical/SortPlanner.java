package io.basin.sql.planner.physical;

import io.basin.execution.operator.OperatorFactory;
import io.basin.execution.operator.Sink;
import io.basin.execution.operator.Source;
import io.basin.plan.LimitNode;
import io.basin.plan.SortNode;
import io.basin.plan.WindowNode;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Plans the order-dependent operators: ORDER BY, top-N, LIMIT and window functions. */
public interface SortPlanner
{
    /** A stage that consumes a whole input (sink) and then produces rows (source), plus an optional streaming operator after it. */
    record SortStage(Sink sink, Source source, Optional<OperatorFactory> operator)
    {
        public SortStage
        {
            requireNonNull(sink, "sink is null");
            requireNonNull(source, "source is null");
            requireNonNull(operator, "operator is null");
        }
    }

    SortStage sort(List<Type> types, SortNode node);

    OperatorFactory limit(LimitNode node);

    SortStage window(List<Type> types, WindowNode node);
}

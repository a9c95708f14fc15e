package io.basin.plan;

import io.trino.spi.type.Type;

import java.util.List;

/**
 * Basin's own logical plan, translated once from Calcite's rel tree. Nodes are immutable records;
 * channels are positions in the source's output. Nothing here imports Calcite.
 */
public sealed interface PlanNode
        permits TableScanNode, ValuesNode, FilterNode, ProjectNode, AggregationNode, JoinNode, SortNode, LimitNode,
        WindowNode, SetOperationNode, TableWriterNode, RecursiveUnionNode, WorkTableScanNode, SharedNode
{
    List<PlanNode> sources();

    List<Type> outputTypes();
}

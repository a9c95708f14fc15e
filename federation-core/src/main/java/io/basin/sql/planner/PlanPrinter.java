package io.basin.sql.planner;

import io.basin.metadata.TableColumn;
import io.basin.plan.AggregationNode;
import io.basin.plan.FilterNode;
import io.basin.plan.JoinNode;
import io.basin.plan.LimitNode;
import io.basin.plan.PlanNode;
import io.basin.plan.ProjectNode;
import io.basin.plan.RecursiveUnionNode;
import io.basin.plan.SetOperationNode;
import io.basin.plan.SharedNode;
import io.basin.plan.SortNode;
import io.basin.plan.TableScanNode;
import io.basin.plan.TableWriterNode;
import io.basin.plan.ValuesNode;
import io.basin.plan.WindowNode;
import io.basin.plan.WorkTableScanNode;
import io.trino.spi.type.Type;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders a plan as the indented tree EXPLAIN shows. */
public final class PlanPrinter
{
    private PlanPrinter() {}

    public static String print(PlanNode root, List<String> outputNames)
    {
        StringBuilder builder = new StringBuilder();
        builder.append("Output[").append(String.join(", ", outputNames)).append("]\n");
        print(root, 1, builder, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return builder.toString();
    }

    private static void print(PlanNode node, int depth, StringBuilder builder, Set<SharedNode> printed)
    {
        builder.append("    ".repeat(depth - 1)).append("└─ ").append(describe(node));
        if (node instanceof SharedNode shared && !printed.add(shared)) {
            builder.append(" (shown above)\n");
            return;
        }
        builder.append("  => ").append(types(node.outputTypes())).append('\n');
        for (PlanNode source : node.sources()) {
            print(source, depth + 1, builder, printed);
        }
    }

    static String types(List<Type> types)
    {
        return types.stream().map(Type::getDisplayName).collect(Collectors.joining(", ", "[", "]"));
    }

    /** One node's line, without its sources; EXPLAIN ANALYZE prints the same lines. */
    static String describe(PlanNode node)
    {
        return switch (node) {
            case TableScanNode scan when scan.remoteSql().isPresent() -> "RemoteQuery[" + scan.table().catalog() + ", sql=" + scan.remoteSql().get() + "]";
            case TableScanNode scan -> "TableScan[" + scan.table() + ", columns=" + scan.columns().stream().map(TableColumn::name).toList()
                    + (scan.rowCount().isPresent() ? ", rows≈" + (long) scan.rowCount().getAsDouble() : "")
                    + scan.pushdown().map(pushdown -> ", pushed=" + pushdown).orElse("") + "]";
            case ValuesNode values -> "Values[" + values.rows().size() + " rows]";
            case FilterNode filter -> "Filter[" + filter.predicate() + "]";
            case ProjectNode project -> "Project" + project.projections();
            case AggregationNode aggregation -> "Aggregate[keys=" + aggregation.groupKeys()
                    + (aggregation.groupingSets().size() > 1 ? ", groupingSets=" + aggregation.groupingSets() : "")
                    + ", " + aggregation.aggregates().stream()
                    .map(aggregate -> aggregate.function().name().toLowerCase() + aggregate.arguments() + aggregate.filter().stream().mapToObj(filter -> " filter $" + filter).collect(Collectors.joining()))
                    .collect(Collectors.joining(", ")) + "]";
            case JoinNode join -> "Join[" + join.joinType() + (join.leftKeys().isEmpty() ? ", cross" : ", left" + join.leftKeys() + " = right" + join.rightKeys())
                    + join.filter().map(filter -> ", filter=" + filter).orElse("")
                    + join.coLocated().map(location -> ", co-located by slice: " + location.bucketCount() + " buckets of " + location.partitioning()).orElse("") + "]";
            case SortNode sort -> (sort.limit().isPresent() ? "TopN[limit=" + sort.limit().getAsLong() + ", " : "Sort[") + sort.orderings()
                    + (sort.offset() > 0 ? ", offset=" + sort.offset() : "") + "]";
            case LimitNode limit -> "Limit[" + (limit.limit().isPresent() ? limit.limit().getAsLong() : "ALL") + (limit.offset() > 0 ? ", offset=" + limit.offset() : "") + "]";
            case WindowNode window -> "Window[partition=" + window.partitionChannels() + ", order=" + window.orderings() + ", "
                    + window.functions().stream().map(function -> function.name() + function.arguments()).collect(Collectors.joining(", ")) + "]";
            case SetOperationNode setOperation -> setOperation.kind() + (setOperation.all() ? " ALL" : "");
            case TableWriterNode writer -> "TableWriter[" + writer.target() + ", " + writer.writeTarget().describe() + "]";
            case RecursiveUnionNode recursive -> "RecursiveUnion" + (recursive.all() ? " ALL" : "") + "[" + recursive.workTable() + "]";
            case WorkTableScanNode scan -> "WorkTable[" + scan.workTable() + "]";
            case SharedNode shared -> "Shared[#" + shared.id() + ", computed once for every place that reads it]";
        };
    }
}

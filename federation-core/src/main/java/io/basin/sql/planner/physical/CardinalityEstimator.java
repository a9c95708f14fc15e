package io.basin.sql.planner.physical;

import io.basin.plan.AggregationNode;
import io.basin.plan.FilterNode;
import io.basin.plan.JoinNode;
import io.basin.plan.LimitNode;
import io.basin.plan.PlanNode;
import io.basin.plan.ProjectNode;
import io.basin.plan.RecursiveUnionNode;
import io.basin.plan.SetOperationNode;
import io.basin.plan.SortNode;
import io.basin.plan.TableScanNode;
import io.basin.plan.TableWriterNode;
import io.basin.plan.ValuesNode;
import io.basin.plan.WindowNode;
import io.basin.plan.WorkTableScanNode;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.SpecialForm;

/**
 * Rough row counts of plan nodes, from the tables' row counts and fixed selectivities per kind of
 * predicate (no column statistics yet), used to build the smaller side of a join. A join is
 * estimated as its larger input thinned by the other input's filters: a foreign-key join keeps a
 * referencing row only when the referenced row passed its filters.
 */
final class CardinalityEstimator
{
    private static final double UNKNOWN_TABLE_ROWS = 1_000_000;

    private CardinalityEstimator() {}

    static double estimateRows(PlanNode node)
    {
        return switch (node) {
            case TableScanNode scan -> scan.rowCount().orElse(UNKNOWN_TABLE_ROWS);
            case ValuesNode values -> values.rows().size();
            case FilterNode filter -> estimateRows(filter.source()) * selectivity(filter.predicate());
            case ProjectNode project -> estimateRows(project.source());
            case AggregationNode aggregation -> aggregation.isGlobal() ? 1 : estimateRows(aggregation.source()) * 0.2;
            case JoinNode join -> switch (join.joinType()) {
                case SEMI, ANTI -> estimateRows(join.left()) * 0.5;
                case LEFT -> estimateRows(join.left());
                case RIGHT -> estimateRows(join.right());
                default -> join.leftKeys().isEmpty()
                        ? estimateRows(join.left()) * estimateRows(join.right())
                        : equiJoinRows(join.left(), join.right());
            };
            case SortNode sort -> sort.limit().isPresent() ? Math.min(sort.limit().getAsLong(), estimateRows(sort.source())) : estimateRows(sort.source());
            case LimitNode limit -> limit.limit().isPresent() ? Math.min(limit.limit().getAsLong(), estimateRows(limit.source())) : estimateRows(limit.source());
            case WindowNode window -> estimateRows(window.source());
            case SetOperationNode setOperation -> setOperation.inputs().stream().mapToDouble(CardinalityEstimator::estimateRows).sum();
            case TableWriterNode ignored -> 1;
            // a guess: recursions over hierarchies are usually small
            case RecursiveUnionNode recursive -> estimateRows(recursive.seed()) * 10;
            case WorkTableScanNode ignored -> 100;
        };
    }

    private static double equiJoinRows(PlanNode left, PlanNode right)
    {
        double leftRows = estimateRows(left);
        double rightRows = estimateRows(right);
        return Math.max(leftRows * filtered(right, rightRows), rightRows * filtered(left, leftRows));
    }

    /** The fraction of its tables' rows that a subtree keeps. */
    private static double filtered(PlanNode node, double rows)
    {
        double base = baseRows(node);
        return base <= 0 ? 1 : Math.min(1, rows / base);
    }

    /** The rows of the largest table under a subtree, before any filter (for a pushed-down statement, of the tables it reads). */
    private static double baseRows(PlanNode node)
    {
        return switch (node) {
            case TableScanNode scan -> scan.inputRowCount().orElse(scan.rowCount().orElse(UNKNOWN_TABLE_ROWS));
            case ValuesNode values -> values.rows().size();
            default -> node.sources().stream().mapToDouble(CardinalityEstimator::baseRows).max().orElse(1);
        };
    }

    static double selectivity(Expression predicate)
    {
        return switch (predicate) {
            case SpecialForm form when form.form() == SpecialForm.Form.AND ->
                    form.arguments().stream().mapToDouble(CardinalityEstimator::selectivity).reduce(1, (a, b) -> a * b);
            case SpecialForm form when form.form() == SpecialForm.Form.OR ->
                    Math.min(1, form.arguments().stream().mapToDouble(CardinalityEstimator::selectivity).sum());
            case SpecialForm form when form.form() == SpecialForm.Form.NOT -> 1 - selectivity(form.arguments().getFirst());
            case SpecialForm form when form.form() == SpecialForm.Form.IS_NULL -> 0.1;
            case SpecialForm form when form.form() == SpecialForm.Form.IN -> Math.min(0.5, 0.1 * (form.arguments().size() - 1));
            case Call call -> switch (call.name()) {
                case FunctionNames.EQUAL -> 0.1;
                case FunctionNames.NOT_EQUAL -> 0.9;
                case FunctionNames.LESS_THAN, FunctionNames.LESS_THAN_OR_EQUAL, FunctionNames.GREATER_THAN, FunctionNames.GREATER_THAN_OR_EQUAL -> 0.5;
                case FunctionNames.LIKE, FunctionNames.ILIKE -> 0.25;
                default -> 0.5;
            };
            default -> 0.5;
        };
    }
}

package io.basin.sql.planner;

import io.basin.error.BasinException;
import io.basin.metadata.ResolvedTable;
import io.basin.metadata.TableColumn;
import io.basin.metadata.pgcatalog.CatalogColumn;
import io.basin.metadata.pgcatalog.CatalogValues;
import io.basin.plan.AggregationNode;
import io.basin.plan.FilterNode;
import io.basin.plan.JoinNode;
import io.basin.plan.LimitNode;
import io.basin.plan.Ordering;
import io.basin.plan.PlanNode;
import io.basin.plan.ProjectNode;
import io.basin.plan.RecursiveUnionNode;
import io.basin.plan.SetOperationNode;
import io.basin.plan.SortNode;
import io.basin.plan.TableScanNode;
import io.basin.plan.ValuesNode;
import io.basin.plan.WindowNode;
import io.basin.plan.WorkTableScanNode;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.InputReference;
import io.basin.sql.analyzer.CatalogTable;
import io.basin.sql.analyzer.ConnectorTable;
import io.basin.sql.analyzer.TypeConverter;
import io.trino.spi.type.Type;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.TableSpool;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.schema.TransientTable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static java.util.Objects.requireNonNull;

/**
 * The one place where Calcite's optimized rel tree becomes Basin's {@link PlanNode} tree. Table
 * scans read only the columns their parent projection uses.
 */
public final class RelToPlanTranslator
{
    /**
     * The table a scan reads in this statement: the one the rel tree was planned with or, for a
     * reused plan, the same table resolved again in this statement's catalog transactions.
     */
    @FunctionalInterface
    public interface TableBinder
    {
        TableBinder AS_PLANNED = planned -> planned;

        ResolvedTable bind(ResolvedTable planned);
    }

    private final RexBuilder rexBuilder;
    private final RexTranslator rexTranslator;
    private final TableBinder tables;

    public RelToPlanTranslator(RexBuilder rexBuilder, ConstantFolder constantFolder)
    {
        this(rexBuilder, constantFolder, CatalogFunctions.NONE, TableBinder.AS_PLANNED);
    }

    RelToPlanTranslator(RexBuilder rexBuilder, ConstantFolder constantFolder, CatalogFunctions catalogFunctions, TableBinder tables)
    {
        this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder is null");
        this.rexTranslator = new RexTranslator(rexBuilder, constantFolder, catalogFunctions);
        this.tables = requireNonNull(tables, "tables is null");
    }

    public PlanNode translate(RelNode rel)
    {
        return switch (rel) {
            case TableScan scan -> scan(scan, null);
            case org.apache.calcite.rel.core.TableFunctionScan scan -> GeneratedSeries.plan(scan, rexTranslator);
            case Project project -> project(project);
            case Filter filter -> new FilterNode(translate(filter.getInput()), rexTranslator.translate(filter.getCondition()));
            case Join join -> join(join);
            case Aggregate aggregate -> aggregate(aggregate);
            case Sort sort -> sort(sort);
            case Window window -> window(window);
            case Values values -> values(values);
            // ARRAY(subquery) whose subquery pruning emptied (catalog tables with no rows): one
            // empty array, planned as its text
            case org.apache.calcite.rel.core.Collect collect when collect.getInput() instanceof Values input && input.getTuples().isEmpty() ->
                    new ValuesNode(List.of(io.trino.spi.type.VarcharType.VARCHAR), List.of(List.of(CatalogFunctions.text("{}"))));
            case SetOp setOp -> setOperation(setOp);
            case Correlate ignored -> throw new BasinException(FEATURE_NOT_SUPPORTED, "Cannot plan this correlated subquery: it could not be decorrelated");
            case RepeatUnion repeatUnion -> recursiveUnion(repeatUnion);
            // the spool that feeds the recursion's transient table: the recursive union keeps its own work table
            case TableSpool spool -> translate(spool.getInput());
            default -> throw new BasinException(FEATURE_NOT_SUPPORTED, "Cannot plan " + rel.getRelTypeName() + ": operation is not supported");
        };
    }

    /** Arrays are planned as their text (see ConstantArrays). */
    private static Type planType(org.apache.calcite.rel.type.RelDataType type)
    {
        return type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.ARRAY ? io.trino.spi.type.VarcharType.VARCHAR : TypeConverter.toTrinoType(type);
    }

    /** A catalog table's rows for this statement, as literal rows of the used columns. */
    private static ValuesNode catalogScan(CatalogTable table, BitSet usedColumns)
    {
        List<CatalogColumn> columns = table.definition().columns();
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (usedColumns == null || usedColumns.get(i)) {
                used.add(i);
            }
        }
        List<Type> types = used.stream().map(i -> columns.get(i).type().isArray() ? (Type) io.trino.spi.type.VarcharType.VARCHAR : columns.get(i).type().type()).toList();
        List<List<Expression>> rows = new ArrayList<>();
        for (Object[] row : table.rows()) {
            List<Expression> values = new ArrayList<>(used.size());
            for (int i = 0; i < used.size(); i++) {
                CatalogColumn column = columns.get(used.get(i));
                values.add(new io.basin.plan.expr.Constant(column.type().isArray() ? null : CatalogValues.stackValue(column.type(), row[used.get(i)]), types.get(i)));
            }
            rows.add(values);
        }
        return new ValuesNode(types, rows);
    }

    private PlanNode scan(TableScan scan, BitSet usedColumns)
    {
        if (scan.getTable().unwrap(TransientTable.class) != null) {
            WorkTableScanNode workTable = new WorkTableScanNode(workTableName(scan.getTable()), types(scan.getRowType()));
            if (usedColumns == null) {
                return workTable;
            }
            // the caller refers to the used columns only, renumbered
            List<Expression> used = new ArrayList<>();
            for (int i = usedColumns.nextSetBit(0); i >= 0; i = usedColumns.nextSetBit(i + 1)) {
                used.add(new InputReference(i, workTable.types().get(i)));
            }
            return new ProjectNode(workTable, used);
        }
        CatalogTable catalogTable = scan.getTable().unwrap(CatalogTable.class);
        if (catalogTable != null) {
            return catalogScan(catalogTable, usedColumns);
        }
        ResolvedTable table = tables.bind(requireNonNull(scan.getTable().unwrap(ConnectorTable.class), "not a connector table").table());
        List<TableColumn> columns = table.columns();
        if (usedColumns != null) {
            List<TableColumn> used = new ArrayList<>();
            for (int i = usedColumns.nextSetBit(0); i >= 0; i = usedColumns.nextSetBit(i + 1)) {
                used.add(columns.get(i));
            }
            columns = used;
        }
        return new TableScanNode(table.name(), table.handle(), columns, table.rowCount(), table.remoteSql(), table.inputRowCount(), Optional.empty(), table.distinctValues(), table.columnEstimates());
    }

    private PlanNode project(Project project)
    {
        // read only the referenced columns of a scan below the projection (and its filter)
        if (project.getInput() instanceof TableScan scan) {
            return prunedScan(scan, project.getProjects(), Optional.empty());
        }
        if (project.getInput() instanceof Filter filter && filter.getInput() instanceof TableScan scan) {
            return prunedScan(scan, project.getProjects(), Optional.of(filter.getCondition()));
        }
        PlanNode source = translate(project.getInput());
        List<Expression> projections = project.getProjects().stream().map(rexTranslator::translate).toList();
        if (isIdentity(projections, source.outputTypes().size())) {
            return source;
        }
        return new ProjectNode(source, projections);
    }

    /**
     * An aggregation right over a connector table's scan (Calcite merges the projection between
     * them away), as one over a projection of only the columns it uses: {@code count(*)} read
     * every column of the table. With no column used, the first stands in for the rows.
     */
    private static Optional<Aggregate> overUsedColumns(Aggregate aggregate)
    {
        if (!(aggregate.getInput() instanceof TableScan scan)) {
            return Optional.empty();
        }
        ConnectorTable connectorTable = scan.getTable().unwrap(ConnectorTable.class);
        int fieldCount = scan.getRowType().getFieldCount();
        if (connectorTable == null || connectorTable.table().remoteSql().isPresent() || fieldCount == 0) {
            return Optional.empty();
        }
        BitSet used = new BitSet();
        aggregate.getGroupSet().forEach(used::set);
        for (AggregateCall call : aggregate.getAggCallList()) {
            call.getArgList().forEach(used::set);
            if (call.filterArg >= 0) {
                used.set(call.filterArg);
            }
            call.getCollation().getFieldCollations().forEach(collation -> used.set(collation.getFieldIndex()));
        }
        if (used.isEmpty()) {
            used.set(0);
        }
        if (used.cardinality() == fieldCount) {
            return Optional.empty();
        }
        Map<Integer, Integer> positions = new HashMap<>();
        List<RexNode> references = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int field = used.nextSetBit(0); field >= 0; field = used.nextSetBit(field + 1)) {
            positions.put(field, references.size());
            references.add(RexInputRef.of(field, scan.getRowType()));
            names.add(scan.getRowType().getFieldNames().get(field));
        }
        org.apache.calcite.util.mapping.Mappings.TargetMapping mapping = org.apache.calcite.util.mapping.Mappings.target(positions, fieldCount, references.size());
        org.apache.calcite.rel.logical.LogicalProject project = org.apache.calcite.rel.logical.LogicalProject.create(scan, List.of(), references, names, java.util.Set.of());
        List<org.apache.calcite.util.ImmutableBitSet> groupSets = aggregate.getGroupSets().stream()
                .map(set -> set.permute(positions))
                .toList();
        List<AggregateCall> calls = aggregate.getAggCallList().stream()
                .map(call -> call.transform(mapping))
                .toList();
        return Optional.of(aggregate.copy(aggregate.getTraitSet(), project, aggregate.getGroupSet().permute(positions), groupSets, calls));
    }

    private PlanNode prunedScan(TableScan scan, List<RexNode> projects, Optional<RexNode> condition)
    {
        BitSet used = new BitSet();
        org.apache.calcite.rex.RexVisitorImpl<Void> collector = new org.apache.calcite.rex.RexVisitorImpl<>(true)
        {
            @Override
            public Void visitInputRef(RexInputRef inputRef)
            {
                used.set(inputRef.getIndex());
                return null;
            }
        };
        projects.forEach(expression -> expression.accept(collector));
        condition.ifPresent(expression -> expression.accept(collector));
        if (used.isEmpty() && !scan.getRowType().getFieldList().isEmpty()) {
            used.set(0);
        }
        ConnectorTable connectorTable = scan.getTable().unwrap(ConnectorTable.class);
        if (connectorTable != null && connectorTable.table().remoteSql().isPresent()) {
            // a pushed-down statement is read whole, so the source runs exactly what EXPLAIN shows
            used.set(0, scan.getRowType().getFieldCount());
        }
        PlanNode source = scan(scan, used);
        int[] mapping = new int[scan.getRowType().getFieldCount()];
        int next = 0;
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            mapping[i] = next++;
        }
        org.apache.calcite.rex.RexShuttle remap = new org.apache.calcite.rex.RexShuttle()
        {
            @Override
            public RexNode visitInputRef(RexInputRef inputRef)
            {
                return new RexInputRef(mapping[inputRef.getIndex()], inputRef.getType());
            }
        };
        PlanNode input = condition
                .<PlanNode>map(expression -> new FilterNode(source, rexTranslator.translate(expression.accept(remap))))
                .orElse(source);
        List<Expression> projections = projects.stream().map(expression -> rexTranslator.translate(expression.accept(remap))).toList();
        if (isIdentity(projections, input.outputTypes().size())) {
            return input;
        }
        return new ProjectNode(input, projections);
    }

    private static boolean isIdentity(List<Expression> projections, int inputWidth)
    {
        if (projections.size() != inputWidth) {
            return false;
        }
        for (int i = 0; i < projections.size(); i++) {
            if (!(projections.get(i) instanceof InputReference reference) || reference.field() != i) {
                return false;
            }
        }
        return true;
    }

    private PlanNode join(Join join)
    {
        PlanNode left = translate(join.getLeft());
        PlanNode right = translate(join.getRight());
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> nonEquiConditions = new ArrayList<>();
        // (a = b AND x) OR (a = b AND y) has the equi-join key a = b: factor it out first (TPC-H q19)
        RexNode condition = RexUtil.pullFactors(rexBuilder, join.getCondition());
        org.apache.calcite.plan.RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), condition, leftKeys, rightKeys, filterNulls, nonEquiConditions);
        RexNode remaining = RexUtil.composeConjunction(rexBuilder, nonEquiConditions);
        List<Boolean> nullEqual = filterNulls.stream().map(filter -> !filter).toList();
        Optional<Expression> filter = remaining.isAlwaysTrue() ? Optional.empty() : Optional.of(rexTranslator.translate(remaining));
        JoinNode.Type type = switch (join.getJoinType()) {
            case INNER -> JoinNode.Type.INNER;
            case LEFT -> JoinNode.Type.LEFT;
            case RIGHT -> JoinNode.Type.RIGHT;
            case FULL -> JoinNode.Type.FULL;
            case SEMI -> JoinNode.Type.SEMI;
            case ANTI -> JoinNode.Type.ANTI;
            default -> throw new BasinException(FEATURE_NOT_SUPPORTED, "Join type " + join.getJoinType() + " is not supported");
        };
        return new JoinNode(type, left, right, leftKeys, rightKeys, nullEqual, filter);
    }

    private PlanNode aggregate(Aggregate aggregate)
    {
        Optional<Aggregate> overUsedColumns = overUsedColumns(aggregate);
        if (overUsedColumns.isPresent()) {
            return aggregate(overUsedColumns.get());
        }
        PlanNode source = translate(aggregate.getInput());
        List<Integer> groupKeys = aggregate.getGroupSet().asList();
        List<List<Integer>> groupingSets = new ArrayList<>();
        for (ImmutableBitSet set : aggregate.getGroupSets()) {
            List<Integer> keyIndexes = new ArrayList<>();
            for (int channel : set) {
                keyIndexes.add(groupKeys.indexOf(channel));
            }
            groupingSets.add(keyIndexes);
        }
        List<AggregationNode.Aggregate> aggregates = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (call.isDistinct()) {
                throw new BasinException(FEATURE_NOT_SUPPORTED, "DISTINCT in " + call.getAggregation().getName() + " is not supported in this position");
            }
            Type type = TypeConverter.toTrinoType(call.getType());
            OptionalInt filter = call.filterArg >= 0 ? OptionalInt.of(call.filterArg) : OptionalInt.empty();
            AggregationNode.Function function = switch (call.getAggregation().getKind()) {
                case COUNT -> call.getArgList().isEmpty() ? AggregationNode.Function.COUNT_STAR : AggregationNode.Function.COUNT;
                case SUM -> AggregationNode.Function.SUM;
                case SUM0 -> AggregationNode.Function.SUM0;
                case AVG -> AggregationNode.Function.AVG;
                case MIN -> AggregationNode.Function.MIN;
                case MAX -> AggregationNode.Function.MAX;
                case SINGLE_VALUE -> AggregationNode.Function.SINGLE_VALUE;
                case ANY_VALUE -> AggregationNode.Function.ANY_VALUE;
                case GROUPING -> AggregationNode.Function.GROUPING;
                case LITERAL_AGG -> AggregationNode.Function.LITERAL;
                case STDDEV_SAMP -> AggregationNode.Function.STDDEV_SAMP;
                case STDDEV_POP -> AggregationNode.Function.STDDEV_POP;
                case VAR_SAMP -> AggregationNode.Function.VAR_SAMP;
                case VAR_POP -> AggregationNode.Function.VAR_POP;
                default -> switch (call.getAggregation().getName().toUpperCase(Locale.ROOT)) {
                    case "BOOL_AND", "EVERY" -> AggregationNode.Function.BOOL_AND;
                    case "BOOL_OR", "SOME" -> AggregationNode.Function.BOOL_OR;
                    case "STRING_AGG", "LISTAGG" -> AggregationNode.Function.STRING_AGG;
                    default -> throw new BasinException(io.basin.error.BasinErrorCode.UNDEFINED_FUNCTION,
                            "aggregate function " + call.getAggregation().getName().toLowerCase(Locale.ROOT) + " is not supported");
                };
            };
            List<Integer> arguments = call.getArgList();
            if (function == AggregationNode.Function.COUNT && arguments.size() > 1) {
                throw new BasinException(FEATURE_NOT_SUPPORTED, "count with several arguments is not supported");
            }
            if (function == AggregationNode.Function.GROUPING) {
                arguments = arguments.stream().map(groupKeys::indexOf).toList();
            }
            Optional<io.basin.plan.expr.Constant> literal = function == AggregationNode.Function.LITERAL
                    ? Optional.of(RexTranslator.constant((RexLiteral) call.rexList.getFirst()))
                    : Optional.empty();
            aggregates.add(new AggregationNode.Aggregate(function, arguments, filter, type, literal, orderings(call.getCollation())));
        }
        if (groupingSets.isEmpty()) {
            groupingSets.add(List.of());
        }
        return new AggregationNode(source, groupKeys, groupingSets, aggregates);
    }

    private PlanNode sort(Sort sort)
    {
        PlanNode source = translate(sort.getInput());
        OptionalLong limit = sort.fetch == null ? OptionalLong.empty() : OptionalLong.of(longLiteral(sort.fetch));
        long offset = sort.offset == null ? 0 : longLiteral(sort.offset);
        List<Ordering> orderings = orderings(sort.getCollation());
        if (orderings.isEmpty()) {
            if (limit.isEmpty() && offset == 0) {
                return source;
            }
            return new LimitNode(source, limit, offset);
        }
        return new SortNode(source, orderings, limit, offset);
    }

    private static List<Ordering> orderings(RelCollation collation)
    {
        List<Ordering> orderings = new ArrayList<>();
        for (RelFieldCollation field : collation.getFieldCollations()) {
            boolean ascending = !field.getDirection().isDescending();
            boolean nullsFirst = switch (field.nullDirection) {
                case FIRST -> true;
                case LAST -> false;
                // PostgreSQL: NULL sorts as the largest value
                case UNSPECIFIED -> !ascending;
            };
            orderings.add(new Ordering(field.getFieldIndex(), ascending, nullsFirst));
        }
        return orderings;
    }

    private static long longLiteral(RexNode node)
    {
        if (node instanceof RexLiteral literal) {
            Long value = literal.getValueAs(Long.class);
            if (value != null && value >= 0) {
                return value;
            }
        }
        throw new BasinException(FEATURE_NOT_SUPPORTED, "LIMIT and OFFSET must be non-negative constants");
    }

    private PlanNode window(Window window)
    {
        PlanNode current = translate(window.getInput());
        int inputWidth = window.getInput().getRowType().getFieldCount();
        for (Window.Group group : window.groups) {
            List<Integer> partition = group.keys.asList();
            List<Ordering> orderings = orderings(group.collation());
            WindowNode.Frame frame = new WindowNode.Frame(
                    group.isRows ? WindowNode.FrameType.ROWS : WindowNode.FrameType.RANGE,
                    bound(group.lowerBound, window, inputWidth),
                    bound(group.upperBound, window, inputWidth));
            List<WindowNode.WindowFunction> functions = new ArrayList<>();
            for (Window.RexWinAggCall call : group.aggCalls) {
                List<Integer> arguments = new ArrayList<>();
                List<Object> constants = new ArrayList<>();
                for (RexNode operand : call.getOperands()) {
                    int index = ((RexInputRef) operand).getIndex();
                    if (index >= inputWidth) {
                        RexLiteral literal = window.constants.get(index - inputWidth);
                        constants.add(RexTranslator.constant(literal).value());
                    }
                    else {
                        arguments.add(index);
                    }
                }
                String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
                if (call.getOperator().getKind() == SqlKind.SUM0) {
                    name = "sum";
                }
                if (call.distinct) {
                    throw new BasinException(FEATURE_NOT_SUPPORTED, "DISTINCT in window function " + name + " is not supported");
                }
                functions.add(new WindowNode.WindowFunction(name, arguments, constants, TypeConverter.toTrinoType(call.getType()), frame));
            }
            current = new WindowNode(current, partition, orderings, functions);
        }
        return current;
    }

    private static WindowNode.FrameBound bound(RexWindowBound bound, Window window, int inputWidth)
    {
        if (bound.isUnbounded()) {
            return new WindowNode.FrameBound(bound.isPreceding() ? WindowNode.BoundType.UNBOUNDED_PRECEDING : WindowNode.BoundType.UNBOUNDED_FOLLOWING, 0);
        }
        if (bound.isCurrentRow()) {
            return new WindowNode.FrameBound(WindowNode.BoundType.CURRENT_ROW, 0);
        }
        RexNode offsetNode = requireNonNull(bound.getOffset());
        if (offsetNode instanceof RexInputRef reference && reference.getIndex() >= inputWidth) {
            // Window keeps frame offsets among its constants
            offsetNode = window.constants.get(reference.getIndex() - inputWidth);
        }
        long offset = longLiteral(offsetNode);
        return new WindowNode.FrameBound(bound.isPreceding() ? WindowNode.BoundType.PRECEDING : WindowNode.BoundType.FOLLOWING, offset);
    }

    private PlanNode values(Values values)
    {
        List<Type> types = values.getRowType().getFieldList().stream().map(field -> planType(field.getType())).toList();
        List<List<Expression>> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            List<Expression> row = new ArrayList<>();
            for (int i = 0; i < tuple.size(); i++) {
                row.add(RexTranslator.castIfNeeded(RexTranslator.constant(tuple.get(i)), types.get(i)));
            }
            rows.add(row);
        }
        return new ValuesNode(types, rows);
    }

    private PlanNode setOperation(SetOp setOp)
    {
        List<Type> types = types(setOp.getRowType());
        List<PlanNode> inputs = new ArrayList<>();
        for (RelNode input : setOp.getInputs()) {
            inputs.add(castTo(translate(input), types));
        }
        SetOperationNode.Kind kind = switch (setOp) {
            case Union ignored -> SetOperationNode.Kind.UNION;
            case Intersect ignored -> SetOperationNode.Kind.INTERSECT;
            case Minus ignored -> SetOperationNode.Kind.EXCEPT;
            default -> throw new BasinException(FEATURE_NOT_SUPPORTED, "Set operation " + setOp.kind + " is not supported");
        };
        return new SetOperationNode(kind, setOp.all, inputs, types);
    }

    private PlanNode recursiveUnion(RepeatUnion repeatUnion)
    {
        List<Type> types = types(repeatUnion.getRowType());
        String workTable = workTableName(requireNonNull(repeatUnion.getTransientTable(), "recursive union without a transient table"));
        return new RecursiveUnionNode(castTo(translate(repeatUnion.getSeedRel()), types), castTo(translate(repeatUnion.getIterativeRel()), types),
                workTable, repeatUnion.all, types);
    }

    private static String workTableName(org.apache.calcite.plan.RelOptTable table)
    {
        return String.join(".", table.getQualifiedName());
    }

    private static List<Type> types(org.apache.calcite.rel.type.RelDataType rowType)
    {
        return rowType.getFieldList().stream().map(field -> planType(field.getType())).toList();
    }

    /** {@code node} with its columns cast to {@code types} where they differ (inputs of a union). */
    private static PlanNode castTo(PlanNode node, List<Type> types)
    {
        List<Expression> casts = new ArrayList<>();
        boolean needsCast = false;
        for (int i = 0; i < types.size(); i++) {
            Type inputType = node.outputTypes().get(i);
            Expression reference = new InputReference(i, inputType);
            Expression cast = RexTranslator.castIfNeeded(reference, types.get(i));
            needsCast |= cast != reference || !inputType.equals(types.get(i));
            casts.add(cast.type().equals(types.get(i)) ? cast : new io.basin.plan.expr.Call(io.basin.plan.expr.FunctionNames.CAST, types.get(i), reference));
        }
        return needsCast ? new ProjectNode(node, casts) : node;
    }
}

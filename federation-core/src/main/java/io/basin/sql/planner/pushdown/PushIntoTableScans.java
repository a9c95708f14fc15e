package io.basin.sql.planner.pushdown;

import io.basin.metadata.TableColumn;
import io.basin.plan.AggregationNode;
import io.basin.plan.FilterNode;
import io.basin.plan.JoinNode;
import io.basin.plan.LimitNode;
import io.basin.plan.PlanNode;
import io.basin.plan.PlanNodes;
import io.basin.plan.ProjectNode;
import io.basin.plan.RecursiveUnionNode;
import io.basin.plan.SetOperationNode;
import io.basin.plan.SortNode;
import io.basin.plan.TableScanNode;
import io.basin.plan.TableWriterNode;
import io.basin.plan.ValuesNode;
import io.basin.plan.WindowNode;
import io.basin.plan.WorkTableScanNode;
import io.basin.plan.expr.Conjuncts;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.InputReference;
import io.basin.sql.planner.physical.ScanConstraintExtractor;
import io.trino.spi.connector.AggregateFunction;
import io.trino.spi.connector.AggregationApplicationResult;
import io.trino.spi.connector.Assignment;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.ConstraintApplicationResult;
import io.trino.spi.expression.ConnectorExpression;
import io.trino.spi.expression.StandardFunctions;
import io.trino.spi.expression.Variable;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

import static io.trino.spi.type.BigintType.BIGINT;
import static java.util.Objects.requireNonNull;

/**
 * Offers filters and aggregations over table scans to the scans' connectors at planning time, so
 * EXPLAIN shows what they took over:
 * <ul>
 * <li>A filter goes to {@code applyFilter}: the conjuncts comparing a column with a constant as
 * a domain, those comparing two columns as SPI expressions. When the connector reports nothing of
 * it remaining (it returns only matching rows), the filter node goes away; comparisons of two
 * columns it takes leave the filter.</li>
 * <li>An aggregation (count, sum, min, max, avg of columns, or of +, -, * and CAST of exact numbers
 * over columns, offered as SPI expressions with the engine's result types; one grouping set of
 * columns) over such a scan goes to {@code applyAggregation}. The connector returns partial results (per file range,
 * or one exact row from table metadata), so the aggregation stays, combining them: counts are
 * summed, sums summed, minimums and maximums taken again, and an avg, asked for as a sum and a
 * count, becomes {@link AggregationNode.Function#AVG_COMBINE}.</li>
 * </ul>
 * Scans of pushed-down remote statements are left alone.
 */
public final class PushIntoTableScans
{
    private final ConnectorPushdown connectors;
    private final Function<Expression, Object> constantEvaluator;
    private final boolean aggregateExpressions;

    public PushIntoTableScans(ConnectorPushdown connectors, Function<Expression, Object> constantEvaluator)
    {
        this(connectors, constantEvaluator, false);
    }

    /** @param aggregateExpressions whether aggregates over arithmetic of columns are offered too (setting aggregate_expression_pushdown) */
    public PushIntoTableScans(ConnectorPushdown connectors, Function<Expression, Object> constantEvaluator, boolean aggregateExpressions)
    {
        this.connectors = requireNonNull(connectors, "connectors is null");
        this.constantEvaluator = requireNonNull(constantEvaluator, "constantEvaluator is null");
        this.aggregateExpressions = aggregateExpressions;
    }

    public PlanNode rewrite(PlanNode node)
    {
        return switch (node) {
            case AggregationNode aggregation -> pushAggregation(aggregation)
                    .orElseGet(() -> new AggregationNode(rewrite(aggregation.source()), aggregation.groupKeys(), aggregation.groupingSets(), aggregation.aggregates()));
            case ProjectNode project when project.source() instanceof FilterNode filter && filter.source() instanceof TableScanNode scan -> pushFilter(filter, scan)
                    .map(pushed -> pushed instanceof TableScanNode pushedScan ? withoutUnreadColumns(project.projections(), pushedScan) : new ProjectNode(pushed, project.projections()))
                    .orElse(project);
            case FilterNode filter when filter.source() instanceof TableScanNode scan -> pushFilter(filter, scan).map(PlanNode.class::cast).orElse(filter);
            default -> PlanNodes.rewriteSources(node, this::rewrite);
        };
    }

    private static boolean pushable(TableScanNode scan)
    {
        return scan.remoteSql().isEmpty() && scan.pushdown().isEmpty();
    }

    /**
     * The filter's scan with the filter pushed, or the filter over it when some of it remains.
     * The connector is offered the filter's domain and, as SPI expressions, the conjuncts that
     * compare two of the scan's columns; those it takes leave the engine's filter.
     */
    private Optional<PlanNode> pushFilter(FilterNode filter, TableScanNode scan)
    {
        if (!pushable(scan)) {
            return Optional.empty();
        }
        // a date compared with a timestamp already compares days (RexTranslator), which the connector can use
        Expression predicate = filter.predicate();
        ScanVariables variables = new ScanVariables(scan.columns());
        ColumnComparisonExpressions comparisons = new ColumnComparisonExpressions(variables);
        List<Expression> conjuncts = Conjuncts.of(predicate);
        Map<Expression, ConnectorExpression> offered = new LinkedHashMap<>();
        List<Expression> others = new ArrayList<>();
        for (Expression conjunct : conjuncts) {
            comparisons.translate(conjunct).ifPresentOrElse(expression -> offered.put(conjunct, expression), () -> others.add(conjunct));
        }
        ScanConstraintExtractor extractor = new ScanConstraintExtractor(scan.columns(), constantEvaluator);
        Optional<TupleDomain<ColumnHandle>> exact = others.isEmpty() ? Optional.of(TupleDomain.all()) : extractor.extractExactly(Conjuncts.and(others));
        TupleDomain<ColumnHandle> constraint = exact.orElseGet(() -> extractor.extract(predicate));
        if (constraint.isAll() && offered.isEmpty()) {
            return Optional.empty();
        }
        ConnectorExpression expression = switch (offered.size()) {
            case 0 -> io.trino.spi.expression.Constant.TRUE;
            case 1 -> offered.values().iterator().next();
            default -> new io.trino.spi.expression.Call(BooleanType.BOOLEAN, StandardFunctions.AND_FUNCTION_NAME, List.copyOf(offered.values()));
        };
        Optional<ConstraintApplicationResult<ConnectorTableHandle>> result = connectors.applyFilter(scan.table().catalog(), scan.handle(), new Constraint(constraint, expression, variables.assignments()));
        if (result.isEmpty()) {
            return Optional.empty();
        }
        // a connector that does not report a remaining expression did not look at it: all of it remains
        Set<ConnectorExpression> remaining = result.get().getRemainingExpression().map(PushIntoTableScans::connectorConjuncts).orElseGet(() -> Set.copyOf(offered.values()));
        List<Expression> taken = new ArrayList<>();
        List<Expression> kept = new ArrayList<>();
        for (Expression conjunct : conjuncts) {
            ConnectorExpression offer = offered.get(conjunct);
            (offer != null && !remaining.contains(offer) ? taken : kept).add(conjunct);
        }
        ConnectorTableHandle handle = result.get().getHandle();
        if (exact.isPresent() && result.get().getRemainingFilter().isAll() && kept.size() == others.size()) {
            // the scan returns only the rows the filter keeps: its estimate must say so, or a join
            // builds its hash table from it as if it returned the whole table (TPC-H q4 over the
            // lake built 3.8 M lineitem rows instead of the 57 k orders of its quarter)
            return Optional.of(filteredScan(scan, handle, predicate));
        }
        if (taken.isEmpty()) {
            if (constraint.isAll()) {
                // offered only comparisons, and the connector took none: the scan is as it was
                return Optional.empty();
            }
            return Optional.of(new FilterNode(scan.withPushdown(handle, scan.columns(), scan.rowCount(), handle.toString()), predicate));
        }
        // the comparisons taken are the scan's now, and its estimate says so; the engine filters by the rest
        return Optional.of(new FilterNode(filteredScan(scan, handle, Conjuncts.and(taken)), Conjuncts.and(kept)));
    }

    /**
     * The projection over a scan that took its whole filter, the scan returning only the columns
     * the projection reads: a column the filter alone needed is read by the connector for the
     * filter, and not handed on (TPC-H q4's lineitem dates, compared in the lake's scan workers).
     */
    private static PlanNode withoutUnreadColumns(List<Expression> projections, TableScanNode scan)
    {
        java.util.BitSet read = new java.util.BitSet();
        projections.forEach(projection -> readColumns(projection, read));
        if (read.isEmpty() || read.cardinality() == scan.columns().size()) {
            return new ProjectNode(scan, projections);
        }
        int[] channels = new int[scan.columns().size()];
        List<TableColumn> columns = new ArrayList<>();
        for (int column = read.nextSetBit(0); column >= 0; column = read.nextSetBit(column + 1)) {
            channels[column] = columns.size();
            columns.add(scan.columns().get(column));
        }
        TableScanNode narrowed = new TableScanNode(scan.table(), scan.handle(), columns, scan.rowCount(), scan.remoteSql(), scan.inputRowCount(), scan.pushdown(), scan.distinctValues(), scan.columnEstimates());
        return new ProjectNode(narrowed, projections.stream().map(projection -> withChannels(projection, channels)).toList());
    }

    private static void readColumns(Expression expression, java.util.BitSet read)
    {
        switch (expression) {
            case InputReference input -> read.set(input.field());
            case io.basin.plan.expr.Call call -> call.arguments().forEach(argument -> readColumns(argument, read));
            case io.basin.plan.expr.SpecialForm form -> form.arguments().forEach(argument -> readColumns(argument, read));
            case io.basin.plan.expr.Constant _ -> {
            }
        }
    }

    private static Expression withChannels(Expression expression, int[] channels)
    {
        return switch (expression) {
            case InputReference input -> new InputReference(channels[input.field()], input.type());
            case io.basin.plan.expr.Call call -> new io.basin.plan.expr.Call(call.name(), call.arguments().stream().map(argument -> withChannels(argument, channels)).toList(), call.type());
            case io.basin.plan.expr.SpecialForm form -> new io.basin.plan.expr.SpecialForm(form.form(), form.arguments().stream().map(argument -> withChannels(argument, channels)).toList(), form.type());
            case io.basin.plan.expr.Constant constant -> constant;
        };
    }

    /** The scan of the pushed handle, estimated to return the rows {@code pushed} keeps. */
    private static TableScanNode filteredScan(TableScanNode scan, ConnectorTableHandle handle, Expression pushed)
    {
        java.util.OptionalDouble rows = scan.rowCount().isPresent()
                ? java.util.OptionalDouble.of(io.basin.sql.planner.physical.CardinalityEstimator.estimateRows(new FilterNode(scan, pushed)))
                : scan.rowCount();
        TableScanNode filtered = scan.withPushdown(handle, scan.columns(), rows, handle.toString());
        // and the table's rows stay known: a join with this scan keeps the fraction of the other
        // side's rows that this filter keeps (q17's lineitem rows of the parts of one brand)
        return scan.inputRowCount().isPresent() ? filtered : filtered.withInputRowCount(scan.rowCount());
    }

    private static Set<ConnectorExpression> connectorConjuncts(ConnectorExpression expression)
    {
        if (expression instanceof io.trino.spi.expression.Call call && call.getFunctionName().equals(StandardFunctions.AND_FUNCTION_NAME)) {
            Set<ConnectorExpression> conjuncts = new java.util.HashSet<>();
            call.getArguments().forEach(argument -> conjuncts.addAll(connectorConjuncts(argument)));
            return conjuncts;
        }
        return Set.of(expression);
    }

    /** A partial result of the connector and how the engine combines it into one original aggregate. */
    private record Partial(AggregateFunction function, AggregationNode.Function combine) {}

    private Optional<PlanNode> pushAggregation(AggregationNode aggregation)
    {
        if (aggregation.groupingSets().size() != 1 || aggregation.aggregates().isEmpty()) {
            return Optional.empty();
        }
        // Aggregate <- [Project of columns and arithmetic] <- [Filter] <- Scan
        PlanNode source = aggregation.source();
        List<Expression> projections = null;
        if (source instanceof ProjectNode project) {
            projections = project.projections();
            source = project.source();
        }
        TableScanNode scan;
        if (source instanceof FilterNode filter && filter.source() instanceof TableScanNode filtered && pushable(filtered)) {
            Optional<PlanNode> pushed = pushFilter(filter, filtered);
            if (pushed.isEmpty() || !(pushed.get() instanceof TableScanNode pushedScan)) {
                // the connector does not take all of the filter: the engine aggregates what it filters
                return Optional.empty();
            }
            scan = pushedScan;
        }
        else if (source instanceof TableScanNode plain && pushable(plain)) {
            scan = plain;
        }
        else {
            return Optional.empty();
        }
        List<Expression> projected = projections;
        ScanVariables variables = new ScanVariables(scan.columns());
        AggregateArgumentExpressions expressions = new AggregateArgumentExpressions(variables);
        // the aggregation's input channels as scan columns where they are columns, as SPI expressions otherwise
        Function<Integer, Optional<TableColumn>> column = channel -> {
            if (projected == null) {
                return Optional.of(scan.columns().get(channel));
            }
            return projected.get(channel) instanceof InputReference input ? Optional.of(scan.columns().get(input.field())) : Optional.empty();
        };
        Function<Integer, Optional<Argument>> argument = channel -> column.apply(channel)
                .map(plain -> new Argument(variables.of(plain), plain.type()))
                .or(() -> aggregateExpressions
                        ? expressions.translate(projected.get(channel)).map(expression -> new Argument(expression, expression.getType()))
                        : Optional.empty());

        List<ColumnHandle> grouping = new ArrayList<>();
        for (int key : aggregation.groupKeys()) {
            Optional<TableColumn> keyColumn = column.apply(key);
            if (keyColumn.isEmpty()) {
                return Optional.empty();
            }
            grouping.add(keyColumn.get().handle());
        }
        List<List<Partial>> partials = new ArrayList<>();
        for (AggregationNode.Aggregate aggregate : aggregation.aggregates()) {
            Optional<List<Partial>> partial = partials(aggregate, argument);
            if (partial.isEmpty()) {
                return Optional.empty();
            }
            partials.add(partial.get());
        }
        List<AggregateFunction> functions = partials.stream().flatMap(List::stream).map(Partial::function).toList();
        Optional<AggregationApplicationResult<ConnectorTableHandle>> result = connectors.applyAggregation(scan.table().catalog(), scan.handle(), functions, variables.assignments(), List.of(grouping));
        if (result.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(combine(aggregation, scan, grouping, partials, result.get()));
    }

    /** An aggregate's argument as the connector sees it: a column's variable or an expression over columns. */
    private record Argument(ConnectorExpression expression, Type type) {}

    private static Optional<List<Partial>> partials(AggregationNode.Aggregate aggregate, Function<Integer, Optional<Argument>> argumentOf)
    {
        if (aggregate.filter().isPresent() || aggregate.literal().isPresent() || !aggregate.orderings().isEmpty()) {
            return Optional.empty();
        }
        List<ConnectorExpression> arguments = new ArrayList<>();
        Type input = null;
        for (int channel : aggregate.arguments()) {
            Optional<Argument> argument = argumentOf.apply(channel);
            if (argument.isEmpty()) {
                return Optional.empty();
            }
            arguments.add(argument.get().expression());
            input = argument.get().type();
        }
        Type output = aggregate.type();
        return switch (aggregate.function()) {
            case COUNT_STAR -> output.equals(BIGINT) ? Optional.of(List.of(new Partial(function("count", BIGINT, List.of()), AggregationNode.Function.SUM0))) : Optional.empty();
            case COUNT -> output.equals(BIGINT) && arguments.size() == 1 ? Optional.of(List.of(new Partial(function("count", BIGINT, arguments), AggregationNode.Function.SUM0))) : Optional.empty();
            case SUM, SUM0 -> Optional.of(List.of(new Partial(function("sum", output, arguments), aggregate.function())));
            case MIN -> Optional.of(List.of(new Partial(function("min", output, arguments), AggregationNode.Function.MIN)));
            case MAX -> Optional.of(List.of(new Partial(function("max", output, arguments), AggregationNode.Function.MAX)));
            case AVG -> partialSumType(input).map(sumType -> List.of(
                    new Partial(function("sum", sumType, arguments), AggregationNode.Function.AVG_COMBINE),
                    new Partial(function("count", BIGINT, arguments), AggregationNode.Function.AVG_COMBINE)));
            default -> Optional.empty();
        };
    }

    /** What an avg's partial sums are kept in: exact for integers and decimals, double otherwise. */
    private static Optional<Type> partialSumType(Type input)
    {
        return switch (input) {
            case BigintType _, IntegerType _, SmallintType _, TinyintType _ -> Optional.of(DecimalType.createDecimalType(38, 0));
            case DecimalType decimal -> Optional.of(DecimalType.createDecimalType(38, decimal.getScale()));
            case DoubleType _, RealType _ -> Optional.of(DoubleType.DOUBLE);
            case null, default -> Optional.empty();
        };
    }

    private static AggregateFunction function(String name, Type output, List<ConnectorExpression> arguments)
    {
        return new AggregateFunction(name, output, arguments, List.of(), false, Optional.empty());
    }

    /** The scan of the connector's partial results under an aggregation that combines them. */
    private static PlanNode combine(AggregationNode aggregation, TableScanNode scan, List<ColumnHandle> grouping, List<List<Partial>> partials, AggregationApplicationResult<ConnectorTableHandle> result)
    {
        Map<String, Assignment> assignments = new LinkedHashMap<>();
        result.getAssignments().forEach(assignment -> assignments.put(assignment.getVariable(), assignment));
        List<TableColumn> columns = new ArrayList<>();
        for (int i = 0; i < grouping.size(); i++) {
            ColumnHandle mapped = result.getGroupingColumnMapping().get(grouping.get(i));
            if (mapped == null) {
                throw new IllegalStateException("The connector did not map grouping column " + grouping.get(i));
            }
            Type type = aggregation.outputTypes().get(i);
            ColumnHandle original = grouping.get(i);
            String name = scan.columns().stream().filter(column -> column.handle().equals(original)).findFirst().map(TableColumn::name).orElse("key" + i);
            columns.add(new TableColumn(name, type, mapped));
        }
        List<AggregationNode.Aggregate> combined = new ArrayList<>();
        int projection = 0;
        for (int i = 0; i < partials.size(); i++) {
            List<Integer> channels = new ArrayList<>();
            for (Partial ignored : partials.get(i)) {
                if (!(result.getProjections().get(projection) instanceof Variable variable) || !assignments.containsKey(variable.getName())) {
                    throw new IllegalStateException("The connector returned an aggregate that is not a column: " + result.getProjections().get(projection));
                }
                Assignment assignment = assignments.get(variable.getName());
                channels.add(columns.size());
                columns.add(new TableColumn(variable.getName(), assignment.getType(), assignment.getColumn()));
                projection++;
            }
            AggregationNode.Aggregate original = aggregation.aggregates().get(i);
            combined.add(new AggregationNode.Aggregate(partials.get(i).getFirst().combine(), channels, OptionalInt.empty(), original.type()));
        }
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < grouping.size(); i++) {
            keys.add(i);
        }
        TableScanNode partialScan = new TableScanNode(scan.table(), result.getHandle(), columns, OptionalDouble.empty(), Optional.empty(), OptionalDouble.empty(), Optional.of(result.getHandle().toString()), Map.of(), Map.of());
        return new AggregationNode(partialScan, keys, aggregation.groupingSets(), combined);
    }
}

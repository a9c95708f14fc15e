package io.basin.sql.planner.physical;

import io.basin.execution.RowViews;
import io.basin.execution.driver.Pipeline;
import io.basin.execution.operator.FilterProjectOperatorFactory;
import io.basin.execution.operator.OperatorFactory;
import io.basin.execution.operator.PageBufferSink;
import io.basin.execution.operator.SetOperationSink;
import io.basin.execution.operator.Sink;
import io.basin.execution.operator.Source;
import io.basin.execution.operator.ValuesSource;
import io.basin.execution.operator.WorkTableSource;
import io.basin.execution.operator.aggregation.AccumulatorFactory;
import io.basin.execution.operator.aggregation.HashAggregationSink;
import io.basin.execution.operator.join.DynamicFilterOperatorFactory;
import io.basin.execution.operator.join.HashBuildSink;
import io.basin.execution.operator.join.LookupJoinOperatorFactory;
import io.basin.execution.operator.join.ScanDynamicFilter;
import io.basin.metadata.ColumnEstimate;
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
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.InputReference;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.type.RealType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Turns a Basin plan into pipelines (DuckDB style): a plan node that must see all its input
 * before producing output (aggregation, sort, join build, window, set operation) ends the
 * current pipeline as its sink and starts the next one as its source. Pipelines are added in
 * the order they must run: a pipeline is closed only after everything it reads from.
 */
public final class PhysicalPlanner
{
    private final ExecutionServices services;
    private final SortPlanner sortPlanner;
    /** The work tables of the recursive unions this plan runs inside of, by name. */
    private final Map<String, WorkTableSource> workTables;
    private final List<Pipeline> pipelines = new ArrayList<>();
    /** Dynamic filters waiting for their scan to be planned: build sides of joins above it. */
    private final Map<TableScanNode, List<DynamicFilterOperatorFactory>> dynamicFilters = new IdentityHashMap<>();
    /** The join keys offered to each scan's connector, from the builds of joins above it. */
    private final Map<TableScanNode, List<ScanDynamicFilter.Key>> connectorDynamicFilters = new IdentityHashMap<>();
    /** Scans that feed a co-located join: their partitions are read bucket by bucket. */
    private final Map<TableScanNode, JoinNode.CoLocation> bucketedScans = new IdentityHashMap<>();
    private final StageOrigins origins = new StageOrigins();
    /** The buffers of the shared subplans planned so far. */
    private final Map<SharedNode, PageBufferSink> sharedBuffers = new IdentityHashMap<>();
    // filters and scans right under a join's probe or an aggregation: they hand it row views instead of copies (see RowViews)
    private final Map<PlanNode, RowViews.Policy> rowViewFilters = new IdentityHashMap<>();
    // joins right under an aggregation (or under a projection under one): their build columns leave as row views
    private final Set<JoinNode> buildRowViewJoins = Collections.newSetFromMap(new IdentityHashMap<>());

    /** A pipeline under construction: its source and streaming operators so far. */
    private record Chain(Source source, List<OperatorFactory> operators, List<Type> types)
    {
        Chain with(OperatorFactory operator, List<Type> newTypes)
        {
            List<OperatorFactory> newOperators = new ArrayList<>(operators);
            newOperators.add(operator);
            return new Chain(source, newOperators, newTypes);
        }
    }

    public PhysicalPlanner(ExecutionServices services, SortPlanner sortPlanner)
    {
        this(services, sortPlanner, Map.of());
    }

    PhysicalPlanner(ExecutionServices services, SortPlanner sortPlanner, Map<String, WorkTableSource> workTables)
    {
        this.services = requireNonNull(services, "services is null");
        this.sortPlanner = requireNonNull(sortPlanner, "sortPlanner is null");
        this.workTables = Map.copyOf(requireNonNull(workTables, "workTables is null"));
    }

    /** Plans {@code root} with its output going to {@code result} (a buffer or a stream to the client). */
    public LocalExecutionPlan plan(PlanNode root, Sink result)
    {
        Chain chain = visit(root);
        close(chain, result);
        return new LocalExecutionPlan(pipelines, result, origins);
    }

    private void close(Chain chain, Sink sink)
    {
        pipelines.add(new Pipeline(pipelines.size(), chain.source(), chain.operators(), sink));
    }

    private Chain visit(PlanNode node)
    {
        return switch (node) {
            case TableScanNode scan -> scan(scan, Optional.empty());
            case ValuesNode values -> new Chain(origin(valuesSource(values), values), List.of(), values.outputTypes());
            case FilterNode filter -> filterProject(filter, filter.source(), Optional.of(filter.predicate()), identity(filter.source().outputTypes()));
            case ProjectNode project when project.source() instanceof FilterNode filter -> {
                Chain chain = filterProject(project, filter.source(), Optional.of(filter.predicate()), project.projections());
                origins.add(chain.operators().getLast(), filter, StageOrigins.Role.WITH_PARENT);
                yield chain;
            }
            case ProjectNode project -> filterProject(project, project.source(), Optional.empty(), project.projections());
            case AggregationNode aggregation -> aggregation(aggregation);
            case JoinNode join -> join(join);
            case SortNode sort -> {
                Chain source = visit(sort.source());
                SortPlanner.SortStage stage = sortPlanner.sort(source.types(), sort);
                origin(stage, sort);
                close(source, stage.sink());
                Chain sorted = new Chain(stage.source(), List.of(), source.types());
                yield stage.operator().map(operator -> sorted.with(operator, source.types())).orElse(sorted);
            }
            case LimitNode limit -> {
                Chain source = visit(limit.source());
                yield source.with(origin(sortPlanner.limit(limit), limit), source.types());
            }
            case WindowNode window when window.functions().stream().anyMatch(function -> !function.constantArguments().isEmpty()) -> {
                ProjectNode rewritten = projectWindowConstants(window);
                origins.replaced(rewritten, window);
                origins.replaced(rewritten.source(), window);
                origins.replaced(rewritten.source().sources().getFirst(), window);
                yield visit(rewritten);
            }
            case WindowNode window -> {
                Chain source = visit(window.source());
                SortPlanner.SortStage stage = sortPlanner.window(source.types(), window);
                origin(stage, window);
                close(source, stage.sink());
                yield new Chain(stage.source(), List.of(), window.outputTypes());
            }
            case SetOperationNode setOperation -> setOperation(setOperation);
            case RecursiveUnionNode recursive -> new Chain(origin(new RecursiveUnionSource(recursive, services, sortPlanner, workTables), recursive), List.of(), recursive.outputTypes());
            case SharedNode shared -> shared(shared);
            case WorkTableScanNode scan -> new Chain(
                    origin(requireNonNull(workTables.get(scan.workTable()), () -> "no recursive union for work table " + scan.workTable()), scan),
                    List.of(), scan.outputTypes());
            case TableWriterNode writer -> {
                Chain source = visit(writer.source());
                var sink = origin(services.tableWriter(writer), writer);
                close(source, sink);
                yield new Chain(sink, List.of(), writer.outputTypes());
            }
        };
    }

    /** The first place that reads a shared subplan runs it into a buffer; every place reads the buffer. */
    private Chain shared(SharedNode node)
    {
        PageBufferSink buffer = sharedBuffers.get(node);
        if (buffer == null) {
            buffer = origin(new PageBufferSink("Shared #" + node.id()), node);
            close(visit(node.source()), buffer);
            sharedBuffers.put(node, buffer);
        }
        return new Chain(buffer, List.of(), node.outputTypes());
    }

    private Chain filterProject(PlanNode node, PlanNode sourceNode, Optional<Expression> filter, List<Expression> projections)
    {
        // a filter right above a scan is offered to the connector for pruning
        Chain source = sourceNode instanceof TableScanNode scan ? scan(scan, filter) : visit(sourceNode);
        String description = filter.map(predicate -> "Filter[" + predicate + "] ").orElse("") + "Project" + projections;
        var compiled = services.compile(filter, projections, source.types());
        var processor = compiled.withRowViews(rowViewFilters.getOrDefault(node, RowViews.Policy.NONE));
        return source.with(origin(new FilterProjectOperatorFactory(processor, description), node), projections.stream().map(Expression::type).toList());
    }

    /** Records that {@code stage} does {@code node}'s own work, for EXPLAIN ANALYZE. */
    private <T> T origin(T stage, PlanNode node)
    {
        origins.add(stage, node, StageOrigins.Role.MAIN);
        return stage;
    }

    private void origin(SortPlanner.SortStage stage, PlanNode node)
    {
        origin(stage.sink(), node);
        origin(stage.source(), node);
        stage.operator().ifPresent(operator -> origin(operator, node));
    }

    /** A scan, with the filter above it offered to the connector for pruning, then the dynamic filters registered for it. */
    private Chain scan(TableScanNode scan, Optional<Expression> filter)
    {
        JoinNode.CoLocation coLocation = bucketedScans.get(scan);
        List<ScanDynamicFilter.Key> joinKeys = connectorDynamicFilters.getOrDefault(scan, List.of());
        Source source = origin(coLocation != null ? services.bucketedTableScan(scan, filter, coLocation)
                : services.tableScan(scan, filter, joinKeys.isEmpty() ? DynamicFilter.EMPTY : new ScanDynamicFilter(joinKeys)), scan);
        Chain chain = new Chain(source, List.of(), scan.outputTypes());
        List<DynamicFilterOperatorFactory> filters = dynamicFilters.getOrDefault(scan, List.of());
        for (int i = 0; i < filters.size(); i++) {
            // the last one right under a join's probe hands the join row views
            DynamicFilterOperatorFactory dynamicFilter = i == filters.size() - 1 && rowViewFilters.get(scan) == RowViews.Policy.EVERY_SELECTION ? filters.get(i).withRowViews() : filters.get(i);
            origins.add(dynamicFilter, scan, StageOrigins.Role.DYNAMIC_FILTER);
            chain = chain.with(dynamicFilter, chain.types());
        }
        return chain;
    }

    /** A filter, alone or under a projection: one filter-projection operator, which can hand on row views. */
    private static boolean isFilter(PlanNode node)
    {
        return node instanceof FilterNode || node instanceof ProjectNode project && project.source() instanceof FilterNode;
    }

    private Chain aggregation(AggregationNode node)
    {
        // a filter right under the aggregation hands it views of the rows it kept when it keeps most
        // of a page: the aggregation reads each row once, into its groups and sums, so a copy would
        // be written only to be read once (TPC-H q1 keeps 98% of lineitem)
        if (isFilter(node.source())) {
            rowViewFilters.put(node.source(), RowViews.Policy.DENSE_SELECTIONS);
        }
        // likewise a join's build columns: the aggregation reads each row once, and the join would
        // copy strings of the build side (customer names, addresses) into every row it emits
        PlanNode belowProjection = node.source() instanceof ProjectNode project ? project.source() : node.source();
        if (belowProjection instanceof JoinNode join) {
            buildRowViewJoins.add(join);
        }
        Chain source = visit(node.source());
        List<AccumulatorFactory> accumulators = node.aggregates().stream()
                .map(aggregate -> new AccumulatorFactory(aggregate, source.types()))
                .toList();
        HashAggregationSink sink = origin(new HashAggregationSink(source.types(), node.groupKeys(), node.groupingSets(), accumulators, node.outputTypes()), node);
        close(source, sink);
        return new Chain(sink, List.of(), node.outputTypes());
    }

    private Chain join(JoinNode node)
    {
        JoinSides sides = JoinSides.of(node);
        boolean buildKeptSide = sides.buildKeptSide();
        boolean buildOuterSide = sides.buildOuterSide();
        boolean buildLeft = sides.buildLeft();
        PlanNode buildNode = buildLeft ? node.left() : node.right();
        PlanNode probeNode = buildLeft ? node.right() : node.left();
        List<Integer> buildKeys = buildLeft ? node.leftKeys() : node.rightKeys();
        List<Integer> probeKeys = buildLeft ? node.rightKeys() : node.leftKeys();

        int bucketCount = 1;
        if (node.coLocated().isPresent()) {
            // both inputs are read bucket by bucket: a hash table per bucket, probed by that bucket's rows
            JoinNode.CoLocation coLocation = node.coLocated().get();
            int key = coLocation.keys().getFirst();
            bucketedScans.put(ScanColumn.trace(buildNode, buildKeys.get(key)).orElseThrow().scan(), coLocation);
            bucketedScans.put(ScanColumn.trace(probeNode, probeKeys.get(key)).orElseThrow().scan(), coLocation);
            bucketCount = coLocation.bucketCount();
        }
        Chain build = visit(buildNode);
        HashBuildSink buildSink = new HashBuildSink(build.types(), buildKeys, node.nullEqualKeys(), bucketCount);
        origins.add(buildSink, node, StageOrigins.Role.BUILD);
        close(build, buildSink);
        // the probe side's pipelines run after the build's: a scan under them can drop rows that cannot join
        boolean dropsUnmatchedProbeRows = node.joinType() == JoinNode.Type.INNER || node.joinType() == JoinNode.Type.SEMI
                || (node.joinType() == JoinNode.Type.ANTI && buildKeptSide) || buildOuterSide;
        // a dynamic filter reads one hash table; the probe of a co-located join is a plain scan anyway
        if (dropsUnmatchedProbeRows && node.coLocated().isEmpty()) {
            for (int key = 0; key < probeKeys.size(); key++) {
                if (!node.nullEqualKeys().get(key)) {
                    addConnectorDynamicFilter(buildSink, buildKeys.get(key), build.types().get(buildKeys.get(key)), probeNode, probeKeys.get(key));
                }
            }
            // one key is enough to drop most rows that cannot join; the first that reaches a scan
            for (int key = 0; key < probeKeys.size(); key++) {
                if (!node.nullEqualKeys().get(key) && addDynamicFilter(buildSink, buildKeys.get(key), build.types().get(buildKeys.get(key)), probeNode, probeKeys.get(key))) {
                    break;
                }
            }
        }

        // a filter (or a scan's dynamic filter) right under the join leaves the copying of its rows to
        // the join, which copies only those it keeps
        boolean probeRowViews = isFilter(probeNode) || probeNode instanceof TableScanNode scan && dynamicFilters.containsKey(scan);
        if (probeRowViews) {
            rowViewFilters.put(probeNode, RowViews.Policy.EVERY_SELECTION);
        }
        Chain probe = visit(probeNode);
        List<Type> filterTypes = new ArrayList<>(node.left().outputTypes());
        filterTypes.addAll(node.right().outputTypes());
        var filter = node.filter().map(predicate -> services.compileJoinFilter(predicate, filterTypes));
        LookupJoinOperatorFactory.Mode mode = buildOuterSide ? LookupJoinOperatorFactory.Mode.BUILD_OUTER
                : !buildKeptSide ? LookupJoinOperatorFactory.mode(node.joinType())
                : node.joinType() == JoinNode.Type.SEMI ? LookupJoinOperatorFactory.Mode.BUILD_SEMI : LookupJoinOperatorFactory.Mode.BUILD_ANTI;
        LookupJoinOperatorFactory lookup = new LookupJoinOperatorFactory(
                mode,
                buildSink,
                probe.types(),
                probeKeys,
                buildLeft,
                filter,
                probeRowViews,
                buildRowViewJoins.contains(node));
        return probe.with(origin(lookup, node), node.outputTypes());
    }

    /**
     * Registers a dynamic filter on the scan that produces the probe key, when the key reaches a
     * scan unchanged through operators that keep or drop rows whole by it, and something costly
     * (an aggregation or a join) lies between the scan and this join; right under the join, the
     * probe itself is the filter.
     */
    /**
     * Offers the join's keys to the connector of the scan that produces the probe key (through any
     * operators, as for {@link #addDynamicFilter}), as that scan's dynamic filter (their range, or
     * nothing for an empty build): a connector skips the data outside it.
     */
    private void addConnectorDynamicFilter(HashBuildSink build, int buildChannel, Type keyType, PlanNode probe, int channel)
    {
        if (!comparedAsLong(keyType)) {
            return;
        }
        DynamicFilterTarget.trace(probe, channel)
                .filter(found -> found.scan().remoteSql().isEmpty() && found.scan().outputTypes().get(found.channel()).equals(keyType))
                .ifPresent(found -> {
                    TableColumn column = found.scan().columns().get(found.channel());
                    Optional<ColumnEstimate> estimate = Optional.ofNullable(found.scan().columnEstimates().get(column.name()));
                    connectorDynamicFilters.computeIfAbsent(found.scan(), _ -> new ArrayList<>()).add(new ScanDynamicFilter.Key(build, buildChannel, column.handle(), keyType,
                            estimate.map(ColumnEstimate::min).orElse(OptionalDouble.empty()),
                            estimate.map(ColumnEstimate::max).orElse(OptionalDouble.empty())));
                });
    }

    /** A long-valued key compared by value (real's -0.0 and 0.0 are one key with two bit patterns). */
    private static boolean comparedAsLong(Type keyType)
    {
        return keyType.getJavaType() == long.class && !(keyType instanceof RealType);
    }

    private boolean addDynamicFilter(HashBuildSink build, int buildChannel, Type keyType, PlanNode probe, int channel)
    {
        if (!comparedAsLong(keyType)) {
            return false;
        }
        Optional<DynamicFilterTarget> target = DynamicFilterTarget.trace(probe, channel)
                .filter(DynamicFilterTarget::throughCostlyOperator)
                .filter(found -> found.scan().outputTypes().get(found.channel()).equals(keyType));
        target.ifPresent(found -> dynamicFilters.computeIfAbsent(found.scan(), _ -> new ArrayList<>())
                .add(new DynamicFilterOperatorFactory(build, buildChannel, found.channel(), keyType)));
        return target.isPresent();
    }

    private Chain setOperation(SetOperationNode node)
    {
        if (node.kind() == SetOperationNode.Kind.UNION && node.all()) {
            PageBufferSink union = origin(new PageBufferSink("UnionAll"), node);
            for (PlanNode input : node.inputs()) {
                close(visit(input), union);
            }
            return new Chain(union, List.of(), node.outputTypes());
        }
        SetOperationSink sink = origin(new SetOperationSink(node.kind(), node.all(), node.outputTypes(), node.inputs().size()), node);
        for (int i = 0; i < node.inputs().size(); i++) {
            close(visit(node.inputs().get(i)), origin(sink.input(i), node));
        }
        return new Chain(sink, List.of(), node.outputTypes());
    }

    private Source valuesSource(ValuesNode node)
    {
        List<Type> types = node.types();
        BlockBuilder[] builders = new BlockBuilder[types.size()];
        for (int i = 0; i < builders.length; i++) {
            builders[i] = types.get(i).createBlockBuilder(null, node.rows().size());
        }
        for (List<Expression> row : node.rows()) {
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i) instanceof Constant constant ? constant.value() : services.evaluateConstant(row.get(i));
                TypeUtils.writeNativeValue(types.get(i), builders[i], value);
            }
        }
        Block[] blocks = new Block[builders.length];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = builders[i].build();
        }
        List<Page> pages = node.rows().isEmpty() ? List.of() : List.of(new Page(node.rows().size(), blocks));
        return new ValuesSource(pages, "Values[" + node.rows().size() + " rows]");
    }

    /**
     * The window operators take every argument as a channel: constant arguments (lag offsets,
     * ntile buckets) become columns projected before the window and dropped after it.
     */
    private static ProjectNode projectWindowConstants(WindowNode window)
    {
        List<Type> inputTypes = window.source().outputTypes();
        List<Expression> projections = new ArrayList<>(identity(inputTypes));
        List<WindowNode.WindowFunction> functions = new ArrayList<>();
        for (WindowNode.WindowFunction function : window.functions()) {
            List<Integer> arguments = new ArrayList<>(function.arguments());
            for (int index = 0; index < function.constantArguments().size(); index++) {
                Object constant = function.constantArguments().get(index);
                // lag/lead(value, offset, default): the default has the value's type; offsets and counts are bigint
                boolean isDefault = index == 1 && !function.arguments().isEmpty();
                Type type = isDefault ? inputTypes.get(function.arguments().getFirst()) : io.trino.spi.type.BigintType.BIGINT;
                arguments.add(projections.size());
                projections.add(new Constant(constant, type));
            }
            functions.add(new WindowNode.WindowFunction(function.name(), arguments, List.of(), function.type(), function.frame()));
        }
        int constantCount = projections.size() - inputTypes.size();
        WindowNode rewritten = new WindowNode(new ProjectNode(window.source(), projections), window.partitionChannels(), window.orderings(), functions);
        List<Type> windowTypes = rewritten.outputTypes();
        List<Expression> output = new ArrayList<>(identity(inputTypes));
        for (int i = 0; i < functions.size(); i++) {
            int channel = inputTypes.size() + constantCount + i;
            output.add(new InputReference(channel, windowTypes.get(channel)));
        }
        return new ProjectNode(rewritten, output);
    }

    private static List<Expression> identity(List<Type> types)
    {
        List<Expression> projections = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            projections.add(new InputReference(i, types.get(i)));
        }
        return projections;
    }
}

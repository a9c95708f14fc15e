package io.basin.sql.optimizer;

import io.basin.metadata.ResolvedTable;
import io.basin.metadata.TableColumn;
import io.basin.pushdown.RemoteSqlDialect;
import io.basin.pushdown.sql.RemoteOperations;
import io.basin.pushdown.sql.RemoteSqlGenerator;
import io.basin.sql.analyzer.ConnectorTable;
import io.basin.sql.analyzer.TypeConverter;
import io.trino.spi.TrinoException;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptAbstractTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * Federated placement for OLTP sources: every maximal subtree whose scans all read one remote
 * source (PostgreSQL, MySQL), and whose operations that source runs with Basin's semantics
 * ({@link RemoteOperations}), becomes one statement the source runs, generated in its dialect
 * ({@link RemoteSqlGenerator}) and read through the connector's {@code system.query} table
 * function. The rest of the plan runs in Basin over that statement's result.
 *
 * <p>The statement is built so its result has exactly the types Basin expects: string columns
 * are compared by their text ({@code CAST(c AS VARCHAR)}: a uuid, json or enum column compares as
 * the text Basin holds, not by its own rules), and every other output is cast to its Basin type.
 * When the connector rejects the statement (e.g. a name PostgreSQL spells in mixed case, which the
 * SPI folds) or describes other types, the subtree stays in Basin and its inputs are tried
 * instead: pushdown never changes a result, it only moves work.
 *
 * <p>A pushed {@code ORDER BY ... LIMIT} is repeated in Basin over the (at most limit) rows, so
 * the final order does not depend on how the rows travel.
 */
public final class PushSubqueriesIntoSources
{
    private static final Logger log = LoggerFactory.getLogger(PushSubqueriesIntoSources.class);

    /** How many times its larger input a join pushed to a source may output ({@link #joinPays}). */
    static final double MAX_JOIN_GROWTH = 1.5;

    /** What the pass needs from the catalogs. */
    public interface RemoteSources
    {
        /** The dialect of the source behind a catalog whose connector runs pushed-down statements. */
        Optional<RemoteSqlDialect> dialect(String catalogName);

        /** A table reading the result of {@code sql} run by the catalog's source. */
        ResolvedTable query(String catalogName, String sql);
    }

    private record Source(String catalogName, RemoteSqlDialect dialect) {}

    /** A subtree, and the source it can run in whole, if there is one. */
    private record Visited(RelNode rel, Optional<Source> source) {}

    private final RemoteSources sources;
    private final RexBuilder rexBuilder;

    private PushSubqueriesIntoSources(RemoteSources sources, RexBuilder rexBuilder)
    {
        this.sources = requireNonNull(sources, "sources is null");
        this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder is null");
    }

    /** Whether the plan reads any table whose source takes pushed-down statements. */
    public static boolean readsRemoteSources(RelNode rel, RemoteSources sources)
    {
        boolean[] found = {false};
        rel.accept(new RelShuttleImpl()
        {
            @Override
            public RelNode visit(TableScan scan)
            {
                ConnectorTable table = scan.getTable().unwrap(ConnectorTable.class);
                if (table != null && table.table().remoteSql().isEmpty() && sources.dialect(table.table().name().catalog()).isPresent()) {
                    found[0] = true;
                }
                return scan;
            }
        });
        return found[0];
    }

    public static RelNode apply(RelNode rel, RemoteSources sources)
    {
        PushSubqueriesIntoSources pass = new PushSubqueriesIntoSources(sources, rel.getCluster().getRexBuilder());
        Visited root = pass.visit(rel);
        return root.source().isPresent() ? pass.push(root.rel(), root.source().get()) : root.rel();
    }

    private Visited visit(RelNode node)
    {
        if (node instanceof TableScan scan) {
            ConnectorTable table = scan.getTable().unwrap(ConnectorTable.class);
            if (table == null || table.table().remoteSql().isPresent()) {
                return new Visited(node, Optional.empty());
            }
            String catalog = table.table().name().catalog();
            return new Visited(node, sources.dialect(catalog).map(dialect -> new Source(catalog, dialect)));
        }
        if (node instanceof Project project && project.getInput() instanceof Filter filter) {
            Optional<Visited> split = splitFilterUnderProject(project, filter);
            if (split.isPresent()) {
                return split.get();
            }
        }
        List<Visited> inputs = node.getInputs().stream().map(this::visit).toList();
        Optional<Source> common = inputs.isEmpty() ? Optional.empty() : inputs.getFirst().source();
        for (Visited input : inputs) {
            if (!input.source().equals(common)) {
                common = Optional.empty();
            }
        }
        List<RelNode> rels = inputs.stream().map(Visited::rel).toList();
        if (common.isPresent() && new RemoteOperations(common.get().dialect()).supports(node) && (!(node instanceof Join join) || joinPays(join))) {
            return new Visited(node.copy(node.getTraitSet(), rels), common);
        }
        if (common.isPresent() && node instanceof Filter filter) {
            Optional<RelNode> split = splitFilter(filter, rels.getFirst(), common.get());
            if (split.isPresent()) {
                return new Visited(split.get(), Optional.empty());
            }
        }
        if (common.isPresent()) {
            log.debug("Not pushing into {}: {}", common.get().catalogName(), node.explain().strip());
        }
        // this node stays in Basin: each input that runs in one source becomes one statement
        List<RelNode> placed = new ArrayList<>();
        for (Visited input : inputs) {
            placed.add(input.source().isPresent() ? push(input.rel(), input.source().get()) : input.rel());
        }
        return new Visited(node.copy(node.getTraitSet(), placed), Optional.empty());
    }

    /**
     * Whether a join between two inputs of one source is worth running there: when its estimated
     * output is at most {@link #MAX_JOIN_GROWTH} times its larger input, as for a join on a key
     * of one side. A join that multiplies rows (many-to-many, or with no equality to join on)
     * would make the source produce and send more rows than its inputs hold; Basin runs it over
     * the two inputs, each still pushed. The output is estimated as
     * {@code left * right / max(distinct left keys, distinct right keys)}, with the distinct
     * counts from the sources' statistics ({@link BasinDistinctRowCount}); without statistics
     * the join is pushed, as the source's own planner is then the better judge.
     */
    private static boolean joinPays(Join join)
    {
        RelMetadataQuery metadata = join.getCluster().getMetadataQuery();
        Double leftRows = metadata.getRowCount(join.getLeft());
        Double rightRows = metadata.getRowCount(join.getRight());
        if (leftRows == null || rightRows == null) {
            return true;
        }
        JoinInfo keys = join.analyzeCondition();
        double largerInput = Math.max(Math.max(leftRows, rightRows), 1);
        if (keys.leftKeys.isEmpty()) {
            boolean pays = leftRows * rightRows <= MAX_JOIN_GROWTH * largerInput;
            log.debug("Join without equality keys ({} x {} rows) pushed: {}", leftRows, rightRows, pays);
            return pays;
        }
        Double leftDistinct = metadata.getDistinctRowCount(join.getLeft(), ImmutableBitSet.of(keys.leftKeys), null);
        Double rightDistinct = metadata.getDistinctRowCount(join.getRight(), ImmutableBitSet.of(keys.rightKeys), null);
        if (leftDistinct == null || rightDistinct == null) {
            return true;
        }
        double output = leftRows * rightRows / Math.max(Math.max(leftDistinct, rightDistinct), 1);
        boolean pays = output <= MAX_JOIN_GROWTH * largerInput;
        log.debug("Join of {} and {} rows ({} and {} distinct keys), about {} rows out: pushed {}", leftRows, rightRows, leftDistinct, rightDistinct, output, pays);
        return pays;
    }

    /**
     * A projection over a filter the source cannot run whole: the conjuncts it can run are sent
     * with only the columns the projection and the other conjuncts use (not every column of the
     * filter's input), and Basin applies the rest and the projection.
     */
    private Optional<Visited> splitFilterUnderProject(Project project, Filter filter)
    {
        Visited input = visit(filter.getInput());
        if (input.source().isEmpty()) {
            return Optional.empty();
        }
        Source source = input.source().get();
        RemoteOperations operations = new RemoteOperations(source.dialect());
        if (operations.supports(filter)) {
            return Optional.empty();
        }
        List<RexNode> remote = new ArrayList<>();
        List<RexNode> local = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            (operations.supportsCondition(conjunct) ? remote : local).add(conjunct);
        }
        if (remote.isEmpty()) {
            return Optional.empty();
        }
        RexNode localCondition = RexUtil.composeConjunction(rexBuilder, local);
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), localCondition);
        List<Integer> kept = used.asList();
        if (kept.isEmpty()) {
            // nothing to select: the filter alone is split (splitFilter)
            return Optional.empty();
        }
        List<RexNode> keptFields = new ArrayList<>();
        List<String> keptNames = new ArrayList<>();
        for (int field : kept) {
            keptFields.add(rexBuilder.makeInputRef(filter, field));
            keptNames.add(filter.getRowType().getFieldNames().get(field));
        }
        RelNode remoteFilter = filter.copy(filter.getTraitSet(), input.rel(), RexUtil.composeConjunction(rexBuilder, remote));
        RelNode trimmed = LogicalProject.create(remoteFilter, List.of(), keptFields, keptNames, java.util.Set.of());
        RelNode pushed = push(trimmed, source);
        // field i of the filter is field kept.indexOf(i) of the pushed statement
        Mappings.TargetMapping mapping = Mappings.target(kept::indexOf, filter.getRowType().getFieldCount(), kept.size());
        RelNode localFilter = LogicalFilter.create(pushed, RexUtil.apply(mapping, localCondition));
        RelNode projected = project.copy(project.getTraitSet(), localFilter, RexUtil.apply(mapping, project.getProjects()), project.getRowType());
        return Optional.of(new Visited(projected, Optional.empty()));
    }

    /**
     * A filter the source cannot run whole, split into the conjuncts it runs (pushed with the
     * filter's input) and the rest, which Basin applies to the pushed statement's rows. Empty
     * when no conjunct can be pushed.
     */
    private Optional<RelNode> splitFilter(Filter filter, RelNode input, Source source)
    {
        RemoteOperations operations = new RemoteOperations(source.dialect());
        List<RexNode> remote = new ArrayList<>();
        List<RexNode> local = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            (operations.supportsCondition(conjunct) ? remote : local).add(conjunct);
        }
        if (remote.isEmpty()) {
            return Optional.empty();
        }
        RelNode pushed = push(filter.copy(filter.getTraitSet(), input, RexUtil.composeConjunction(rexBuilder, remote)), source);
        return Optional.of(filter.copy(filter.getTraitSet(), pushed, RexUtil.composeConjunction(rexBuilder, local)));
    }

    /** {@code subtree} as one remote statement, or, if the source cannot take it, with its inputs pushed. */
    private RelNode push(RelNode subtree, Source source)
    {
        if (subtree instanceof TableScan) {
            // a plain scan already reads only the columns it needs
            return subtree;
        }
        Optional<RelNode> remote = remoteScan(subtree, source);
        if (remote.isPresent()) {
            return remote.get();
        }
        List<RelNode> inputs = subtree.getInputs().stream().map(input -> push(input, source)).toList();
        return subtree.copy(subtree.getTraitSet(), inputs);
    }

    private Optional<RelNode> remoteScan(RelNode subtree, Source source)
    {
        RemoteSqlGenerator generator = new RemoteSqlGenerator(source.dialect());
        String sql;
        ResolvedTable table;
        try {
            sql = generator.toSql(withExactOutputTypes(new RemoteNames().visitAll(subtree), source.dialect()));
            table = sources.query(source.catalogName(), sql);
        }
        catch (TrinoException | UnsupportedOperationException | AssertionError e) {
            log.debug("Not pushing a subtree into {}: {}", source.catalogName(), e.getMessage());
            return Optional.empty();
        }
        List<RelDataTypeField> fields = subtree.getRowType().getFieldList();
        if (table.columns().size() != fields.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < fields.size(); i++) {
            if (!compatible(TypeConverter.toTrinoType(fields.get(i).getType()), table.columns().get(i))) {
                log.debug("Not pushing a subtree into {}: column {} is {}, expected {}", source.catalogName(), i, table.columns().get(i).type(), fields.get(i).getType());
                return Optional.empty();
            }
        }
        RelOptCluster cluster = subtree.getCluster();
        // the statement's rows as estimated from the sources' statistics, and those of the largest
        // table it reads, for Basin's join planning (how much the pushed filters keep)
        Double estimatedRows = cluster.getMetadataQuery().getRowCount(subtree);
        if (estimatedRows != null && table.rowCount().isEmpty()) {
            table = new ResolvedTable(table.name(), table.handle(), table.columns(), OptionalDouble.of(estimatedRows), table.distinctValues(), table.remoteSql(),
                    largestInput(subtree));
        }
        RelNode scan = LogicalTableScan.create(cluster,
                new NamedTable(List.of(source.catalogName(), "system", "query"), subtree.getRowType(), Optional.of(new ConnectorTable(table))),
                List.of());
        if (subtree instanceof Sort sort) {
            return Optional.of(LogicalSort.create(scan, sort.getCollation(), null, sort.fetch));
        }
        return Optional.of(scan);
    }

    /** The estimated rows of the largest table a subtree reads. */
    private static OptionalDouble largestInput(RelNode subtree)
    {
        if (subtree instanceof TableScan scan) {
            Double rows = scan.getCluster().getMetadataQuery().getRowCount(scan);
            return rows == null ? OptionalDouble.empty() : OptionalDouble.of(rows);
        }
        return subtree.getInputs().stream()
                .map(PushSubqueriesIntoSources::largestInput)
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .max();
    }

    /** A table for a plan fragment: a name, a row type and, for a pushed-down statement, the table Basin reads. */
    private static final class NamedTable
            extends RelOptAbstractTable
    {
        private final List<String> qualifiedName;
        private final Optional<ConnectorTable> table;

        NamedTable(List<String> qualifiedName, RelDataType rowType, Optional<ConnectorTable> table)
        {
            super(null, String.join(".", qualifiedName), rowType);
            this.qualifiedName = List.copyOf(qualifiedName);
            this.table = table;
        }

        @Override
        public List<String> getQualifiedName()
        {
            return qualifiedName;
        }

        @Override
        public <C> C unwrap(Class<C> type)
        {
            if (table.isPresent() && type.isInstance(table.get())) {
                return type.cast(table.get());
            }
            return super.unwrap(type);
        }
    }

    private static boolean compatible(Type expected, TableColumn actual)
    {
        // strings of any declared length hold the same values
        return expected.equals(actual.type()) || expected instanceof VarcharType && actual.type() instanceof VarcharType;
    }

    /** The fragment's outputs cast to their Basin types, so the source returns exactly those (sum(int) is numeric in PostgreSQL). */
    private RelNode withExactOutputTypes(RelNode fragment, RemoteSqlDialect dialect)
    {
        List<RexNode> projections = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (RelDataTypeField field : fragment.getRowType().getFieldList()) {
            RexNode reference = new RexInputRef(field.getIndex(), field.getType());
            SqlTypeName type = field.getType().getSqlTypeName();
            boolean string = type == SqlTypeName.VARCHAR || type == SqlTypeName.CHAR;
            // MySQL casts integers only to SIGNED (a bigint) and has no boolean: those stay as the
            // source returns them, and the type check below keeps them local if they differ
            boolean uncastable = dialect == RemoteSqlDialect.MYSQL
                    && (type == SqlTypeName.TINYINT || type == SqlTypeName.SMALLINT || type == SqlTypeName.INTEGER || type == SqlTypeName.BOOLEAN);
            projections.add(string || uncastable ? reference : rexBuilder.makeAbstractCast(field.getType(), reference, false));
            names.add(field.getName());
        }
        return LogicalProject.create(fragment, List.of(), projections, names, java.util.Set.of());
    }

    /**
     * Scans as the source names them ({@code schema.table}), each string column cast to a string
     * so it compares by the text Basin holds.
     */
    private final class RemoteNames
            extends RelShuttleImpl
    {
        RelNode visitAll(RelNode rel)
        {
            return rel.accept(this);
        }

        @Override
        public RelNode visit(TableScan scan)
        {
            ResolvedTable table = scan.getTable().unwrap(ConnectorTable.class).table();
            RelNode remote = LogicalTableScan.create(scan.getCluster(),
                    new NamedTable(List.of(table.name().schema(), table.name().table()), scan.getRowType(), Optional.empty()),
                    List.of());
            List<RexNode> projections = new ArrayList<>();
            boolean anyString = false;
            for (RelDataTypeField field : scan.getRowType().getFieldList()) {
                RexNode reference = new RexInputRef(field.getIndex(), field.getType());
                RelDataType type = field.getType();
                if (type.getSqlTypeName() == SqlTypeName.VARCHAR || type.getSqlTypeName() == SqlTypeName.CHAR) {
                    // the column's own type: a value of it always fits, so the cast never truncates
                    projections.add(rexBuilder.makeAbstractCast(type, reference, false));
                    anyString = true;
                }
                else {
                    projections.add(reference);
                }
            }
            return anyString ? LogicalProject.create(remote, List.of(), projections, scan.getRowType().getFieldNames(), java.util.Set.of()) : remote;
        }
    }
}

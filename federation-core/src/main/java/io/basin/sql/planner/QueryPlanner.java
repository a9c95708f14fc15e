package io.basin.sql.planner;

import io.basin.metadata.ResolvedTable;
import io.basin.pushdown.RemoteSqlDialect;
import io.basin.sql.optimizer.PushSubqueriesIntoSources;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.metadata.QueryCatalogs;
import io.basin.metadata.SessionContext;
import io.basin.metadata.pgcatalog.CatalogTableDefinitions;
import io.basin.metadata.pgcatalog.PgCatalog;
import io.basin.plan.PlanNode;
import io.basin.sql.analyzer.BasinConformance;
import io.basin.sql.analyzer.BasinOperatorTable;
import io.basin.sql.analyzer.BasinTypeCoercion;
import io.basin.sql.analyzer.BasinTypeSystem;
import io.basin.sql.analyzer.CatalogSchemas;
import io.basin.sql.optimizer.OptimizerProgram;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * Validates a query against the catalogs, converts it to relational algebra, removes subqueries,
 * decorrelates, optimizes with {@link OptimizerProgram}, and translates the result to Basin's
 * plan.
 */
public final class QueryPlanner
{
    /**
     * A planned query: Basin's plan plus the output column names; {@code reusable} when another
     * run of the same statement text may start from this planning's optimized rel tree.
     */
    public record PlannedQuery(PlanNode root, List<String> columnNames, RelNode optimizedRel, Optional<ReusablePlan> reusable)
    {
        public PlannedQuery
        {
            requireNonNull(root, "root is null");
            columnNames = List.copyOf(columnNames);
            requireNonNull(reusable, "reusable is null");
        }
    }

    /**
     * The end of parsing, validation and logical optimization of a query, kept for another run of
     * the same statement: only the steps that read this statement's catalog transactions and
     * clock (binding tables, folding constants such as {@code now()}, pushing into connectors)
     * run again. Only a tree that reads connector tables and nothing planned from data (no
     * {@code pg_catalog} rows, no statement pushed to a source) is reusable.
     */
    public record ReusablePlan(RelNode rel, List<String> columnNames)
    {
        public ReusablePlan
        {
            requireNonNull(rel, "rel is null");
            columnNames = List.copyOf(columnNames);
        }
    }

    static {
        CalciteCharset.useUtf8();
    }

    /** Calcite's metadata with Basin's statistics first (distinct values from connectors). */
    private static final org.apache.calcite.rel.metadata.RelMetadataProvider METADATA_PROVIDER = org.apache.calcite.rel.metadata.ChainedRelMetadataProvider.of(List.of(
            org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider.reflectiveSource(new io.basin.sql.optimizer.BasinDistinctRowCount(), org.apache.calcite.rel.metadata.BuiltInMetadata.DistinctRowCount.Handler.class),
            org.apache.calcite.rel.metadata.DefaultRelMetadataProvider.INSTANCE));

    private final QueryCatalogs catalogs;
    private final PgCatalog pgCatalog;
    private final RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl(BasinTypeSystem.INSTANCE);
    private final SqlValidator validator;
    private final CalciteCatalogReader catalogReader;

    private final ConstantFolder constantFolder;
    private final boolean federatedPushdown;
    private final boolean scanPushdown;
    private final boolean aggregateExpressionPushdown;
    private final boolean coLocatedJoins;
    private final boolean sharedSubplans;

    /** Whether an on/off planner setting is on: every one defaults to on. */
    private static boolean enabled(SessionContext session, String setting)
    {
        return session.settings().stream().noneMatch(value -> value.name().equals(setting) && value.setting().equals("off"));
    }

    public QueryPlanner(QueryCatalogs catalogs, SessionContext session, ConstantFolder constantFolder)
    {
        this.constantFolder = requireNonNull(constantFolder, "constantFolder is null");
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        requireNonNull(session, "session is null");
        this.federatedPushdown = enabled(session, "federated_pushdown");
        this.scanPushdown = enabled(session, "scan_pushdown");
        this.aggregateExpressionPushdown = enabled(session, "aggregate_expression_pushdown");
        this.coLocatedJoins = enabled(session, "colocated_joins");
        this.sharedSubplans = enabled(session, "shared_subplans");
        this.pgCatalog = new PgCatalog(catalogs, requireNonNull(session, "session is null"));
        CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", CatalogSchemas.rootSchema(catalogs, pgCatalog));
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        properties.setProperty(CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), NullCollation.HIGH.name());
        CalciteConnectionConfig config = new CalciteConnectionConfigImpl(properties);
        this.catalogReader = new CalciteCatalogReader(
                root,
                SqlNameMatchers.withCaseSensitive(true),
                schemaPaths(catalogs, session),
                typeFactory,
                config) {};  // the constructor taking several schema paths is protected
        SqlValidator.Config validatorConfig = SqlValidator.Config.DEFAULT
                .withConformance(BasinConformance.INSTANCE)
                .withDefaultNullCollation(NullCollation.HIGH)
                .withIdentifierExpansion(true)
                .withTypeCoercionEnabled(true)
                .withTypeCoercionFactory(BasinTypeCoercion.FACTORY)
                .withCallRewrite(true);
        this.validator = new BasinSqlValidator(BasinOperatorTable.INSTANCE, catalogReader, typeFactory, validatorConfig);
    }

    /**
     * Where unqualified names are looked up: {@code pg_catalog} first unless the search path lists
     * it, then the search path's schemas of the session's database (names such as
     * {@code tpch.tiny} reach other catalogs), then the database itself ({@code schema.table}),
     * then the root ({@code catalog.schema.table}).
     */
    private static List<List<String>> schemaPaths(QueryCatalogs catalogs, SessionContext session)
    {
        List<List<String>> paths = new java.util.ArrayList<>();
        if (!session.searchPath().contains(CatalogTableDefinitions.PG_CATALOG)) {
            paths.add(List.of(session.database(), CatalogTableDefinitions.PG_CATALOG));
        }
        for (String entry : session.searchPath()) {
            String schema = entry.equals("$user") ? session.user() : entry;
            // schemas that do not exist are skipped, as in PostgreSQL (and would confuse Calcite's messages)
            if (schemaExists(catalogs, session.database(), schema)) {
                paths.add(List.of(session.database(), schema));
            }
        }
        paths.add(List.of(session.database()));
        paths.add(List.of());
        return paths;
    }

    private static boolean schemaExists(QueryCatalogs catalogs, String database, String schema)
    {
        if (CatalogTableDefinitions.isCatalogSchema(schema)) {
            return true;
        }
        int dot = schema.indexOf('.');
        if (dot > 0) {
            String catalog = schema.substring(0, dot);
            return catalogs.catalogExists(catalog) && catalogs.schemaExists(catalog, schema.substring(dot + 1));
        }
        return catalogs.catalogExists(database) && catalogs.schemaExists(database, schema);
    }

    public PgCatalog pgCatalog()
    {
        return pgCatalog;
    }

    public RelDataTypeFactory typeFactory()
    {
        return typeFactory;
    }

    public RelDataType deriveType(SqlDataTypeSpec spec)
    {
        try {
            return spec.deriveType(validator);
        }
        catch (CalciteContextException e) {
            throw translateValidationError(e);
        }
    }

    /** A query's result columns and the types inferred for its {@code ?} parameters, from validation alone. */
    public record QueryDescription(List<String> columnNames, List<RelDataType> columnTypes, List<RelDataType> parameterTypes)
    {
        public QueryDescription
        {
            columnNames = List.copyOf(columnNames);
            columnTypes = List.copyOf(columnTypes);
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    /** Validates {@code query} without planning it: what a client's Describe needs. */
    public QueryDescription describe(SqlNode query)
    {
        SqlNode validated;
        try {
            validated = validator.validate(SqlTreeCopy.copy(query));
        }
        catch (CalciteContextException e) {
            throw translateValidationError(e);
        }
        RelDataType rowType = validator.getValidatedNodeType(validated);
        List<RelDataType> columnTypes = rowType.getFieldList().stream().map(field -> field.getType()).toList();
        List<String> names = OutputColumnNames.postgresNames(validated, rowType.getFieldNames());
        List<RelDataType> parameterTypes = validator.getParameterRowType(validated).getFieldList().stream().map(field -> field.getType()).toList();
        return new QueryDescription(names, columnTypes, parameterTypes);
    }

    public PlannedQuery plan(SqlNode query)
    {
        SqlNode validated;
        try {
            validated = validator.validate(SqlTreeCopy.copy(query));
        }
        catch (CalciteContextException e) {
            throw translateValidationError(e);
        }
        RelDataType rowType = validator.getValidatedNodeType(validated);

        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.setExecutor(KeepExpressionsExecutor.INSTANCE);
        RexBuilder rexBuilder = new BasinRexBuilder(typeFactory);
        RelOptCluster cluster = RelOptCluster.create(planner, rexBuilder);
        cluster.setMetadataProvider(METADATA_PROVIDER);
        SqlToRelConverter.Config converterConfig = SqlToRelConverter.config()
                .withTrimUnusedFields(true)
                .withExpand(false)
                .withInSubQueryThreshold(Integer.MAX_VALUE)
                .withRelBuilderConfigTransform(builder -> builder.withSimplify(true));
        SqlToRelConverter converter = new SqlToRelConverter(
                (type, queryString, schemaPath, viewPath) -> {
                    throw new BasinException(BasinErrorCode.FEATURE_NOT_SUPPORTED, "Views are not supported");
                },
                validator, catalogReader, cluster, StandardConvertletTable.INSTANCE, converterConfig);
        RelRoot root;
        try {
            root = converter.convertQuery(validated, false, true);
        }
        catch (CalciteContextException e) {
            throw translateValidationError(e);
        }
        RelNode rel = root.rel;
        RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(cluster, catalogReader);

        rel = OptimizerProgram.runIf(OptimizerProgram.SUBQUERY_REMOVAL, rel, OptimizerProgram.HAS_SUB_QUERY);
        // catalog tables with no rows become empty values, and whatever only they feed is pruned:
        // clients' catalog queries touch features (arrays, set-returning functions) that Basin
        // evaluates only over the catalog tables that have rows
        rel = CatalogTableExpansion.expand(rel);
        rel = OptimizerProgram.runIf(OptimizerProgram.PRUNE_EMPTY, rel, OptimizerProgram.HAS_EMPTY_VALUES);
        rel = io.basin.sql.optimizer.CorrelatedExistsToSemiJoins.apply(rel);
        rel = io.basin.sql.optimizer.UncorrelatedCorrelates.apply(rel);
        rel = RelDecorrelator.decorrelateQuery(rel, relBuilder);
        rel = OptimizerProgram.runIf(OptimizerProgram.PRUNE_EMPTY, rel, OptimizerProgram.HAS_EMPTY_VALUES);
        rel = OptimizerProgram.run(OptimizerProgram.DISTINCT_AGGREGATES, rel);
        rel = new RelFieldTrimmer(validator, relBuilder).trim(rel);
        rel = io.basin.sql.optimizer.InferDisjunctionFilters.apply(rel);
        rel = OptimizerProgram.run(OptimizerProgram.SIMPLIFY, rel);
        rel = OptimizerProgram.runIf(OptimizerProgram.JOIN_EXPRESSIONS, rel, OptimizerProgram.HAS_JOIN);
        rel = OptimizerProgram.run(OptimizerProgram.JOIN_ORDER_PREPARE, rel);
        rel = OptimizerProgram.runIf(OptimizerProgram.JOIN_ORDER, rel, OptimizerProgram.HAS_JOIN);
        rel = OptimizerProgram.runIf(OptimizerProgram.JOIN_ORDER_OPTIMIZE, rel, OptimizerProgram.HAS_JOIN);
        rel = OptimizerProgram.run(OptimizerProgram.CLEANUP, rel);
        rel = new RelFieldTrimmer(validator, relBuilder).trim(rel);
        rel = OptimizerProgram.run(List.of(CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE, CoreRules.FILTER_PROJECT_TRANSPOSE), rel);
        rel = OptimizerProgram.runIf(OptimizerProgram.WINDOWS, rel, OptimizerProgram.HAS_WINDOW);
        if (federatedPushdown) {
            PushSubqueriesIntoSources.RemoteSources sources = remoteSources();
            if (PushSubqueriesIntoSources.readsRemoteSources(rel, sources)) {
                rel = new ConstantConditions(rexBuilder, constantFolder).fold(rel);
                rel = PushSubqueriesIntoSources.apply(rel, sources);
            }
        }

        // RelRoot may carry a final projection (field reordering or dropping hidden sort keys)
        RelNode projected = root.isRefTrivial() ? rel : relBuilder.push(rel).project(relBuilder.fields(root.fields.stream().map(field -> field.getKey()).toList())).build();
        if (!root.isRefTrivial()) {
            projected = OptimizerProgram.run(List.of(CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE), projected);
        }
        PlanNode plan = bind(projected, rexBuilder, RelToPlanTranslator.TableBinder.AS_PLANNED);
        List<String> names = root.fields.stream().map(field -> field.getValue()).toList();
        if (names.size() != plan.outputTypes().size()) {
            names = rowType.getFieldNames();
        }
        names = OutputColumnNames.postgresNames(validated, names);
        boolean reusable = ReusableRelTrees.readsOnlyConnectorTables(root.rel) && ReusableRelTrees.readsOnlyConnectorTables(projected);
        return new PlannedQuery(plan, names, projected, reusable ? Optional.of(new ReusablePlan(projected, names)) : Optional.empty());
    }

    /**
     * Plans a query again from an earlier planning of the same text ({@link PlannedQuery#reusable()}):
     * its tables are resolved anew in this statement's transactions (keeping the statistics the
     * tree was optimized with) and everything after logical optimization runs again. Empty when a table is gone or its columns changed; the caller then
     * plans the query from its text.
     */
    public Optional<PlannedQuery> replan(ReusablePlan reusable)
    {
        RelToPlanTranslator.TableBinder tables = planned -> catalogs.resolveTableAgain(planned)
                .filter(current -> sameColumns(planned, current))
                .orElseThrow(StaleTable::new);
        PlanNode plan;
        try {
            // Calcite's metadata cache of the tree's cluster, which translation reads, is not thread-safe
            synchronized (reusable) {
                plan = bind(reusable.rel(), new BasinRexBuilder(reusable.rel().getCluster().getTypeFactory()), tables);
            }
        }
        catch (StaleTable e) {
            return Optional.empty();
        }
        return Optional.of(new PlannedQuery(plan, reusable.columnNames(), reusable.rel(), Optional.of(reusable)));
    }

    private static boolean sameColumns(ResolvedTable planned, ResolvedTable current)
    {
        if (planned.columns().size() != current.columns().size()) {
            return false;
        }
        for (int i = 0; i < planned.columns().size(); i++) {
            if (!planned.columns().get(i).name().equals(current.columns().get(i).name()) || !planned.columns().get(i).type().equals(current.columns().get(i).type())) {
                return false;
            }
        }
        return true;
    }

    /** A table of a reused plan that no longer resolves to the same columns. */
    private static final class StaleTable
            extends RuntimeException
    {
        StaleTable()
        {
            super(null, null, false, false);
        }
    }

    /** The optimized rel tree as Basin's plan, its tables bound by {@code tables}, with what connectors take over pushed into them. */
    private PlanNode bind(RelNode projected, RexBuilder rexBuilder, RelToPlanTranslator.TableBinder tables)
    {
        PlanNode plan = new RelToPlanTranslator(rexBuilder, constantFolder, new CatalogFunctions(pgCatalog), tables).translate(projected);
        if (scanPushdown) {
            plan = new io.basin.sql.planner.pushdown.PushIntoTableScans(connectorPushdown(), expression -> constantFolder.fold(expression)
                    .map(io.basin.plan.expr.Constant::value)
                    .orElseThrow(() -> new IllegalArgumentException("not a constant: " + expression)), aggregateExpressionPushdown).rewrite(plan);
        }
        if (sharedSubplans) {
            // before co-location: a join reading a shared subplan reads a buffer, not a partitioned scan
            plan = SharedSubplans.apply(plan);
        }
        if (coLocatedJoins) {
            plan = new io.basin.sql.planner.pushdown.MarkCoLocatedJoins(tablePartitionings()).rewrite(plan);
        }
        return plan;
    }

    /** The table partitionings the statement's catalogs report, in their plugins' class loaders. */
    private io.basin.sql.planner.pushdown.TablePartitionings tablePartitionings()
    {
        return (catalog, handle) -> {
            io.basin.connector.CatalogTransaction transaction = catalogs.transaction(catalog);
            try (io.basin.connector.ThreadContextClassLoader _ = new io.basin.connector.ThreadContextClassLoader(transaction.catalog().classLoader())) {
                return transaction.metadata(catalogs.session()).getTableProperties(catalogs.session(), handle).getTablePartitioning()
                        .flatMap(partitioning -> transaction.catalog().connector().getNodePartitioningProvider()
                                .getBucketNodeMapping(transaction.handle(), catalogs.session(), partitioning.getPartitioningHandle())
                                .filter(buckets -> !buckets.hasFixedMapping())
                                .map(buckets -> new io.basin.sql.planner.pushdown.TablePartitionings.TablePartitioning(
                                        partitioning.getPartitioningHandle(), partitioning.getPartitioningColumns(), buckets.getBucketCount())));
            }
        };
    }

    /** applyFilter and applyAggregation of the statement's catalogs, in their plugins' class loaders. */
    private io.basin.sql.planner.pushdown.ConnectorPushdown connectorPushdown()
    {
        return new io.basin.sql.planner.pushdown.ConnectorPushdown()
        {
            @Override
            public Optional<io.trino.spi.connector.ConstraintApplicationResult<io.trino.spi.connector.ConnectorTableHandle>> applyFilter(
                    String catalog, io.trino.spi.connector.ConnectorTableHandle handle, io.trino.spi.connector.Constraint constraint)
            {
                io.basin.connector.CatalogTransaction transaction = catalogs.transaction(catalog);
                try (io.basin.connector.ThreadContextClassLoader _ = new io.basin.connector.ThreadContextClassLoader(transaction.catalog().classLoader())) {
                    return transaction.metadata(catalogs.session()).applyFilter(catalogs.session(), handle, constraint);
                }
            }

            @Override
            public Optional<io.trino.spi.connector.AggregationApplicationResult<io.trino.spi.connector.ConnectorTableHandle>> applyAggregation(
                    String catalog,
                    io.trino.spi.connector.ConnectorTableHandle handle,
                    List<io.trino.spi.connector.AggregateFunction> aggregates,
                    java.util.Map<String, io.trino.spi.connector.ColumnHandle> assignments,
                    List<List<io.trino.spi.connector.ColumnHandle>> groupingSets)
            {
                io.basin.connector.CatalogTransaction transaction = catalogs.transaction(catalog);
                try (io.basin.connector.ThreadContextClassLoader _ = new io.basin.connector.ThreadContextClassLoader(transaction.catalog().classLoader())) {
                    return transaction.metadata(catalogs.session()).applyAggregation(catalogs.session(), handle, aggregates, assignments, groupingSets);
                }
            }
        };
    }

    /** The catalogs whose connectors run pushed-down statements, by their dialect. */
    private PushSubqueriesIntoSources.RemoteSources remoteSources()
    {
        return new PushSubqueriesIntoSources.RemoteSources()
        {
            @Override
            public Optional<RemoteSqlDialect> dialect(String catalogName)
            {
                return catalogs.queryPassThroughConnector(catalogName).flatMap(connector -> switch (connector) {
                    case "postgresql" -> Optional.of(RemoteSqlDialect.POSTGRESQL);
                    case "mysql" -> Optional.of(RemoteSqlDialect.MYSQL);
                    default -> Optional.empty();
                });
            }

            @Override
            public ResolvedTable query(String catalogName, String sql)
            {
                return catalogs.remoteQuery(catalogName, sql);
            }
        };
    }

    public static String explainRel(RelNode rel)
    {
        return RelOptUtil.toString(rel);
    }

    private static BasinException translateValidationError(CalciteContextException e)
    {
        Throwable cause = e.getCause();
        String message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
        BasinErrorCode code = classify(message, cause);
        if (code == BasinErrorCode.UNDEFINED_COLUMN && message != null) {
            // PostgreSQL's wording; Calcite reports an unknown name in the select list as a self-reference
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("[Cc]olumn '([^']*)'").matcher(message);
            if (matcher.find() && (message.contains("depends on itself") || message.contains("not found in any table"))) {
                message = "column \"" + matcher.group(1) + "\" does not exist";
            }
        }
        OptionalInt line = e.getPosLine() > 0 ? OptionalInt.of(e.getPosLine()) : OptionalInt.empty();
        OptionalInt column = e.getPosColumn() > 0 ? OptionalInt.of(e.getPosColumn()) : OptionalInt.empty();
        String positioned = line.isPresent()
                ? "%s (at line %d, column %d)".formatted(message, line.getAsInt(), column.orElse(0))
                : message;
        return new BasinException(code, positioned, line, column, e);
    }

    private static BasinErrorCode classify(String message, Throwable cause)
    {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.contains("column '") && (lower.contains("not found") || lower.contains("depends on itself"))) {
            return BasinErrorCode.UNDEFINED_COLUMN;
        }
        if (lower.contains("object '") && lower.contains("not found") && !lower.contains("column")) {
            return BasinErrorCode.UNDEFINED_TABLE;
        }
        if (lower.contains("table '") && lower.contains("not found")) {
            return BasinErrorCode.UNDEFINED_TABLE;
        }
        if (lower.contains("column '") && (lower.contains("not found") || lower.contains("depends on itself"))) {
            return BasinErrorCode.UNDEFINED_COLUMN;
        }
        if (lower.contains("ambiguous")) {
            return BasinErrorCode.AMBIGUOUS_COLUMN;
        }
        if (lower.contains("no match found for function signature")) {
            return BasinErrorCode.UNDEFINED_FUNCTION;
        }
        if (lower.contains("cannot apply") || lower.contains("cannot assign") || lower.contains("type mismatch") || lower.contains("cannot infer return type")
                || lower.contains("illegal mixing of types") || lower.contains("cast function cannot convert")) {
            return BasinErrorCode.DATATYPE_MISMATCH;
        }
        if (lower.contains("not being grouped") || lower.contains("aggregate") && lower.contains("illegal")) {
            return BasinErrorCode.GROUPING_ERROR;
        }
        if (lower.contains("unknown identifier") || lower.contains("unknown")) {
            return BasinErrorCode.UNDEFINED_COLUMN;
        }
        if (lower.contains("not supported") || lower.contains("unsupported")) {
            return BasinErrorCode.FEATURE_NOT_SUPPORTED;
        }
        if (cause instanceof SqlValidatorException) {
            return BasinErrorCode.SYNTAX_ERROR;
        }
        return BasinErrorCode.SYNTAX_ERROR;
    }

}

package io.basin.engine;

import io.basin.connector.BasinConnectorSession;
import io.basin.connector.CatalogTransaction;
import io.basin.connector.ConnectorRegistry;
import io.basin.embedded.QueryResult;
import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.execution.QueryContext;
import io.basin.execution.memory.QueryMemoryPool;
import io.basin.metadata.QualifiedTableName;
import io.basin.metadata.QueryCatalogs;
import io.basin.metadata.ResolvedTable;
import io.basin.metadata.TableColumn;
import io.basin.plan.AlwaysNullColumns;
import io.basin.plan.PlanNode;
import io.basin.plan.ProjectNode;
import io.basin.plan.TableWriterNode;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.InputReference;
import io.basin.sql.analyzer.TypeConverter;
import io.basin.sql.parser.Statement;
import io.basin.sql.parser.StatementParser;
import io.basin.sql.planner.ExplainAnalyzePrinter;
import io.basin.sql.planner.PlanPrinter;
import io.basin.sql.planner.QueryPlanCache;
import io.basin.sql.planner.QueryPlanner;
import io.basin.sql.planner.RexTranslator;
import io.basin.sql.planner.physical.LocalExecutionPlan;
import io.basin.sql.planner.physical.PhysicalPlanner;
import io.basin.execution.driver.ExecutionStatistics;
import io.basin.execution.operator.DiscardingSink;
import io.basin.execution.operator.PageBufferSink;
import io.basin.execution.operator.StreamingResultSink;
import io.trino.spi.Page;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SaveMode;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.type.TimeZoneKey;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import org.apache.calcite.sql.SqlNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.basin.error.BasinErrorCode.DUPLICATE_TABLE;
import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.INTERNAL_ERROR_CODE;
import static io.basin.error.BasinErrorCode.UNDEFINED_SCHEMA;
import static io.basin.error.BasinErrorCode.UNDEFINED_TABLE;
import static java.util.Objects.requireNonNull;

/** Session state and statement dispatch: one statement at a time, each in its own transaction. */
public final class Session
        implements AutoCloseable
{
    public static final String DEFAULT_CATALOG = io.basin.connector.ConnectorRegistry.LOCAL_CATALOG;
    public static final String DEFAULT_SCHEMA = "public";

    private final Engine engine;
    private final SessionIdentity identity;
    /** The most a query's result buffers between the drivers and a slow client. */
    private static final long RESULT_BUFFER_BYTES = 4L << 20;

    private final SessionSettings settings;
    private volatile QueryContext currentQuery;
    private TransactionStatus transactionStatus = TransactionStatus.IDLE;
    private CatalogTransaction blockTransaction;

    Session(Engine engine, SessionIdentity identity)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.identity = requireNonNull(identity, "identity is null");
        this.settings = new SessionSettings(identity.user(), identity.database(), engine.config().queryMaxMemoryBytes());
    }

    public SessionIdentity identity()
    {
        return identity;
    }

    public SessionSettings settings()
    {
        return settings;
    }

    /** Cancels the statement running in this session, if any (from another thread). */
    public void cancel()
    {
        QueryContext query = currentQuery;
        if (query != null) {
            query.cancel("canceled by user");
        }
    }

    /** Runs one statement to completion and returns all its rows: the embedded API's call. */
    public QueryResult execute(String sql)
    {
        try (StatementResult result = start(sql)) {
            if (result.columns().isEmpty()) {
                return QueryResult.updateCount(result.updateCount());
            }
            List<Type> types = result.columns().stream().map(QueryResult.Column::type).toList();
            List<Page> pages = new ArrayList<>();
            Page page;
            try {
                while ((page = result.nextPage()) != null) {
                    pages.add(page);
                }
            }
            catch (RuntimeException e) {
                // an error while the rows stream fails the transaction block like any other
                failTransaction();
                throw e;
            }
            return new QueryResult(result.columns(), ResultRows.toRows(types, pages), -1);
        }
    }

    /**
     * Parses and starts one statement; a query's rows stream from the result as it runs. A query
     * whose plan is kept by its text is not parsed unless the plan turns out stale.
     */
    public StatementResult start(String sql)
    {
        Statement statement;
        try {
            // in a failed block the query is refused as any statement is (start(Statement))
            if (settings.planCache() && transactionStatus != TransactionStatus.FAILED) {
                QueryPlanCache.Key key = planKey(sql);
                if (engine.planCache().contains(key)) {
                    return startQuery(Optional.of(key), () -> ((Statement.Query) StatementParser.parse(sql)).query());
                }
            }
            statement = StatementParser.parse(sql);
        }
        catch (RuntimeException | StackOverflowError e) {
            failTransaction();
            throw translate(e);
        }
        return start(statement);
    }

    /**
     * Starts one parsed statement. In a failed transaction block only COMMIT and ROLLBACK are
     * accepted (SQLSTATE 25P02), as in PostgreSQL; any failure inside a block fails the block.
     */
    public StatementResult start(Statement statement)
    {
        requireNonNull(statement, "statement is null");
        if (statement instanceof Statement.TransactionControl control) {
            return transactionControl(control);
        }
        if (transactionStatus == TransactionStatus.FAILED) {
            throw new BasinException(BasinErrorCode.IN_FAILED_SQL_TRANSACTION, "current transaction is aborted, commands ignored until end of transaction block");
        }
        try {
            return switch (statement) {
                case Statement.Query query -> startQuery(query);
                case Statement.CopyTo copy -> startQuery(copy.query());
                default -> {
                    if (transactionStatus == TransactionStatus.IN_TRANSACTION && writes(statement) && !writesOnlyTransactionalCatalog(statement)) {
                        throw new BasinException(FEATURE_NOT_SUPPORTED, "Writes inside a transaction block are not supported yet except to tables and schemas of the local database \"%s\"; run the statement outside BEGIN ... COMMIT".formatted(io.basin.connector.ConnectorRegistry.LOCAL_CATALOG));
                    }
                    try {
                        yield CompletedStatement.of(execute(statement));
                    }
                    finally {
                        if (mayChangeCatalogs(statement)) {
                            engine.planCache().invalidateAll();
                        }
                    }
                }
            };
        }
        catch (RuntimeException | StackOverflowError e) {
            failTransaction();
            throw translate(e);
        }
    }

    /**
     * What a statement will return and which parameter types it implies, without running it: the
     * columns of a query (empty for statements without rows) and, for each {@code ?} marker in
     * order of appearance, the type its context requires (empty where it cannot be told).
     */
    public StatementDescription describe(Statement statement)
    {
        requireNonNull(statement, "statement is null");
        return switch (statement) {
            case Statement.Query query -> describeQuery(query);
            case Statement.Explain _ -> new StatementDescription(List.of(new QueryResult.Column("QUERY PLAN", VarcharType.VARCHAR)), List.of());
            case Statement.Show show -> new StatementDescription(List.of(new QueryResult.Column(show.name(), VarcharType.VARCHAR)), List.of());
            case Statement.Insert insert -> new StatementDescription(List.of(), insertParameterTypes(insert));
            default -> new StatementDescription(List.of(), List.of());
        };
    }

    /**
     * Parameters written directly as values ({@code INSERT INTO t VALUES (?, ?)}) take the type
     * of their target column, as in PostgreSQL; others stay unknown.
     */
    private List<Optional<Type>> insertParameterTypes(Statement.Insert insert)
    {
        if (!(insert.source() instanceof org.apache.calcite.sql.SqlCall values) || values.getKind() != org.apache.calcite.sql.SqlKind.VALUES) {
            return List.of();
        }
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), true)) {
            QualifiedTableName target = qualifyExisting(insert.target(), catalogs);
            Optional<ResolvedTable> table = catalogs.resolveTable(target);
            if (table.isEmpty()) {
                return List.of();
            }
            List<String> targetNames = insert.columns().orElse(table.get().columns().stream().map(TableColumn::name).toList());
            java.util.Map<Integer, Type> byParameter = new java.util.TreeMap<>();
            int unknown = 0;
            for (org.apache.calcite.sql.SqlNode row : values.getOperandList()) {
                if (!(row instanceof org.apache.calcite.sql.SqlCall rowCall)) {
                    continue;
                }
                List<org.apache.calcite.sql.SqlNode> fields = rowCall.getOperandList();
                for (int i = 0; i < fields.size(); i++) {
                    if (fields.get(i) instanceof org.apache.calcite.sql.SqlDynamicParam parameter && i < targetNames.size()) {
                        String name = targetNames.get(i);
                        table.get().columns().stream()
                                .filter(column -> column.name().equals(name))
                                .findFirst()
                                .ifPresent(column -> byParameter.put(parameter.getIndex(), column.type()));
                    }
                }
            }
            int count = byParameter.isEmpty() ? 0 : java.util.Collections.max(byParameter.keySet()) + 1;
            List<Optional<Type>> types = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                types.add(Optional.ofNullable(byParameter.get(i)));
            }
            return types;
        }
    }

    private StatementDescription describeQuery(Statement.Query query)
    {
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), true)) {
            QueryPlanner.QueryDescription description = planner(catalogs).describe(query.query());
            List<QueryResult.Column> columns = new ArrayList<>();
            for (int i = 0; i < description.columnTypes().size(); i++) {
                columns.add(new QueryResult.Column(description.columnNames().get(i), TypeConverter.toTrinoType(description.columnTypes().get(i))));
            }
            List<Optional<Type>> parameters = new ArrayList<>();
            for (var type : description.parameterTypes()) {
                Optional<Type> converted;
                try {
                    converted = type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.UNKNOWN || type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL
                            ? Optional.empty()
                            : Optional.of(TypeConverter.toTrinoType(type));
                }
                catch (RuntimeException e) {
                    converted = Optional.empty();
                }
                parameters.add(converted);
            }
            return new StatementDescription(columns, parameters);
        }
    }

    /** I (idle), T (in a transaction block) or E (in a failed block): the wire protocol's ReadyForQuery status. */
    public TransactionStatus transactionStatus()
    {
        return transactionStatus;
    }

    /** Marks the open transaction block, if any, as failed: for errors raised outside {@link #start}. */
    public void failTransaction()
    {
        if (transactionStatus == TransactionStatus.IN_TRANSACTION) {
            transactionStatus = TransactionStatus.FAILED;
        }
    }

    private StatementResult transactionControl(Statement.TransactionControl control)
    {
        // In the local database (warehouse) a block is one connector transaction, begun by its
        // first statement and committed or rolled back here; writes elsewhere are refused inside
        // a block (above), and reads elsewhere run in their own snapshot per statement.
        // settings follow the block: SET LOCAL ends with it, a rollback undoes its SETs (and
        // COMMIT of a failed block rolls back, as in PostgreSQL)
        switch (control.kind()) {
            case BEGIN -> {
                if (transactionStatus == TransactionStatus.IDLE) {
                    settings.beginTransaction();
                }
            }
            case COMMIT -> {
                if (transactionStatus == TransactionStatus.FAILED) {
                    settings.rollbackTransaction();
                }
                else {
                    settings.commitTransaction();
                }
            }
            case ROLLBACK -> settings.rollbackTransaction();
        }
        TransactionStatus before = transactionStatus;
        transactionStatus = switch (control.kind()) {
            case BEGIN -> transactionStatus == TransactionStatus.IDLE ? TransactionStatus.IN_TRANSACTION : transactionStatus;
            case COMMIT, ROLLBACK -> TransactionStatus.IDLE;
        };
        // the block ends even when its commit fails, as in PostgreSQL
        if (control.kind() != Statement.TransactionControl.Kind.BEGIN) {
            try {
                endBlockTransaction(control.kind() == Statement.TransactionControl.Kind.COMMIT && before == TransactionStatus.IN_TRANSACTION);
            }
            finally {
                // plans made inside the block may have seen its tables; a rollback undoes them
                engine.planCache().invalidateAll();
            }
        }
        return new CompletedStatement(List.of(), List.of(), -1);
    }

    /**
     * Whether a statement may change what a query's planning read (tables, their columns and
     * statistics, schemas, users): all but settings, SHOW and plain EXPLAIN. Even a failed one,
     * which may have done part of its work.
     */
    private static boolean mayChangeCatalogs(Statement statement)
    {
        return switch (statement) {
            case Statement.SetSession _, Statement.Show _ -> false;
            case Statement.Explain explain -> explain.analyze();
            default -> true;
        };
    }

    private static boolean writes(Statement statement)
    {
        return switch (statement) {
            case Statement.CreateTableAs _, Statement.CreateTable _, Statement.Insert _, Statement.CopyFrom _, Statement.DropTable _, Statement.CreateSchema _, Statement.DropSchema _,
                 Statement.Delete _, Statement.Update _, Statement.AlterTable _, Statement.Analyze _, Statement.Truncate _, Statement.Vacuum _, Statement.CreateExternalSchema _ -> true;
            // they commit in the system catalog at once, so a ROLLBACK could not undo them
            case Statement.UserStatement _ -> true;
            default -> false;
        };
    }

    /** A failure as the PostgreSQL error it stands for (connector errors mapped to SQLSTATEs), for every way a statement fails. */
    static RuntimeException translate(Throwable e)
    {
        return switch (e) {
            case TrinoException trino -> connectorError(trino);
            case StackOverflowError _ -> StatementParser.tooDeeplyNested(e);
            case RuntimeException runtime when runtime.getClass().getName().startsWith("io.basin") -> runtime;
            default -> new BasinException(INTERNAL_ERROR_CODE, "Internal error: " + e, e);
        };
    }

    /** The PostgreSQL error a connector's error stands for, where there is one; other errors as they are. */
    private static RuntimeException connectorError(TrinoException e)
    {
        if (e instanceof BasinException) {
            return e;
        }
        return io.basin.error.ConnectorErrorCodes.basinCode(e.getErrorCode())
                .<RuntimeException>map(code -> new BasinException(code, e.getMessage(), e))
                .orElse(e);
    }

    private StatementResult startQuery(Statement.Query query)
    {
        Optional<QueryPlanCache.Key> key = query.text().isPresent() && settings.planCache() ? Optional.of(planKey(query.text().get())) : Optional.empty();
        return startQuery(key, query::query);
    }

    /** The plan cache's key of a query of this text in this session's current state. */
    private QueryPlanCache.Key planKey(String text)
    {
        return new QueryPlanCache.Key(text, identity.user(), identity.database(), settings.values());
    }

    /** Starts a query planned from {@code query}, or reused from the plan cache under {@code key}. */
    private StatementResult startQuery(Optional<QueryPlanCache.Key> key, Supplier<SqlNode> query)
    {
        String queryId = engine.nextQueryId();
        QueryCatalogs catalogs = newCatalogs(queryId, true);
        try {
            QueryPlanner planner = planner(catalogs);
            QueryPlanner.PlannedQuery planned = key.isPresent()
                    ? engine.planCache().plan(key.get(), planner, query)
                    : planner.plan(query.get());
            List<QueryResult.Column> columns = new ArrayList<>();
            List<Type> types = planned.root().outputTypes();
            for (int i = 0; i < types.size(); i++) {
                columns.add(new QueryResult.Column(planned.columnNames().get(i), types.get(i)));
            }
            QueryContext context = newQueryContext(queryId);
            EngineExecutionServices services = new EngineExecutionServices(catalogs, context, engine.expressionServices(), engine.pipelineExecutor());
            StreamingResultSink sink = new StreamingResultSink(context, RESULT_BUFFER_BYTES);
            LocalExecutionPlan plan;
            try {
                plan = new PhysicalPlanner(services, new EngineSortPlanner()).plan(planned.root(), sink);
            }
            catch (RuntimeException e) {
                services.abort();
                services.close();
                throw e;
            }
            currentQuery = context;
            java.util.concurrent.Future<?> execution = engine.queryExecutor().submit(() -> {
                try (StatementTimeout _ = StatementTimeout.start(context, settings.statementTimeoutMillis())) {
                    engine.pipelineExecutor().execute(plan.pipelines(), context);
                }
                catch (Throwable t) {
                    services.abort();
                    sink.fail(t);
                }
                finally {
                    services.close();
                }
            });
            return new StreamingQuery(columns, context, sink, execution, succeeded -> {
                currentQuery = null;
                try (catalogs) {
                    if (succeeded) {
                        catalogs.commit();
                    }
                }
            });
        }
        catch (RuntimeException e) {
            catalogs.close();
            throw e;
        }
    }

    public String explain(String sql)
    {
        Statement statement = StatementParser.parse(sql);
        if (statement instanceof Statement.Explain explain) {
            statement = explain.statement();
        }
        return explainText(statement);
    }

    private QueryResult execute(Statement statement)
    {
        return switch (statement) {
            case Statement.Query query -> throw new IllegalStateException("queries stream through start()");
            case Statement.CopyTo copy -> throw new IllegalStateException("COPY streams through start()");
            case Statement.TransactionControl control -> throw new IllegalStateException("transaction control goes through start()");
            case Statement.Explain explain -> {
                String text = explain.analyze() ? explainAnalyzeText(explain.statement(), explain.verbose()) : explainText(explain.statement());
                List<List<Object>> rows = new ArrayList<>();
                for (String line : text.split("\n")) {
                    rows.add(List.of(line));
                }
                yield new QueryResult(List.of(new QueryResult.Column("QUERY PLAN", VarcharType.VARCHAR)), rows, -1);
            }
            case Statement.CreateTableAs create -> createTableAs(create);
            case Statement.CreateTable create -> createTable(create);
            case Statement.Insert insert -> insert(insert);
            case Statement.CopyFrom copy -> copyFrom(copy);
            case Statement.Unload unload -> unload(unload);
            case Statement.DropTable drop -> dropTable(drop);
            case Statement.Delete delete -> delete(delete);
            case Statement.Update update -> update(update);
            case Statement.AlterTable alter -> alterTable(alter);
            case Statement.Truncate truncate -> truncate(truncate);
            case Statement.Vacuum vacuum -> tableProcedure("vacuum", vacuum.target());
            case Statement.Analyze analyze -> tableProcedure("analyze", analyze.target());
            case Statement.CreateSchema create -> createSchema(create);
            case Statement.CreateExternalSchema create -> createExternalSchema(create);
            case Statement.DropSchema drop -> dropSchema(drop);
            case Statement.SetSession set -> SettingStatements.set(settings, set);
            case Statement.UserStatement userStatement -> engine.userStatements().execute(userStatement, identity.user(), settings.timeZone());
            case Statement.Show show -> SettingStatements.show(settings, show);
        };
    }

    private QueryCatalogs newCatalogs(String queryId, boolean readOnly)
    {
        BasinConnectorSession connectorSession = BasinConnectorSession.builder()
                .setQueryId(queryId)
                .setUser(identity.user())
                .setTimeZoneKey(TimeZoneKey.getTimeZoneKey(settings.timeZone().getId()))
                .setStart(Instant.now())
                .build();
        if (transactionStatus == TransactionStatus.IN_TRANSACTION && localDatabaseIsTransactional()) {
            return new QueryCatalogs(engine.catalogLookup(), connectorSession, readOnly, Map.of(io.basin.connector.ConnectorRegistry.LOCAL_CATALOG, blockTransaction()));
        }
        return new QueryCatalogs(engine.catalogLookup(), connectorSession, readOnly);
    }

    /** The local database's transaction of the open BEGIN ... COMMIT block, begun by the block's first statement. */
    private CatalogTransaction blockTransaction()
    {
        if (blockTransaction == null) {
            io.basin.connector.CatalogHandle local = engine.connectors().getCatalog(io.basin.connector.ConnectorRegistry.LOCAL_CATALOG)
                    .orElseThrow(() -> new BasinException(BasinErrorCode.UNDEFINED_DATABASE, "database \"dev\" does not exist"));
            blockTransaction = CatalogTransaction.begin(local, false);
        }
        return blockTransaction;
    }

    /** Whether the local database commits a transaction block atomically: the warehouse does, the memory connector does not. */
    private boolean localDatabaseIsTransactional()
    {
        return engine.connectors().getCatalog(io.basin.connector.ConnectorRegistry.LOCAL_CATALOG)
                .map(catalog -> catalog.connectorName().equals(io.basin.connector.ConnectorRegistry.WAREHOUSE_CONNECTOR))
                .orElse(false);
    }

    /** Whether a write inside a transaction block changes only the local database, whose block commits atomically. */
    private boolean writesOnlyTransactionalCatalog(Statement statement)
    {
        if (!localDatabaseIsTransactional()) {
            return false;
        }
        String local = io.basin.connector.ConnectorRegistry.LOCAL_CATALOG;
        return switch (statement) {
            case Statement.CreateTableAs create -> qualify(create.name()).catalog().equals(local);
            case Statement.CreateTable create -> qualify(create.name()).catalog().equals(local);
            case Statement.Insert insert -> qualify(insert.target()).catalog().equals(local);
            case Statement.CopyFrom copy -> qualify(copy.target()).catalog().equals(local);
            case Statement.DropTable drop -> qualify(drop.name()).catalog().equals(local);
            case Statement.Delete delete -> qualify(delete.target()).catalog().equals(local);
            case Statement.Update update -> qualify(update.target()).catalog().equals(local);
            case Statement.AlterTable alter -> qualify(alter.name()).catalog().equals(local);
            // statistics commit with the block, like PostgreSQL's ANALYZE in a transaction
            case Statement.Analyze analyze -> analyze.target().map(name -> qualify(name).catalog()).orElse(settings.catalog()).equals(local);
            case Statement.Truncate truncate -> qualify(truncate.target()).catalog().equals(local);
            case Statement.CreateSchema create -> (create.name().size() == 2 ? create.name().get(0) : settings.catalog()).equals(local);
            case Statement.DropSchema drop -> (drop.name().size() == 2 ? drop.name().get(0) : settings.catalog()).equals(local) && !isExternalSchema(drop);
            // VACUUM cannot run inside a transaction block in Redshift either; user statements commit at once
            default -> false;
        };
    }

    /** Dropping an external schema removes its binding from the system catalog at once, which a ROLLBACK could not undo. */
    private boolean isExternalSchema(Statement.DropSchema drop)
    {
        String catalog = drop.name().size() == 2 ? drop.name().get(0) : settings.catalog();
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), false)) {
            return catalogs.externalSchema(catalog, drop.name().getLast()).isPresent();
        }
    }

    /** Ends the open block's local transaction: commits it (a conflict fails the COMMIT with 40001) or rolls it back. */
    private void endBlockTransaction(boolean commit)
    {
        CatalogTransaction transaction = blockTransaction;
        blockTransaction = null;
        if (transaction == null) {
            return;
        }
        if (commit) {
            transaction.commit();
        }
        else {
            transaction.rollback();
        }
    }

    private QueryContext newQueryContext(String queryId)
    {
        return new QueryContext(queryId, new QueryMemoryPool(settings.queryMaxMemoryBytes()), engine.config().parallelism(), Instant.now(), settings.timeZone());
    }

    /** What the planner needs of this session: identity, search path, settings. */
    private io.basin.metadata.SessionContext sessionContext()
    {
        return new io.basin.metadata.SessionContext(identity.user(), identity.database(), identity.backendPid(), settings.searchPath(), settings.all(),
                settings.show("server_version"), engine.objectIds(), (name, value, local) -> {
                    settings.set(name, List.of(value), local);
                    return settings.show(name);
                }, this::roles);
    }

    /** The system catalog's users, as pg_roles shows them. */
    private List<io.basin.metadata.RoleDescription> roles()
    {
        return engine.systemCatalog().users().list().stream()
                .map(user -> new io.basin.metadata.RoleDescription(user.id(), user.name(), user.attributes().superuser(), user.attributes().createDatabase(),
                        user.attributes().canLogin(), user.attributes().connectionLimit(), user.attributes().passwordValidUntil()))
                .toList();
    }

    private List<List<Object>> executePlan(PlanNode root, QueryCatalogs catalogs, QueryContext context)
    {
        PageBufferSink result = new PageBufferSink("Output");
        runPlan(root, result, catalogs, context, null);
        return ResultRows.toRows(root.outputTypes(), result.pages());
    }

    /**
     * Runs {@code root} to completion into {@code result} and returns the physical plan that ran;
     * with {@code statistics} (EXPLAIN ANALYZE, else null) every stage's rows and time are counted.
     */
    private LocalExecutionPlan runPlan(PlanNode root, io.basin.execution.operator.Sink result, QueryCatalogs catalogs, QueryContext context, ExecutionStatistics statistics)
    {
        EngineExecutionServices services = new EngineExecutionServices(catalogs, context, engine.expressionServices(), engine.pipelineExecutor());
        try {
            LocalExecutionPlan plan = new PhysicalPlanner(services, new EngineSortPlanner()).plan(root, result);
            currentQuery = context;
            try (StatementTimeout _ = StatementTimeout.start(context, settings.statementTimeoutMillis())) {
                if (statistics == null) {
                    engine.pipelineExecutor().execute(plan.pipelines(), context);
                }
                else {
                    engine.pipelineExecutor().execute(plan.pipelines(), context, statistics);
                }
            }
            return plan;
        }
        catch (RuntimeException e) {
            services.abort();
            throw e;
        }
        finally {
            currentQuery = null;
            services.close();
        }
    }

    private QueryPlanner planner(QueryCatalogs catalogs)
    {
        io.basin.execution.expression.ExpressionContext context = new io.basin.execution.expression.ExpressionContext(Instant.now(), settings.timeZone());
        return new QueryPlanner(catalogs, sessionContext(), expression -> {
            try {
                return java.util.Optional.of(new io.basin.plan.expr.Constant(engine.expressionCompiler().evaluateConstant(expression, context), expression.type()));
            }
            catch (RuntimeException e) {
                // leave it to run time: the error is raised only if the expression is evaluated
                return java.util.Optional.empty();
            }
        });
    }

    private String explainText(Statement statement)
    {
        String queryId = engine.nextQueryId();
        try (QueryCatalogs catalogs = newCatalogs(queryId, true)) {
            return switch (statement) {
                case Statement.Query query -> {
                    QueryPlanner.PlannedQuery planned = planner(catalogs).plan(query.query());
                    yield PlanPrinter.print(planned.root(), planned.columnNames());
                }
                case Statement.CreateTableAs create -> {
                    QueryPlanner.PlannedQuery planned = planner(catalogs).plan(create.query());
                    yield "CreateTableAs[" + qualify(create.name()) + "]\n" + PlanPrinter.print(planned.root(), planned.columnNames());
                }
                case Statement.Insert insert -> {
                    QueryPlanner.PlannedQuery planned = planner(catalogs).plan(insert.source());
                    yield "Insert[" + qualifyExisting(insert.target(), catalogs) + "]\n" + PlanPrinter.print(planned.root(), planned.columnNames());
                }
                default -> throw new BasinException(FEATURE_NOT_SUPPORTED, "EXPLAIN supports queries, CREATE TABLE AS and INSERT");
            };
        }
    }

    /** EXPLAIN ANALYZE: runs the query to completion, discarding its rows, and prints its plan with what every node did. */
    private String explainAnalyzeText(Statement statement, boolean verbose)
    {
        if (!(statement instanceof Statement.Query query)) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "EXPLAIN ANALYZE runs queries only; use EXPLAIN to see the plan of CREATE TABLE AS, INSERT and other statements");
        }
        long planningStart = System.nanoTime();
        String queryId = engine.nextQueryId();
        try (QueryCatalogs catalogs = newCatalogs(queryId, true)) {
            QueryPlanner.PlannedQuery planned = planner(catalogs).plan(query.query());
            long executionStart = System.nanoTime();
            QueryContext context = newQueryContext(queryId);
            ExecutionStatistics statistics = new ExecutionStatistics();
            // the scans' connector metrics are complete once runPlan has closed them
            LocalExecutionPlan plan = runPlan(planned.root(), new DiscardingSink(), catalogs, context, statistics);
            long executionEnd = System.nanoTime();
            catalogs.commit();
            long resultRows = statistics.stats(plan.pipelines().getLast()).orElseThrow().sink().inputRows();
            return ExplainAnalyzePrinter.print(planned.root(), planned.columnNames(), new ExplainAnalyzePrinter.Run(
                    plan, statistics, executionStart - planningStart, executionEnd - executionStart, context.memoryPool().peakBytes(), resultRows), verbose);
        }
    }

    /**
     * The existing table a statement names: an unqualified name is looked up in each schema of
     * search_path in turn, as PostgreSQL does (and as queries resolve names); when no schema has
     * it, the name in the creation schema, so that the caller's "does not exist" names it.
     */
    QualifiedTableName qualifyExisting(List<String> name, QueryCatalogs catalogs)
    {
        if (name.size() != 1) {
            return qualify(name);
        }
        for (String entry : settings.searchPath()) {
            String schema = entry.equals("$user") ? identity.user() : entry;
            int dot = schema.indexOf('.');
            QualifiedTableName candidate = dot > 0
                    ? new QualifiedTableName(schema.substring(0, dot), schema.substring(dot + 1), name.get(0))
                    : new QualifiedTableName(identity.database(), schema, name.get(0));
            // schemas that do not exist are skipped, as in PostgreSQL
            if (catalogs.catalogExists(candidate.catalog()) && catalogs.schemaExists(candidate.catalog(), candidate.schema())
                    && catalogs.resolveTable(candidate).isPresent()) {
                return candidate;
            }
        }
        return qualify(name);
    }

    QualifiedTableName qualify(List<String> name)
    {
        return switch (name.size()) {
            case 1 -> new QualifiedTableName(settings.catalog(), settings.schema(), name.get(0));
            case 2 -> new QualifiedTableName(settings.catalog(), name.get(0), name.get(1));
            case 3 -> new QualifiedTableName(name.get(0), name.get(1), name.get(2));
            default -> throw new BasinException(BasinErrorCode.INVALID_NAME, "improper qualified name (too many dotted names): " + String.join(".", name));
        };
    }

    private QueryResult createTableAs(Statement.CreateTableAs create)
    {
        QualifiedTableName requested = qualify(create.name());
        String queryId = engine.nextQueryId();
        try (QueryCatalogs catalogs = newCatalogs(queryId, false)) {
            checkSchemaExists(catalogs, requested);
            // a table of an external schema is made in its source (connectors that cannot create tables say so)
            QualifiedTableName target = catalogs.sourceName(requested);
            if (catalogs.resolveTable(target).isPresent()) {
                if (create.ifNotExists()) {
                    return QueryResult.updateCount(0);
                }
                throw new BasinException(DUPLICATE_TABLE, "relation \"" + requested + "\" already exists");
            }
            QueryPlanner.PlannedQuery planned = planner(catalogs).plan(create.query());
            List<ColumnMetadata> columns = new ArrayList<>();
            Set<String> names = new HashSet<>();
            List<Type> types = planned.root().outputTypes();
            for (int i = 0; i < types.size(); i++) {
                String name = planned.columnNames().get(i).toLowerCase(Locale.ROOT);
                if (!names.add(name)) {
                    throw new BasinException(BasinErrorCode.INVALID_NAME, "column \"" + name + "\" specified more than once; give the columns distinct names with AS");
                }
                columns.add(new ColumnMetadata(name, types.get(i)));
            }
            ConnectorTableMetadata metadata = new ConnectorTableMetadata(new SchemaTableName(target.schema(), target.table()), columns, create.properties());
            TableWriterNode writer = new TableWriterNode(planned.root(), target, new WriteTargets.CreateTable(metadata));
            long rows = (Long) executePlan(writer, catalogs, newQueryContext(queryId)).getFirst().getFirst();
            catalogs.commit();
            return QueryResult.updateCount(rows);
        }
    }

    private QueryResult createTable(Statement.CreateTable create)
    {
        QualifiedTableName requested = qualify(create.name());
        String queryId = engine.nextQueryId();
        try (QueryCatalogs catalogs = newCatalogs(queryId, false)) {
            checkSchemaExists(catalogs, requested);
            // a table of an external schema is made in its source (connectors that cannot create tables say so)
            QualifiedTableName target = catalogs.sourceName(requested);
            if (catalogs.resolveTable(target).isPresent()) {
                if (create.ifNotExists()) {
                    return QueryResult.updateCount(-1);
                }
                throw new BasinException(DUPLICATE_TABLE, "relation \"" + requested + "\" already exists");
            }
            QueryPlanner planner = planner(catalogs);
            List<ColumnMetadata> columns = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Statement.ColumnDefinition column : create.columns()) {
                if (!names.add(column.name())) {
                    throw new BasinException(BasinErrorCode.INVALID_NAME, "column \"" + column.name() + "\" specified more than once");
                }
                Type type = TypeConverter.toTrinoType(planner.deriveType(column.type()));
                Map<String, Object> properties = new java.util.HashMap<>();
                column.encoding().ifPresent(encoding -> properties.put("encode", encoding));
                column.defaultValue().ifPresent(defaultValue -> properties.put(ColumnDefaults.PROPERTY, defaultValue));
                columns.add(ColumnMetadata.builder().setName(column.name()).setType(type).setNullable(column.nullable()).setProperties(properties).build());
            }
            ConnectorMetadata metadata = catalogs.metadata(target.catalog());
            metadata.createTable(catalogs.session(), new ConnectorTableMetadata(new SchemaTableName(target.schema(), target.table()), columns, create.properties()), SaveMode.FAIL);
            catalogs.commit();
            return QueryResult.updateCount(-1);
        }
    }

    private QueryResult insert(Statement.Insert statement)
    {
        String queryId = engine.nextQueryId();
        try (QueryCatalogs catalogs = newCatalogs(queryId, false)) {
            QualifiedTableName requested = qualifyExisting(statement.target(), catalogs);
            // a table of an external schema is written in its source
            QualifiedTableName target = catalogs.sourceName(requested);
            ResolvedTable table = catalogs.resolveTable(target)
                    .orElseThrow(() -> new BasinException(UNDEFINED_TABLE, "relation \"" + requested + "\" does not exist"));
            List<TableColumn> columns = table.columns();
            ColumnDefaults defaults = ColumnDefaults.mayNeedDefaults(statement, columns.size())
                    ? ColumnDefaults.of(catalogs.metadata(target.catalog()).getTableMetadata(catalogs.session(), table.handle()).getColumns())
                    : ColumnDefaults.NONE;
            Statement.Insert insert = defaults.expandKeywords(statement, columns.stream().map(TableColumn::name).toList());
            QueryPlanner.PlannedQuery planned = planner(catalogs).plan(insert.source());
            List<Type> sourceTypes = planned.root().outputTypes();
            // map target columns to source channels; columns not listed get their default, or NULL
            List<String> targetNames = insert.columns().orElse(columns.stream().map(TableColumn::name).toList());
            if (targetNames.size() != sourceTypes.size()) {
                throw new BasinException(BasinErrorCode.SYNTAX_ERROR, "INSERT has " + sourceTypes.size() + " expressions but " + targetNames.size() + " target columns");
            }
            List<TableColumn> defaulted = columns.stream().filter(column -> !targetNames.contains(column.name()) && defaults.sql(column.name()).isPresent()).toList();
            List<Expression> defaultValues = defaulted.isEmpty() ? List.of()
                    : defaults.plan(planner(catalogs), defaulted.stream().map(TableColumn::name).toList(), defaulted.stream().map(TableColumn::type).toList());
            List<Expression> projections = new ArrayList<>();
            for (TableColumn column : columns) {
                int index = targetNames.indexOf(column.name());
                if (index < 0) {
                    int defaultIndex = defaulted.indexOf(column);
                    projections.add(defaultIndex >= 0 ? defaultValues.get(defaultIndex) : new io.basin.plan.expr.Constant(null, column.type()));
                    continue;
                }
                if (AlwaysNullColumns.isAlwaysNull(planned.root(), index)) {
                    projections.add(new io.basin.plan.expr.Constant(null, column.type()));
                    continue;
                }
                Expression value = new InputReference(index, sourceTypes.get(index));
                projections.add(RexTranslator.castIfNeeded(value, column.type()));
            }
            for (String name : targetNames) {
                if (columns.stream().noneMatch(column -> column.name().equals(name))) {
                    throw new BasinException(BasinErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \"" + target + "\" does not exist");
                }
            }
            PlanNode source = new ProjectNode(planned.root(), projections);
            TableWriterNode writer = new TableWriterNode(source, target, new WriteTargets.Insert(table.handle()));
            long rows = (Long) executePlan(writer, catalogs, newQueryContext(queryId)).getFirst().getFirst();
            catalogs.commit();
            return QueryResult.updateCount(rows);
        }
    }

    /**
     * {@code COPY table FROM 'file'}: the file is read into pages of the table's column types
     * and written through one table writer, committed once at the end, so a bad row (reported
     * with its line and column) leaves the table as it was.
     */
    private QueryResult copyFrom(Statement.CopyFrom copy)
    {
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), false)) {
            QualifiedTableName target = qualifyExisting(copy.target(), catalogs);
            ResolvedTable table = catalogs.resolveTable(target)
                    .orElseThrow(() -> new BasinException(UNDEFINED_TABLE, "relation \"" + target + "\" does not exist"));
            List<TableColumn> columns = table.columns();
            List<String> names = copy.columns().orElse(columns.stream().map(TableColumn::name).toList());
            List<Integer> channels = new ArrayList<>();
            for (TableColumn column : columns) {
                channels.add(names.indexOf(column.name()));
            }
            for (String name : names) {
                if (columns.stream().noneMatch(column -> column.name().equals(name))) {
                    throw new BasinException(BasinErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \"" + target + "\" does not exist");
                }
            }
            List<Type> fileTypes = names.stream()
                    .map(name -> columns.stream().filter(column -> column.name().equals(name)).findFirst().orElseThrow().type())
                    .toList();
            io.basin.connector.TableWriter writer = io.basin.connector.TableWriter.beginInsert(catalogs.transaction(target.catalog()), catalogs.session(), table.handle());
            try {
                io.basin.connector.TableWriter.Sink sink = writer.createSink();
                Consumer<io.trino.spi.Page> pages = page -> sink.accept(tableOrder(page, channels, columns));
                CopySources.read(copy, names, fileTypes, pages);
                sink.finish();
                writer.commit();
            }
            catch (RuntimeException e) {
                writer.abort();
                throw e;
            }
            catalogs.commit();
            return QueryResult.updateCount(writer.writtenRows());
        }
    }

    /** {@code UNLOAD ('query') TO 'location' FORMAT PARQUET}: the query's rows into Parquet parts (see {@link ParquetUnload}). */
    private QueryResult unload(Statement.Unload unload)
    {
        try (StatementResult result = startQuery(unload.query())) {
            return QueryResult.updateCount(ParquetUnload.write(unload,
                    result.columns().stream().map(QueryResult.Column::name).toList(),
                    result.columns().stream().map(QueryResult.Column::type).toList(),
                    result::nextPage));
        }
    }

    /** The page's columns in table order; columns the file does not carry are NULL. */
    private static io.trino.spi.Page tableOrder(io.trino.spi.Page page, List<Integer> channels, List<TableColumn> columns)
    {
        io.trino.spi.block.Block[] blocks = new io.trino.spi.block.Block[channels.size()];
        for (int i = 0; i < blocks.length; i++) {
            int channel = channels.get(i);
            blocks[i] = channel >= 0
                    ? page.getBlock(channel)
                    : io.trino.spi.block.RunLengthEncodedBlock.create(columns.get(i).type(), null, page.getPositionCount());
        }
        return new io.trino.spi.Page(page.getPositionCount(), blocks);
    }

    private QueryResult dropTable(Statement.DropTable drop)
    {
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), false)) {
            QualifiedTableName target = qualifyExisting(drop.name(), catalogs);
            Optional<ResolvedTable> table = catalogs.resolveTable(target);
            if (table.isEmpty()) {
                if (drop.ifExists()) {
                    return QueryResult.updateCount(-1);
                }
                throw new BasinException(UNDEFINED_TABLE, "table \"" + target + "\" does not exist");
            }
            // the table's own catalog: one in an external schema belongs to the schema's source
            catalogs.metadata(table.get().name().catalog()).dropTable(catalogs.session(), table.get().handle());
            catalogs.commit();
            return QueryResult.updateCount(-1);
        }
    }

    /**
     * DELETE by predicate: a WHERE condition that is a conjunction of column-versus-constant
     * comparisons is applied by the connector exactly ({@code applyDelete}, e.g. the warehouse's
     * delete bitmaps, reading only the compared columns); any other condition goes through
     * {@link #deleteByRowIds}. The change commits atomically with the statement.
     */
    private QueryResult delete(Statement.Delete delete)
    {
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), false)) {
            QualifiedTableName target = qualifyExisting(delete.target(), catalogs);
            ResolvedTable table = catalogs.resolveTable(target)
                    .orElseThrow(() -> new BasinException(UNDEFINED_TABLE, "relation \"" + target + "\" does not exist"));
            PlanNode rows = planner(catalogs).plan(delete.rows()).root();
            while (rows instanceof ProjectNode project) {
                rows = project.source();
            }
            // the planner may have pushed (part of) the condition into the scan's handle already
            io.trino.spi.connector.ConnectorTableHandle scanHandle = switch (rows) {
                case io.basin.plan.TableScanNode scan -> scan.handle();
                case io.basin.plan.FilterNode filter when filter.source() instanceof io.basin.plan.TableScanNode scan -> scan.handle();
                default -> table.handle();
            };
            Optional<io.trino.spi.predicate.TupleDomain<io.trino.spi.connector.ColumnHandle>> exact = switch (rows) {
                case io.basin.plan.TableScanNode _ -> Optional.of(io.trino.spi.predicate.TupleDomain.all());
                case io.basin.plan.FilterNode filter when filter.source() instanceof io.basin.plan.TableScanNode scan ->
                        new io.basin.sql.planner.physical.ScanConstraintExtractor(scan.columns(), expression -> engine.expressionServices().evaluateConstant(expression, newQueryContext(engine.nextQueryId())))
                                .extractExactly(filter.predicate());
                case io.basin.plan.ValuesNode values when values.rows().isEmpty() -> Optional.of(io.trino.spi.predicate.TupleDomain.none());
                default -> Optional.empty();
            };
            if (exact.isEmpty()) {
                // any other condition: the matching rows are found by a query and deleted by row id
                long deleted = deleteByRowIds(delete, target, table, catalogs);
                catalogs.commit();
                return QueryResult.updateCount(deleted);
            }
            io.trino.spi.predicate.TupleDomain<io.trino.spi.connector.ColumnHandle> constraint = exact.get();
            // a table of an external schema is deleted from in its source's catalog
            String catalog = table.name().catalog();
            ConnectorMetadata metadata = catalogs.metadata(catalog);
            io.trino.spi.connector.ConnectorTableHandle handle = scanHandle;
            if (!constraint.isAll()) {
                handle = metadata.applyFilter(catalogs.session(), handle, new io.trino.spi.connector.Constraint(constraint))
                        .map(io.trino.spi.connector.ConstraintApplicationResult::getHandle)
                        .orElse(handle);
            }
            io.trino.spi.connector.ConnectorTableHandle deleteHandle = metadata.applyDelete(catalogs.session(), handle)
                    .orElseThrow(() -> new BasinException(FEATURE_NOT_SUPPORTED, "DELETE is not supported for tables of database \"" + catalog + "\""));
            long deleted = metadata.executeDelete(catalogs.session(), deleteHandle).orElse(-1);
            catalogs.commit();
            return QueryResult.updateCount(deleted);
        }
    }

    /**
     * UPDATE through the connector's merge hooks: the statement's rows ({@code SELECT alias.*,
     * value, ... FROM target alias [, ...] WHERE ...}, see {@link Statement.Update}) carry the
     * old columns, the row id and the assigned values; every column's new value (assigned, cast
     * to the column's type, or kept) and the row id go to the connector's merge sinks, and the
     * change commits atomically with the statement (or the transaction block). A row its FROM
     * list matches several times is updated once, with one of the matches (as PostgreSQL).
     */
    private QueryResult update(Statement.Update update)
    {
        String queryId = engine.nextQueryId();
        try (QueryCatalogs catalogs = newCatalogs(queryId, false)) {
            long rows = update(update, catalogs, queryId);
            catalogs.commit();
            return QueryResult.updateCount(rows);
        }
    }

    /** Runs an UPDATE in {@code catalogs}' transactions, which the caller commits; returns the rows changed. */
    private long update(Statement.Update update, QueryCatalogs catalogs, String queryId)
    {
        QualifiedTableName target = qualifyExisting(update.target(), catalogs);
        {
            ResolvedTable table = catalogs.resolveTable(target)
                    .orElseThrow(() -> new BasinException(UNDEFINED_TABLE, "relation \"" + target + "\" does not exist"));
            List<TableColumn> columns = table.columns();
            List<Integer> assigned = new ArrayList<>();
            for (String name : update.columns()) {
                int ordinal = -1;
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).name().equals(name)) {
                        ordinal = i;
                    }
                }
                if (ordinal < 0) {
                    throw new BasinException(BasinErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \"" + target.table() + "\" does not exist");
                }
                if (assigned.contains(ordinal)) {
                    throw new BasinException(BasinErrorCode.SYNTAX_ERROR, "multiple assignments to same column \"" + name + "\"");
                }
                assigned.add(ordinal);
            }
            TableColumn rowId = rowIdColumn(table, catalogs, () -> "UPDATE is not supported for tables of database \"" + table.name().catalog() + "\"");
            catalogs.exposeRowId(target, rowId);
            QueryPlanner.PlannedQuery planned = planner(catalogs).plan(update.rows());
            List<Type> types = planned.root().outputTypes();
            int rowIdChannel = columns.size();
            if (types.size() != columns.size() + 1 + update.columns().size()) {
                throw new IllegalStateException("UPDATE rows have %s columns, expected %s".formatted(types.size(), columns.size() + 1 + update.columns().size()));
            }
            List<Expression> projections = new ArrayList<>();
            for (int ordinal = 0; ordinal < columns.size(); ordinal++) {
                int assignment = assigned.indexOf(ordinal);
                if (assignment < 0) {
                    projections.add(new InputReference(ordinal, types.get(ordinal)));
                    continue;
                }
                int channel = rowIdChannel + 1 + assignment;
                Type columnType = columns.get(ordinal).type();
                projections.add(AlwaysNullColumns.isAlwaysNull(planned.root(), channel)
                        ? new io.basin.plan.expr.Constant(null, columnType)
                        : RexTranslator.castIfNeeded(new InputReference(channel, types.get(channel)), columnType));
            }
            projections.add(new InputReference(rowIdChannel, types.get(rowIdChannel)));
            PlanNode rows = update.hasFromList() ? OneMatchPerRow.keepFirst(planned.root(), rowIdChannel) : planned.root();
            PlanNode source = new ProjectNode(rows, projections);
            TableWriterNode writer = new TableWriterNode(source, target, new WriteTargets.Update(table.handle(), new ColumnMetadata(rowId.name(), rowId.type())));
            return (Long) executePlan(writer, catalogs, newQueryContext(queryId)).getFirst().getFirst();
        }
    }

    /**
     * ALTER TABLE through the connector's metadata ({@code addColumn}, {@code dropColumn},
     * {@code renameColumn}, {@code renameTable}), committed atomically. {@code ADD COLUMN ...
     * DEFAULT v} adds the column and sets it to {@code v} in every existing row (an UPDATE in the
     * same transaction, as Redshift rewrites the table); the table keeps the default for rows
     * inserted later without the column.
     */
    private QueryResult alterTable(Statement.AlterTable alter)
    {
        String queryId = engine.nextQueryId();
        try (QueryCatalogs catalogs = newCatalogs(queryId, false)) {
            QualifiedTableName target = qualifyExisting(alter.name(), catalogs);
            Optional<ResolvedTable> resolved = catalogs.resolveTable(target);
            if (resolved.isEmpty()) {
                if (alter.ifExists()) {
                    return QueryResult.updateCount(-1);
                }
                throw new BasinException(UNDEFINED_TABLE, "relation \"" + target + "\" does not exist");
            }
            ResolvedTable table = resolved.get();
            ConnectorMetadata metadata = catalogs.metadata(target.catalog());
            try {
                switch (alter.action()) {
                    case Statement.AlterAction.AddColumn add -> {
                        String name = add.column().name();
                        if (table.columns().stream().anyMatch(column -> column.name().equals(name))) {
                            if (add.ifNotExists()) {
                                return QueryResult.updateCount(-1);
                            }
                            throw new BasinException(BasinErrorCode.DUPLICATE_COLUMN, "column \"" + name + "\" of relation \"" + target.table() + "\" already exists");
                        }
                        Type type = TypeConverter.toTrinoType(planner(catalogs).deriveType(add.column().type()));
                        Map<String, Object> properties = new java.util.HashMap<>();
                        add.column().encoding().ifPresent(encoding -> properties.put("encode", encoding));
                        add.defaultValue().ifPresent(defaultValue -> properties.put(ColumnDefaults.PROPERTY, defaultValue));
                        ColumnMetadata column = ColumnMetadata.builder().setName(name).setType(type).setNullable(add.column().nullable()).setProperties(properties).build();
                        metadata.addColumn(catalogs.session(), table.handle(), column, new io.trino.spi.connector.ColumnPosition.Last());
                        if (add.defaultValue().isPresent()) {
                            catalogs.invalidate(target);
                            String quotedName = "\"" + name.replace("\"", "\"\"") + "\"";
                            Statement.Update fill = (Statement.Update) StatementParser.parse("UPDATE " + quotedTableName(target) + " SET " + quotedName + " = " + add.defaultValue().get());
                            update(fill, catalogs, queryId);
                        }
                    }
                    case Statement.AlterAction.DropColumn drop -> {
                        Optional<TableColumn> column = table.columns().stream().filter(candidate -> candidate.name().equals(drop.column())).findFirst();
                        if (column.isEmpty()) {
                            if (drop.ifExists()) {
                                return QueryResult.updateCount(-1);
                            }
                            throw new BasinException(BasinErrorCode.UNDEFINED_COLUMN, "column \"" + drop.column() + "\" of relation \"" + target.table() + "\" does not exist");
                        }
                        metadata.dropColumn(catalogs.session(), table.handle(), column.get().handle());
                    }
                    case Statement.AlterAction.RenameColumn rename -> {
                        TableColumn column = table.columns().stream().filter(candidate -> candidate.name().equals(rename.from())).findFirst()
                                .orElseThrow(() -> new BasinException(BasinErrorCode.UNDEFINED_COLUMN, "column \"" + rename.from() + "\" does not exist"));
                        if (table.columns().stream().anyMatch(candidate -> candidate.name().equals(rename.to()))) {
                            throw new BasinException(BasinErrorCode.DUPLICATE_COLUMN, "column \"" + rename.to() + "\" of relation \"" + target.table() + "\" already exists");
                        }
                        metadata.renameColumn(catalogs.session(), table.handle(), column.handle(), rename.to());
                    }
                    case Statement.AlterAction.RenameTable rename -> {
                        // PostgreSQL: the new name stays in the table's schema unless one is given
                        List<String> newName = rename.newName();
                        QualifiedTableName renamed = switch (newName.size()) {
                            case 1 -> new QualifiedTableName(target.catalog(), target.schema(), newName.getFirst());
                            default -> qualify(newName);
                        };
                        if (!renamed.catalog().equals(target.catalog())) {
                            throw new BasinException(FEATURE_NOT_SUPPORTED, "cannot move table \"" + target.table() + "\" to another database");
                        }
                        if (catalogs.resolveTable(renamed).isPresent()) {
                            throw new BasinException(DUPLICATE_TABLE, "relation \"" + renamed.table() + "\" already exists");
                        }
                        metadata.renameTable(catalogs.session(), table.handle(), new SchemaTableName(renamed.schema(), renamed.table()));
                    }
                }
            }
            catch (TrinoException e) {
                if (e.getErrorCode().equals(io.trino.spi.StandardErrorCode.NOT_SUPPORTED.toErrorCode())) {
                    throw new BasinException(FEATURE_NOT_SUPPORTED, e.getMessage(), e);
                }
                throw e;
            }
            catalogs.commit();
            return QueryResult.updateCount(-1);
        }
    }

    private static String quotedTableName(QualifiedTableName name)
    {
        return java.util.stream.Stream.of(name.catalog(), name.schema(), name.table())
                .map(part -> "\"" + part.replace("\"", "\"\"") + "\"")
                .collect(java.util.stream.Collectors.joining("."));
    }

    /**
     * The row id column of a table that UPDATE and DELETE write through the connector's merge
     * hooks (a table of an external schema belongs to its source's catalog); {@code unsupported}
     * words the error when the connector has none.
     */
    private static TableColumn rowIdColumn(ResolvedTable table, QueryCatalogs catalogs, java.util.function.Supplier<String> unsupported)
    {
        ConnectorMetadata metadata = catalogs.metadata(table.name().catalog());
        try {
            io.trino.spi.connector.ColumnHandle handle = metadata.getMergeRowIdColumnHandle(catalogs.session(), table.handle());
            ColumnMetadata column = metadata.getColumnMetadata(catalogs.session(), table.handle(), handle);
            return new TableColumn(column.getName(), column.getType(), handle);
        }
        catch (TrinoException e) {
            if (e.getErrorCode().equals(io.trino.spi.StandardErrorCode.NOT_SUPPORTED.toErrorCode())) {
                throw new BasinException(FEATURE_NOT_SUPPORTED, unsupported.get(), e);
            }
            throw e;
        }
    }

    /**
     * DELETE with a condition the connector cannot apply by itself: the statement's rows
     * ({@code SELECT * FROM target WHERE condition}, whose {@code *} then ends with the exposed row
     * id column) are planned as a query, and their row ids go to the connector's merge sinks as
     * deletions.
     */
    private long deleteByRowIds(Statement.Delete delete, QualifiedTableName target, ResolvedTable table, QueryCatalogs catalogs)
    {
        TableColumn rowId = rowIdColumn(table, catalogs, () -> "DELETE supports WHERE conditions that compare columns with constants (=, <, <=, >, >=, IN, IS NULL) joined by AND on \""
                + target + "\" (a table of \"" + table.name().catalog() + "\")");
        catalogs.exposeRowId(target, rowId);
        QueryPlanner.PlannedQuery planned = planner(catalogs).plan(delete.rows());
        List<Type> types = planned.root().outputTypes();
        int columns = table.columns().size();
        if (types.size() != columns + 1) {
            throw new IllegalStateException("DELETE rows have %s columns, expected %s".formatted(types.size(), columns + 1));
        }
        List<Expression> projections = new ArrayList<>();
        for (int channel = 0; channel <= columns; channel++) {
            projections.add(new InputReference(channel, types.get(channel)));
        }
        PlanNode source = new ProjectNode(planned.root(), projections);
        String queryId = engine.nextQueryId();
        TableWriterNode writer = new TableWriterNode(source, target, new WriteTargets.Delete(table.handle(), new ColumnMetadata(rowId.name(), rowId.type())));
        return (Long) executePlan(writer, catalogs, newQueryContext(queryId)).getFirst().getFirst();
    }

    /**
     * VACUUM and ANALYZE: the table procedure {@code vacuum} or {@code analyze} of the table's
     * connector, each table in its own transaction; without a name, every table of the current
     * database.
     */
    private QueryResult tableProcedure(String procedure, Optional<List<String>> name)
    {
        String statement = procedure.toUpperCase(Locale.ROOT);
        List<QualifiedTableName> targets = new ArrayList<>();
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), true)) {
            if (name.isPresent()) {
                targets.add(qualifyExisting(name.get(), catalogs));
            }
            else {
                for (SchemaTableName table : catalogs.metadata(settings.catalog()).listTables(catalogs.session(), Optional.empty())) {
                    targets.add(new QualifiedTableName(settings.catalog(), table.getSchemaName(), table.getTableName()));
                }
            }
        }
        for (QualifiedTableName target : targets) {
            try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), false)) {
                ResolvedTable table = catalogs.resolveTable(target)
                        .orElseThrow(() -> new BasinException(UNDEFINED_TABLE, "relation \"" + target + "\" does not exist"));
                ConnectorMetadata metadata = catalogs.metadata(target.catalog());
                io.trino.spi.connector.ConnectorTableExecuteHandle handle;
                try {
                    handle = metadata.getTableHandleForExecute(catalogs.session(), null, table.handle(), procedure, Map.of(), io.trino.spi.connector.RetryMode.NO_RETRIES)
                            .orElseThrow(() -> new BasinException(FEATURE_NOT_SUPPORTED, statement + " is not supported for \"" + target + "\""));
                }
                catch (TrinoException e) {
                    if (e.getErrorCode().equals(io.trino.spi.StandardErrorCode.NOT_SUPPORTED.toErrorCode())) {
                        throw new BasinException(FEATURE_NOT_SUPPORTED, statement + " is not supported for \"" + target + "\": " + e.getMessage(), e);
                    }
                    throw e;
                }
                metadata.executeTableExecute(catalogs.session(), handle);
                catalogs.commit();
            }
        }
        return QueryResult.updateCount(-1);
    }

    private QueryResult truncate(Statement.Truncate truncate)
    {
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), false)) {
            QualifiedTableName target = qualifyExisting(truncate.target(), catalogs);
            ResolvedTable table = catalogs.resolveTable(target)
                    .orElseThrow(() -> new BasinException(UNDEFINED_TABLE, "relation \"" + target + "\" does not exist"));
            catalogs.metadata(target.catalog()).truncateTable(catalogs.session(), table.handle());
            catalogs.commit();
            return QueryResult.updateCount(-1);
        }
    }

    private QueryResult createSchema(Statement.CreateSchema create)
    {
        List<String> name = create.name();
        String catalog = name.size() == 2 ? name.get(0) : settings.catalog();
        String schema = name.getLast();
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), false)) {
            if (catalogs.schemaExists(catalog, schema)) {
                if (create.ifNotExists()) {
                    return QueryResult.updateCount(-1);
                }
                throw new BasinException(BasinErrorCode.DUPLICATE_SCHEMA, "schema \"" + schema + "\" already exists");
            }
            catalogs.metadata(catalog).createSchema(catalogs.session(), schema, Map.of(), new io.trino.spi.security.TrinoPrincipal(io.trino.spi.security.PrincipalType.USER, "basin"));
            catalogs.commit();
            return QueryResult.updateCount(-1);
        }
    }

    private QueryResult createExternalSchema(Statement.CreateExternalSchema create)
    {
        // external schemas belong to the local database, whichever database the session is in
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), true)) {
            if (catalogs.schemaExists(ConnectorRegistry.LOCAL_CATALOG, create.name())) {
                if (create.ifNotExists()) {
                    return QueryResult.updateCount(-1);
                }
                throw new BasinException(BasinErrorCode.DUPLICATE_SCHEMA, "schema \"" + create.name() + "\" already exists");
            }
        }
        engine.externalSchemaStatements().create(create, identity.user());
        return QueryResult.updateCount(-1);
    }

    private QueryResult dropSchema(Statement.DropSchema drop)
    {
        List<String> name = drop.name();
        String catalog = name.size() == 2 ? name.get(0) : settings.catalog();
        String schema = name.getLast();
        try (QueryCatalogs catalogs = newCatalogs(engine.nextQueryId(), false)) {
            if (catalogs.externalSchema(catalog, schema).isPresent()) {
                engine.externalSchemaStatements().drop(schema, identity.user());
                return QueryResult.updateCount(-1);
            }
            if (!catalogs.schemaExists(catalog, schema)) {
                if (drop.ifExists()) {
                    return QueryResult.updateCount(-1);
                }
                throw new BasinException(UNDEFINED_SCHEMA, "schema \"" + schema + "\" does not exist");
            }
            catalogs.metadata(catalog).dropSchema(catalogs.session(), schema, drop.cascade());
            catalogs.commit();
            return QueryResult.updateCount(-1);
        }
    }

    private static void checkSchemaExists(QueryCatalogs catalogs, QualifiedTableName target)
    {
        if (!catalogs.catalogExists(target.catalog())) {
            throw new BasinException(BasinErrorCode.UNDEFINED_DATABASE, "database \"" + target.catalog() + "\" does not exist");
        }
        if (!catalogs.schemaExists(target.catalog(), target.schema())) {
            throw new BasinException(UNDEFINED_SCHEMA, "schema \"" + target.schema() + "\" does not exist");
        }
    }

    @Override
    public void close()
    {
        // a block left open when the session ends is rolled back, as in PostgreSQL
        endBlockTransaction(false);
    }
}

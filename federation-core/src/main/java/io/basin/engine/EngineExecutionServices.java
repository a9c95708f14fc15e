package io.basin.engine;

import io.basin.connector.CatalogTransaction;
import io.basin.connector.TableScanner;
import io.basin.connector.ThreadContextClassLoader;
import io.basin.sql.planner.physical.ScanConstraintExtractor;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.Constraint;
import io.trino.spi.connector.ConstraintApplicationResult;
import io.trino.spi.predicate.TupleDomain;
import io.basin.connector.TableWriter;
import io.basin.execution.QueryContext;
import io.basin.execution.driver.Pipeline;
import io.basin.execution.driver.PipelineExecutor;
import io.basin.execution.expression.PageProcessorFactory;
import io.basin.execution.operator.Source;
import io.basin.execution.operator.TableScanSource;
import io.basin.execution.operator.TableWriterSink;
import io.basin.execution.operator.join.JoinFilter;
import io.basin.metadata.QueryCatalogs;
import io.basin.metadata.TableColumn;
import io.basin.plan.JoinNode;
import io.basin.plan.TableScanNode;
import io.basin.plan.TableWriterNode;
import io.basin.plan.expr.Expression;
import io.basin.sql.planner.physical.ExecutionServices;
import io.trino.spi.type.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import static java.util.Objects.requireNonNull;

/** Binds the physical planner to this engine's connectors and expression compiler, for one statement. */
final class EngineExecutionServices
        implements ExecutionServices, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(EngineExecutionServices.class);

    private final QueryCatalogs catalogs;
    private final QueryContext queryContext;
    private final ExpressionServices expressions;
    private final PipelineExecutor pipelineExecutor;
    private final List<TableScanner> scanners = new ArrayList<>();
    private final List<TableWriterSink> writers = new ArrayList<>();

    EngineExecutionServices(QueryCatalogs catalogs, QueryContext queryContext, ExpressionServices expressions, PipelineExecutor pipelineExecutor)
    {
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.queryContext = requireNonNull(queryContext, "queryContext is null");
        this.expressions = requireNonNull(expressions, "expressions is null");
        this.pipelineExecutor = requireNonNull(pipelineExecutor, "pipelineExecutor is null");
        queryContext.whenCancelled(() -> {
            try {
                catalogs.abortOnCancel();
            }
            catch (RuntimeException e) {
                // the query fails as canceled either way; its statements then end with it
                LOG.warn("Cannot abort the transactions of canceled query {}", queryContext.queryId(), e);
            }
        });
    }

    @Override
    public void run(List<Pipeline> pipelines)
    {
        pipelineExecutor.execute(pipelines, queryContext);
    }

    @Override
    public PageProcessorFactory compile(Optional<Expression> filter, List<Expression> projections, List<Type> inputTypes)
    {
        return expressions.compile(filter, projections, inputTypes, queryContext);
    }

    @Override
    public Supplier<JoinFilter> compileJoinFilter(Expression filter, List<Type> inputTypes)
    {
        return expressions.compileJoinFilter(filter, inputTypes, queryContext);
    }

    @Override
    public Object evaluateConstant(Expression expression)
    {
        return expressions.evaluateConstant(expression, queryContext);
    }

    @Override
    public Source tableScan(TableScanNode node, Optional<Expression> filter, DynamicFilter dynamicFilter)
    {
        CatalogTransaction transaction = catalogs.transaction(node.table().catalog());
        if (filter.isEmpty()) {
            return tableScan(node, transaction, node.handle(), TupleDomain.all(), dynamicFilter);
        }
        TupleDomain<ColumnHandle> constraint = new ScanConstraintExtractor(node.columns(), this::evaluateConstant).extract(filter.get());
        return tableScan(node, transaction, filteredHandle(transaction, node.handle(), constraint), constraint, dynamicFilter);
    }

    /**
     * The split's bucket comes from the connector's {@code getSplitBucketFunction} for the join's
     * partitioning (the warehouse: the split's slice).
     */
    @Override
    public Source bucketedTableScan(TableScanNode node, Optional<Expression> filter, JoinNode.CoLocation coLocation)
    {
        CatalogTransaction transaction = catalogs.transaction(node.table().catalog());
        TupleDomain<ColumnHandle> constraint = filter
                .map(predicate -> new ScanConstraintExtractor(node.columns(), this::evaluateConstant).extract(predicate))
                .orElse(TupleDomain.all());
        ConnectorTableHandle handle = filteredHandle(transaction, node.handle(), constraint);
        ToIntFunction<ConnectorSplit> bucketOf;
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(transaction.catalog().classLoader())) {
            bucketOf = transaction.catalog().connector().getNodePartitioningProvider()
                    .getSplitBucketFunction(transaction.handle(), catalogs.session(), coLocation.partitioning(), coLocation.bucketCount());
        }
        TableScanner scanner = new TableScanner(transaction.catalog(), transaction.handle(), catalogs.session(), handle,
                node.columns().stream().map(TableColumn::handle).toList(), io.trino.spi.connector.DynamicFilter.EMPTY, new Constraint(constraint))
                .withBuckets(bucketOf, coLocation.bucketCount());
        synchronized (scanners) {
            scanners.add(scanner);
        }
        return new TableScanSource(scanner, "TableScan[" + node.table() + ", by bucket]");
    }

    /**
     * The conjuncts of the filter that compare a column with a constant go to the connector twice:
     * to applyFilter, which may narrow the table handle (the lake prunes files with it), and as
     * the scan's constraint when splits are listed and read (the warehouse skips row groups by
     * their zone maps). The filter above the scan still applies in full.
     */
    private ConnectorTableHandle filteredHandle(CatalogTransaction transaction, ConnectorTableHandle handle, TupleDomain<ColumnHandle> constraint)
    {
        if (constraint.isAll()) {
            return handle;
        }
        ConnectorMetadata metadata = transaction.metadata(catalogs.session());
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(transaction.catalog().classLoader())) {
            return metadata.applyFilter(catalogs.session(), handle, new Constraint(constraint))
                    .map(ConstraintApplicationResult::getHandle)
                    .orElse(handle);
        }
    }

    private Source tableScan(TableScanNode node, CatalogTransaction transaction, ConnectorTableHandle handle, TupleDomain<ColumnHandle> constraint, DynamicFilter dynamicFilter)
    {
        TableScanner scanner = new TableScanner(transaction.catalog(), transaction.handle(), catalogs.session(), handle,
                node.columns().stream().map(TableColumn::handle).toList(), dynamicFilter, new Constraint(constraint));
        synchronized (scanners) {
            scanners.add(scanner);
        }
        return new TableScanSource(scanner, "TableScan[" + node.table() + "]");
    }

    @Override
    @SuppressWarnings("unchecked")
    public TableWriterSink tableWriter(TableWriterNode node)
    {
        CatalogTransaction transaction = catalogs.transaction(node.target().catalog());
        TableWriter writer = switch (node.writeTarget()) {
            case WriteTargets.CreateTable create -> TableWriter.beginCreateTable(transaction, catalogs.session(), create.metadata(), false);
            case WriteTargets.Insert insert -> TableWriter.beginInsert(transaction, catalogs.session(), insert.handle());
            case WriteTargets.Update update -> TableWriter.beginUpdate(transaction, catalogs.session(), update.handle(), update.rowId());
            case WriteTargets.Delete delete -> TableWriter.beginDelete(transaction, catalogs.session(), delete.handle(), delete.rowId());
            default -> throw new IllegalArgumentException("Unknown write target " + node.writeTarget());
        };
        TableWriterSink sink = new TableWriterSink(writer, "TableWriter[" + node.target() + "]");
        writers.add(sink);
        return sink;
    }

    void abort()
    {
        for (TableWriterSink writer : writers) {
            try {
                writer.abort();
            }
            catch (RuntimeException e) {
                LOG.warn("Aborting write failed", e);
            }
        }
    }

    @Override
    public void close()
    {
        synchronized (scanners) {
            for (TableScanner scanner : scanners) {
                try {
                    scanner.close();
                }
                catch (Exception e) {
                    LOG.warn("Closing a table scan failed", e);
                }
            }
        }
    }
}

package io.basin.metadata;

import io.basin.error.BasinException;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.basin.connector.CatalogHandle;
import io.basin.connector.CatalogTransaction;
import io.basin.connector.ThreadContextClassLoader;
import io.airlift.slice.Slices;
import io.trino.spi.connector.TableFunctionApplicationResult;
import io.trino.spi.function.table.ConnectorTableFunction;
import io.trino.spi.function.table.ScalarArgument;
import io.trino.spi.function.table.TableFunctionAnalysis;
import io.trino.spi.type.VarcharType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.statistics.TableStatistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import static io.basin.error.BasinErrorCode.CONNECTOR_ERROR;
import static io.basin.error.BasinErrorCode.UNDEFINED_DATABASE;
import static java.util.Objects.requireNonNull;

/**
 * The catalogs one statement touches: an auto-commit connector transaction per catalog, begun on
 * first use and committed (or rolled back) when the statement ends.
 */
public final class QueryCatalogs
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(QueryCatalogs.class);

    private final CatalogLookup catalogLookup;
    private final ConnectorSession session;
    private final Map<String, CatalogTransaction> transactions = new ConcurrentHashMap<>();
    private final Map<QualifiedTableName, Optional<ResolvedTable>> resolvedTables = new ConcurrentHashMap<>();
    private final boolean readOnly;
    private final Map<String, CatalogTransaction> enclosing;

    public QueryCatalogs(CatalogLookup catalogLookup, ConnectorSession session, boolean readOnly)
    {
        this(catalogLookup, session, readOnly, Map.of());
    }

    /**
     * Catalogs of a statement inside a transaction block: {@code enclosing} are the block's own
     * transactions (by catalog), which the statement uses and which the block, not the
     * statement, commits or rolls back.
     */
    public QueryCatalogs(CatalogLookup catalogLookup, ConnectorSession session, boolean readOnly, Map<String, CatalogTransaction> enclosing)
    {
        this.catalogLookup = requireNonNull(catalogLookup, "catalogLookup is null");
        this.session = requireNonNull(session, "session is null");
        this.readOnly = readOnly;
        this.enclosing = Map.copyOf(requireNonNull(enclosing, "enclosing is null"));
    }

    public ConnectorSession session()
    {
        return session;
    }

    public List<String> catalogNames()
    {
        return catalogLookup.catalogNames();
    }

    public boolean catalogExists(String catalogName)
    {
        return catalogLookup.catalog(catalogName).isPresent();
    }

    public CatalogTransaction transaction(String catalogName)
    {
        CatalogTransaction blockTransaction = enclosing.get(catalogName);
        if (blockTransaction != null) {
            return blockTransaction;
        }
        return transactions.computeIfAbsent(catalogName, name -> {
            CatalogHandle catalog = catalogLookup.catalog(name)
                    .orElseThrow(() -> new BasinException(UNDEFINED_DATABASE, "database \"" + name + "\" does not exist"));
            return CatalogTransaction.begin(catalog, readOnly);
        });
    }

    public ConnectorMetadata metadata(String catalogName)
    {
        return transaction(catalogName).metadata(session);
    }

    /** The catalog's schemas, its external schemas included. */
    public List<String> listSchemas(String catalogName)
    {
        List<String> schemas = new ArrayList<>(connectorCall(catalogName, () -> metadata(catalogName).listSchemaNames(session)));
        schemas.addAll(catalogLookup.externalSchemaNames(catalogName));
        return schemas;
    }

    public boolean schemaExists(String catalogName, String schemaName)
    {
        if (catalogLookup.externalSchema(catalogName, schemaName).isPresent()) {
            return true;
        }
        return connectorCall(catalogName, () -> metadata(catalogName).schemaExists(session, schemaName));
    }

    /** The external schema {@code schemaName} of {@code catalogName}, if it is one. */
    public Optional<ExternalSchemaBinding> externalSchema(String catalogName, String schemaName)
    {
        return catalogLookup.externalSchema(catalogName, schemaName);
    }

    /**
     * A name in an external schema ({@code dev.sales.orders}) as its source's catalog knows it
     * ({@code <sales's catalog>.public.orders}); any other name as it is.
     */
    public QualifiedTableName sourceName(QualifiedTableName name)
    {
        return catalogLookup.externalSchema(name.catalog(), name.schema())
                .map(binding -> new QualifiedTableName(binding.catalogName(), binding.remoteSchema(), name.table()))
                .orElse(name);
    }

    public List<String> listTables(String catalogName, String schemaName)
    {
        Optional<ExternalSchemaBinding> external = catalogLookup.externalSchema(catalogName, schemaName);
        if (external.isPresent()) {
            return listTables(external.get().catalogName(), external.get().remoteSchema());
        }
        return connectorCall(catalogName, () -> {
            List<String> names = new ArrayList<>();
            for (SchemaTableName table : metadata(catalogName).listTables(session, Optional.of(schemaName))) {
                names.add(table.getTableName());
            }
            return names;
        });
    }

    /**
     * A table's metadata as its connector describes it (columns with nullability and comments,
     * the table comment), without resolving handles for a scan; empty when there is no such table.
     */
    public Optional<ConnectorTableMetadata> tableMetadata(QualifiedTableName requested)
    {
        QualifiedTableName name = sourceName(requested);
        if (!catalogExists(name.catalog())) {
            return Optional.empty();
        }
        return connectorCall(name.catalog(), () -> {
            ConnectorMetadata metadata = metadata(name.catalog());
            ConnectorTableHandle handle = metadata.getTableHandle(session, new SchemaTableName(name.schema(), name.table()), Optional.empty(), Optional.empty());
            return handle == null ? Optional.empty() : Optional.of(metadata.getTableMetadata(session, handle));
        });
    }

    /** A table; one in an external schema resolves to its source's catalog and schema. */
    public Optional<ResolvedTable> resolveTable(QualifiedTableName name)
    {
        return resolvedTables.computeIfAbsent(sourceName(name), resolved -> bind(resolved).map(this::withStatistics));
    }

    /**
     * Table {@code planned} (of an earlier statement's plan) resolved again in this statement's
     * transactions: a new handle and columns, with the statistics the plan was made with, which
     * are only estimates and cost a connector the most to compute (a lake table's column bounds).
     * Empty when there is no such table any more.
     */
    public Optional<ResolvedTable> resolveTableAgain(ResolvedTable planned)
    {
        return resolvedTables.computeIfAbsent(sourceName(planned.name()), name -> bind(name).map(bound -> new ResolvedTable(bound.name(), bound.handle(), bound.columns(),
                planned.rowCount(), planned.distinctValues(), planned.remoteSql(), planned.inputRowCount(), planned.columnEstimates())));
    }

    /** The table's handle and visible columns, without statistics. */
    private Optional<ResolvedTable> bind(QualifiedTableName name)
    {
        if (!catalogExists(name.catalog())) {
            return Optional.empty();
        }
        return connectorCall(name.catalog(), () -> {
            ConnectorMetadata metadata = metadata(name.catalog());
            // "t@version=n" and "t@timestamp=..." are FOR VERSION / FOR TIMESTAMP AS OF (TableVersions)
            TableVersions versioned = TableVersions.parse(name.table());
            ConnectorTableHandle handle = metadata.getTableHandle(session, new SchemaTableName(name.schema(), versioned.table()), versioned.version(), Optional.empty());
            if (handle == null) {
                return Optional.empty();
            }
            ConnectorTableMetadata tableMetadata = metadata.getTableMetadata(session, handle);
            Map<String, ColumnHandle> handles = metadata.getColumnHandles(session, handle);
            List<TableColumn> columns = new ArrayList<>();
            for (ColumnMetadata column : tableMetadata.getColumns()) {
                if (column.isHidden()) {
                    continue;
                }
                ColumnHandle columnHandle = handles.get(column.getName());
                if (columnHandle == null) {
                    throw new BasinException(CONNECTOR_ERROR, "Cannot resolve table " + name + ": connector returned no handle for column " + column.getName());
                }
                columns.add(new TableColumn(column.getName(), column.getType(), columnHandle));
            }
            return Optional.of(new ResolvedTable(name, handle, columns, OptionalDouble.empty()));
        });
    }

    /** {@code table} with its connector's statistics: row count, distinct values, null fractions and ranges. */
    private ResolvedTable withStatistics(ResolvedTable table)
    {
        return connectorCall(table.name().catalog(), () -> {
            TableStatistics statistics = metadata(table.name().catalog()).getTableStatistics(session, table.handle());
            OptionalDouble rowCount = statistics.getRowCount().isUnknown()
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(statistics.getRowCount().getValue());
            Map<String, Double> distinctValues = new java.util.HashMap<>();
            Map<String, ColumnEstimate> estimates = new java.util.HashMap<>();
            for (TableColumn column : table.columns()) {
                var columnStatistics = statistics.getColumnStatistics().get(column.handle());
                if (columnStatistics == null) {
                    continue;
                }
                if (!columnStatistics.getDistinctValuesCount().isUnknown()) {
                    distinctValues.put(column.name(), columnStatistics.getDistinctValuesCount().getValue());
                }
                OptionalDouble nullFraction = columnStatistics.getNullsFraction().isUnknown()
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(columnStatistics.getNullsFraction().getValue());
                OptionalDouble min = columnStatistics.getRange().map(range -> OptionalDouble.of(range.getMin())).orElse(OptionalDouble.empty());
                OptionalDouble max = columnStatistics.getRange().map(range -> OptionalDouble.of(range.getMax())).orElse(OptionalDouble.empty());
                estimates.put(column.name(), new ColumnEstimate(nullFraction, min, max));
            }
            return new ResolvedTable(table.name(), table.handle(), table.columns(), rowCount, distinctValues, Optional.empty(), estimates);
        });
    }

    /**
     * The name of the connector behind {@code catalogName} when that connector runs whole
     * statements through the table function {@code system.query} (the pass-through of Trino's
     * JDBC connectors); empty otherwise.
     */
    public Optional<String> queryPassThroughConnector(String catalogName)
    {
        Optional<CatalogHandle> catalog = catalogLookup.catalog(catalogName);
        if (catalog.isEmpty()) {
            return Optional.empty();
        }
        try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.get().classLoader())) {
            return queryFunction(catalog.get()).map(_ -> catalog.get().connectorName());
        }
    }

    /**
     * A statement run by the source of {@code catalogName} through its {@code system.query}
     * table function, as a table Basin can scan: the connector describes the statement's columns
     * (without running it) and gives the handle that reads its result.
     */
    public ResolvedTable remoteQuery(String catalogName, String sql)
    {
        CatalogTransaction transaction = transaction(catalogName);
        CatalogHandle catalog = transaction.catalog();
        return connectorCall(catalogName, () -> {
            try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader())) {
                ConnectorTableFunction function = queryFunction(catalog)
                        .orElseThrow(() -> new BasinException(CONNECTOR_ERROR, "Catalog " + catalogName + " has no table function system.query"));
                TableFunctionAnalysis analysis = function.analyze(session, transaction.handle(),
                        Map.of("QUERY", ScalarArgument.builder().type(VarcharType.VARCHAR).value(Slices.utf8Slice(sql)).build()), null);
                ConnectorMetadata metadata = metadata(catalogName);
                TableFunctionApplicationResult<ConnectorTableHandle> applied = metadata.applyTableFunction(session, analysis.getHandle())
                        .orElseThrow(() -> new BasinException(CONNECTOR_ERROR, "Catalog " + catalogName + " did not apply its system.query function"));
                List<TableColumn> columns = new ArrayList<>();
                for (ColumnHandle column : applied.getColumnHandles()) {
                    ColumnMetadata columnMetadata = metadata.getColumnMetadata(session, applied.getTableHandle(), column);
                    columns.add(new TableColumn(columnMetadata.getName(), columnMetadata.getType(), column));
                }
                return new ResolvedTable(new QualifiedTableName(catalogName, "system", "query"), applied.getTableHandle(), columns, OptionalDouble.empty(), Map.of(), Optional.of(sql));
            }
        });
    }

    private static Optional<ConnectorTableFunction> queryFunction(CatalogHandle catalog)
    {
        return catalog.connector().getTableFunctions().stream()
                .filter(function -> function.getSchema().equals("system") && function.getName().equals("query"))
                .findFirst();
    }

    /**
     * Makes {@code rowId} (the connector's hidden row id column) the last column of table
     * {@code name} for the rest of this statement, so an UPDATE's planned rows can carry it
     * (through {@code alias.*}). No other statement sees the column.
     */
    public ResolvedTable exposeRowId(QualifiedTableName name, TableColumn rowId)
    {
        ResolvedTable table = resolveTable(name).orElseThrow(() -> new IllegalArgumentException("No table " + name));
        List<TableColumn> columns = new ArrayList<>(table.columns());
        columns.add(rowId);
        ResolvedTable withRowId = new ResolvedTable(table.name(), table.handle(), columns, table.rowCount(), table.distinctValues(), table.remoteSql(), table.columnEstimates());
        resolvedTables.put(sourceName(name), Optional.of(withRowId));
        return withRowId;
    }

    /** Forget resolved tables (after DDL in the same statement sequence). */
    public void invalidate(QualifiedTableName name)
    {
        resolvedTables.remove(sourceName(name));
    }

    public void commit()
    {
        RuntimeException failure = null;
        for (CatalogTransaction transaction : new LinkedHashMap<>(transactions).values()) {
            try {
                transaction.commit();
            }
            catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        transactions.clear();
        if (failure != null) {
            throw failure;
        }
    }

    public void rollback()
    {
        for (CatalogTransaction transaction : new LinkedHashMap<>(transactions).values()) {
            try {
                transaction.rollback();
            }
            catch (RuntimeException e) {
                // the statement already failed; a rollback failure must not hide that error
                LOG.warn("Rollback of catalog {} failed", transaction.catalog().name(), e);
            }
        }
        transactions.clear();
    }

    /**
     * The statement was canceled: a read-only statement's own transactions are rolled back at
     * once, from the canceling thread, which is how connectors learn to stop work still running
     * at their sources (the PostgreSQL and MySQL connectors cancel their remote statements), as
     * a Trino transaction abort does. A writing statement, and a transaction block's
     * transactions, end as usual when the statement does.
     */
    public void abortOnCancel()
    {
        if (readOnly) {
            rollback();
        }
    }

    @Override
    public void close()
    {
        rollback();
    }

    private static <T> T connectorCall(String catalogName, java.util.function.Supplier<T> call)
    {
        try {
            return call.get();
        }
        catch (BasinException e) {
            throw e;
        }
        catch (TrinoException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new BasinException(CONNECTOR_ERROR, "Catalog " + catalogName + " failed: " + e.getMessage(), e);
        }
    }
}

package io.basin.metadata;

import io.basin.error.BasinException;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.basin.connector.CatalogHandle;
import io.basin.connector.CatalogTransaction;
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

    public List<String> listSchemas(String catalogName)
    {
        return connectorCall(catalogName, () -> metadata(catalogName).listSchemaNames(session));
    }

    public boolean schemaExists(String catalogName, String schemaName)
    {
        return connectorCall(catalogName, () -> metadata(catalogName).schemaExists(session, schemaName));
    }

    public List<String> listTables(String catalogName, String schemaName)
    {
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
    public Optional<ConnectorTableMetadata> tableMetadata(QualifiedTableName name)
    {
        if (!catalogExists(name.catalog())) {
            return Optional.empty();
        }
        return connectorCall(name.catalog(), () -> {
            ConnectorMetadata metadata = metadata(name.catalog());
            ConnectorTableHandle handle = metadata.getTableHandle(session, new SchemaTableName(name.schema(), name.table()), Optional.empty(), Optional.empty());
            return handle == null ? Optional.empty() : Optional.of(metadata.getTableMetadata(session, handle));
        });
    }

    public Optional<ResolvedTable> resolveTable(QualifiedTableName name)
    {
        return resolvedTables.computeIfAbsent(name, this::doResolveTable);
    }

    private Optional<ResolvedTable> doResolveTable(QualifiedTableName name)
    {
        if (!catalogExists(name.catalog())) {
            return Optional.empty();
        }
        return connectorCall(name.catalog(), () -> {
            ConnectorMetadata metadata = metadata(name.catalog());
            ConnectorTableHandle handle = metadata.getTableHandle(session, new SchemaTableName(name.schema(), name.table()), Optional.empty(), Optional.empty());
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
            TableStatistics statistics = metadata.getTableStatistics(session, handle);
            OptionalDouble rowCount = statistics.getRowCount().isUnknown()
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(statistics.getRowCount().getValue());
            Map<String, Double> distinctValues = new java.util.HashMap<>();
            for (TableColumn column : columns) {
                var columnStatistics = statistics.getColumnStatistics().get(column.handle());
                if (columnStatistics != null && !columnStatistics.getDistinctValuesCount().isUnknown()) {
                    distinctValues.put(column.name(), columnStatistics.getDistinctValuesCount().getValue());
                }
            }
            return Optional.of(new ResolvedTable(name, handle, columns, rowCount, distinctValues));
        });
    }

    /** Forget resolved tables (after DDL in the same statement sequence). */
    public void invalidate(QualifiedTableName name)
    {
        resolvedTables.remove(name);
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

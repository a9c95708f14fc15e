package io.basin.metadata;

import io.basin.error.BasinException;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.statistics.TableStatistics;
import io.trino.spi.transaction.IsolationLevel;

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
    /** An open transaction on one catalog. */
    public record CatalogTransaction(String catalogName, Connector connector, ConnectorTransactionHandle transaction, ConnectorMetadata metadata)
    {
        public CatalogTransaction
        {
            requireNonNull(catalogName, "catalogName is null");
            requireNonNull(connector, "connector is null");
            requireNonNull(transaction, "transaction is null");
            requireNonNull(metadata, "metadata is null");
        }
    }

    private final CatalogLookup catalogLookup;
    private final ConnectorSession session;
    private final Map<String, CatalogTransaction> transactions = new ConcurrentHashMap<>();
    private final Map<QualifiedTableName, Optional<ResolvedTable>> resolvedTables = new ConcurrentHashMap<>();
    private final boolean readOnly;

    public QueryCatalogs(CatalogLookup catalogLookup, ConnectorSession session, boolean readOnly)
    {
        this.catalogLookup = requireNonNull(catalogLookup, "catalogLookup is null");
        this.session = requireNonNull(session, "session is null");
        this.readOnly = readOnly;
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
        return catalogLookup.connector(catalogName).isPresent();
    }

    public CatalogTransaction transaction(String catalogName)
    {
        return transactions.computeIfAbsent(catalogName, name -> {
            Connector connector = catalogLookup.connector(name)
                    .orElseThrow(() -> new BasinException(UNDEFINED_DATABASE, "database \"" + name + "\" does not exist"));
            ConnectorTransactionHandle handle = connector.beginTransaction(IsolationLevel.READ_COMMITTED, readOnly, true);
            return new CatalogTransaction(name, connector, handle, connector.getMetadata(session, handle));
        });
    }

    public List<String> listSchemas(String catalogName)
    {
        return connectorCall(catalogName, () -> transaction(catalogName).metadata().listSchemaNames(session));
    }

    public boolean schemaExists(String catalogName, String schemaName)
    {
        return connectorCall(catalogName, () -> transaction(catalogName).metadata().schemaExists(session, schemaName));
    }

    public List<String> listTables(String catalogName, String schemaName)
    {
        return connectorCall(catalogName, () -> {
            List<String> names = new ArrayList<>();
            for (SchemaTableName table : transaction(catalogName).metadata().listTables(session, Optional.of(schemaName))) {
                names.add(table.getTableName());
            }
            return names;
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
            ConnectorMetadata metadata = transaction(name.catalog()).metadata();
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
            return Optional.of(new ResolvedTable(name, handle, columns, rowCount));
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
                transaction.connector().commit(transaction.transaction());
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
            transaction.connector().rollback(transaction.transaction());
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

package io.basin.connector.system;

import io.basin.connector.CatalogHandle;
import io.basin.connector.ThreadContextClassLoader;
import io.trino.spi.Page;
import io.trino.spi.PageBuilder;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.RecordCursor;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.trino.spi.transaction.IsolationLevel.READ_COMMITTED;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * {@code system.runtime.<name>}: the rows of every catalog's connector system table
 * {@code runtime.<name>} (Trino SPI {@link io.trino.spi.connector.SystemTable}), each labelled
 * with its catalog in a first column {@code catalog}. The other columns are read by name and type,
 * so a connector that lacks one gives nulls there. Used for {@code scan_workers} (the lake's
 * remote scan workers).
 */
public final class ConnectorRuntimeTable
        implements SystemTable
{
    private final String name;
    private final List<ColumnMetadata> columns;
    private final Supplier<Map<String, CatalogHandle>> catalogs;

    /**
     * @param columns the connector table's columns as this table shows them (after {@code catalog})
     * @param catalogs the catalogs to ask, by the name shown in {@code catalog}
     */
    public ConnectorRuntimeTable(String name, List<ColumnMetadata> columns, Supplier<Map<String, CatalogHandle>> catalogs)
    {
        this.name = requireNonNull(name, "name is null");
        List<ColumnMetadata> all = new ArrayList<>();
        all.add(new ColumnMetadata("catalog", VARCHAR));
        all.addAll(requireNonNull(columns, "columns is null"));
        this.columns = List.copyOf(all);
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
    }

    @Override
    public String schemaName()
    {
        return "runtime";
    }

    @Override
    public String tableName()
    {
        return name;
    }

    @Override
    public List<ColumnMetadata> columns()
    {
        return columns;
    }

    @Override
    public Page rows()
    {
        throw new UnsupportedOperationException(name + " is read with a session");
    }

    @Override
    public Page rows(ConnectorSession session)
    {
        List<Type> types = columns.stream().map(ColumnMetadata::getType).toList();
        PageBuilder page = new PageBuilder(types);
        SchemaTableName sourceName = new SchemaTableName("runtime", name);
        for (Map.Entry<String, CatalogHandle> source : catalogs.get().entrySet()) {
            CatalogHandle catalog = source.getValue();
            try (ThreadContextClassLoader _ = new ThreadContextClassLoader(catalog.classLoader())) {
                for (io.trino.spi.connector.SystemTable table : catalog.connector().getSystemTables()) {
                    if (table.getTableMetadata().getTable().equals(sourceName)) {
                        append(page, types, source.getKey(), catalog, table, session);
                    }
                }
            }
        }
        return page.build();
    }

    private void append(PageBuilder page, List<Type> types, String catalogName, CatalogHandle catalog, io.trino.spi.connector.SystemTable table, ConnectorSession session)
    {
        List<ColumnMetadata> sourceColumns = table.getTableMetadata().getColumns();
        // for each column after "catalog", its position in the connector's table (or -1)
        int[] positions = new int[columns.size()];
        for (int i = 1; i < columns.size(); i++) {
            positions[i] = -1;
            for (int j = 0; j < sourceColumns.size(); j++) {
                if (sourceColumns.get(j).getName().equals(columns.get(i).getName()) && sourceColumns.get(j).getType().equals(columns.get(i).getType())) {
                    positions[i] = j;
                }
            }
        }
        ConnectorTransactionHandle transaction = catalog.connector().beginTransaction(READ_COMMITTED, true, true);
        try (RecordCursor cursor = table.cursor(transaction, session, TupleDomain.all())) {
            while (cursor.advanceNextPosition()) {
                page.declarePosition();
                VARCHAR.writeString(page.getBlockBuilder(0), catalogName);
                for (int i = 1; i < columns.size(); i++) {
                    Type type = types.get(i);
                    int position = positions[i];
                    if (position < 0 || cursor.isNull(position)) {
                        page.getBlockBuilder(i).appendNull();
                    }
                    else if (type.getJavaType() == long.class) {
                        type.writeLong(page.getBlockBuilder(i), cursor.getLong(position));
                    }
                    else if (type.getJavaType() == double.class) {
                        type.writeDouble(page.getBlockBuilder(i), cursor.getDouble(position));
                    }
                    else if (type.getJavaType() == boolean.class) {
                        type.writeBoolean(page.getBlockBuilder(i), cursor.getBoolean(position));
                    }
                    else {
                        type.writeSlice(page.getBlockBuilder(i), cursor.getSlice(position));
                    }
                }
            }
        }
        finally {
            catalog.connector().commit(transaction);
        }
    }
}

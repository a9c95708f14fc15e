package io.basin.connector.warehouse;

import io.airlift.slice.Slices;
import io.basin.connector.warehouse.storage.CatalogState;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SchemaTableName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * A read-only table of schema {@code warehouse_system}: its columns (varchar, bigint, double or
 * boolean) and its rows, computed from the reading transaction's snapshot and the catalog's scan
 * counters when it is read, in one split. The schema is not listed among the catalog's schemas;
 * its tables answer only when named.
 */
interface WarehouseSystemTable
{
    String SCHEMA = "warehouse_system";

    List<WarehouseSystemTable> TABLES = List.of(new ScanSummaryTable(), new TableStatisticsTable(), new TableSlicesTable());

    SchemaTableName name();

    List<ColumnMetadata> columns();

    /** The rows, each a value per column: a String, Long, Double, Boolean or null. */
    List<List<Object>> rows(CatalogState state, ScanCounters counters);

    static Optional<WarehouseSystemTable> named(SchemaTableName name)
    {
        return TABLES.stream().filter(table -> table.name().equals(name)).findFirst();
    }

    /** A system table as a scan sees it. */
    record Handle(SchemaTableName name)
            implements ConnectorTableHandle
    {
        public Handle
        {
            requireNonNull(name, "name is null");
        }

        WarehouseSystemTable table()
        {
            return named(name).orElseThrow(() -> new IllegalArgumentException("No warehouse system table " + name));
        }

        ConnectorTableMetadata metadata()
        {
            return new ConnectorTableMetadata(name, table().columns());
        }

        Map<String, ColumnHandle> columnHandles()
        {
            Map<String, ColumnHandle> handles = new LinkedHashMap<>();
            List<ColumnMetadata> columns = table().columns();
            for (int i = 0; i < columns.size(); i++) {
                handles.put(columns.get(i).getName(), new Column(columns.get(i).getName(), i));
            }
            return handles;
        }

        ColumnMetadata column(ColumnHandle handle)
        {
            return table().columns().get(((Column) handle).ordinal());
        }

        /** The rows of the table, the {@code columns} asked for. */
        Page page(CatalogState state, ScanCounters counters, List<ColumnHandle> columns)
        {
            List<List<Object>> rows = table().rows(state, counters);
            Block[] blocks = new Block[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                int ordinal = ((Column) columns.get(i)).ordinal();
                BlockBuilder builder = table().columns().get(ordinal).getType().createBlockBuilder(null, rows.size());
                for (List<Object> row : rows) {
                    switch (row.get(ordinal)) {
                        case null -> builder.appendNull();
                        case String text -> VARCHAR.writeSlice(builder, Slices.utf8Slice(text));
                        case Long number -> BIGINT.writeLong(builder, number);
                        case Double number -> DOUBLE.writeDouble(builder, number);
                        case Boolean flag -> BOOLEAN.writeBoolean(builder, flag);
                        default -> throw new IllegalStateException("Unexpected value in system table %s: %s".formatted(name, row.get(ordinal)));
                    }
                }
                blocks[i] = builder.build();
            }
            return new Page(rows.size(), blocks);
        }
    }

    /** The one split of a system table. */
    record Split(SchemaTableName name)
            implements ConnectorSplit
    {
        public Split
        {
            requireNonNull(name, "name is null");
        }

        @Override
        public long getRetainedSizeInBytes()
        {
            return 64;
        }
    }

    /** A column of a system table. */
    record Column(String name, int ordinal)
            implements ColumnHandle {}
}

package io.basin.sql.analyzer;

import io.basin.metadata.ResolvedTable;
import io.basin.metadata.TableColumn;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.impl.AbstractTable;

import static java.util.Objects.requireNonNull;

/** A connector table as Calcite sees it: its row type and row-count statistic. */
public final class ConnectorTable
        extends AbstractTable
{
    private final ResolvedTable table;

    public ConnectorTable(ResolvedTable table)
    {
        this.table = requireNonNull(table, "table is null");
    }

    public ResolvedTable table()
    {
        return table;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory)
    {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (TableColumn column : table.columns()) {
            builder.add(column.name(), TypeConverter.toRelDataType(typeFactory, column.type()));
        }
        return builder.build();
    }

    @Override
    public Statistic getStatistic()
    {
        Double rowCount = table.rowCount().isPresent() ? table.rowCount().getAsDouble() : null;
        return new Statistic()
        {
            @Override
            public Double getRowCount()
            {
                return rowCount;
            }

            @Override
            public boolean isKey(org.apache.calcite.util.ImmutableBitSet columns)
            {
                // a column with as many distinct values as rows is (as far as statistics tell) a key
                if (rowCount == null || rowCount == 0) {
                    return false;
                }
                for (int column : columns) {
                    Double distinct = table.distinctValues().get(table.columns().get(column).name());
                    if (distinct != null && distinct >= 0.95 * rowCount) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}

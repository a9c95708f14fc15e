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

            /**
             * No column set is claimed unique: Calcite drops a DISTINCT or a semi join's
             * deduplication over a key, so a claim from statistics (distinct values close to the
             * row count) returned duplicated rows when the column held a few duplicates.
             * Only a declared constraint could make this true; connectors declare none yet.
             */
            @Override
            public boolean isKey(org.apache.calcite.util.ImmutableBitSet columns)
            {
                return false;
            }
        };
    }
}

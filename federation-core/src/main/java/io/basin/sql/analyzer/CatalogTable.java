package io.basin.sql.analyzer;

import io.basin.metadata.pgcatalog.CatalogColumn;
import io.basin.metadata.pgcatalog.CatalogTableDefinition;
import io.basin.metadata.pgcatalog.PgCatalog;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A {@code pg_catalog} or {@code information_schema} table as Calcite sees it. Its rows are
 * computed for the statement ({@link PgCatalog}) and planned as literal rows, not scanned.
 */
public final class CatalogTable
        extends AbstractTable
{
    /** Join ordering needs some estimate; the catalogs are small. */
    private static final double ESTIMATED_ROWS = 100;

    private final CatalogTableDefinition definition;
    private final PgCatalog catalog;

    CatalogTable(CatalogTableDefinition definition, PgCatalog catalog)
    {
        this.definition = requireNonNull(definition, "definition is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public CatalogTableDefinition definition()
    {
        return definition;
    }

    public List<Object[]> rows()
    {
        return catalog.rows(definition);
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory)
    {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (CatalogColumn column : definition.columns()) {
            RelDataType type = TypeConverter.toRelDataType(typeFactory, column.type().type());
            if (column.type().isArray()) {
                type = typeFactory.createTypeWithNullability(typeFactory.createArrayType(type, -1), true);
            }
            builder.add(column.name(), type);
        }
        return builder.build();
    }

    @Override
    public Statistic getStatistic()
    {
        return Statistics.of(ESTIMATED_ROWS, List.of());
    }
}

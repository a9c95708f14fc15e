package io.basin.sql.planner;

import io.basin.metadata.pgcatalog.CatalogColumn;
import io.basin.sql.analyzer.CatalogTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces scans of {@code pg_catalog} tables by what they are for this statement: an empty
 * table by empty values (so the optimizer prunes whatever only it feeds), and the array columns
 * of the others, which Basin leaves NULL, by NULL literals (so expressions over them fold).
 */
final class CatalogTableExpansion
        extends RelShuttleImpl
{
    private CatalogTableExpansion() {}

    static RelNode expand(RelNode rel)
    {
        return rel.accept(new CatalogTableExpansion());
    }

    @Override
    public RelNode visit(TableScan scan)
    {
        CatalogTable table = scan.getTable().unwrap(CatalogTable.class);
        if (table == null) {
            return scan;
        }
        if (table.rows().isEmpty()) {
            return LogicalValues.createEmpty(scan.getCluster(), scan.getRowType());
        }
        List<CatalogColumn> columns = table.definition().columns();
        if (columns.stream().noneMatch(column -> column.type().isArray())) {
            return scan;
        }
        RexBuilder rexBuilder = scan.getCluster().getRexBuilder();
        List<RexNode> projections = new ArrayList<>();
        List<RelDataTypeField> fields = scan.getRowType().getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            projections.add(columns.get(i).type().isArray()
                    ? rexBuilder.makeNullLiteral(fields.get(i).getType())
                    : rexBuilder.makeInputRef(scan, i));
        }
        return LogicalProject.create(scan, List.of(), projections, scan.getRowType(), java.util.Set.of());
    }
}

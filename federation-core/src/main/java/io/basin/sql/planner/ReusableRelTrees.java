package io.basin.sql.planner;

import io.basin.sql.analyzer.ConnectorTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.schema.TransientTable;

/**
 * Which optimized rel trees another run of the same statement may reuse: those whose every scan
 * reads a connector table (resolved again at each run) or a recursive query's work table. A
 * {@code pg_catalog} table's rows and a statement pushed down to a source are planned from what
 * they held at planning, so a tree with either is planned afresh each time.
 */
final class ReusableRelTrees
{
    private ReusableRelTrees() {}

    static boolean readsOnlyConnectorTables(RelNode rel)
    {
        if (rel instanceof TableScan scan) {
            ConnectorTable table = scan.getTable().unwrap(ConnectorTable.class);
            if (table != null) {
                return table.table().remoteSql().isEmpty();
            }
            return scan.getTable().unwrap(TransientTable.class) != null;
        }
        SubQueryCheck subQueries = new SubQueryCheck();
        rel.accept(subQueries);
        if (!subQueries.reusable) {
            return false;
        }
        for (RelNode input : rel.getInputs()) {
            if (!readsOnlyConnectorTables(input)) {
                return false;
            }
        }
        return true;
    }

    /** Subqueries still inside expressions (before their removal) are trees of their own. */
    private static final class SubQueryCheck
            extends RexShuttle
    {
        private boolean reusable = true;

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery)
        {
            reusable &= readsOnlyConnectorTables(subQuery.rel);
            return super.visitSubQuery(subQuery);
        }
    }
}

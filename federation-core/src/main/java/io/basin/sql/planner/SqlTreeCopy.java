package io.basin.sql.planner;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;

/**
 * A deep copy of a parsed statement. Calcite's validator rewrites the tree it validates (it
 * expands identifiers and resolves ORDER BY against the select list), so a statement described
 * (extended protocol: Parse, Describe) and then executed must be validated from copies: the
 * second validation of a rewritten tree fails ({@code ORDER BY name} after {@code name AS n}).
 */
final class SqlTreeCopy
        extends SqlShuttle
{
    private static final SqlTreeCopy INSTANCE = new SqlTreeCopy();

    private SqlTreeCopy() {}

    static SqlNode copy(SqlNode node)
    {
        return node.accept(INSTANCE);
    }

    @Override
    public SqlNode visit(SqlCall call)
    {
        CallCopyingArgHandler copier = new CallCopyingArgHandler(call, true);
        call.getOperator().acceptCall(this, call, false, copier);
        return copier.result();
    }

    @Override
    public SqlNode visit(SqlNodeList list)
    {
        List<SqlNode> copied = new ArrayList<>(list.size());
        for (SqlNode node : list) {
            copied.add(node == null ? null : node.accept(this));
        }
        return new SqlNodeList(copied, list.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlIdentifier identifier)
    {
        return identifier.clone(identifier.getParserPosition());
    }
}

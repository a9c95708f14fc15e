package io.basin.pushdown.sql;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.Set;

/**
 * Rewrites every string comparison of a fragment bound for MySQL or MariaDB to compare the
 * strings' bytes: {@code CAST(a AS BINARY) = CAST(b AS BINARY)}. Under the default collations
 * both servers compare case- and accent-insensitively and ignore trailing spaces; binary strings
 * compare byte by byte with no padding, and UTF-8 byte order is code point order, which is how
 * Basin compares {@code varchar}. {@code LIKE} is rewritten the same way (its callers allow only
 * patterns where byte-wise matching is character-wise matching, see {@link RemoteOperations}).
 */
final class MySqlBinaryComparisons
        extends RexShuttle
{
    /** {@code CAST(x AS BINARY)}, MySQL's spelling of a string's bytes (Calcite would write VARBINARY). */
    static final SqlFunction AS_BINARY = new SqlFunction("AS_BINARY", SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.VARBINARY),
            null, OperandTypes.ANY, SqlFunctionCategory.STRING)
    {
        @Override
        public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec)
        {
            SqlWriter.Frame frame = writer.startFunCall("CAST");
            call.operand(0).unparse(writer, 0, 0);
            writer.sep("AS");
            writer.keyword("BINARY");
            writer.endFunCall(frame);
        }
    };

    private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
            SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.LIKE);

    private final RexBuilder rexBuilder;

    private MySqlBinaryComparisons(RexBuilder rexBuilder)
    {
        this.rexBuilder = rexBuilder;
    }

    /** {@code fragment} with every string comparison in its filters, joins and projections made binary. */
    static RelNode rewrite(RelNode fragment)
    {
        MySqlBinaryComparisons comparisons = new MySqlBinaryComparisons(fragment.getCluster().getRexBuilder());
        return fragment.accept(new RelHomogeneousShuttle()
        {
            @Override
            public RelNode visit(RelNode other)
            {
                return super.visit(other).accept(comparisons);
            }
        });
    }

    @Override
    public RexNode visitCall(RexCall call)
    {
        if (call.getKind() == SqlKind.SEARCH && isString(call.getOperands().getFirst().getType())) {
            // an IN list or range over strings: spelled out as comparisons, each then made binary
            return RexUtil.expandSearch(rexBuilder, null, call).accept(this);
        }
        RexCall visited = (RexCall) super.visitCall(call);
        if (COMPARISONS.contains(visited.getKind()) && visited.getOperands().stream().anyMatch(operand -> isString(operand.getType()))) {
            List<RexNode> operands = visited.getOperands().stream().map(this::asBinary).toList();
            return visited.clone(visited.getType(), operands);
        }
        return visited;
    }

    private RexNode asBinary(RexNode operand)
    {
        RelDataType type = rexBuilder.getTypeFactory().createTypeWithNullability(
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.VARBINARY), operand.getType().isNullable());
        return rexBuilder.makeCall(type, AS_BINARY, List.of(operand));
    }

    private static boolean isString(RelDataType type)
    {
        return type.getSqlTypeName() == SqlTypeName.CHAR || type.getSqlTypeName() == SqlTypeName.VARCHAR;
    }
}

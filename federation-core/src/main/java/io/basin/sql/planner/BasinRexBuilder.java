package io.basin.sql.planner;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.math.BigDecimal;

/**
 * Keeps casts of numeric literals that lose digits as real casts. Calcite would fold them itself,
 * truncating ({@code CAST(2.345 AS decimal(5,2))} = 2.34), where PostgreSQL rounds half away from
 * zero (2.35); Basin's constant folder then evaluates them with its own semantics.
 */
final class BasinRexBuilder
        extends RexBuilder
{
    BasinRexBuilder(RelDataTypeFactory typeFactory)
    {
        super(typeFactory);
    }

    @Override
    public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe, RexLiteral format)
    {
        if (exp instanceof RexLiteral literal && !literal.isNull() && SqlTypeUtil.isExactNumeric(literal.getType())
                && type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            BigDecimal value = literal.getValueAs(BigDecimal.class);
            if (value != null && value.stripTrailingZeros().scale() > type.getScale()) {
                return makeAbstractCast(pos, type, exp, safe, format);
            }
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }
}

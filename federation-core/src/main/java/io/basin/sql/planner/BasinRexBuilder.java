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
        if (losesDigits(type, exp)) {
            return makeAbstractCast(pos, type, exp, safe, format);
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }

    @Override
    public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe)
    {
        if (losesDigits(type, exp)) {
            return makeAbstractCast(pos, type, exp, safe);
        }
        return super.makeCast(pos, type, exp, matchNullability, safe);
    }

    @Override
    public RexNode makeCast(RelDataType type, RexNode exp, boolean matchNullability, boolean safe)
    {
        if (losesDigits(type, exp)) {
            return makeAbstractCast(type, exp, safe);
        }
        return super.makeCast(type, exp, matchNullability, safe);
    }

    @Override
    public RexNode makeCast(RelDataType type, RexNode exp, boolean matchNullability)
    {
        return makeCast(type, exp, matchNullability, false);
    }

    @Override
    public RexNode makeCast(RelDataType type, RexNode exp)
    {
        return makeCast(type, exp, false, false);
    }

    @Override
    public RexLiteral makeExactLiteral(BigDecimal value, RelDataType type)
    {
        // Calcite truncates extra fractional digits; PostgreSQL rounds half away from zero
        if (value != null && type.getSqlTypeName() == SqlTypeName.DECIMAL && value.scale() > type.getScale()) {
            value = value.setScale(type.getScale(), java.math.RoundingMode.HALF_UP);
        }
        return super.makeExactLiteral(value, type);
    }

    private static boolean losesDigits(RelDataType type, RexNode exp)
    {
        if (exp instanceof RexLiteral literal && !literal.isNull() && SqlTypeUtil.isExactNumeric(literal.getType())
                && type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            BigDecimal value = literal.getValueAs(BigDecimal.class);
            return value != null && value.stripTrailingZeros().scale() > type.getScale();
        }
        return false;
    }
}

package io.basin.sql.analyzer;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * PostgreSQL/Redshift-flavoured type rules: decimals up to 38 digits, sums widen to decimal(38, s)
 * or bigint, averages of exact numbers are decimals (PostgreSQL's numeric) rather than truncated
 * to the input type, and CASE/UNION over strings of different lengths gives varchar, not padded char.
 */
public final class BasinTypeSystem
        extends RelDataTypeSystemImpl
{
    public static final BasinTypeSystem INSTANCE = new BasinTypeSystem();
    public static final int MAX_DECIMAL_PRECISION = 38;

    private BasinTypeSystem() {}

    @Override
    public int getMaxPrecision(SqlTypeName typeName)
    {
        if (typeName == SqlTypeName.DECIMAL) {
            return MAX_DECIMAL_PRECISION;
        }
        if (typeName == SqlTypeName.VARCHAR || typeName == SqlTypeName.CHAR) {
            return 65535;
        }
        if (typeName == SqlTypeName.TIMESTAMP) {
            // microseconds, as PostgreSQL
            return 6;
        }
        return super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName)
    {
        if (typeName == SqlTypeName.DECIMAL) {
            return MAX_DECIMAL_PRECISION;
        }
        return super.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName)
    {
        if (typeName == SqlTypeName.TIMESTAMP) {
            return 6;
        }
        if (typeName == SqlTypeName.DECIMAL) {
            // "numeric" without precision: Redshift's default is (18, 0)
            return 18;
        }
        return super.getDefaultPrecision(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying()
    {
        return true;
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType)
    {
        RelDataType type = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, argumentType.getScale());
            case REAL, FLOAT, DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            default -> argumentType;
        };
        return typeFactory.createTypeWithNullability(type, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType)
    {
        RelDataType type;
        if (SqlTypeUtil.isExactNumeric(argumentType)) {
            int scale = argumentType.getSqlTypeName() == SqlTypeName.DECIMAL ? Math.max(6, argumentType.getScale()) : 6;
            type = typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, scale);
        }
        else {
            type = typeFactory.createSqlType(SqlTypeName.DOUBLE);
        }
        return typeFactory.createTypeWithNullability(type, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType type1, RelDataType type2)
    {
        if (!SqlTypeUtil.isExactNumeric(type1) || !SqlTypeUtil.isExactNumeric(type2)
                || (!SqlTypeUtil.isDecimal(type1) && !SqlTypeUtil.isDecimal(type2))) {
            return null;
        }
        // at least 6 fractional digits, and enough integer digits for the quotient, as SQL Server
        // and Redshift do; PostgreSQL's numeric is wider, so comparisons allow for rounding
        int p1 = type1.getPrecision();
        int s1 = type1.getScale();
        int p2 = type2.getPrecision();
        int s2 = type2.getScale();
        int scale = Math.max(6, s1 + p2 + 1);
        int precision = p1 - s1 + s2 + scale;
        if (precision > MAX_DECIMAL_PRECISION) {
            int integerDigits = precision - scale;
            scale = Math.max(Math.min(scale, MAX_DECIMAL_PRECISION - integerDigits), 6);
            precision = MAX_DECIMAL_PRECISION;
        }
        RelDataType type = typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
        return typeFactory.createTypeWithNullability(type, type1.isNullable() || type2.isNullable());
    }
}

package io.basin.sql.analyzer;

import io.basin.error.BasinException;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.CharType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;

/** Maps between Calcite's SQL types and the Trino SPI types Basin executes with. */
public final class TypeConverter
{
    private TypeConverter() {}

    public static Type toTrinoType(RelDataType type)
    {
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            case BOOLEAN -> BooleanType.BOOLEAN;
            case TINYINT -> TinyintType.TINYINT;
            case SMALLINT -> SmallintType.SMALLINT;
            case INTEGER -> IntegerType.INTEGER;
            case BIGINT -> BigintType.BIGINT;
            case REAL -> RealType.REAL;
            case FLOAT, DOUBLE -> DoubleType.DOUBLE;
            case DECIMAL -> DecimalType.createDecimalType(Math.max(1, type.getPrecision()), Math.max(0, type.getScale()));
            // CHAR literals and CHAR expressions are treated as varchar: Calcite types every string
            // literal as CHAR(n), while PostgreSQL treats them as text.
            case CHAR, VARCHAR -> type.getPrecision() <= 0 || type.getPrecision() >= VarcharType.MAX_LENGTH || type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
                    ? VarcharType.VARCHAR
                    : VarcharType.createVarcharType(type.getPrecision());
            case BINARY, VARBINARY -> VarbinaryType.VARBINARY;
            case DATE -> DateType.DATE;
            case TIMESTAMP -> TimestampType.TIMESTAMP_MICROS;
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR, INTERVAL_HOUR_MINUTE,
                 INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND -> IntervalDayTimeType.INTERVAL_DAY_TIME;
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> IntervalYearMonthType.INTERVAL_YEAR_MONTH;
            case NULL -> BooleanType.BOOLEAN;
            default -> throw new BasinException(FEATURE_NOT_SUPPORTED, "Type " + type.getFullTypeString().replace(" NOT NULL", "") + " is not supported");
        };
    }

    public static RelDataType toRelDataType(RelDataTypeFactory factory, Type type)
    {
        RelDataType relType;
        if (type instanceof BooleanType) {
            relType = factory.createSqlType(SqlTypeName.BOOLEAN);
        }
        else if (type instanceof TinyintType) {
            relType = factory.createSqlType(SqlTypeName.TINYINT);
        }
        else if (type instanceof SmallintType) {
            relType = factory.createSqlType(SqlTypeName.SMALLINT);
        }
        else if (type instanceof IntegerType) {
            relType = factory.createSqlType(SqlTypeName.INTEGER);
        }
        else if (type instanceof BigintType) {
            relType = factory.createSqlType(SqlTypeName.BIGINT);
        }
        else if (type instanceof RealType) {
            relType = factory.createSqlType(SqlTypeName.REAL);
        }
        else if (type instanceof DoubleType) {
            relType = factory.createSqlType(SqlTypeName.DOUBLE);
        }
        else if (type instanceof DecimalType decimal) {
            relType = factory.createSqlType(SqlTypeName.DECIMAL, decimal.getPrecision(), decimal.getScale());
        }
        else if (type instanceof VarcharType varchar) {
            relType = varchar.isUnbounded()
                    ? factory.createSqlType(SqlTypeName.VARCHAR)
                    : factory.createSqlType(SqlTypeName.VARCHAR, varchar.getBoundedLength());
        }
        else if (type instanceof CharType charType) {
            relType = factory.createSqlType(SqlTypeName.VARCHAR, charType.getLength());
        }
        else if (type instanceof VarbinaryType) {
            relType = factory.createSqlType(SqlTypeName.VARBINARY);
        }
        else if (type instanceof DateType) {
            relType = factory.createSqlType(SqlTypeName.DATE);
        }
        else if (type instanceof TimestampType timestamp) {
            relType = factory.createSqlType(SqlTypeName.TIMESTAMP, Math.min(timestamp.getPrecision(), 6));
        }
        else if (type instanceof IntervalDayTimeType) {
            relType = factory.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
        }
        else if (type instanceof IntervalYearMonthType) {
            relType = factory.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
        }
        else {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "Type " + type.getDisplayName() + " is not supported");
        }
        return factory.createTypeWithNullability(relType, true);
    }
}

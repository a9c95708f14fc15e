package io.basin.execution.expression.codegen;

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

import java.util.Locale;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;

/**
 * The SQL types the expression compiler supports, with their stack representation and the Trino
 * block class that holds them (fixed per type in Trino: an integer column is always an
 * IntArrayBlock underneath any dictionary or run-length wrapper).
 */
public enum TypeKind
{
    BOOLEAN(JavaKind.BOOLEAN, "io.trino.spi.block.ByteArrayBlock"),
    TINYINT(JavaKind.LONG, "io.trino.spi.block.ByteArrayBlock"),
    SMALLINT(JavaKind.LONG, "io.trino.spi.block.ShortArrayBlock"),
    INTEGER(JavaKind.LONG, "io.trino.spi.block.IntArrayBlock"),
    BIGINT(JavaKind.LONG, "io.trino.spi.block.LongArrayBlock"),
    REAL(JavaKind.LONG, "io.trino.spi.block.IntArrayBlock"),
    DOUBLE(JavaKind.DOUBLE, "io.trino.spi.block.LongArrayBlock"),
    SHORT_DECIMAL(JavaKind.LONG, "io.trino.spi.block.LongArrayBlock"),
    LONG_DECIMAL(JavaKind.INT128, "io.trino.spi.block.Int128ArrayBlock"),
    VARCHAR(JavaKind.SLICE, "io.trino.spi.block.VariableWidthBlock"),
    CHAR(JavaKind.SLICE, "io.trino.spi.block.VariableWidthBlock"),
    VARBINARY(JavaKind.SLICE, "io.trino.spi.block.VariableWidthBlock"),
    DATE(JavaKind.LONG, "io.trino.spi.block.IntArrayBlock"),
    TIMESTAMP(JavaKind.LONG, "io.trino.spi.block.LongArrayBlock"),
    INTERVAL_DAY_TIME(JavaKind.LONG, "io.trino.spi.block.LongArrayBlock"),
    INTERVAL_YEAR_MONTH(JavaKind.LONG, "io.trino.spi.block.LongArrayBlock");

    private final JavaKind javaKind;
    private final String blockClass;

    TypeKind(JavaKind javaKind, String blockClass)
    {
        this.javaKind = javaKind;
        this.blockClass = blockClass;
    }

    public static TypeKind of(Type type)
    {
        if (type instanceof BooleanType) {
            return BOOLEAN;
        }
        if (type instanceof TinyintType) {
            return TINYINT;
        }
        if (type instanceof SmallintType) {
            return SMALLINT;
        }
        if (type instanceof IntegerType) {
            return INTEGER;
        }
        if (type instanceof BigintType) {
            return BIGINT;
        }
        if (type instanceof RealType) {
            return REAL;
        }
        if (type instanceof DoubleType) {
            return DOUBLE;
        }
        if (type instanceof DecimalType decimal) {
            return decimal.isShort() ? SHORT_DECIMAL : LONG_DECIMAL;
        }
        if (type instanceof VarcharType) {
            return VARCHAR;
        }
        if (type instanceof CharType) {
            return CHAR;
        }
        if (type instanceof VarbinaryType) {
            return VARBINARY;
        }
        if (type instanceof DateType) {
            return DATE;
        }
        if (type instanceof TimestampType timestamp && timestamp.isShort()) {
            return TIMESTAMP;
        }
        if (type instanceof IntervalDayTimeType) {
            return INTERVAL_DAY_TIME;
        }
        if (type instanceof IntervalYearMonthType) {
            return INTERVAL_YEAR_MONTH;
        }
        throw new BasinException(FEATURE_NOT_SUPPORTED, "Type not supported in expressions: " + type);
    }

    public JavaKind javaKind()
    {
        return javaKind;
    }

    /** The value block class behind any block of this type. */
    public String blockClass()
    {
        return blockClass;
    }

    public boolean isIntegral()
    {
        return this == TINYINT || this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    public boolean isDecimal()
    {
        return this == SHORT_DECIMAL || this == LONG_DECIMAL;
    }

    public boolean isExactNumeric()
    {
        return isIntegral() || isDecimal();
    }

    public boolean isFloatingPoint()
    {
        return this == REAL || this == DOUBLE;
    }

    public boolean isNumeric()
    {
        return isExactNumeric() || isFloatingPoint();
    }

    public boolean isText()
    {
        return this == VARCHAR || this == CHAR;
    }

    public boolean isInterval()
    {
        return this == INTERVAL_DAY_TIME || this == INTERVAL_YEAR_MONTH;
    }

    /** Digits of the integer types when seen as decimal(p, 0). */
    public int integralPrecision()
    {
        return switch (this) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> throw new IllegalStateException("not an integer type: " + this);
        };
    }

    /** The type's name in function names of the library ("Bigint" as in {@code checkBigint}, {@code parseBigint}). */
    public String functionSuffix()
    {
        String name = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The name used in PostgreSQL's error messages ("integer out of range"). */
    public String sqlName()
    {
        return switch (this) {
            case TINYINT -> "tinyint";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case SHORT_DECIMAL, LONG_DECIMAL -> "numeric";
            case BOOLEAN -> "boolean";
            case VARCHAR -> "character varying";
            case CHAR -> "character";
            case VARBINARY -> "bytea";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH -> "interval";
        };
    }
}

package io.basin.connector;

import io.trino.spi.type.ArrayType;
import io.trino.spi.type.MapType;
import io.trino.spi.type.RowType;
import io.trino.spi.type.Type;
import io.trino.spi.type.TypeId;
import io.trino.spi.type.TypeNotFoundException;
import io.trino.spi.type.VarcharType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.basin.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.basin.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.CharType.createCharType;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DecimalType.createDecimalType;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimeType.createTimeType;
import static io.trino.spi.type.TimeWithTimeZoneType.createTimeWithTimeZoneType;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MILLIS;
import static io.trino.spi.type.TimestampType.createTimestampType;
import static io.trino.spi.type.TimestampWithTimeZoneType.createTimestampWithTimeZoneType;
import static io.trino.spi.type.TinyintType.TINYINT;
import static io.trino.spi.type.UuidType.UUID;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestBasinTypeManager
{
    private final BasinTypeManager typeManager = new BasinTypeManager();

    @Test
    void resolvesStandardTypes()
    {
        assertThat(typeManager.fromSqlType("boolean")).isEqualTo(BOOLEAN);
        assertThat(typeManager.fromSqlType("tinyint")).isEqualTo(TINYINT);
        assertThat(typeManager.fromSqlType("smallint")).isEqualTo(SMALLINT);
        assertThat(typeManager.fromSqlType("integer")).isEqualTo(INTEGER);
        assertThat(typeManager.fromSqlType("BIGINT")).isEqualTo(BIGINT);
        assertThat(typeManager.fromSqlType("real")).isEqualTo(REAL);
        assertThat(typeManager.fromSqlType("double")).isEqualTo(DOUBLE);
        assertThat(typeManager.fromSqlType("decimal(12,2)")).isEqualTo(createDecimalType(12, 2));
        assertThat(typeManager.fromSqlType("decimal(38, 10)")).isEqualTo(createDecimalType(38, 10));
        assertThat(typeManager.fromSqlType("decimal(5)")).isEqualTo(createDecimalType(5, 0));
        assertThat(typeManager.fromSqlType("varchar")).isEqualTo(VarcharType.VARCHAR);
        assertThat(typeManager.fromSqlType("varchar(25)")).isEqualTo(createVarcharType(25));
        assertThat(typeManager.fromSqlType("char(10)")).isEqualTo(createCharType(10));
        assertThat(typeManager.fromSqlType("varbinary")).isEqualTo(VARBINARY);
        assertThat(typeManager.fromSqlType("date")).isEqualTo(DATE);
        assertThat(typeManager.fromSqlType("timestamp")).isEqualTo(TIMESTAMP_MILLIS);
        assertThat(typeManager.fromSqlType("timestamp(6)")).isEqualTo(createTimestampType(6));
        assertThat(typeManager.fromSqlType("timestamp(3) with time zone")).isEqualTo(createTimestampWithTimeZoneType(3));
        assertThat(typeManager.fromSqlType("time(6)")).isEqualTo(createTimeType(6));
        assertThat(typeManager.fromSqlType("time(0) with time zone")).isEqualTo(createTimeWithTimeZoneType(0));
        assertThat(typeManager.fromSqlType("uuid")).isEqualTo(UUID);
        assertThat(typeManager.fromSqlType("interval day to second")).isEqualTo(INTERVAL_DAY_TIME);
        assertThat(typeManager.fromSqlType("interval year to month")).isEqualTo(INTERVAL_YEAR_MONTH);
    }

    @Test
    void resolvesContainerTypes()
    {
        assertThat(typeManager.fromSqlType("array(bigint)")).isEqualTo(new ArrayType(BIGINT));
        assertThat(typeManager.fromSqlType("map(varchar(3), array(double))"))
                .isEqualTo(new MapType(createVarcharType(3), new ArrayType(DOUBLE), typeManager.getTypeOperators()));
        assertThat(typeManager.fromSqlType("row(a bigint, \"B c\" varchar)"))
                .isEqualTo(RowType.from(List.of(RowType.field("a", BIGINT), RowType.field("B c", VarcharType.VARCHAR))));
        assertThat(typeManager.fromSqlType("row(bigint, decimal(10,2))"))
                .isEqualTo(RowType.anonymous(List.of(BIGINT, createDecimalType(10, 2))));
    }

    @Test
    void typeIdsRoundTrip()
    {
        List<Type> types = List.of(
                BIGINT, createVarcharType(44), VarcharType.VARCHAR, createDecimalType(12, 2), createDecimalType(30, 4), DATE,
                createTimestampWithTimeZoneType(6), createTimeType(3), createCharType(1), INTERVAL_DAY_TIME,
                new ArrayType(createVarcharType(2)),
                new MapType(BIGINT, new ArrayType(DOUBLE), typeManager.getTypeOperators()),
                RowType.from(List.of(RowType.field("x", BIGINT), RowType.field("y z", new ArrayType(DATE)))));
        for (Type type : types) {
            assertThat(typeManager.getType(type.getTypeId())).as(type.getTypeId().getId()).isEqualTo(type);
            assertThat(typeManager.getType(type.getTypeSignature())).isEqualTo(type);
            assertThat(typeManager.getType(TypeId.of(type.getTypeSignature().toString()))).isEqualTo(type);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuchtype", "varchar(-1)", "decimal(40,2)", "bigint(3)", "array(bigint, bigint)", "decimal(12,", "varchar)", "row()", "timestamp(13)", ""})
    void rejectsUnknownOrMalformedTypes(String type)
    {
        assertThatThrownBy(() -> typeManager.fromSqlType(type)).isInstanceOf(TypeNotFoundException.class);
    }
}

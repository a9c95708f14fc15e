package io.basin.metadata.pgcatalog;

import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarbinaryType;
import io.trino.spi.type.VarcharType;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The types of the {@code pg_catalog} and {@code information_schema} columns, and how Basin
 * represents each: an {@code oid} is a {@code bigint}, a {@code regproc} the function's name,
 * {@code name} and {@code "char"} are text. Array columns ({@code aclitem[]}, {@code int2vector},
 * ...) keep their array type for the analyzer but are always NULL: Basin has no access control
 * lists, indexes or options to show in them.
 */
public enum PgColumnType
{
    OID("oid", BigintType.BIGINT, 26),
    REGPROC("regproc", VarcharType.VARCHAR, 24),
    NAME("name", VarcharType.VARCHAR, 19),
    TEXT("text", VarcharType.VARCHAR, 25),
    CHAR("char", VarcharType.VARCHAR, 18),
    BOOL("bool", BooleanType.BOOLEAN, 16),
    INT2("int2", SmallintType.SMALLINT, 21),
    INT4("int4", IntegerType.INTEGER, 23),
    INT8("int8", BigintType.BIGINT, 20),
    FLOAT4("float4", RealType.REAL, 700),
    TIMESTAMPTZ("timestamptz", TimestampType.TIMESTAMP_MICROS, 1184),
    BYTEA("bytea", VarbinaryType.VARBINARY, 17),
    TEXT_ARRAY("text[]", VarcharType.VARCHAR, 1009),
    OID_ARRAY("oid[]", BigintType.BIGINT, 1028),
    INT2_ARRAY("int2[]", SmallintType.SMALLINT, 1005);

    private final String specName;
    private final Type type;
    private final long typeOid;

    PgColumnType(String specName, Type type, long typeOid)
    {
        this.specName = specName;
        this.type = requireNonNull(type, "type is null");
        this.typeOid = typeOid;
    }

    /** The engine type of the column, or of its elements for an array column. */
    public Type type()
    {
        return type;
    }

    public boolean isArray()
    {
        return specName.endsWith("[]");
    }

    /** The PostgreSQL type the catalogs themselves declare for the column ({@code pg_attribute.atttypid}). */
    public long typeOid()
    {
        return typeOid;
    }

    static PgColumnType fromSpec(String name)
    {
        for (PgColumnType value : values()) {
            if (value.specName.equals(name.toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown catalog column type: " + name);
    }
}

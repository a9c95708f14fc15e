package io.basin.pgwire.type;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A PostgreSQL data type as clients know it: its OID, which the wire protocol sends in
 * RowDescription and ParameterDescription, and its row of the system catalog {@code pg_type}
 * (PostgreSQL 17's values), which drivers read to learn a type's name, length and array type.
 * <p>
 * The constants are the types Basin's values are sent as, their array types, and the few types of
 * the system catalogs' own columns ({@code name}, {@code oid}, {@code regproc}, ...). All of them
 * belong to schema {@code pg_catalog} ({@link #PG_CATALOG_NAMESPACE_OID}) and are owned by the
 * bootstrap superuser ({@link #BOOTSTRAP_SUPERUSER_OID}).
 *
 * @param oid {@code pg_type.oid}
 * @param name {@code typname}, the internal name ({@code int4}, {@code _int4}); the SQL name is
 *         {@link PgColumnType#formatType()}
 * @param length {@code typlen}: bytes of the fixed-size internal form, -1 variable (varlena),
 *         -2 zero-terminated; RowDescription's data type size
 * @param byValue {@code typbyval}
 * @param kind {@code typtype}: {@code b} base, {@code p} pseudo-type
 * @param category {@code typcategory}: {@code N} numeric, {@code S} string, {@code D} date/time,
 *         {@code A} array, ...
 * @param preferred {@code typispreferred}
 * @param elementOid {@code typelem}: the element type of an array type, else 0
 * @param arrayOid {@code typarray}: the array type whose elements are of this type, else 0
 * @param input {@code typinput}, the text input function's name
 * @param output {@code typoutput}
 * @param receive {@code typreceive}, the binary input function's name
 * @param send {@code typsend}
 * @param modifierInput {@code typmodin}, {@code -} when the type takes no modifier
 * @param modifierOutput {@code typmodout}
 * @param alignment {@code typalign}
 * @param storage {@code typstorage}
 * @param collation {@code typcollation}: 100 (default) for collatable types, 950 ({@code C}) for
 *         {@code name}, else 0
 * @param subscript {@code typsubscript}, {@code -} when the type cannot be subscripted
 */
public record PgType(
        int oid,
        String name,
        int length,
        boolean byValue,
        char kind,
        char category,
        boolean preferred,
        int elementOid,
        int arrayOid,
        String input,
        String output,
        String receive,
        String send,
        String modifierInput,
        String modifierOutput,
        char alignment,
        char storage,
        int collation,
        String subscript)
{
    /** OID of schema {@code pg_catalog}: {@code typnamespace} of every type here. */
    public static final int PG_CATALOG_NAMESPACE_OID = 11;
    /** OID of the bootstrap superuser: {@code typowner} of every type here. */
    public static final int BOOTSTRAP_SUPERUSER_OID = 10;

    public static final PgType BOOL = new PgType(16, "bool", 1, true, 'b', 'B', true, 0, 1000,
            "boolin", "boolout", "boolrecv", "boolsend", "-", "-", 'c', 'p', 0, "-");
    public static final PgType BYTEA = new PgType(17, "bytea", -1, false, 'b', 'U', false, 0, 1001,
            "byteain", "byteaout", "bytearecv", "byteasend", "-", "-", 'i', 'x', 0, "-");
    public static final PgType CHAR = new PgType(18, "char", 1, true, 'b', 'Z', false, 0, 1002,
            "charin", "charout", "charrecv", "charsend", "-", "-", 'c', 'p', 0, "-");
    public static final PgType NAME = new PgType(19, "name", 64, false, 'b', 'S', false, 18, 1003,
            "namein", "nameout", "namerecv", "namesend", "-", "-", 'c', 'p', 950, "raw_array_subscript_handler");
    public static final PgType INT8 = new PgType(20, "int8", 8, true, 'b', 'N', false, 0, 1016,
            "int8in", "int8out", "int8recv", "int8send", "-", "-", 'd', 'p', 0, "-");
    public static final PgType INT2 = new PgType(21, "int2", 2, true, 'b', 'N', false, 0, 1005,
            "int2in", "int2out", "int2recv", "int2send", "-", "-", 's', 'p', 0, "-");
    public static final PgType INT2VECTOR = new PgType(22, "int2vector", -1, false, 'b', 'A', false, 21, 1006,
            "int2vectorin", "int2vectorout", "int2vectorrecv", "int2vectorsend", "-", "-", 'i', 'p', 0, "array_subscript_handler");
    public static final PgType INT4 = new PgType(23, "int4", 4, true, 'b', 'N', false, 0, 1007,
            "int4in", "int4out", "int4recv", "int4send", "-", "-", 'i', 'p', 0, "-");
    public static final PgType REGPROC = new PgType(24, "regproc", 4, true, 'b', 'N', false, 0, 1008,
            "regprocin", "regprocout", "regprocrecv", "regprocsend", "-", "-", 'i', 'p', 0, "-");
    public static final PgType TEXT = new PgType(25, "text", -1, false, 'b', 'S', true, 0, 1009,
            "textin", "textout", "textrecv", "textsend", "-", "-", 'i', 'x', 100, "-");
    public static final PgType OID = new PgType(26, "oid", 4, true, 'b', 'N', true, 0, 1028,
            "oidin", "oidout", "oidrecv", "oidsend", "-", "-", 'i', 'p', 0, "-");
    public static final PgType OIDVECTOR = new PgType(30, "oidvector", -1, false, 'b', 'A', false, 26, 1013,
            "oidvectorin", "oidvectorout", "oidvectorrecv", "oidvectorsend", "-", "-", 'i', 'p', 0, "array_subscript_handler");
    public static final PgType JSON = new PgType(114, "json", -1, false, 'b', 'U', false, 0, 199,
            "json_in", "json_out", "json_recv", "json_send", "-", "-", 'i', 'x', 0, "-");
    public static final PgType FLOAT4 = new PgType(700, "float4", 4, true, 'b', 'N', false, 0, 1021,
            "float4in", "float4out", "float4recv", "float4send", "-", "-", 'i', 'p', 0, "-");
    public static final PgType FLOAT8 = new PgType(701, "float8", 8, true, 'b', 'N', true, 0, 1022,
            "float8in", "float8out", "float8recv", "float8send", "-", "-", 'd', 'p', 0, "-");
    public static final PgType UNKNOWN = new PgType(705, "unknown", -2, false, 'p', 'X', false, 0, 0,
            "unknownin", "unknownout", "unknownrecv", "unknownsend", "-", "-", 'c', 'p', 0, "-");
    public static final PgType BPCHAR = new PgType(1042, "bpchar", -1, false, 'b', 'S', false, 0, 1014,
            "bpcharin", "bpcharout", "bpcharrecv", "bpcharsend", "bpchartypmodin", "bpchartypmodout", 'i', 'x', 100, "-");
    public static final PgType VARCHAR = new PgType(1043, "varchar", -1, false, 'b', 'S', false, 0, 1015,
            "varcharin", "varcharout", "varcharrecv", "varcharsend", "varchartypmodin", "varchartypmodout", 'i', 'x', 100, "-");
    public static final PgType DATE = new PgType(1082, "date", 4, true, 'b', 'D', false, 0, 1182,
            "date_in", "date_out", "date_recv", "date_send", "-", "-", 'i', 'p', 0, "-");
    public static final PgType TIME = new PgType(1083, "time", 8, true, 'b', 'D', false, 0, 1183,
            "time_in", "time_out", "time_recv", "time_send", "timetypmodin", "timetypmodout", 'd', 'p', 0, "-");
    public static final PgType TIMESTAMP = new PgType(1114, "timestamp", 8, true, 'b', 'D', false, 0, 1115,
            "timestamp_in", "timestamp_out", "timestamp_recv", "timestamp_send", "timestamptypmodin", "timestamptypmodout", 'd', 'p', 0, "-");
    public static final PgType TIMESTAMPTZ = new PgType(1184, "timestamptz", 8, true, 'b', 'D', true, 0, 1185,
            "timestamptz_in", "timestamptz_out", "timestamptz_recv", "timestamptz_send", "timestamptztypmodin", "timestamptztypmodout", 'd', 'p', 0, "-");
    public static final PgType INTERVAL = new PgType(1186, "interval", 16, false, 'b', 'T', true, 0, 1187,
            "interval_in", "interval_out", "interval_recv", "interval_send", "intervaltypmodin", "intervaltypmodout", 'd', 'p', 0, "-");
    public static final PgType TIMETZ = new PgType(1266, "timetz", 12, false, 'b', 'D', false, 0, 1270,
            "timetz_in", "timetz_out", "timetz_recv", "timetz_send", "timetztypmodin", "timetztypmodout", 'd', 'p', 0, "-");
    public static final PgType NUMERIC = new PgType(1700, "numeric", -1, false, 'b', 'N', false, 0, 1231,
            "numeric_in", "numeric_out", "numeric_recv", "numeric_send", "numerictypmodin", "numerictypmodout", 'i', 'm', 0, "-");
    public static final PgType REGCLASS = new PgType(2205, "regclass", 4, true, 'b', 'N', false, 0, 2210,
            "regclassin", "regclassout", "regclassrecv", "regclasssend", "-", "-", 'i', 'p', 0, "-");
    public static final PgType REGTYPE = new PgType(2206, "regtype", 4, true, 'b', 'N', false, 0, 2211,
            "regtypein", "regtypeout", "regtyperecv", "regtypesend", "-", "-", 'i', 'p', 0, "-");
    public static final PgType UUID = new PgType(2950, "uuid", 16, false, 'b', 'U', false, 0, 2951,
            "uuid_in", "uuid_out", "uuid_recv", "uuid_send", "-", "-", 'c', 'p', 0, "-");
    public static final PgType JSONB = new PgType(3802, "jsonb", -1, false, 'b', 'U', false, 0, 3807,
            "jsonb_in", "jsonb_out", "jsonb_recv", "jsonb_send", "-", "-", 'i', 'x', 0, "jsonb_subscript_handler");

    public static final PgType BOOL_ARRAY = BOOL.arrayType();
    public static final PgType BYTEA_ARRAY = BYTEA.arrayType();
    public static final PgType CHAR_ARRAY = CHAR.arrayType();
    public static final PgType NAME_ARRAY = NAME.arrayType();
    public static final PgType INT8_ARRAY = INT8.arrayType();
    public static final PgType INT2_ARRAY = INT2.arrayType();
    public static final PgType INT2VECTOR_ARRAY = INT2VECTOR.arrayType();
    public static final PgType INT4_ARRAY = INT4.arrayType();
    public static final PgType REGPROC_ARRAY = REGPROC.arrayType();
    public static final PgType TEXT_ARRAY = TEXT.arrayType();
    public static final PgType OID_ARRAY = OID.arrayType();
    public static final PgType OIDVECTOR_ARRAY = OIDVECTOR.arrayType();
    public static final PgType JSON_ARRAY = JSON.arrayType();
    public static final PgType FLOAT4_ARRAY = FLOAT4.arrayType();
    public static final PgType FLOAT8_ARRAY = FLOAT8.arrayType();
    public static final PgType BPCHAR_ARRAY = BPCHAR.arrayType();
    public static final PgType VARCHAR_ARRAY = VARCHAR.arrayType();
    public static final PgType DATE_ARRAY = DATE.arrayType();
    public static final PgType TIME_ARRAY = TIME.arrayType();
    public static final PgType TIMESTAMP_ARRAY = TIMESTAMP.arrayType();
    public static final PgType TIMESTAMPTZ_ARRAY = TIMESTAMPTZ.arrayType();
    public static final PgType INTERVAL_ARRAY = INTERVAL.arrayType();
    public static final PgType TIMETZ_ARRAY = TIMETZ.arrayType();
    public static final PgType NUMERIC_ARRAY = NUMERIC.arrayType();
    public static final PgType REGCLASS_ARRAY = REGCLASS.arrayType();
    public static final PgType REGTYPE_ARRAY = REGTYPE.arrayType();
    public static final PgType UUID_ARRAY = UUID.arrayType();
    public static final PgType JSONB_ARRAY = JSONB.arrayType();

    /** Every type above, ordered by OID. */
    public static final List<PgType> ALL = Stream.of(BOOL, BOOL_ARRAY, BYTEA, BYTEA_ARRAY, CHAR, CHAR_ARRAY, NAME, NAME_ARRAY, INT8, INT8_ARRAY, INT2, INT2_ARRAY, INT2VECTOR, INT2VECTOR_ARRAY, INT4, INT4_ARRAY, REGPROC, REGPROC_ARRAY, TEXT, TEXT_ARRAY, OID, OID_ARRAY, OIDVECTOR, OIDVECTOR_ARRAY, JSON, JSON_ARRAY, FLOAT4, FLOAT4_ARRAY, FLOAT8, FLOAT8_ARRAY, UNKNOWN, BPCHAR, BPCHAR_ARRAY, VARCHAR, VARCHAR_ARRAY, DATE, DATE_ARRAY, TIME, TIME_ARRAY, TIMESTAMP, TIMESTAMP_ARRAY, TIMESTAMPTZ, TIMESTAMPTZ_ARRAY, INTERVAL, INTERVAL_ARRAY, TIMETZ, TIMETZ_ARRAY, NUMERIC, NUMERIC_ARRAY, REGCLASS, REGCLASS_ARRAY, REGTYPE, REGTYPE_ARRAY, UUID, UUID_ARRAY, JSONB, JSONB_ARRAY)
            .sorted(Comparator.comparingInt(PgType::oid))
            .toList();

    private static final Map<Integer, PgType> BY_OID = ALL.stream().collect(Collectors.toUnmodifiableMap(PgType::oid, Function.identity()));

    public PgType
    {
        checkArgument(oid > 0, "oid must be positive");
        requireNonNull(name, "name is null");
        requireNonNull(input, "input is null");
        requireNonNull(output, "output is null");
        requireNonNull(receive, "receive is null");
        requireNonNull(send, "send is null");
        requireNonNull(modifierInput, "modifierInput is null");
        requireNonNull(modifierOutput, "modifierOutput is null");
        requireNonNull(subscript, "subscript is null");
    }

    /** The type of an OID, when it is one of the types above. */
    public static Optional<PgType> forOid(int oid)
    {
        return Optional.ofNullable(BY_OID.get(oid));
    }

    /** {@code typdelim}: the separator of array elements in text form. */
    public char delimiter()
    {
        return ',';
    }

    /** {@code typisdefined}. */
    public boolean defined()
    {
        return true;
    }

    /** The {@code pg_type} row of this type's array type, derived as PostgreSQL's catalog defines it. */
    private PgType arrayType()
    {
        checkArgument(arrayOid != 0, "%s has no array type", name);
        return new PgType(
                arrayOid,
                "_" + name,
                -1,
                false,
                'b',
                'A',
                false,
                oid,
                0,
                "array_in",
                "array_out",
                "array_recv",
                "array_send",
                modifierInput,
                modifierOutput,
                alignment == 'd' ? 'd' : 'i',
                'x',
                collation,
                "array_subscript_handler");
    }
}

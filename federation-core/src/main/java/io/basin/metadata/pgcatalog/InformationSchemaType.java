package io.basin.metadata.pgcatalog;

import java.util.Optional;

/** How {@code information_schema.columns} describes a column's type. */
record InformationSchemaType(
        String dataType,
        String udtName,
        Integer characterMaximumLength,
        Integer characterOctetLength,
        Integer numericPrecision,
        Integer numericPrecisionRadix,
        Integer numericScale,
        Integer datetimePrecision)
{
    /** PostgreSQL's limit of a text value in bytes, which it reports as the octet length of unbounded text. */
    private static final int MAX_TEXT_OCTETS = 1073741824;
    /** The most bytes a UTF-8 character takes. */
    private static final int MAX_CHARACTER_OCTETS = 4;

    static InformationSchemaType of(TypeReference reference)
    {
        Optional<BuiltinType> builtin = BuiltinTypes.byOid(reference.oid());
        String udtName = builtin.map(BuiltinType::name).orElse("text");
        int typmod = reference.typmod();
        String dataType = builtin.isPresent() && builtin.get().isArray() ? "ARRAY" : FormatType.format(reference.oid(), null);
        return switch (udtName) {
            case "varchar", "bpchar" -> {
                Integer length = typmod >= 0 ? typmod - 4 : null;
                yield new InformationSchemaType(dataType, udtName, length, length == null ? MAX_TEXT_OCTETS : length * MAX_CHARACTER_OCTETS, null, null, null, null);
            }
            case "text" -> new InformationSchemaType(dataType, udtName, null, MAX_TEXT_OCTETS, null, null, null, null);
            case "int2" -> new InformationSchemaType(dataType, udtName, null, null, 16, 2, 0, null);
            case "int4" -> new InformationSchemaType(dataType, udtName, null, null, 32, 2, 0, null);
            case "int8" -> new InformationSchemaType(dataType, udtName, null, null, 64, 2, 0, null);
            case "float4" -> new InformationSchemaType(dataType, udtName, null, null, 24, 2, null, null);
            case "float8" -> new InformationSchemaType(dataType, udtName, null, null, 53, 2, null, null);
            case "numeric" -> typmod >= 0
                    ? new InformationSchemaType(dataType, udtName, null, null, ((typmod - 4) >> 16) & 0xFFFF, 10, (((typmod - 4) & 0x7FF) ^ 1024) - 1024, null)
                    : new InformationSchemaType(dataType, udtName, null, null, null, 10, null, null);
            case "date" -> new InformationSchemaType(dataType, udtName, null, null, null, null, null, 0);
            case "time", "timetz", "timestamp", "timestamptz" -> new InformationSchemaType(dataType, udtName, null, null, null, null, null, typmod >= 0 ? typmod : 6);
            case "interval" -> new InformationSchemaType(dataType, udtName, null, null, null, null, null, typmod >= 0 ? typmod & 0xFFFF : 6);
            default -> new InformationSchemaType(dataType, udtName, null, null, null, null, null, null);
        };
    }
}

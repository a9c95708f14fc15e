package io.basin.metadata.pgcatalog;

import io.airlift.slice.Slices;

/** Converts the Java values of {@link CatalogRows} to the engine's stack representation of the column type. */
public final class CatalogValues
{
    private CatalogValues() {}

    public static Object stackValue(PgColumnType type, Object value)
    {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case OID, INT8, INT4, INT2 -> ((Number) value).longValue();
            case FLOAT4 -> (long) Float.floatToIntBits(((Number) value).floatValue());
            case BOOL -> (Boolean) value;
            case NAME, TEXT, CHAR, REGPROC -> Slices.utf8Slice((String) value);
            case TIMESTAMPTZ -> ((Number) value).longValue();
            case BYTEA -> Slices.wrappedBuffer((byte[]) value);
            case TEXT_ARRAY, OID_ARRAY, INT2_ARRAY -> throw new IllegalArgumentException("array columns of the catalogs are NULL");
        };
    }
}

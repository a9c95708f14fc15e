package io.basin.execution.expression.codegen;

/**
 * How a SQL value travels through generated code: one Java local per value, except 128-bit
 * decimals, which travel as two longs (high, low) so that the row loop allocates nothing.
 */
public enum JavaKind
{
    BOOLEAN("boolean", "false"),
    LONG("long", "0L"),
    DOUBLE("double", "0.0"),
    SLICE("io.airlift.slice.Slice", "null"),
    INT128("long", "0L");

    private final String javaType;
    private final String defaultValue;

    JavaKind(String javaType, String defaultValue)
    {
        this.javaType = javaType;
        this.defaultValue = defaultValue;
    }

    /** The Java type of the local (of each half, for INT128). */
    public String javaType()
    {
        return javaType;
    }

    public String defaultValue()
    {
        return defaultValue;
    }
}

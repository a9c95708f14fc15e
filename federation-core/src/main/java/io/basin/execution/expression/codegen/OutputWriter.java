package io.basin.execution.expression.codegen;

import io.trino.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * Writes projection results straight into primitive arrays sized to the row count (wrapped as the
 * type's block at the end, with a null array only when some row was NULL), or into a
 * VariableWidthBlockBuilder for strings.
 */
final class OutputWriter
{
    private final TypeKind kind;
    private final String arrayType;

    private OutputWriter(TypeKind kind, String arrayType)
    {
        this.kind = requireNonNull(kind, "kind is null");
        this.arrayType = arrayType;
    }

    static OutputWriter forType(Type type)
    {
        TypeKind kind = TypeKind.of(type);
        String arrayType = switch (kind) {
            case BOOLEAN, TINYINT -> "byte";
            case SMALLINT -> "short";
            case INTEGER, DATE, REAL -> "int";
            case BIGINT, SHORT_DECIMAL, TIMESTAMP, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH, DOUBLE, LONG_DECIMAL -> "long";
            case VARCHAR, CHAR, VARBINARY -> null;
        };
        return new OutputWriter(kind, arrayType);
    }

    void declare(SourceWriter method)
    {
        if (arrayType == null) {
            // 16 bytes per value is a guess; the builder grows as needed
            method.line("io.trino.spi.block.VariableWidthBlockBuilder output = new io.trino.spi.block.VariableWidthBlockBuilder(null, count, count * 16);");
            return;
        }
        String length = kind == TypeKind.LONG_DECIMAL ? "count * 2" : "count";
        method.line(arrayType + "[] output = new " + arrayType + "[" + length + "];");
        method.line("boolean[] nulls = null;");
    }

    void store(SourceWriter method, GeneratedValue value)
    {
        if (arrayType == null) {
            if (value.mayBeNull()) {
                method.open("if (" + value.isNull() + ")");
                method.line("output.appendNull();");
                method.reopen("else");
                method.line("output.writeEntry(" + value.value() + ");");
                method.close();
            }
            else {
                method.line("output.writeEntry(" + value.value() + ");");
            }
            return;
        }
        if (value.mayBeNull()) {
            method.open("if (" + value.isNull() + ")");
            method.open("if (nulls == null)");
            method.line("nulls = new boolean[count];");
            method.close();
            method.line("nulls[i] = true;");
            method.reopen("else");
            writeValue(method, value);
            method.close();
        }
        else {
            writeValue(method, value);
        }
    }

    private void writeValue(SourceWriter method, GeneratedValue value)
    {
        switch (kind) {
            case BOOLEAN -> method.line("output[i] = (byte) (" + value.value() + " ? 1 : 0);");
            case TINYINT -> method.line("output[i] = (byte) " + value.value() + ";");
            case SMALLINT -> method.line("output[i] = (short) " + value.value() + ";");
            case INTEGER, DATE, REAL -> method.line("output[i] = (int) " + value.value() + ";");
            case DOUBLE -> method.line("output[i] = Double.doubleToLongBits(" + value.value() + ");");
            case LONG_DECIMAL -> {
                method.line("output[2 * i] = " + value.high() + ";");
                method.line("output[2 * i + 1] = " + value.low() + ";");
            }
            default -> method.line("output[i] = " + value.value() + ";");
        }
    }

    String build()
    {
        if (arrayType == null) {
            return "output.build()";
        }
        return switch (kind) {
            case BOOLEAN, TINYINT -> "byteBlock(count, nulls, output)";
            case SMALLINT -> "shortBlock(count, nulls, output)";
            case INTEGER, DATE, REAL -> "intBlock(count, nulls, output)";
            case LONG_DECIMAL -> "int128Block(count, nulls, output)";
            default -> "longBlock(count, nulls, output)";
        };
    }
}

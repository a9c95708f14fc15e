package io.basin.execution.expression.codegen;

/** Accumulates indented Java source lines. */
final class SourceWriter
{
    private final StringBuilder source = new StringBuilder();
    private int indent;

    SourceWriter line(String line)
    {
        source.repeat("    ", indent).append(line).append('\n');
        return this;
    }

    /** Writes {@code header} followed by an opening brace and indents. */
    SourceWriter open(String header)
    {
        line(header + " {");
        indent++;
        return this;
    }

    SourceWriter close()
    {
        indent--;
        return line("}");
    }

    /** Closes one block and opens the next at the same level: {@code "} else {"}. */
    SourceWriter reopen(String header)
    {
        indent--;
        line("} " + header + " {");
        indent++;
        return this;
    }

    SourceWriter append(SourceWriter other)
    {
        for (String line : other.source.toString().split("\n", -1)) {
            if (!line.isEmpty()) {
                source.repeat("    ", indent).append(line).append('\n');
            }
        }
        return this;
    }

    @Override
    public String toString()
    {
        return source.toString();
    }
}

package io.basin.sql.parser;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * One statement cut out of a script or an interactive buffer, without its terminating semicolon,
 * and where it starts in that input (1-based line and column) so errors can point into the file.
 */
public record SqlStatement(String text, int line, int column)
{
    public SqlStatement
    {
        requireNonNull(text, "text is null");
        checkArgument(!text.isBlank(), "text is blank");
        checkArgument(line >= 1, "line must be at least 1");
        checkArgument(column >= 1, "column must be at least 1");
    }
}

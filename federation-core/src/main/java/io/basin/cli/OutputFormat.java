package io.basin.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@code basin sql --format} offers for query results. */
public enum OutputFormat
{
    /** psql's default: a table with a centered header, a rule and a row count; {@code \x} shows one record per block. */
    ALIGNED,
    /** RFC 4180 with a header row; NULL is an empty field and the empty string {@code ""}, as in PostgreSQL's COPY. */
    CSV,
    /** Tab-separated with a header row; tab, newline, carriage return and backslash escaped as {@code \t \n \r \\}. */
    TSV;

    /** The format named (case-insensitively) by a command-line argument. */
    public static OutputFormat fromName(String name)
    {
        for (OutputFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new UsageException("Unknown output format '%s'; expected one of %s".formatted(name, Arrays.stream(values())
                .map(format -> format.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))));
    }

    ResultFormatter formatter(boolean expanded)
    {
        return switch (this) {
            case ALIGNED -> expanded ? new ExpandedFormatter() : new AlignedFormatter();
            case CSV -> new CsvFormatter();
            case TSV -> new TsvFormatter();
        };
    }
}

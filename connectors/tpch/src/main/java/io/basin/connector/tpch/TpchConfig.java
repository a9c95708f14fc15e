package io.basin.connector.tpch;

import io.trino.spi.TrinoException;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.trino.spi.StandardErrorCode.CONFIGURATION_INVALID;

/**
 * Catalog properties of the TPC-H connector.
 *
 * @param rowsPerSplit target rows per split ({@code tpch.rows-per-split}, default 100,000)
 * @param maxSplitsPerTable upper bound of splits per table ({@code tpch.max-splits-per-table},
 *         default 256)
 */
public record TpchConfig(long rowsPerSplit, int maxSplitsPerTable)
{
    public static final String ROWS_PER_SPLIT = "tpch.rows-per-split";
    public static final String MAX_SPLITS_PER_TABLE = "tpch.max-splits-per-table";

    public static final TpchConfig DEFAULT = new TpchConfig(100_000, 256);

    public TpchConfig
    {
        if (rowsPerSplit < 1) {
            throw new IllegalArgumentException("rowsPerSplit must be at least 1: " + rowsPerSplit);
        }
        if (maxSplitsPerTable < 1) {
            throw new IllegalArgumentException("maxSplitsPerTable must be at least 1: " + maxSplitsPerTable);
        }
    }

    /** Reads the catalog properties; unknown names fail, as a misspelt property would otherwise go unnoticed. */
    public static TpchConfig fromProperties(Map<String, String> properties)
    {
        Map<String, String> remaining = new HashMap<>(properties);
        long rowsPerSplit = parse(remaining, ROWS_PER_SPLIT, DEFAULT.rowsPerSplit());
        long maxSplits = parse(remaining, MAX_SPLITS_PER_TABLE, DEFAULT.maxSplitsPerTable());
        if (!remaining.isEmpty()) {
            Set<String> unknown = new TreeSet<>(remaining.keySet());
            throw new TrinoException(CONFIGURATION_INVALID, "Unknown TPC-H catalog properties: " + unknown);
        }
        if (rowsPerSplit < 1 || maxSplits < 1 || maxSplits > Integer.MAX_VALUE) {
            throw new TrinoException(CONFIGURATION_INVALID, "TPC-H catalog properties %s and %s must be positive".formatted(ROWS_PER_SPLIT, MAX_SPLITS_PER_TABLE));
        }
        return new TpchConfig(rowsPerSplit, (int) maxSplits);
    }

    private static long parse(Map<String, String> properties, String name, long defaultValue)
    {
        String value = properties.remove(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.strip());
        }
        catch (NumberFormatException e) {
            throw new TrinoException(CONFIGURATION_INVALID, "Invalid value for %s: '%s' is not a whole number".formatted(name, value), e);
        }
    }

    /** How many generator parts a table of {@code rows} rows is split into. */
    int splitCount(long rows)
    {
        return (int) Math.clamp(rows / rowsPerSplit, 1, maxSplitsPerTable);
    }
}

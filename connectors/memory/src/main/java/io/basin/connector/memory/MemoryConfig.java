package io.basin.connector.memory;

import io.trino.spi.TrinoException;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.trino.spi.StandardErrorCode.CONFIGURATION_INVALID;

/**
 * Catalog properties of the memory connector.
 *
 * @param maxDataBytes the most bytes all tables of the catalog may retain, including writes not
 *         yet committed ({@code memory.max-data-size}, e.g. {@code 2GB}; unlimited by default)
 * @param splitsPerTable how many splits a scan of a table is cut into at most
 *         ({@code memory.splits-per-table}), so that several drivers share the scan
 */
public record MemoryConfig(long maxDataBytes, int splitsPerTable)
{
    public static final String MAX_DATA_SIZE = "memory.max-data-size";
    public static final String SPLITS_PER_TABLE = "memory.splits-per-table";

    private static final Pattern DATA_SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)?");

    public MemoryConfig
    {
        if (maxDataBytes < 0) {
            throw new IllegalArgumentException("maxDataBytes is negative: " + maxDataBytes);
        }
        if (splitsPerTable < 1) {
            throw new IllegalArgumentException("splitsPerTable must be at least 1: " + splitsPerTable);
        }
    }

    /**
     * No data limit; eight splits per processor. Drivers take splits from a shared queue, so
     * small splits even out a driver slowed by another thread on its core (the JIT compiling,
     * the collector): at two splits per processor a scan waited for the slowest of four quarters,
     * and TPC-H SF 1 on two cores took about 5% longer than at eight per processor.
     */
    public static MemoryConfig defaults()
    {
        return new MemoryConfig(Long.MAX_VALUE, Math.max(4, 8 * Runtime.getRuntime().availableProcessors()));
    }

    /** Reads the catalog properties; unknown names fail, as a misspelt property would otherwise go unnoticed. */
    public static MemoryConfig fromProperties(Map<String, String> properties)
    {
        MemoryConfig defaults = defaults();
        Map<String, String> remaining = new HashMap<>(properties);
        String maxDataSize = remaining.remove(MAX_DATA_SIZE);
        String splitsPerTable = remaining.remove(SPLITS_PER_TABLE);
        if (!remaining.isEmpty()) {
            throw new TrinoException(CONFIGURATION_INVALID, "Unknown memory catalog properties: " + new TreeSet<>(remaining.keySet()));
        }
        return new MemoryConfig(
                maxDataSize == null ? defaults.maxDataBytes() : parseDataSize(maxDataSize),
                splitsPerTable == null ? defaults.splitsPerTable() : parseSplits(splitsPerTable));
    }

    private static long parseDataSize(String value)
    {
        Matcher matcher = DATA_SIZE.matcher(value.strip().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new TrinoException(CONFIGURATION_INVALID, "Invalid value for %s: '%s' is not a data size such as 512MB".formatted(MAX_DATA_SIZE, value));
        }
        long unit = switch (matcher.group(2) == null ? "B" : matcher.group(2)) {
            case "KB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            case "TB" -> 1L << 40;
            default -> 1;
        };
        try {
            return Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
        }
        catch (ArithmeticException | NumberFormatException e) {
            throw new TrinoException(CONFIGURATION_INVALID, "Invalid value for %s: '%s' is too large".formatted(MAX_DATA_SIZE, value), e);
        }
    }

    private static int parseSplits(String value)
    {
        try {
            int splits = Integer.parseInt(value.strip());
            if (splits >= 1) {
                return splits;
            }
        }
        catch (NumberFormatException e) {
            throw new TrinoException(CONFIGURATION_INVALID, "Invalid value for %s: '%s' is not a whole number".formatted(SPLITS_PER_TABLE, value), e);
        }
        throw new TrinoException(CONFIGURATION_INVALID, "Invalid value for %s: must be at least 1, was %s".formatted(SPLITS_PER_TABLE, value));
    }
}

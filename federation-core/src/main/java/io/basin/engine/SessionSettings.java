package io.basin.engine;

import io.basin.error.BasinException;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;

/**
 * A session's SET-table settings: the default catalog/schema ({@code search_path}), the time zone,
 * the per-query memory limit, and settings clients send that Basin only records (so tools that set
 * them keep working).
 */
public final class SessionSettings
{
    private final Map<String, String> values = new TreeMap<>();
    private String catalog;
    private String schema;
    private ZoneId timeZone = ZoneId.of("UTC");
    private long queryMaxMemoryBytes;

    public SessionSettings(String catalog, String schema, long queryMaxMemoryBytes)
    {
        this.catalog = catalog;
        this.schema = schema;
        this.queryMaxMemoryBytes = queryMaxMemoryBytes;
    }

    public String catalog()
    {
        return catalog;
    }

    public String schema()
    {
        return schema;
    }

    public ZoneId timeZone()
    {
        return timeZone;
    }

    public long queryMaxMemoryBytes()
    {
        return queryMaxMemoryBytes;
    }

    public void set(String name, String value)
    {
        String key = name.toLowerCase(Locale.ROOT);
        switch (key) {
            case "search_path" -> {
                String first = value.split(",")[0].trim().replace("\"", "");
                String[] parts = first.split("\\.");
                if (parts.length == 2) {
                    catalog = parts[0];
                    schema = parts[1];
                }
                else {
                    schema = parts[0];
                }
            }
            case "catalog", "database" -> catalog = value.trim();
            case "timezone", "time_zone" -> {
                try {
                    timeZone = ZoneId.of(value.trim().replace("'", ""));
                }
                catch (RuntimeException e) {
                    throw new BasinException(INVALID_PARAMETER_VALUE, "invalid value for parameter \"TimeZone\": \"" + value + "\"");
                }
            }
            case "query_max_memory" -> queryMaxMemoryBytes = parseBytes(value);
            default -> {
            }
        }
        values.put(key, value);
    }

    public String show(String name)
    {
        String key = name.toLowerCase(Locale.ROOT);
        return switch (key) {
            case "search_path" -> catalog + "." + schema;
            case "timezone", "time_zone" -> timeZone.getId();
            case "query_max_memory" -> queryMaxMemoryBytes + "B";
            case "server_version" -> "15.0 (Basin)";
            default -> {
                String value = values.get(key);
                if (value == null) {
                    throw new BasinException(INVALID_PARAMETER_VALUE, "unrecognized configuration parameter \"" + name + "\"");
                }
                yield value;
            }
        };
    }

    static long parseBytes(String text)
    {
        String value = text.trim().toUpperCase(Locale.ROOT).replace("'", "");
        long multiplier = 1;
        for (String[] unit : new String[][] {{"TB", String.valueOf(1L << 40)}, {"GB", String.valueOf(1L << 30)}, {"MB", String.valueOf(1L << 20)}, {"KB", String.valueOf(1L << 10)}, {"B", "1"}}) {
            if (value.endsWith(unit[0])) {
                multiplier = Long.parseLong(unit[1]);
                value = value.substring(0, value.length() - unit[0].length()).trim();
                break;
            }
        }
        try {
            long bytes = (long) (Double.parseDouble(value) * multiplier);
            if (bytes <= 0) {
                throw new NumberFormatException();
            }
            return bytes;
        }
        catch (NumberFormatException e) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "invalid value for query_max_memory: \"" + text + "\" (use e.g. 512MB or 2GB)");
        }
    }
}

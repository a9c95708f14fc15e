package io.basin.engine;

import io.basin.error.BasinException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;

/**
 * The settings Basin knows, with PostgreSQL's names, defaults and SHOW formats: the ones clients
 * set and read (application_name, client_encoding, DateStyle, extra_float_digits, search_path,
 * TimeZone, statement_timeout, IntervalStyle, ...), the read-only ones servers report
 * (server_version, integer_datetimes, ...), and Basin's own ({@code query_max_memory}).
 */
final class SettingDefinitions
{
    /** The PostgreSQL version Basin reports; clients choose their catalog queries by it. */
    static final String SERVER_VERSION = "15.0";
    static final String SERVER_VERSION_NUM = "150000";

    private static final Map<String, SettingDefinition> DEFINITIONS = new LinkedHashMap<>();

    static {
        add(string("application_name", "", "Reporting and Logging / What to Log", "Sets the application name to be reported in statistics and logs.", true));
        add(new SettingDefinition("client_encoding", "UTF8", "string", "user", Optional.empty(), "Client Connection Defaults / Locale and Formatting",
                "Sets the client's character set encoding.", List.of(), true, SettingDefinitions::clientEncoding));
        add(new SettingDefinition("DateStyle", "ISO, MDY", "string", "user", Optional.empty(), "Client Connection Defaults / Locale and Formatting",
                "Sets the display format for date and time values.", List.of(), true, SettingDefinitions::dateStyleNotInContext));
        add(new SettingDefinition("extra_float_digits", "1", "integer", "user", Optional.empty(), "Client Connection Defaults / Locale and Formatting",
                "Sets the number of digits displayed for floating-point values.", List.of(), false, values -> integer("extra_float_digits", values, -15, 3)));
        add(new SettingDefinition("search_path", "\"$user\", public", "string", "user", Optional.empty(), "Client Connection Defaults / Statement Behavior",
                "Sets the schema search order for names that are not schema-qualified.", List.of(), false, SettingDefinitions::searchPath));
        add(new SettingDefinition("TimeZone", "UTC", "string", "user", Optional.empty(), "Client Connection Defaults / Locale and Formatting",
                "Sets the time zone for displaying and interpreting time stamps.", List.of(), true, SettingDefinitions::timeZone));
        add(duration("statement_timeout", "Sets the maximum allowed duration of any statement."));
        add(duration("lock_timeout", "Sets the maximum allowed duration of any wait for a lock."));
        add(duration("idle_in_transaction_session_timeout", "Sets the maximum allowed idle time between queries, when in a transaction."));
        add(enumeration("IntervalStyle", "postgres", List.of("postgres"), "Client Connection Defaults / Locale and Formatting", "Sets the display format for interval values.", true));
        add(new SettingDefinition("standard_conforming_strings", "on", "bool", "user", Optional.empty(), "Version and Platform Compatibility / Previous PostgreSQL Versions",
                "Causes '...' strings to treat backslashes literally.", List.of(), true, values -> onlyValue("standard_conforming_strings", values, "on")));
        add(enumeration("client_min_messages", "notice", List.of("debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error"),
                "Client Connection Defaults / Statement Behavior", "Sets the message levels that are sent to the client.", false));
        add(enumeration("bytea_output", "hex", List.of("hex"), "Client Connection Defaults / Statement Behavior", "Sets the output format for bytea.", false));
        add(enumeration("default_transaction_isolation", "read committed", List.of("serializable", "repeatable read", "read committed", "read uncommitted"),
                "Client Connection Defaults / Statement Behavior", "Sets the transaction isolation level of each new transaction.", false));
        add(enumeration("transaction_isolation", "read committed", List.of("serializable", "repeatable read", "read committed", "read uncommitted"),
                "Client Connection Defaults / Statement Behavior", "Sets the current transaction's isolation level.", false));
        add(bool("default_transaction_read_only", "off", "Sets the default read-only status of new transactions.", true));
        add(bool("transaction_read_only", "off", "Sets the current transaction's read-only status.", false));
        add(string("lc_messages", "C", "Client Connection Defaults / Locale and Formatting", "Sets the language in which messages are displayed.", false));
        add(string("lc_monetary", "C", "Client Connection Defaults / Locale and Formatting", "Sets the locale for formatting monetary amounts.", false));
        add(string("lc_numeric", "C", "Client Connection Defaults / Locale and Formatting", "Sets the locale for formatting numbers.", false));
        add(string("lc_time", "C", "Client Connection Defaults / Locale and Formatting", "Sets the locale for formatting date and time values.", false));
        add(new SettingDefinition("query_max_memory", "", "string", "user", Optional.empty(), "Basin / Resource Usage",
                "Sets the memory a query may use (for example 512MB or 2GB).", List.of(), false, values -> memory(single(values))));
        add(new SettingDefinition("federated_pushdown", "on", "bool", "user", Optional.empty(), "Basin / Query Planning",
                "Sends every subquery over one PostgreSQL or MySQL source to that source as one statement.", List.of(), false, values -> booleanValue("federated_pushdown", single(values))));
        add(new SettingDefinition("scan_pushdown", "on", "bool", "user", Optional.empty(), "Basin / Query Planning",
                "Offers filters and aggregations over table scans to their connectors (the lake answers count/min/max from metadata and aggregates in the scan workers).", List.of(), false, values -> booleanValue("scan_pushdown", single(values))));
        add(new SettingDefinition("aggregate_expression_pushdown", "on", "bool", "user", Optional.empty(), "Basin / Query Planning",
                "Also offers aggregates over +, -, * and CAST of columns to the connectors (the lake's scan workers compute them, as in TPC-H q1 and q6), so the workers return a few partial rows instead of every row.",
                List.of(), false, values -> booleanValue("aggregate_expression_pushdown", single(values))));
        add(new SettingDefinition("colocated_joins", "on", "bool", "user", Optional.empty(), "Basin / Query Planning",
                "Joins two tables partitioned alike on the join keys (warehouse tables on their DISTKEY) bucket by bucket, one hash table per slice.", List.of(), false, values -> booleanValue("colocated_joins", single(values))));
        add(new SettingDefinition("shared_subplans", "on", "bool", "user", Optional.empty(), "Basin / Query Planning",
                "Runs a subplan that a query reads in several places (a CTE referenced twice, a repeated subquery) once, and reads its buffered result in each place.", List.of(), false, values -> booleanValue("shared_subplans", single(values))));
        add(new SettingDefinition("plan_cache", "on", "bool", "user", Optional.empty(), "Basin / Query Planning",
                "Reuses the logical plan of a query whose text ran before in the same session state (user, database, search path, settings), until a statement changes tables, schemas or users; tables are resolved and constants folded again at each run.",
                List.of(), false, values -> booleanValue("plan_cache", single(values))));
        add(internal("server_version", SERVER_VERSION, "Shows the server version.", true));
        add(internal("server_version_num", SERVER_VERSION_NUM, "Shows the server version as an integer.", false));
        add(internal("server_encoding", "UTF8", "Shows the server (database) character set encoding.", true));
        add(internal("integer_datetimes", "on", "Shows whether datetimes are integer based.", true));
        add(internal("is_superuser", "on", "Shows whether the current user is a superuser.", true));
        add(internal("in_hot_standby", "off", "Shows whether hot standby is currently active.", true));
        add(internal("session_authorization", "", "Sets the session user name.", true));
        add(internal("max_identifier_length", "63", "Shows the maximum identifier length.", false));
        add(internal("max_index_keys", "32", "Shows the maximum number of index keys.", false));
        add(internal("block_size", "8192", "Shows the size of a disk block.", false));
        add(internal("lc_collate", "C", "Shows the collation order locale.", false));
        add(internal("lc_ctype", "C", "Shows the character classification and case conversion locale.", false));
    }

    private SettingDefinitions() {}

    static List<SettingDefinition> all()
    {
        return List.copyOf(DEFINITIONS.values());
    }

    static Optional<SettingDefinition> find(String name)
    {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("time_zone") || key.equals("time zone")) {
            key = "timezone";
        }
        return Optional.ofNullable(DEFINITIONS.get(key));
    }

    private static void add(SettingDefinition definition)
    {
        DEFINITIONS.put(definition.name().toLowerCase(Locale.ROOT), definition);
    }

    private static SettingDefinition string(String name, String bootValue, String category, String description, boolean reportable)
    {
        return new SettingDefinition(name, bootValue, "string", "user", Optional.empty(), category, description, List.of(), reportable, SettingDefinitions::single);
    }

    private static SettingDefinition internal(String name, String value, String description, boolean reportable)
    {
        return new SettingDefinition(name, value, "string", "internal", Optional.empty(), "Preset Options", description, List.of(), reportable, SettingDefinitions::single);
    }

    private static SettingDefinition bool(String name, String bootValue, String description, boolean reportable)
    {
        return new SettingDefinition(name, bootValue, "bool", "user", Optional.empty(), "Client Connection Defaults / Statement Behavior", description, List.of(), reportable,
                values -> booleanValue(name, single(values)));
    }

    private static SettingDefinition enumeration(String name, String bootValue, List<String> accepted, String category, String description, boolean reportable)
    {
        return new SettingDefinition(name, bootValue, "enum", "user", Optional.empty(), category, description, accepted, reportable, values -> {
            String value = String.join(" ", values).toLowerCase(Locale.ROOT).trim();
            if (!accepted.contains(value)) {
                throw new BasinException(INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": \"%s\" (Basin supports: %s)".formatted(name, value, String.join(", ", accepted)));
            }
            return value;
        });
    }

    private static SettingDefinition duration(String name, String description)
    {
        return new SettingDefinition(name, "0", "integer", "user", Optional.of("ms"), "Client Connection Defaults / Statement Behavior", description, List.of(), false,
                values -> formatMillis(parseMillis(name, single(values))));
    }

    static String single(List<String> values)
    {
        return String.join(", ", values);
    }

    private static String clientEncoding(List<String> values)
    {
        String value = single(values).toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (value.equals("UTF8") || value.equals("UNICODE")) {
            return "UTF8";
        }
        throw new BasinException(FEATURE_NOT_SUPPORTED, "Basin supports only client_encoding UTF8, not \"" + single(values) + "\"");
    }

    private static String dateStyleNotInContext(List<String> values)
    {
        return dateStyle(values, "ISO, MDY");
    }

    /** DateStyle: an output style (only ISO) and a field order (MDY, DMY, YMD), either of which may be omitted. */
    static String dateStyle(List<String> values, String current)
    {
        String order = current.substring(current.indexOf(',') + 1).trim();
        for (String element : values) {
            for (String word : element.split("[\\s,]+")) {
                switch (word.toUpperCase(Locale.ROOT)) {
                    case "" -> {
                    }
                    case "ISO" -> {
                    }
                    case "MDY", "US", "NONEURO", "NONEUROPEAN" -> order = "MDY";
                    case "DMY", "EURO", "EUROPEAN" -> order = "DMY";
                    case "YMD" -> order = "YMD";
                    case "SQL", "POSTGRES", "GERMAN" -> throw new BasinException(FEATURE_NOT_SUPPORTED, "Basin supports only DateStyle ISO, not " + word);
                    default -> throw new BasinException(INVALID_PARAMETER_VALUE, "invalid value for parameter \"DateStyle\": \"" + single(values) + "\"");
                }
            }
        }
        return "ISO, " + order;
    }

    private static String integer(String name, List<String> values, int minimum, int maximum)
    {
        String text = single(values).trim();
        try {
            int value = Integer.parseInt(text);
            if (value < minimum || value > maximum) {
                throw new BasinException(INVALID_PARAMETER_VALUE, "%d is outside the valid range for parameter \"%s\" (%d .. %d)".formatted(value, name, minimum, maximum));
            }
            return String.valueOf(value);
        }
        catch (NumberFormatException e) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": \"%s\"".formatted(name, text));
        }
    }

    private static String onlyValue(String name, List<String> values, String accepted)
    {
        String value = booleanValue(name, single(values));
        if (!value.equals(accepted)) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "Basin supports only %s = %s".formatted(name, accepted));
        }
        return value;
    }

    private static String booleanValue(String name, String text)
    {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1", "t", "y" -> "on";
            case "off", "false", "no", "0", "f", "n" -> "off";
            default -> throw new BasinException(INVALID_PARAMETER_VALUE, "parameter \"%s\" requires a Boolean value".formatted(name));
        };
    }

    /** search_path as SHOW prints it: the schemas separated by ", ", quoted where needed. */
    private static String searchPath(List<String> values)
    {
        List<String> schemas = new ArrayList<>();
        for (String value : values) {
            schemas.add(SearchPath.quote(value));
        }
        return String.join(", ", schemas);
    }

    private static String timeZone(List<String> values)
    {
        String text = single(values).trim();
        if (text.equalsIgnoreCase("local") || text.equalsIgnoreCase("default")) {
            return "UTC";
        }
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(text)) {
                return id;
            }
        }
        if (text.equalsIgnoreCase("UTC") || text.equalsIgnoreCase("GMT") || text.equalsIgnoreCase("Z")) {
            return text.equalsIgnoreCase("Z") ? "UTC" : text.toUpperCase(Locale.ROOT);
        }
        throw new BasinException(INVALID_PARAMETER_VALUE, "invalid value for parameter \"TimeZone\": \"" + text + "\"");
    }

    private static final Pattern DURATION = Pattern.compile("(-?\\d+)\\s*(ms|s|min|h|d)?");

    /** statement_timeout and the like: milliseconds, or a number with a unit (5s, 1min). */
    static long parseMillis(String name, String text)
    {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "invalid value for parameter \"%s\": \"%s\"".formatted(name, text.trim()));
        }
        long value = Long.parseLong(matcher.group(1));
        long multiplier = switch (matcher.group(2) == null ? "ms" : matcher.group(2)) {
            case "s" -> 1000;
            case "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> 1;
        };
        long millis = value * multiplier;
        if (millis < 0 || millis > Integer.MAX_VALUE) {
            throw new BasinException(INVALID_PARAMETER_VALUE, "%s is outside the valid range for parameter \"%s\" (0 .. 2147483647)".formatted(text.trim(), name));
        }
        return millis;
    }

    /** As PostgreSQL shows a time setting: in the largest unit that divides it exactly. */
    static String formatMillis(long millis)
    {
        if (millis == 0) {
            return "0";
        }
        for (Object[] unit : new Object[][] {{86_400_000L, "d"}, {3_600_000L, "h"}, {60_000L, "min"}, {1000L, "s"}}) {
            long size = (Long) unit[0];
            if (millis % size == 0) {
                return millis / size + (String) unit[1];
            }
        }
        return millis + "ms";
    }

    private static String memory(String text)
    {
        return formatBytes(parseBytes(text));
    }

    static String formatBytes(long bytes)
    {
        for (Object[] unit : new Object[][] {{1L << 40, "TB"}, {1L << 30, "GB"}, {1L << 20, "MB"}, {1L << 10, "kB"}}) {
            long size = (Long) unit[0];
            if (bytes % size == 0) {
                return bytes / size + (String) unit[1];
            }
        }
        return bytes + "B";
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

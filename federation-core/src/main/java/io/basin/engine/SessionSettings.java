package io.basin.engine;

import io.basin.error.BasinException;
import io.basin.metadata.SettingValue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.basin.error.BasinErrorCode.CANT_CHANGE_RUNTIME_PARAM;
import static io.basin.error.BasinErrorCode.UNDEFINED_OBJECT;
import static java.util.Objects.requireNonNull;

/**
 * A session's run-time settings with PostgreSQL's semantics: {@code SET} (session or
 * {@code LOCAL} to the transaction), {@code RESET}, {@code RESET ALL}, {@code SHOW},
 * {@code SHOW ALL}; values normalized as PostgreSQL's SHOW prints them; read-only settings
 * rejected; unknown names rejected, except custom ones with a dot ({@code myapp.flag}), which
 * PostgreSQL also accepts. A transaction that rolls back undoes its SETs, and SET LOCAL lasts
 * until the transaction ends.
 *
 * <p>The wire server reports some settings to the client (ParameterStatus) when they change:
 * {@link #reportableChanges()} tells which since it was last asked.
 *
 * <p>Not thread-safe: a session runs one statement at a time.
 */
public final class SessionSettings
{
    private final String user;
    private final String database;
    private final Map<String, String> sessionValues = new HashMap<>();
    private final Map<String, String> resetValues = new HashMap<>();
    // settings whose reset value the client gave when connecting
    private final java.util.Set<String> startupParameters = new java.util.HashSet<>();
    private final Map<String, String> customValues = new LinkedHashMap<>();
    private final Map<String, String> localValues = new HashMap<>();
    private final Map<String, String> reported = new HashMap<>();
    // session values at BEGIN, restored by a rollback; null outside a transaction block
    private Map<String, String> transactionStart;

    public SessionSettings(String user, String database, long queryMaxMemoryBytes)
    {
        this.user = requireNonNull(user, "user is null");
        this.database = requireNonNull(database, "database is null");
        for (SettingDefinition definition : SettingDefinitions.all()) {
            String key = key(definition.name());
            String value = switch (key) {
                case "session_authorization" -> user;
                case "query_max_memory" -> SettingDefinitions.formatBytes(queryMaxMemoryBytes);
                default -> definition.bootValue();
            };
            resetValues.put(key, value);
        }
    }

    /**
     * A parameter the client sent when connecting (startup packet): it becomes the value
     * {@code RESET} returns to, as in PostgreSQL. Names Basin does not know are recorded as
     * custom settings, as Amazon Redshift does.
     */
    public void setStartupParameter(String name, String value)
    {
        if (SettingDefinitions.find(name).isEmpty()) {
            // drivers describe themselves in the startup packet (Amazon Redshift's sends
            // driver_version, os_version, plugin_name, ...); Redshift accepts and records them
            customValues.put(key(name), value);
            return;
        }
        SettingDefinition definition = definition(name);
        String normalized = normalize(definition, List.of(value));
        resetValues.put(key(definition.name()), normalized);
        sessionValues.remove(key(definition.name()));
        startupParameters.add(key(definition.name()));
    }

    /** SET [SESSION | LOCAL] name TO value, ...: the value's elements as written (a list for search_path). */
    public void set(String name, List<String> values, boolean local)
    {
        requireNonNull(values, "values is null");
        if (isCustom(name)) {
            String value = String.join(", ", values);
            if (local) {
                if (transactionStart != null) {
                    localValues.put(key(name), value);
                }
                return;
            }
            customValues.put(key(name), value);
            return;
        }
        SettingDefinition definition = definition(name);
        checkChangeable(definition);
        String value = normalize(definition, values);
        String key = key(definition.name());
        if (local) {
            // outside a transaction block SET LOCAL has no effect (PostgreSQL warns)
            if (transactionStart != null) {
                localValues.put(key, value);
            }
            return;
        }
        localValues.remove(key);
        sessionValues.put(key, value);
    }

    public void set(String name, String value)
    {
        set(name, List.of(value), false);
    }

    /** RESET name / SET name TO DEFAULT. */
    public void reset(String name, boolean local)
    {
        if (isCustom(name)) {
            customValues.remove(key(name));
            return;
        }
        SettingDefinition definition = definition(name);
        checkChangeable(definition);
        String key = key(definition.name());
        if (local) {
            if (transactionStart != null) {
                localValues.put(key, resetValues.get(key));
            }
            return;
        }
        localValues.remove(key);
        sessionValues.remove(key);
    }

    /** RESET ALL: every setting a user may change back to its reset value. */
    public void resetAll()
    {
        for (SettingDefinition definition : SettingDefinitions.all()) {
            if (!definition.readOnly()) {
                String key = key(definition.name());
                sessionValues.remove(key);
                localValues.remove(key);
            }
        }
        customValues.clear();
    }

    /** SHOW name: the current value as PostgreSQL prints it. */
    public String show(String name)
    {
        if (isCustom(name)) {
            String value = localValues.getOrDefault(key(name), customValues.get(key(name)));
            if (value == null) {
                throw new BasinException(UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
            }
            return value;
        }
        return value(definition(name));
    }

    /** The canonical name of a setting (DateStyle for datestyle), for SHOW's column heading. */
    public String canonicalName(String name)
    {
        return isCustom(name) ? name.toLowerCase(Locale.ROOT) : definition(name).name();
    }

    /** SHOW ALL and pg_settings: every setting with its current value. */
    public List<SettingValue> all()
    {
        List<SettingValue> all = new ArrayList<>();
        for (SettingDefinition definition : SettingDefinitions.all()) {
            String key = key(definition.name());
            String source = localValues.containsKey(key) || sessionValues.containsKey(key) ? "session" : startupParameters.contains(key) ? "client" : "default";
            all.add(new SettingValue(definition.name(), value(definition), inUnit(definition, value(definition)), definition.unit(), definition.category(), definition.description(),
                    definition.vartype(), definition.context(), source, definition.enumValues(), inUnit(definition, definition.bootValue()), inUnit(definition, resetValues.get(key))));
        }
        customValues.forEach((name, value) -> all.add(new SettingValue(name, value, value, Optional.empty(), "Customized Options", "", "string", "user", "session", List.of(), "", "")));
        return all;
    }

    /** pg_settings shows a time setting as a number of its unit (5s is 5000 ms). */
    private static String inUnit(SettingDefinition definition, String value)
    {
        return definition.unit().isPresent() ? String.valueOf(SettingDefinitions.parseMillis(definition.name(), value)) : value;
    }

    /**
     * Every setting's current value by name, custom ones included: what planning may read, without
     * the descriptive columns of {@link #all()} (source, unit, description).
     */
    public Map<String, String> values()
    {
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingDefinition definition : SettingDefinitions.all()) {
            values.put(definition.name(), value(definition));
        }
        values.putAll(customValues);
        return values;
    }

    /**
     * The reportable settings (server_version, client_encoding, DateStyle, TimeZone, ...) whose
     * value changed since the last call, by canonical name; the first call returns all of them,
     * for the ParameterStatus messages after authentication.
     */
    public Map<String, String> reportableChanges()
    {
        Map<String, String> changes = new LinkedHashMap<>();
        for (SettingDefinition definition : SettingDefinitions.all()) {
            if (definition.reportable()) {
                String value = value(definition);
                if (!value.equals(reported.get(definition.name()))) {
                    reported.put(definition.name(), value);
                    changes.put(definition.name(), value);
                }
            }
        }
        return changes;
    }

    /** BEGIN: later SETs are undone by a rollback; SET LOCAL values last until the end. */
    public void beginTransaction()
    {
        transactionStart = new HashMap<>(sessionValues);
    }

    /** COMMIT: SET LOCAL values end; SETs stay. */
    public void commitTransaction()
    {
        localValues.clear();
        transactionStart = null;
    }

    /** ROLLBACK: the transaction's SETs and SET LOCALs are undone. */
    public void rollbackTransaction()
    {
        localValues.clear();
        if (transactionStart != null) {
            sessionValues.clear();
            sessionValues.putAll(transactionStart);
        }
        transactionStart = null;
    }

    public ZoneId timeZone()
    {
        return ZoneId.of(value("TimeZone"));
    }

    public long queryMaxMemoryBytes()
    {
        return SettingDefinitions.parseBytes(value("query_max_memory"));
    }

    /** Whether a query's plan may be taken from, and kept in, the engine's plan cache. */
    public boolean planCache()
    {
        return value("plan_cache").equals("on");
    }

    /** statement_timeout in milliseconds; 0 for none. */
    public long statementTimeoutMillis()
    {
        return SettingDefinitions.parseMillis("statement_timeout", value("statement_timeout"));
    }

    /** The schemas of search_path in order, {@code $user} included as written. */
    public List<String> searchPath()
    {
        return SearchPath.parse(value("search_path"));
    }

    /**
     * The catalog where unqualified new tables are created: the first search path entry that is
     * not {@code $user}; a {@code catalog.schema} entry names another catalog.
     */
    public String catalog()
    {
        String schema = creationSchema();
        int dot = schema.indexOf('.');
        return dot > 0 ? schema.substring(0, dot) : database;
    }

    /** The schema where unqualified new tables are created (see {@link #catalog()}). */
    public String schema()
    {
        String schema = creationSchema();
        int dot = schema.indexOf('.');
        return dot > 0 ? schema.substring(dot + 1) : schema;
    }

    private String creationSchema()
    {
        return searchPath().stream()
                .map(schema -> schema.equals("$user") ? user : schema)
                .filter(schema -> !schema.equals(user) && !schema.equals("pg_catalog"))
                .findFirst()
                .orElse("public");
    }

    private String value(String name)
    {
        return value(definition(name));
    }

    private String value(SettingDefinition definition)
    {
        String key = key(definition.name());
        String local = localValues.get(key);
        if (local != null) {
            return local;
        }
        return sessionValues.getOrDefault(key, resetValues.get(key));
    }

    private String normalize(SettingDefinition definition, List<String> values)
    {
        if (definition.name().equals("DateStyle")) {
            return SettingDefinitions.dateStyle(values, value(definition));
        }
        return definition.normalizer().apply(values);
    }

    private static void checkChangeable(SettingDefinition definition)
    {
        if (definition.readOnly()) {
            throw new BasinException(CANT_CHANGE_RUNTIME_PARAM, "parameter \"" + definition.name() + "\" cannot be changed");
        }
    }

    private static SettingDefinition definition(String name)
    {
        return SettingDefinitions.find(name)
                .orElseThrow(() -> new BasinException(UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\""));
    }

    /** A setting Basin does not define: a custom one (with a dot), or one a driver gave when connecting. */
    private boolean isCustom(String name)
    {
        return SettingDefinitions.find(name).isEmpty() && (name.indexOf('.') > 0 || customValues.containsKey(key(name)));
    }

    private static String key(String name)
    {
        return name.toLowerCase(Locale.ROOT);
    }
}

package io.basin.metadata;

import io.basin.metadata.pgcatalog.ObjectIds;

import java.util.List;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * What planning a statement needs to know about its session: who runs it, in which database,
 * the schema search path, and the settings. Session-dependent functions ({@code current_user},
 * {@code current_schema()}, {@code current_setting('x')}, ...) are folded to constants from it,
 * and the {@code pg_catalog} tables are computed with it.
 *
 * @param user the session user
 * @param database the database the session is connected to; also the catalog that holds
 *         {@code pg_catalog} and {@code information_schema}
 * @param backendPid the session's process id ({@code pg_backend_pid()})
 * @param searchPath the schemas of {@code search_path} in order, as set ({@code $user} included);
 *         {@code pg_catalog} is searched first unless listed
 * @param settings every setting's current value, for {@code current_setting} and {@code pg_settings}
 * @param serverVersion the PostgreSQL version Basin reports ({@code server_version})
 * @param objectIds the engine's object identifiers, stable across the session's statements
 * @param settingsWriter changes a setting of the session, for {@code set_config}
 * @param roles the roles (users) there are, read when a statement needs them ({@code pg_roles})
 */
public record SessionContext(
        String user,
        String database,
        int backendPid,
        List<String> searchPath,
        List<SettingValue> settings,
        String serverVersion,
        ObjectIds objectIds,
        SettingsWriter settingsWriter,
        java.util.function.Supplier<List<RoleDescription>> roles)
{
    /** Sets a setting as SET (or SET LOCAL) would, and returns its new value as SHOW prints it. */
    @FunctionalInterface
    public interface SettingsWriter
    {
        SettingsWriter READ_ONLY = (name, value, local) -> {
            throw new io.basin.error.BasinException(io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED, "Settings cannot be changed here");
        };

        String set(String name, String value, boolean local);
    }

    public SessionContext
    {
        requireNonNull(user, "user is null");
        requireNonNull(database, "database is null");
        checkArgument(backendPid > 0, "backendPid must be positive");
        searchPath = List.copyOf(requireNonNull(searchPath, "searchPath is null"));
        settings = List.copyOf(requireNonNull(settings, "settings is null"));
        requireNonNull(serverVersion, "serverVersion is null");
        requireNonNull(objectIds, "objectIds is null");
        requireNonNull(settingsWriter, "settingsWriter is null");
        requireNonNull(roles, "roles is null");
    }

    /** The value of a setting by name, case-insensitively, as {@code current_setting} (and SHOW) reads it. */
    public Optional<String> setting(String name)
    {
        return settings.stream()
                .filter(setting -> setting.name().equalsIgnoreCase(name))
                .map(SettingValue::shown)
                .findFirst();
    }
}

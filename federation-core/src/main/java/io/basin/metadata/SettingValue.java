package io.basin.metadata;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One run-time setting as {@code pg_settings} and {@code SHOW ALL} describe it.
 *
 * @param name the canonical name ({@code DateStyle}, {@code search_path})
 * @param shown the current value as {@code SHOW} prints it ({@code 5s})
 * @param setting the current value as {@code pg_settings} shows it: in {@code unit} if there is one ({@code 5000})
 * @param unit the unit of a numeric setting ({@code ms}, {@code kB}), if any
 * @param vartype {@code bool}, {@code integer}, {@code real}, {@code string} or {@code enum}
 * @param context who may change it: {@code user}, {@code superuser} or {@code internal} (read-only)
 * @param source where the current value came from: {@code default}, {@code session}, {@code client}
 * @param enumValues the accepted values of an enum setting
 */
public record SettingValue(
        String name,
        String shown,
        String setting,
        Optional<String> unit,
        String category,
        String description,
        String vartype,
        String context,
        String source,
        List<String> enumValues,
        String bootValue,
        String resetValue)
{
    public SettingValue
    {
        requireNonNull(name, "name is null");
        requireNonNull(shown, "shown is null");
        requireNonNull(setting, "setting is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(category, "category is null");
        requireNonNull(description, "description is null");
        requireNonNull(vartype, "vartype is null");
        requireNonNull(context, "context is null");
        requireNonNull(source, "source is null");
        enumValues = List.copyOf(requireNonNull(enumValues, "enumValues is null"));
        requireNonNull(bootValue, "bootValue is null");
        requireNonNull(resetValue, "resetValue is null");
    }
}

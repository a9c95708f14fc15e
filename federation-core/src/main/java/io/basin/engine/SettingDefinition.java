package io.basin.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A setting the session knows: its canonical name, how a SET value becomes the value SHOW prints
 * ({@code normalizer}, which rejects values Basin does not support), and how {@code pg_settings}
 * describes it. {@code reportable} settings are sent to clients in ParameterStatus messages when
 * they change.
 */
record SettingDefinition(
        String name,
        String bootValue,
        String vartype,
        String context,
        Optional<String> unit,
        String category,
        String description,
        List<String> enumValues,
        boolean reportable,
        Function<List<String>, String> normalizer)
{
    SettingDefinition
    {
        requireNonNull(name, "name is null");
        requireNonNull(bootValue, "bootValue is null");
        requireNonNull(vartype, "vartype is null");
        requireNonNull(context, "context is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(category, "category is null");
        requireNonNull(description, "description is null");
        enumValues = List.copyOf(enumValues);
        requireNonNull(normalizer, "normalizer is null");
    }

    boolean readOnly()
    {
        return context.equals("internal");
    }
}

package io.basin.sql.analyzer;

import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A Calcite {@link Lookup} that resolves names on demand (connectors may have schemas that are
 * never listed, such as {@code tpch.sf3}), and lists names only when Calcite asks for them.
 */
final class NameLookup<T>
        implements Lookup<T>
{
    private final Function<String, T> resolver;
    private final Supplier<Iterable<String>> names;

    NameLookup(Function<String, T> resolver, Supplier<Iterable<String>> names)
    {
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.names = requireNonNull(names, "names is null");
    }

    @Override
    public T get(String name)
    {
        return resolver.apply(name);
    }

    @Override
    public Named<T> getIgnoreCase(String name)
    {
        T exact = resolver.apply(name);
        if (exact != null) {
            return new Named<>(name, exact);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        T folded = resolver.apply(lower);
        return folded == null ? null : new Named<>(lower, folded);
    }

    @Override
    public Set<String> getNames(LikePattern pattern)
    {
        var matcher = pattern.matcher();
        Set<String> result = new LinkedHashSet<>();
        for (String name : names.get()) {
            if (matcher.apply(name)) {
                result.add(name);
            }
        }
        return result;
    }
}

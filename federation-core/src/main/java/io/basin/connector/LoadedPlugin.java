package io.basin.connector;

import io.trino.spi.Plugin;

import static java.util.Objects.requireNonNull;

/**
 * A plugin instance and where it came from.
 *
 * @param name the plugin directory's name, or the plugin class name for class-path plugins
 * @param source where the plugin was found, for messages (a directory or {@code class path})
 * @param plugin the plugin
 * @param classLoader the class loader its classes come from
 */
public record LoadedPlugin(String name, String source, Plugin plugin, ClassLoader classLoader)
{
    public LoadedPlugin
    {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        requireNonNull(plugin, "plugin is null");
        requireNonNull(classLoader, "classLoader is null");
    }
}

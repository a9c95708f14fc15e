package io.basin.connector;

import io.basin.error.BasinException;
import io.trino.spi.Plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.basin.error.BasinErrorCode.PLUGIN_LOAD_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Finds {@link Plugin}s as Trino does: through {@link ServiceLoader} on a class loader, either
 * Basin's own (the built-in connectors) or one {@link PluginClassLoader} per subdirectory of a
 * plugin directory ({@code <pluginDir>/<name>/*.jar}).
 */
final class PluginLoader
{
    private static final String CLASS_PATH = "class path";

    private final ClassLoader spiClassLoader;

    /** @param spiClassLoader the loader the SPI classes come from; Basin's own class loader */
    PluginLoader(ClassLoader spiClassLoader)
    {
        this.spiClassLoader = requireNonNull(spiClassLoader, "spiClassLoader is null");
    }

    /** The plugins registered as services on Basin's class path. */
    List<LoadedPlugin> loadClassPathPlugins()
    {
        List<LoadedPlugin> plugins = new ArrayList<>();
        for (Plugin plugin : loadServices(spiClassLoader, CLASS_PATH)) {
            plugins.add(new LoadedPlugin(plugin.getClass().getName(), CLASS_PATH, plugin, spiClassLoader));
        }
        return plugins;
    }

    /**
     * The plugins of every subdirectory of {@code pluginDirectory}, each with its own class
     * loader. A subdirectory without jars, or whose jars declare no plugin, is an error: it is a
     * broken installation, not something to skip silently.
     */
    List<LoadedPlugin> loadPluginDirectory(Path pluginDirectory)
    {
        if (!Files.isDirectory(pluginDirectory)) {
            throw new BasinException(PLUGIN_LOAD_ERROR, "Cannot load plugins: %s is not a directory".formatted(pluginDirectory));
        }
        List<LoadedPlugin> plugins = new ArrayList<>();
        try {
            for (Path directory : list(pluginDirectory, Files::isDirectory)) {
                plugins.addAll(loadPlugin(directory));
            }
        }
        catch (RuntimeException e) {
            // Plugins loaded before the failure are never handed out: release their jars.
            plugins.stream()
                    .map(plugin -> (PluginClassLoader) plugin.classLoader())
                    .distinct()
                    .forEach(classLoader -> closeAfterFailure(classLoader, e));
            throw e;
        }
        return plugins;
    }

    private List<LoadedPlugin> loadPlugin(Path directory)
    {
        String name = directory.getFileName().toString();
        List<Path> jars = list(directory, path -> path.getFileName().toString().endsWith(".jar") && Files.isRegularFile(path));
        if (jars.isEmpty()) {
            throw new BasinException(PLUGIN_LOAD_ERROR, "Cannot load plugin '%s': no .jar files in %s".formatted(name, directory));
        }
        PluginClassLoader classLoader = new PluginClassLoader(name, toUrls(jars), spiClassLoader);
        try {
            List<Plugin> services;
            try (ThreadContextClassLoader _ = new ThreadContextClassLoader(classLoader)) {
                services = loadServices(classLoader, directory.toString());
            }
            if (services.isEmpty()) {
                throw new BasinException(PLUGIN_LOAD_ERROR, "Cannot load plugin '%s': its jars in %s declare no %s service".formatted(name, directory, Plugin.class.getName()));
            }
            return services.stream()
                    .map(plugin -> new LoadedPlugin(name, directory.toString(), plugin, classLoader))
                    .toList();
        }
        catch (RuntimeException e) {
            closeAfterFailure(classLoader, e);
            throw e;
        }
    }

    private static List<Plugin> loadServices(ClassLoader classLoader, String source)
    {
        List<Plugin> plugins = new ArrayList<>();
        try {
            for (Plugin plugin : ServiceLoader.load(Plugin.class, classLoader)) {
                plugins.add(plugin);
            }
        }
        catch (ServiceConfigurationError | LinkageError e) {
            throw new BasinException(PLUGIN_LOAD_ERROR, "Cannot load plugins from %s: %s".formatted(source, e.getMessage()), e);
        }
        return plugins;
    }

    private static List<Path> list(Path directory, Predicate<Path> filter)
    {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(filter).sorted().toList();
        }
        catch (IOException e) {
            throw new BasinException(PLUGIN_LOAD_ERROR, "Cannot load plugins: cannot list %s: %s".formatted(directory, e.getMessage()), e);
        }
    }

    private static List<URL> toUrls(List<Path> jars)
    {
        List<URL> urls = new ArrayList<>(jars.size());
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            }
            catch (MalformedURLException e) {
                throw new UncheckedIOException("Cannot turn %s into a URL".formatted(jar), e);
            }
        }
        return urls;
    }

    private static void closeAfterFailure(PluginClassLoader classLoader, RuntimeException failure)
    {
        try {
            classLoader.close();
        }
        catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

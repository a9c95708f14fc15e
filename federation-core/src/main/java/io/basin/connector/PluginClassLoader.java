package io.basin.connector;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The class loader of one plugin directory, isolating the plugin as Trino does: the SPI packages
 * (and the JDK) come from Basin so that plugin and host share {@code Page}, {@code Type} and
 * {@code Connector}; every other class is taken from the plugin's own jars first, so a plugin can
 * bundle whatever library versions it needs without clashing with Basin's. Classes on Basin's
 * class path outside the SPI are invisible to the plugin.
 */
final class PluginClassLoader
        extends URLClassLoader
{
    /** Packages shared with the host: the SPI and the libraries its signatures expose. */
    static final List<String> SPI_PACKAGES = List.of(
            "io.trino.spi.",
            "io.airlift.slice.",
            "com.fasterxml.jackson.annotation.",
            "io.opentelemetry.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader spiClassLoader;
    private final List<String> spiResources;

    PluginClassLoader(String pluginName, List<URL> urls, ClassLoader spiClassLoader)
    {
        // The platform loader as parent: the JDK is visible, Basin's class path is not.
        super(requireNonNull(pluginName, "pluginName is null"), urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.spiClassLoader = requireNonNull(spiClassLoader, "spiClassLoader is null");
        this.spiResources = SPI_PACKAGES.stream()
                .map(prefix -> prefix.replace('.', '/'))
                .toList();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve)
            throws ClassNotFoundException
    {
        if (isSpiClass(name)) {
            return spiClassLoader.loadClass(name);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = loadFromJdkOrPlugin(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> loadFromJdkOrPlugin(String name)
            throws ClassNotFoundException
    {
        // JDK first: a plugin must not (and cannot, for java.*) redefine platform classes.
        try {
            return getParent().loadClass(name);
        }
        catch (ClassNotFoundException e) {
            return findClass(name);
        }
    }

    @Override
    public URL getResource(String name)
    {
        if (isSpiResource(name)) {
            return spiClassLoader.getResource(name);
        }
        URL url = findResource(name);
        return url != null ? url : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name)
            throws IOException
    {
        if (isSpiResource(name)) {
            return spiClassLoader.getResources(name);
        }
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        urls.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(urls);
    }

    private static boolean isSpiClass(String name)
    {
        for (String prefix : SPI_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean isSpiResource(String name)
    {
        for (String prefix : spiResources) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

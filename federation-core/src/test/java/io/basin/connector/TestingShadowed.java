package io.basin.connector;

/**
 * A class on Basin's class path whose name a test plugin reuses for its own version: the plugin
 * must see its own, proving that its class loader looks in the plugin's jars first.
 */
public final class TestingShadowed
{
    private TestingShadowed() {}

    public static String name()
    {
        return "host";
    }
}

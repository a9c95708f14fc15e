package io.basin.embedded;

import java.nio.file.Path;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Engine configuration. {@link #defaults()} is the embedded default: data under ./basin-data,
 * all cores, 60% of the heap per query.
 */
public record BasinConfig(Path dataDirectory, Optional<Path> pluginDirectory, int parallelism, long queryMaxMemoryBytes)
{
    public BasinConfig
    {
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(pluginDirectory, "pluginDirectory is null");
        checkArgument(parallelism > 0, "parallelism must be positive");
        checkArgument(queryMaxMemoryBytes > 0, "queryMaxMemoryBytes must be positive");
    }

    public static BasinConfig defaults()
    {
        return new BasinConfig(
                Path.of("basin-data"),
                Optional.empty(),
                Runtime.getRuntime().availableProcessors(),
                (long) (Runtime.getRuntime().maxMemory() * 0.6));
    }

    public BasinConfig withDataDirectory(Path dataDirectory)
    {
        return new BasinConfig(dataDirectory, pluginDirectory, parallelism, queryMaxMemoryBytes);
    }

    public BasinConfig withPluginDirectory(Path pluginDirectory)
    {
        return new BasinConfig(dataDirectory, Optional.of(pluginDirectory), parallelism, queryMaxMemoryBytes);
    }

    public BasinConfig withParallelism(int parallelism)
    {
        return new BasinConfig(dataDirectory, pluginDirectory, parallelism, queryMaxMemoryBytes);
    }

    public BasinConfig withQueryMaxMemoryBytes(long queryMaxMemoryBytes)
    {
        return new BasinConfig(dataDirectory, pluginDirectory, parallelism, queryMaxMemoryBytes);
    }
}

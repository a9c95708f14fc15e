package io.basin.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * Engine configuration. {@link #defaults()} is the embedded default: data under ./basin-data,
 * all cores, 60% of the heap per query, lake scans in process.
 *
 * @param spectrumWorkers {@code host:port} of remote scan workers ({@code basin spectrum-worker})
 *     that the {@code lake} catalog's scans run on; empty: they run in process
 * @param spectrumLocalFallback whether lake scans run in process when no remote worker answers
 * @param spectrumTrustedCertificates when present, the remote workers are reached over TLS and
 *     their certificates must lead to one in this PEM file
 */
public record BasinConfig(Path dataDirectory, Optional<Path> pluginDirectory, int parallelism, long queryMaxMemoryBytes, List<String> spectrumWorkers, boolean spectrumLocalFallback,
        Optional<Path> spectrumTrustedCertificates)
{
    public BasinConfig
    {
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(pluginDirectory, "pluginDirectory is null");
        checkArgument(parallelism > 0, "parallelism must be positive");
        checkArgument(queryMaxMemoryBytes > 0, "queryMaxMemoryBytes must be positive");
        spectrumWorkers = List.copyOf(requireNonNull(spectrumWorkers, "spectrumWorkers is null"));
        requireNonNull(spectrumTrustedCertificates, "spectrumTrustedCertificates is null");
    }

    public static BasinConfig defaults()
    {
        return new BasinConfig(
                Path.of("basin-data"),
                Optional.empty(),
                Runtime.getRuntime().availableProcessors(),
                (long) (Runtime.getRuntime().maxMemory() * 0.6),
                List.of(),
                false,
                Optional.empty());
    }

    public BasinConfig withDataDirectory(Path dataDirectory)
    {
        return new BasinConfig(dataDirectory, pluginDirectory, parallelism, queryMaxMemoryBytes, spectrumWorkers, spectrumLocalFallback, spectrumTrustedCertificates);
    }

    public BasinConfig withPluginDirectory(Path pluginDirectory)
    {
        return new BasinConfig(dataDirectory, Optional.of(pluginDirectory), parallelism, queryMaxMemoryBytes, spectrumWorkers, spectrumLocalFallback, spectrumTrustedCertificates);
    }

    public BasinConfig withParallelism(int parallelism)
    {
        return new BasinConfig(dataDirectory, pluginDirectory, parallelism, queryMaxMemoryBytes, spectrumWorkers, spectrumLocalFallback, spectrumTrustedCertificates);
    }

    public BasinConfig withQueryMaxMemoryBytes(long queryMaxMemoryBytes)
    {
        return new BasinConfig(dataDirectory, pluginDirectory, parallelism, queryMaxMemoryBytes, spectrumWorkers, spectrumLocalFallback, spectrumTrustedCertificates);
    }

    /** Lake scans on these remote workers ({@code host:port}), in process when none answers if {@code localFallback}. */
    public BasinConfig withSpectrumWorkers(List<String> spectrumWorkers, boolean localFallback)
    {
        return new BasinConfig(dataDirectory, pluginDirectory, parallelism, queryMaxMemoryBytes, spectrumWorkers, localFallback, spectrumTrustedCertificates);
    }

    /** Remote workers reached over TLS, trusted when their certificates lead to one in this PEM file. */
    public BasinConfig withSpectrumTls(Path trustedCertificates)
    {
        return new BasinConfig(dataDirectory, pluginDirectory, parallelism, queryMaxMemoryBytes, spectrumWorkers, spectrumLocalFallback, Optional.of(trustedCertificates));
    }
}

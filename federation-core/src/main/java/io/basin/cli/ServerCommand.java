package io.basin.cli;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.pgwire.PgWireConfig;
import io.basin.pgwire.PgWireServer;
import io.basin.pgwire.TlsContexts;
import io.basin.spectrum.flight.WorkerAddress;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code basin server}: serves the PostgreSQL wire protocol until SIGTERM (or Ctrl-C), then stops
 * gracefully. Settings come from a properties file ({@code --config}), overridden by flags.
 */
final class ServerCommand
{
    static final String USAGE = """
            Usage: basin server [options]

            Serves the PostgreSQL wire protocol (psql -h 127.0.0.1 -p 5439 -U basin dev).

            Options:
              --port N           port to listen on (default 5439)
              --bind ADDRESS     address to listen on (default 127.0.0.1)
              --data-dir DIR     data directory (default ./basin-data)
              --plugin-dir DIR   load Trino plugins from DIR/<plugin>/*.jar
              --config FILE      a properties file with any of the settings below

            Config file keys (flags win):
              port, bind, data-dir, plugin-dir
              ssl.mode = disable | allow | require          (default disable)
              ssl.certificate, ssl.key                       PEM certificate chain and PKCS#8 key
              ssl.keystore, ssl.keystore-password            or a PKCS#12 keystore
              auth.local  = trust | password | md5 | scram-sha-256   (loopback clients; default trust)
              auth.remote = trust | password | md5 | scram-sha-256   (others; default scram-sha-256)
              max-connections (default 500), max-message-size (bytes, default 64 MiB)
              authentication-timeout (seconds from connecting to being authenticated, default 60)
              spectrum.remote-workers = host:port,...        lake scans run on these workers
                                                             (basin spectrum-worker --port N);
                                                             'local' in the list: this process too
              spectrum.local-fallback = true | false         scan in process when no worker
                                                             answers (default false: fail)
              spectrum.tls-trusted-certificates = FILE       reach the workers over TLS; their
                                                             certificates must lead to one in
                                                             this PEM file
            """;

    private static final Set<String> KEYS = Set.of("port", "bind", "data-dir", "plugin-dir", "ssl.mode", "ssl.certificate", "ssl.key",
            "ssl.keystore", "ssl.keystore-password", "auth.local", "auth.remote", "max-connections", "max-message-size",
            "authentication-timeout", "spectrum.remote-workers", "spectrum.local-fallback", "spectrum.tls-trusted-certificates");

    private ServerCommand() {}

    static int run(List<String> arguments, CliEnvironment environment)
    {
        Properties settings = new Properties();
        Properties flags = new Properties();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--") || i + 1 >= arguments.size()) {
                throw new UsageException("unexpected argument '%s' (options take a value: --port 5439)".formatted(argument));
            }
            String name = argument.substring(2);
            if (!Set.of("port", "bind", "data-dir", "plugin-dir", "config").contains(name)) {
                throw new UsageException("unknown option '%s'".formatted(argument));
            }
            flags.setProperty(name, arguments.get(++i));
        }
        if (flags.containsKey("config")) {
            Path file = Path.of(flags.getProperty("config"));
            try (Reader reader = Files.newBufferedReader(file)) {
                settings.load(reader);
            }
            catch (IOException e) {
                throw new UsageException("cannot read config file %s: %s".formatted(file, e.getMessage()));
            }
            for (String key : settings.stringPropertyNames()) {
                if (!KEYS.contains(key)) {
                    throw new UsageException("unknown setting '%s' in %s".formatted(key, file));
                }
            }
            flags.remove("config");
        }
        settings.putAll(flags);

        BasinConfig basinConfig = BasinConfig.defaults().withDataDirectory(Path.of(settings.getProperty("data-dir", "basin-data")));
        if (settings.containsKey("plugin-dir")) {
            basinConfig = basinConfig.withPluginDirectory(Path.of(settings.getProperty("plugin-dir")));
        }
        basinConfig = spectrumConfig(basinConfig, settings);
        PgWireConfig config = wireConfig(settings);

        Basin basin = Basin.open(basinConfig);
        PgWireServer server;
        try {
            basin.engine().warmUp();
            server = PgWireServer.start(basin.engine(), config);
        }
        catch (RuntimeException e) {
            basin.close();
            environment.err().println("basin: " + e.getMessage());
            return 1;
        }
        environment.out().printf("Basin %s listening on %s:%d (data directory %s)%n", Basin.version(), config.bindAddress(), server.port(), basinConfig.dataDirectory().toAbsolutePath());
        environment.out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("basin-shutdown").unstarted(() -> {
            environment.err().println("basin: stopping");
            environment.err().flush();
            try {
                server.close();
                basin.close();
            }
            catch (RuntimeException | Error e) {
                e.printStackTrace(environment.err());
            }
            finally {
                environment.err().flush();
                stopped.countDown();
            }
        }));
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static BasinConfig spectrumConfig(BasinConfig config, Properties settings)
    {
        String workers = settings.getProperty("spectrum.remote-workers", "");
        String fallback = settings.getProperty("spectrum.local-fallback", "false");
        if (!fallback.equalsIgnoreCase("true") && !fallback.equalsIgnoreCase("false")) {
            throw new UsageException("invalid server setting: spectrum.local-fallback is '%s', expected true or false".formatted(fallback));
        }
        List<String> addresses = new ArrayList<>();
        if (WorkerAddress.listsLocal(workers)) {
            addresses.add(WorkerAddress.LOCAL);
        }
        try {
            WorkerAddress.parseList(workers).stream().map(WorkerAddress::toString).forEach(addresses::add);
        }
        catch (IllegalArgumentException e) {
            throw new UsageException("invalid server setting: spectrum.remote-workers: " + e.getMessage());
        }
        BasinConfig withWorkers = config.withSpectrumWorkers(addresses, Boolean.parseBoolean(fallback));
        String trusted = settings.getProperty("spectrum.tls-trusted-certificates");
        if (trusted == null) {
            return withWorkers;
        }
        Path trustedFile = Path.of(trusted);
        if (!Files.isReadable(trustedFile)) {
            throw new UsageException("invalid server setting: spectrum.tls-trusted-certificates: cannot read " + trusted);
        }
        return withWorkers.withSpectrumTls(trustedFile);
    }

    static PgWireConfig wireConfig(Properties settings)
    {
        PgWireConfig config = PgWireConfig.defaults().withBindAddress(settings.getProperty("bind", "127.0.0.1"));
        try {
            config = config.withPort(Integer.parseInt(settings.getProperty("port", String.valueOf(PgWireConfig.DEFAULT_PORT))));
            if (settings.containsKey("max-connections")) {
                config = config.withMaxConnections(Integer.parseInt(settings.getProperty("max-connections")));
            }
            if (settings.containsKey("max-message-size")) {
                config = config.withMaxMessageBytes(Integer.parseInt(settings.getProperty("max-message-size")));
            }
            if (settings.containsKey("authentication-timeout")) {
                config = config.withAuthenticationTimeout(java.time.Duration.ofSeconds(Long.parseLong(settings.getProperty("authentication-timeout"))));
            }
            config = config.withAuthentication(
                    io.basin.pgwire.auth.AuthenticationMethod.fromConfigName(settings.getProperty("auth.local", "trust")),
                    io.basin.pgwire.auth.AuthenticationMethod.fromConfigName(settings.getProperty("auth.remote", "scram-sha-256")));
            PgWireConfig.SslMode mode = PgWireConfig.SslMode.valueOf(settings.getProperty("ssl.mode", "disable").toUpperCase(Locale.ROOT));
            if (mode != PgWireConfig.SslMode.DISABLE) {
                config = config.withTls(mode, Optional.of(tlsContext(settings)));
            }
            return config;
        }
        catch (IllegalArgumentException e) {
            throw new UsageException("invalid server setting: " + e.getMessage());
        }
    }

    private static SSLContext tlsContext(Properties settings)
    {
        try {
            if (settings.containsKey("ssl.keystore")) {
                return TlsContexts.fromKeyStore(Path.of(settings.getProperty("ssl.keystore")), settings.getProperty("ssl.keystore-password", "").toCharArray());
            }
            if (settings.containsKey("ssl.certificate") && settings.containsKey("ssl.key")) {
                return TlsContexts.fromPem(Path.of(settings.getProperty("ssl.certificate")), Path.of(settings.getProperty("ssl.key")));
            }
        }
        catch (IOException | GeneralSecurityException e) {
            throw new UsageException("cannot load the TLS certificate: " + e.getMessage());
        }
        throw new UsageException("ssl.mode needs ssl.certificate and ssl.key, or ssl.keystore");
    }
}

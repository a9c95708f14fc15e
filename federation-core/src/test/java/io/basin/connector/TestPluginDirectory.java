package io.basin.connector;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.trino.spi.Page;
import io.trino.spi.Plugin;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.block.BlockBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static io.basin.connector.TestingTables.SESSION;
import static io.basin.connector.TestingTables.rowCount;
import static io.basin.connector.TestingTables.tableHandle;
import static io.trino.spi.type.BigintType.BIGINT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestPluginDirectory
{
    private static final String MEMORY_PLUGIN_CLASS = "io/basin/connector/memory/MemoryPlugin.class";

    @Test
    void loadsMemoryPluginThroughItsOwnClassLoader(@TempDir Path pluginDirectory)
            throws Exception
    {
        copyMemoryPluginJar(pluginDirectory.resolve("mem2"));

        try (ConnectorRegistry registry = ConnectorRegistry.builder()
                .withBuiltInPlugins(false)
                .withDefaultCatalogs(false)
                .withPluginDirectory(pluginDirectory)
                .build()) {
            assertThat(registry.listConnectorNames()).containsExactly("memory");
            CatalogHandle catalog = registry.createCatalog("mem2", "memory", Map.of());

            // Loaded again, in isolation: not the built-in class, but sharing the SPI with Basin.
            ClassLoader pluginLoader = catalog.connector().getClass().getClassLoader();
            assertThat(pluginLoader).isInstanceOf(PluginClassLoader.class).isSameAs(catalog.classLoader());
            Class<?> builtIn = Class.forName("io.basin.connector.memory.MemoryConnector");
            assertThat(catalog.connector().getClass()).isNotSameAs(builtIn);
            assertThat(pluginLoader.loadClass("io.trino.spi.Page")).isSameAs(Page.class);
            assertThatThrownBy(() -> pluginLoader.loadClass(ConnectorRegistry.class.getName()))
                    .isInstanceOf(ClassNotFoundException.class);

            // And it works: write a table, read it back.
            try (CatalogTransaction transaction = CatalogTransaction.begin(catalog, false)) {
                TableWriter writer = TableWriter.beginCreateTable(transaction, SESSION,
                        new ConnectorTableMetadata(new SchemaTableName("public", "numbers"), List.of(new ColumnMetadata("n", BIGINT))), false);
                TableWriter.Sink sink = writer.createSink();
                sink.accept(numbers(100));
                sink.finish();
                writer.commit();
                transaction.commit();
            }
            try (CatalogTransaction transaction = CatalogTransaction.begin(catalog, true)) {
                ConnectorMetadata metadata = transaction.metadata(SESSION);
                ConnectorTableHandle numbers = tableHandle(metadata, "public", "numbers");
                try (TableScanner scanner = TableScanner.create(transaction, SESSION, numbers, List.copyOf(metadata.getColumnHandles(SESSION, numbers).values()))) {
                    assertThat(rowCount(scanner.readAll())).isEqualTo(100);
                }
            }
        }
    }

    @Test
    void pluginClassesComeFromThePluginFirst(@TempDir Path pluginDirectory, @TempDir Path sources)
            throws IOException
    {
        Path classes = compile(sources, Map.of(
                "example/EchoPlugin.java", """
                        package example;

                        import io.trino.spi.Plugin;
                        import io.trino.spi.connector.Connector;
                        import io.trino.spi.connector.ConnectorContext;
                        import io.trino.spi.connector.ConnectorFactory;
                        import java.util.List;
                        import java.util.Map;

                        public class EchoPlugin implements Plugin {
                            @Override
                            public Iterable<ConnectorFactory> getConnectorFactories() {
                                return List.of(new ConnectorFactory() {
                                    @Override
                                    public String getName() {
                                        return "echo-" + io.basin.connector.TestingShadowed.name();
                                    }

                                    @Override
                                    public Connector create(String catalogName, Map<String, String> config, ConnectorContext context) {
                                        context.getTypeManager().fromSqlType("varchar(10)");
                                        return new Connector() {};
                                    }
                                });
                            }
                        }
                        """,
                "io/basin/connector/TestingShadowed.java", """
                        package io.basin.connector;

                        public final class TestingShadowed {
                            public static String name() {
                                return "plugin";
                            }
                        }
                        """));
        writeServiceFile(classes, "example.EchoPlugin");
        jar(classes, pluginDirectory.resolve("echo").resolve("echo.jar"));

        try (ConnectorRegistry registry = ConnectorRegistry.builder().withPluginDirectory(pluginDirectory).build()) {
            assertThat(TestingShadowed.name()).isEqualTo("host");
            assertThat(registry.listConnectorNames()).containsExactly("echo-plugin", "iceberg", "memory", "mysql", "postgresql", "tpch", "warehouse");
            CatalogHandle echo = registry.createCatalog("echo", "echo-plugin", Map.of());
            assertThat(echo.connector().getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
        }
    }

    @Test
    void brokenPluginFailsNamingIt(@TempDir Path pluginDirectory, @TempDir Path classes)
            throws IOException
    {
        writeServiceFile(classes, "example.MissingPlugin");
        jar(classes, pluginDirectory.resolve("broken").resolve("broken.jar"));

        assertThatThrownBy(() -> ConnectorRegistry.builder().withPluginDirectory(pluginDirectory).build())
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.PLUGIN_LOAD_ERROR))
                .hasMessageContaining("broken")
                .hasMessageContaining("example.MissingPlugin");
    }

    @Test
    void pluginDirectoryWithoutJarsFails(@TempDir Path pluginDirectory)
            throws IOException
    {
        Files.createDirectories(pluginDirectory.resolve("empty"));
        assertThatThrownBy(() -> ConnectorRegistry.builder().withPluginDirectory(pluginDirectory).build())
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.PLUGIN_LOAD_ERROR))
                .hasMessageContaining("Cannot load plugin 'empty': no .jar files");
        assertThatThrownBy(() -> ConnectorRegistry.builder().withPluginDirectory(pluginDirectory.resolve("missing")).build())
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.PLUGIN_LOAD_ERROR));
    }

    @Test
    void connectorNameClashFails(@TempDir Path pluginDirectory)
            throws Exception
    {
        copyMemoryPluginJar(pluginDirectory.resolve("mem2"));
        assertThatThrownBy(() -> ConnectorRegistry.builder().withPluginDirectory(pluginDirectory).build())
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.PLUGIN_LOAD_ERROR))
                .hasMessageContaining("connector 'memory' is already provided");
    }

    /**
     * Puts the memory connector into {@code directory} as a jar: the build's jar when the
     * module was packaged, otherwise a jar made from its compiled classes.
     */
    private static void copyMemoryPluginJar(Path directory)
            throws IOException, URISyntaxException
    {
        URL location = TestPluginDirectory.class.getClassLoader().getResource(MEMORY_PLUGIN_CLASS);
        assertThat(location).as("memory connector on the test class path").isNotNull();
        Files.createDirectories(directory);
        if (location.getProtocol().equals("jar")) {
            String file = location.getPath().substring("file:".length(), location.getPath().indexOf("!/"));
            Files.copy(Path.of(file), directory.resolve("basin-connector-memory.jar"));
            return;
        }
        Path classFile = Path.of(location.toURI());
        Path root = classFile;
        for (int segments = MEMORY_PLUGIN_CLASS.split("/").length; segments > 0; segments--) {
            root = root.getParent();
        }
        jar(root, directory.resolve("basin-connector-memory.jar"));
    }

    private static Page numbers(int count)
    {
        BlockBuilder block = BIGINT.createFixedSizeBlockBuilder(count);
        for (int n = 0; n < count; n++) {
            BIGINT.writeLong(block, n);
        }
        return new Page(block.build());
    }

    private static Path compile(Path directory, Map<String, String> sources)
            throws IOException
    {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("JDK compiler").isNotNull();
        Path classes = Files.createDirectories(directory.resolve("classes"));
        List<String> arguments = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-classpath", spiJar().toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = directory.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
        assertThat(status).as("javac exit status").isZero();
        return classes;
    }

    private static Path spiJar()
    {
        try {
            return Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeServiceFile(Path classes, String pluginClass)
            throws IOException
    {
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve(Plugin.class.getName()), pluginClass + "\n", UTF_8);
    }

    private static void jar(Path root, Path jar)
            throws IOException
    {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(root)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(path).toString().replace('\\', '/')));
                try {
                    Files.copy(path, out);
                }
                catch (IOException e) {
                    throw new UncheckedIOException("Cannot add %s to %s".formatted(path, jar), e);
                }
                out.closeEntry();
            }
        }
    }
}

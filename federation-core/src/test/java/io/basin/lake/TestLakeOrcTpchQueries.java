package io.basin.lake;

import io.basin.testing.BaseTpchOracleTest;
import io.basin.testing.TpchQueries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPC-H Q1..Q22 over lake tables stored as ORC (a lake catalog with {@code iceberg.file-format=orc}),
 * written with CREATE TABLE AS from {@code tpch.tiny} and compared with PostgreSQL.
 */
class TestLakeOrcTpchQueries
        extends BaseTpchOracleTest
{

    @BeforeAll
    void setUp()
    {
        Path lake = basin.dataDirectory().resolve("orclake");
        basin.basin().engine().connectors().createCatalog("orclake", "iceberg", Map.of(
                "iceberg.catalog.uri", "jdbc:sqlite:" + lake.resolve("catalog.db"),
                "iceberg.warehouse", lake.resolve("warehouse").toUri().toString(),
                "iceberg.file-format", "orc"));
        basin.copyTpchTables(schema, "orclake." + schema);
    }

    @Test
    void testTablesAreOrcFiles()
            throws IOException
    {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(basin.dataDirectory().resolve("orclake/warehouse"))) {
            files = paths.filter(path -> path.toString().contains("/data/") && Files.isRegularFile(path) && !path.getFileName().toString().startsWith(".")).toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(file -> {
            assertThat(file.toString()).endsWith(".orc");
            // ORC's magic number
            assertThat(new String(Files.readAllBytes(file), 0, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ORC");
        });
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("io.basin.testing.TpchQueries#queryNumbers")
    void testQuery(int number)
    {
        assertions.assertQuery(basin.session(), TpchQueries.query(number));
    }
}

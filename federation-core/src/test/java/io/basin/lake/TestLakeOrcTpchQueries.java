package io.basin.lake;

import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingBasin;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import io.basin.testing.TpchQueries;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * TPC-H Q1..Q22 over lake tables stored as ORC (a lake catalog with {@code iceberg.file-format=orc}),
 * written with CREATE TABLE AS from {@code tpch.tiny} and compared with PostgreSQL.
 */
@TestInstance(PER_CLASS)
class TestLakeOrcTpchQueries
{
    private static final double SCALE_FACTOR = 0.01;

    private TestingBasin basin;
    private QueryAssertions assertions;

    @BeforeAll
    void setUp()
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        String schema = TpchPostgresLoader.load(postgres, SCALE_FACTOR);
        assertions = new QueryAssertions(postgres, schema);
        basin = new TestingBasin();
        Path lake = basin.dataDirectory().resolve("orclake");
        basin.basin().engine().connectors().createCatalog("orclake", "iceberg", Map.of(
                "iceberg.catalog.uri", "jdbc:sqlite:" + lake.resolve("catalog.db"),
                "iceberg.warehouse", lake.resolve("warehouse").toUri().toString(),
                "iceberg.file-format", "orc"));
        BasinSession session = basin.session();
        session.execute("CREATE SCHEMA orclake." + schema);
        for (TpchTable<?> table : TpchTable.getTables()) {
            String name = table.getTableName();
            session.execute("CREATE TABLE orclake.%s.%s AS SELECT * FROM tpch.%s.%s".formatted(schema, name, schema, name));
        }
        session.execute("SET search_path = \"orclake.%s\"".formatted(schema));
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        if (assertions != null) {
            assertions.close();
        }
        if (basin != null) {
            basin.close();
        }
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

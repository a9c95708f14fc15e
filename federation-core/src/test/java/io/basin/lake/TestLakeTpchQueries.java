package io.basin.lake;

import io.basin.testing.BaseTpchOracleTest;
import io.basin.testing.TpchQueries;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPC-H Q1..Q22 over lake tables: the eight tables written as Iceberg Parquet files into the
 * embedded {@code lake} catalog with {@code CREATE TABLE AS} from {@code tpch}, read back through
 * the scan fleet, and every answer compared with PostgreSQL's on the same generated data.
 */
class TestLakeTpchQueries
        extends BaseTpchOracleTest
{
    private static final double SCALE_FACTOR = 0.1;

    @Override
    protected double scaleFactor()
    {
        return SCALE_FACTOR;
    }

    @BeforeAll
    void setUp()
    {
        basin.copyTpchTables(schema, "lake." + schema);
    }

    @Test
    void testTablesAreParquetFilesInTheDataDirectory()
            throws IOException
    {
        Path warehouse = basin.dataDirectory().resolve("lake/warehouse");
        List<Path> dataFiles;
        try (Stream<Path> files = Files.walk(warehouse)) {
            dataFiles = files.filter(file -> file.toString().endsWith(".parquet")).toList();
        }
        assertThat(dataFiles).isNotEmpty();
        assertThat(dataFiles).allSatisfy(file -> assertThat(file.toString()).contains("/" + schema + "/"));
        // Parquet's magic number at both ends
        for (Path file : dataFiles) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
            assertThat(new String(bytes, bytes.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        }
        assertThat(basin.dataDirectory().resolve("lake/catalog.db")).exists();
    }

    @Test
    void testTablesHoldTheSameData()
    {
        for (TpchTable<?> table : TpchTable.getTables()) {
            assertions.assertQuery(basin.session(), "SELECT count(*) FROM " + table.getTableName());
        }
        assertions.assertQuery(basin.session(), """
                SELECT count(*), count(DISTINCT l_orderkey), sum(l_quantity), sum(l_extendedprice), sum(l_discount), sum(l_tax),
                       min(l_shipdate), max(l_receiptdate), sum(length(l_comment)), min(l_shipmode), max(l_comment)
                FROM lineitem""");
        assertions.assertQuery(basin.session(), "SELECT * FROM orders WHERE o_orderkey % 1000 = 7");
        assertions.assertQuery(basin.session(), "SELECT * FROM customer WHERE c_custkey < 50");
        assertions.assertQuery(basin.session(), "SELECT * FROM supplier");
        assertions.assertQuery(basin.session(), "SELECT * FROM nation");
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("io.basin.testing.TpchQueries#queryNumbers")
    void testQuery(int number)
    {
        assertions.assertQuery(basin.session(), TpchQueries.query(number));
    }
}

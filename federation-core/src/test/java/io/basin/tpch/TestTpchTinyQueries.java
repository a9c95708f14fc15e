package io.basin.tpch;

import io.basin.embedded.QueryResult;
import io.basin.testing.TestingBasin;
import io.basin.testing.TpchQueries;
import io.basin.testing.TpchResultFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * TPC-H Q1..Q22 at scale factor 0.01 on Basin's memory catalog, checked against the answers
 * shipped with {@code io.trino.tpch} ({@link TpchResultFile}).
 */
@TestInstance(PER_CLASS)
class TestTpchTinyQueries
{
    private TestingBasin basin;

    @BeforeAll
    void setUp()
    {
        basin = new TestingBasin();
        basin.copyTpchTables("tiny");
    }

    @AfterAll
    void tearDown()
    {
        if (basin != null) {
            basin.close();
        }
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("io.basin.testing.TpchQueries#queryNumbers")
    void testQuery(int number)
    {
        String sql = TpchQueries.query(number);
        QueryResult result = basin.execute(sql);
        Optional<String> difference = TpchResultFile.forQuery(number).compare(result.rows());
        if (difference.isPresent()) {
            fail("TPC-H q%s at SF 0.01 differs from the shipped answer%n%s%n%s".formatted(number, difference.get(), sql));
        }
    }
}

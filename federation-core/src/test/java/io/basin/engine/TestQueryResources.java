package io.basin.engine;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;
import io.basin.error.BasinException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-query memory limits and the compiled-expression cache, seen from SQL. */
class TestQueryResources
{
    @TempDir
    static Path dataDirectory;

    private static Basin basin;

    @BeforeAll
    static void setUp()
    {
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
    }

    @AfterAll
    static void tearDown()
    {
        basin.close();
    }

    @Test
    void testMemoryLimitFailsQueryAndSessionKeepsWorking()
    {
        try (BasinSession session = basin.newSession()) {
            session.execute("SET query_max_memory = '2MB'");
            // 150,000 distinct keys with their aggregation state need far more than 2 MB
            assertThatThrownBy(() -> session.execute("SELECT o_orderkey, count(*) FROM tpch.sf0_1.orders GROUP BY o_orderkey"))
                    .isInstanceOfSatisfying(BasinException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("53200");
                        assertThat(e.getMessage()).contains("memory limit");
                    });
            // a query within the limit still runs in the same session
            assertThat(session.execute("SELECT count(*) FROM tpch.tiny.region").onlyValue()).isEqualTo(5L);
            session.execute("SET query_max_memory = '1GB'");
            assertThat(session.execute("SELECT count(*) FROM (SELECT o_orderkey FROM tpch.sf0_1.orders GROUP BY o_orderkey) t").onlyValue()).isEqualTo(150_000L);
        }
    }

    @Test
    void testExpressionCacheIsSharedByShape()
    {
        try (BasinSession session = basin.newSession()) {
            List<Object> before = cacheRow(session);
            // same shape (a comparison with a constant and a projection), different constants
            session.execute("SELECT n_name FROM tpch.tiny.nation WHERE n_nationkey + 17 > 20");
            List<Object> afterFirst = cacheRow(session);
            session.execute("SELECT n_name FROM tpch.tiny.nation WHERE n_nationkey + 3 > 11");
            List<Object> afterSecond = cacheRow(session);

            long hits = (Long) afterSecond.get(0) - (Long) afterFirst.get(0);
            long misses = (Long) afterSecond.get(1) - (Long) afterFirst.get(1);
            assertThat(hits).as("cache hits of the second query").isGreaterThanOrEqualTo(1);
            assertThat(misses).as("cache misses of the second query").isZero();
            assertThat((Long) afterFirst.get(1)).isGreaterThan((Long) before.get(1));
            double hitRate = (Double) afterSecond.get(2);
            assertThat(hitRate).isBetween(0.0, 1.0);
        }
    }

    private static List<Object> cacheRow(BasinSession session)
    {
        QueryResult result = session.execute("SELECT hits, misses, hit_rate FROM system.runtime.expression_cache");
        assertThat(result.rows()).hasSize(1);
        return result.rows().getFirst();
    }
}

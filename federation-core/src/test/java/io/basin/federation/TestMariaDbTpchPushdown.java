package io.basin.federation;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingMariaDbServer;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchMariaDbLoader;
import io.basin.testing.TpchPostgresLoader;
import io.basin.testing.TpchQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPC-H with every table in MariaDB (default case-insensitive collation), read through
 * {@code CREATE EXTERNAL SCHEMA ... FROM MYSQL}: each of the 22 queries must give PostgreSQL's
 * answer on the same generated data, with the parts MariaDB runs with Basin's semantics pushed
 * down. Also a query joining a MariaDB table, a PostgreSQL table and a Basin-local table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestMariaDbTpchPushdown
{
    private static final double SCALE_FACTOR = 0.1;

    private final TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
    private final TestingMariaDbServer mariadb = TestingMariaDbServer.shared();
    private QueryAssertions assertions;
    private Basin basin;
    private BasinSession session;

    @BeforeAll
    void setUp()
            throws Exception
    {
        String schema = TpchPostgresLoader.load(postgres, SCALE_FACTOR);
        String database = TpchMariaDbLoader.load(mariadb, SCALE_FACTOR);
        assertions = new QueryAssertions(postgres, schema);
        Path dataDirectory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "basin-tpch-mariadb-");
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
        session = basin.newSession();
        session.execute("CREATE EXTERNAL SCHEMA tpch_my FROM MYSQL DATABASE '%s' URI '127.0.0.1' PORT %s USER '%s' PASSWORD ''"
                .formatted(database, mariadb.port(), TestingMariaDbServer.USER));
        session.execute("CREATE EXTERNAL SCHEMA tpch_pg FROM POSTGRES DATABASE '%s' SCHEMA '%s' URI '127.0.0.1' PORT %s USER '%s' SSLMODE 'disable'"
                .formatted(TestingPostgreSqlServer.DATABASE, schema, postgres.getPort(), TestingPostgreSqlServer.USER));
        session.execute("SET search_path = tpch_my");
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        session.close();
        basin.close();
        assertions.close();
    }

    @ParameterizedTest
    @MethodSource("io.basin.testing.TpchQueries#queryNumbers")
    void queryMatchesPostgreSql(int number)
    {
        String sql = TpchQueries.query(number);
        assertions.assertQuery(session, sql);
        String plan = String.join("\n", session.execute("EXPLAIN " + sql).rows().stream().map(row -> (String) row.getFirst()).toList());
        assertThat(plan).as("plan of q%s:%n%s", number, plan).contains("RemoteQuery[dev.tpch_my, sql=SELECT");
    }

    @Test
    void mariaDbPostgreSqlAndLocalTablesJoin()
    {
        session.execute("CREATE TABLE public.local_nation AS SELECT n_nationkey, n_name, n_regionkey FROM tpch_pg.nation");
        try {
            // lineitem from MariaDB, orders and customer from PostgreSQL, nation from Basin's own storage
            String sql = """
                    SELECT n.n_name, count(*) AS items, sum(l.l_extendedprice * (1 - l.l_discount)) AS revenue
                    FROM tpch_my.lineitem l
                    JOIN tpch_pg.orders o ON o.o_orderkey = l.l_orderkey
                    JOIN tpch_pg.customer c ON c.c_custkey = o.o_custkey
                    JOIN public.local_nation n ON n.n_nationkey = c.c_nationkey
                    WHERE l.l_shipdate >= DATE '1995-01-01' AND o.o_orderpriority = '1-URGENT'
                    GROUP BY n.n_name
                    ORDER BY revenue DESC, n.n_name""";
            String oracleSql = sql.replace("tpch_my.", "").replace("tpch_pg.", "").replace("public.local_nation", "nation");
            assertions.assertQuery(session, sql, oracleSql);
            String plan = String.join("\n", session.execute("EXPLAIN " + sql).rows().stream().map(row -> (String) row.getFirst()).toList());
            assertThat(plan).as(plan).contains("RemoteQuery[dev.tpch_my, sql=SELECT").contains("RemoteQuery[dev.tpch_pg, sql=SELECT");
        }
        finally {
            session.execute("DROP TABLE public.local_nation");
        }
    }
}

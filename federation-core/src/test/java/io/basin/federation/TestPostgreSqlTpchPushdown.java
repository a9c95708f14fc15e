package io.basin.federation;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingPostgreSqlServer;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPC-H SF 0.1 with every table in PostgreSQL, read through an external schema: each of the 22
 * queries must give PostgreSQL's own answer, with the parts over the source pushed down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPostgreSqlTpchPushdown
{
    private static final double SCALE_FACTOR = 0.1;

    private final TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
    private QueryAssertions assertions;
    private Basin basin;
    private BasinSession session;

    @BeforeAll
    void setUp()
            throws Exception
    {
        String schema = TpchPostgresLoader.load(postgres, SCALE_FACTOR);
        assertions = new QueryAssertions(postgres, schema);
        Path dataDirectory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "basin-tpch-pg-");
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
        session = basin.newSession();
        session.execute("CREATE EXTERNAL SCHEMA tpch_pg FROM POSTGRES DATABASE '%s' SCHEMA '%s' URI '127.0.0.1' PORT %s USER '%s' SSLMODE 'disable'"
                .formatted(TestingPostgreSqlServer.DATABASE, schema, postgres.getPort(), TestingPostgreSqlServer.USER));
        session.execute("SET search_path = tpch_pg");
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        session.close();
        basin.close();
        assertions.close();
    }

    /**
     * {@code READ_PARALLELISM n} sets how many connections read one large table: with pushdown
     * off, lineitem (about 1,900 blocks at SF 0.1) is read by one statement, or by the default
     * four ctid ranges; the answers are PostgreSQL's either way.
     */
    @Test
    void readParallelismClauseSetsTheConnectionsPerTable()
    {
        session.execute("CREATE EXTERNAL SCHEMA tpch_pg_single FROM POSTGRES DATABASE '%s' SCHEMA '%s' URI '127.0.0.1' PORT %s USER '%s' SSLMODE 'disable' READ_PARALLELISM 1"
                .formatted(TestingPostgreSqlServer.DATABASE, TpchPostgresLoader.schemaName(SCALE_FACTOR), postgres.getPort(), TestingPostgreSqlServer.USER));
        session.execute("SET federated_pushdown = off");
        try {
            for (String schema : List.of("tpch_pg_single", "tpch_pg")) {
                long before = lineitemReads(schema);
                assertions.assertQuery(session, "SELECT count(*), sum(l_extendedprice) FROM %s.lineitem".formatted(schema), "SELECT count(*), sum(l_extendedprice) FROM lineitem");
                assertThat(lineitemReads(schema) - before).as("statements reading lineitem through %s", schema).isEqualTo(schema.equals("tpch_pg_single") ? 1 : 4);
            }
        }
        finally {
            session.execute("SET federated_pushdown = on");
            session.execute("DROP SCHEMA tpch_pg_single");
        }
    }

    private long lineitemReads(String source)
    {
        return (Long) session.execute("SELECT count(*) FROM system.runtime.remote_queries WHERE source = '%s' AND remote_sql LIKE '%%\"lineitem\"%%'".formatted(source)).rows().getFirst().getFirst();
    }

    @ParameterizedTest
    @MethodSource("io.basin.testing.TpchQueries#queryNumbers")
    void queryMatchesPostgreSql(int number)
    {
        String sql = TpchQueries.query(number);
        assertions.assertQuery(session, sql);
        String plan = String.join("\n", session.execute("EXPLAIN " + sql).rows().stream().map(row -> (String) row.getFirst()).toList());
        assertThat(plan).as("plan of q%s:%n%s", number, plan).contains("RemoteQuery[dev.tpch_pg, sql=SELECT");
    }
}

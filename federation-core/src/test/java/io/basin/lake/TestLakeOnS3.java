package io.basin.lake;

import io.basin.embedded.BasinSession;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingBasin;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import io.basin.testing.TpchQueries;
import io.trino.spi.TrinoException;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * A lake catalog whose warehouse is an S3 bucket (S3Proxy, started here) reached through Hadoop
 * S3A: TPC-H SF 0.01 written with CREATE TABLE AS, read back and compared with PostgreSQL; and
 * the errors of a wrong secret and a missing bucket.
 */
@TestInstance(PER_CLASS)
class TestLakeOnS3
{
    private static final double SCALE_FACTOR = 0.01;
    private static final String BUCKET = "warehouse";

    private TestingS3Proxy s3;
    private TestingBasin basin;
    private QueryAssertions assertions;

    @BeforeAll
    void setUp()
    {
        s3 = new TestingS3Proxy(java.util.List.of(BUCKET));
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        String schema = TpchPostgresLoader.load(postgres, SCALE_FACTOR);
        assertions = new QueryAssertions(postgres, schema);
        basin = new TestingBasin();
        basin.basin().engine().connectors().createCatalog("s3lake", "iceberg", properties(BUCKET, TestingS3Proxy.SECRET_KEY, "s3lake"));
        BasinSession session = basin.session();
        session.execute("CREATE SCHEMA s3lake." + schema);
        for (TpchTable<?> table : TpchTable.getTables()) {
            String name = table.getTableName();
            session.execute("CREATE TABLE s3lake.%s.%s AS SELECT * FROM tpch.%s.%s".formatted(schema, name, schema, name));
        }
        session.execute("SET search_path = \"s3lake.%s\"".formatted(schema));
    }

    private Map<String, String> properties(String bucket, String secret, String name)
    {
        return Map.of(
                "iceberg.catalog.type", "jdbc",
                "iceberg.catalog.uri", "jdbc:sqlite:" + basin.dataDirectory().resolve(name + ".db"),
                "iceberg.warehouse", "s3a://%s/wh".formatted(bucket),
                "s3.endpoint", s3.endpoint(),
                "s3.region", "us-east-1",
                "s3.path-style-access", "true",
                "s3.access-key", TestingS3Proxy.ACCESS_KEY,
                "s3.secret-key", secret);
    }

    @AfterAll
    void tearDown()
            throws SQLException, IOException, InterruptedException
    {
        if (assertions != null) {
            assertions.close();
        }
        if (basin != null) {
            basin.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void testQueriesOverTablesInTheBucket()
    {
        for (TpchTable<?> table : TpchTable.getTables()) {
            assertions.assertQuery(basin.session(), "SELECT count(*) FROM " + table.getTableName());
        }
        for (int query : new int[] {1, 3, 5, 6, 10, 12, 14, 19}) {
            assertions.assertQuery(basin.session(), TpchQueries.query(query));
        }
        assertions.assertQuery(basin.session(), "SELECT * FROM orders WHERE o_orderkey BETWEEN 1000 AND 1100");
    }

    @Test
    void testInsertAddsRows()
    {
        BasinSession session = basin.session();
        session.execute("CREATE TABLE s3lake_copy AS SELECT * FROM nation WHERE n_regionkey = 1");
        session.execute("INSERT INTO s3lake_copy SELECT * FROM nation WHERE n_regionkey = 2");
        assertions.assertQuery(session, "SELECT * FROM s3lake_copy", "SELECT * FROM nation WHERE n_regionkey IN (1, 2)");
    }

    @Test
    void testWrongSecretAndMissingBucketAreClearErrors()
    {
        BasinSession session = basin.session();
        basin.basin().engine().connectors().createCatalog("badsecret", "iceberg", properties(BUCKET, "not-the-secret", "badsecret"));
        session.execute("CREATE SCHEMA badsecret.s");
        assertThatThrownBy(() -> session.execute("CREATE TABLE badsecret.s.t AS SELECT 1 AS x"))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("s3a://" + BUCKET)
                .hasMessageContaining("403")
                .hasMessageNotContaining("not-the-secret");
        basin.basin().engine().connectors().createCatalog("nobucket", "iceberg", properties("no-such-bucket", TestingS3Proxy.SECRET_KEY, "nobucket"));
        session.execute("CREATE SCHEMA nobucket.s");
        assertThatThrownBy(() -> session.execute("CREATE TABLE nobucket.s.t AS SELECT 1 AS x"))
                .isInstanceOf(TrinoException.class)
                .hasMessageContaining("no-such-bucket");
        // nothing half-made: neither table exists, and the server still answers
        assertThat(session.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('badsecret.s', 'nobucket.s')").onlyValue()).isEqualTo(0L);
        assertions.assertQuery(session, "SELECT count(*) FROM region");
    }

    @Test
    void testNothingIsWrittenLocally()
            throws IOException
    {
        try (Stream<Path> files = Files.walk(basin.dataDirectory())) {
            assertThat(files.filter(file -> file.toString().endsWith(".parquet"))).isEmpty();
        }
    }
}

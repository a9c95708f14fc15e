package io.basin.lake;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.error.BasinException;
import io.basin.testing.QueryAssertions;
import io.basin.testing.TestingCertificate;
import io.basin.testing.TestingPostgreSqlServer;
import io.basin.testing.TpchPostgresLoader;
import io.basin.testing.TpchQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/**
 * Remote scan workers over TLS: a worker JVM started with {@code --tls-certificate} and
 * {@code --tls-key} (a self-signed certificate made for the test) answers a server that trusts
 * that certificate ({@code spectrum.tls-trusted-certificates}), with TPC-H answers equal to
 * PostgreSQL's; a server that does not trust it, or does not speak TLS, gets no answer from it
 * (SQLSTATE 08001), nor does a TLS server from a plain-text worker.
 */
@TestInstance(PER_CLASS)
class TestLakeRemoteWorkersTls
{
    private static final double SCALE_FACTOR = 0.01;

    private Path dataDirectory;
    private String schema;
    private QueryAssertions assertions;
    private TestingCertificate workerCertificate;
    private TestingCertificate otherCertificate;
    private TestingScanWorker tlsWorker;
    private TestingScanWorker plainWorker;

    @BeforeAll
    void setUp()
            throws Exception
    {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.shared();
        schema = TpchPostgresLoader.load(postgres, SCALE_FACTOR);
        assertions = new QueryAssertions(postgres, schema);
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Files.createDirectories(temporary);
        dataDirectory = Files.createTempDirectory(temporary, "basin-tls-workers-");
        withBasin(BasinConfig.defaults().withDataDirectory(dataDirectory), session -> {
            session.execute("CREATE SCHEMA lake." + schema);
            for (String table : List.of("lineitem", "orders", "customer")) {
                session.execute("CREATE TABLE lake.%s.%s AS SELECT * FROM tpch.%s.%s".formatted(schema, table, schema, table));
            }
        });
        workerCertificate = TestingCertificate.selfSigned(dataDirectory.resolve("tls"), "worker");
        otherCertificate = TestingCertificate.selfSigned(dataDirectory.resolve("tls"), "other");
        tlsWorker = TestingScanWorker.withTls(workerCertificate.certificatePem(), workerCertificate.privateKeyPem());
        plainWorker = TestingScanWorker.start();
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        for (TestingScanWorker worker : new TestingScanWorker[] {tlsWorker, plainWorker}) {
            if (worker != null) {
                worker.close();
            }
        }
        if (assertions != null) {
            assertions.close();
        }
        io.basin.testing.TestingDirectories.deleteRecursively(dataDirectory);
    }

    @Test
    void testScansOverTls()
    {
        BasinConfig config = BasinConfig.defaults().withDataDirectory(dataDirectory)
                .withSpectrumWorkers(List.of(tlsWorker.address()), false)
                .withSpectrumTls(workerCertificate.certificatePem());
        withBasin(config, session -> {
            session.execute("SET search_path = \"lake.%s\"".formatted(schema));
            assertions.assertQuery(session, TpchQueries.query(1));
            assertions.assertQuery(session, TpchQueries.query(3));
            assertions.assertQuery(session, "SELECT o_orderpriority, count(*), avg(o_totalprice) FROM orders GROUP BY o_orderpriority");
            assertions.assertQuery(session, "SELECT l_orderkey, l_comment FROM lineitem WHERE l_partkey < 50");
            List<Object> worker = session.execute("SELECT state, tasks_finished, failures FROM system.runtime.scan_workers WHERE worker = '%s'".formatted(tlsWorker.address())).rows().getFirst();
            assertThat(worker.get(0)).isEqualTo("up");
            assertThat((Long) worker.get(1)).isPositive();
            assertThat(worker.get(2)).isEqualTo(0L);
        });
    }

    @Test
    void testNoAnswerWithoutTrust()
    {
        // a certificate the worker's does not lead to
        assertNoWorkerAnswers(BasinConfig.defaults().withDataDirectory(dataDirectory)
                .withSpectrumWorkers(List.of(tlsWorker.address()), false)
                .withSpectrumTls(otherCertificate.certificatePem()), tlsWorker.address());
        // plain text to a TLS worker
        assertNoWorkerAnswers(BasinConfig.defaults().withDataDirectory(dataDirectory)
                .withSpectrumWorkers(List.of(tlsWorker.address()), false), tlsWorker.address());
        // TLS to a plain-text worker
        assertNoWorkerAnswers(BasinConfig.defaults().withDataDirectory(dataDirectory)
                .withSpectrumWorkers(List.of(plainWorker.address()), false)
                .withSpectrumTls(workerCertificate.certificatePem()), plainWorker.address());
    }

    @Test
    void testTrustedCertificatesThatAreNoCertificatesAreRefused()
            throws Exception
    {
        Path garbage = dataDirectory.resolve("tls").resolve("garbage.pem");
        Files.writeString(garbage, "not a certificate\n");
        BasinConfig config = BasinConfig.defaults().withDataDirectory(dataDirectory)
                .withSpectrumWorkers(List.of(tlsWorker.address()), false)
                .withSpectrumTls(garbage);
        assertThatThrownBy(() -> withBasin(config, _ -> {}))
                .hasMessageContaining("spectrum.tls-trusted-certificates")
                .hasMessageContaining(garbage.toString());
    }

    private void assertNoWorkerAnswers(BasinConfig config, String address)
    {
        withBasin(config, session -> {
            session.execute("SET search_path = \"lake.%s\"".formatted(schema));
            assertThatThrownBy(() -> session.execute("SELECT count(*), sum(l_quantity) FROM lineitem WHERE l_discount > 0.05"))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("08001"))
                    .hasMessageContaining("no scan worker answers (" + address + ")")
                    // with the reason the worker did not answer
                    .hasMessageContaining("[" + address + ": ");
            // the engine stays up
            assertThat(session.execute("SELECT count(*) FROM tpch.%s.region".formatted(schema)).onlyValue()).isEqualTo(5L);
        });
    }

    private static void withBasin(BasinConfig config, Consumer<BasinSession> action)
    {
        try (Basin basin = Basin.open(config); BasinSession session = basin.newSession()) {
            action.accept(session);
        }
    }
}

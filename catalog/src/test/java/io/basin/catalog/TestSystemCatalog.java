package io.basin.catalog;

import io.basin.catalog.password.PasswordVerifiers;
import io.basin.catalog.user.CatalogUser;
import io.basin.catalog.user.UserAttributes;
import io.basin.catalog.user.UserCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TestSystemCatalog
{
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataDirectory;

    @Test
    void testNewCatalogHasBootstrapUser()
    {
        try (SystemCatalog catalog = SystemCatalog.open(dataDirectory)) {
            assertThat(dataDirectory.resolve(SystemCatalog.FILE_NAME)).exists();
            CatalogUser basin = catalog.users().find("basin").orElseThrow();
            assertThat(basin.id()).isEqualTo(UserCatalog.BOOTSTRAP_USER_ID);
            assertThat(basin.isBootstrapUser()).isTrue();
            assertThat(basin.attributes().superuser()).isTrue();
            assertThat(basin.attributes().canLogin()).isTrue();
            assertThat(basin.attributes().password().isEmpty()).isTrue();
            assertThat(catalog.users().list()).containsExactly(basin);
            assertThat(catalog.mockAuthenticationSecret()).hasSize(32);
        }
    }

    @Test
    void testPersistsAcrossReopen()
    {
        byte[] secret;
        String catalogId;
        CatalogUser alice;
        try (SystemCatalog catalog = SystemCatalog.open(dataDirectory)) {
            secret = catalog.mockAuthenticationSecret();
            catalogId = catalog.catalogId();
            alice = catalog.users().create("alice", UserAttributes.NEW_USER
                    .withCreateDatabase(true)
                    .withPassword(PasswordVerifiers.forPassword("alice", "s3cret", RANDOM))
                    .withPasswordValidUntil(Optional.of(Instant.parse("2030-01-02T03:04:05.123456Z")))
                    .withConnectionLimit(OptionalInt.of(5)));
        }
        try (SystemCatalog catalog = SystemCatalog.open(dataDirectory)) {
            assertThat(catalog.mockAuthenticationSecret()).isEqualTo(secret);
            assertThat(catalog.catalogId()).isEqualTo(catalogId);
            CatalogUser reread = catalog.users().find("alice").orElseThrow();
            assertThat(reread).isEqualTo(alice);
            assertThat(reread.attributes().password().verifyPassword("alice", "s3cret")).isTrue();
            assertThat(catalog.users().find(alice.id())).contains(alice);
            // the migration ran once: still one bootstrap user and one schema version row
            assertThat(catalog.users().list()).extracting(CatalogUser::name).containsExactly("basin", "alice");
            assertThat(catalog.store().schemaVersion()).isEqualTo(SystemCatalogSchema.MIGRATIONS.size());
        }
        // another data directory is another catalog
        try (SystemCatalog other = SystemCatalog.open(dataDirectory.resolve("other"))) {
            assertThat(other.mockAuthenticationSecret()).isNotEqualTo(secret);
            assertThat(other.users().find("alice")).isEmpty();
        }
    }

    @Test
    void testConcurrentUse()
            throws Exception
    {
        int threads = 8;
        int usersPerThread = 10;
        try (SystemCatalog catalog = SystemCatalog.open(dataDirectory)) {
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
                List<Future<?>> futures = new ArrayList<>();
                for (int thread = 0; thread < threads; thread++) {
                    int t = thread;
                    futures.add(executor.submit(() -> {
                        start.await();
                        for (int i = 0; i < usersPerThread; i++) {
                            String name = "user_%s_%s".formatted(t, i);
                            catalog.users().create(name, UserAttributes.NEW_USER);
                            // everyone bumps the same user's connection limit: read-modify-write in one transaction
                            catalog.users().alter("shared", attributes -> attributes.withConnectionLimit(OptionalInt.of(attributes.connectionLimit().orElse(0) + 1)));
                            if (catalog.users().find(name).isEmpty()) {
                                failures.add("not found after create: " + name);
                            }
                            catalog.users().list();
                        }
                        return null;
                    }));
                }
                catalog.users().create("shared", UserAttributes.NEW_USER);
                start.countDown();
                for (Future<?> future : futures) {
                    future.get();
                }
                assertThat(failures).isEmpty();
            }
            finally {
                executor.shutdownNow();
            }
            List<CatalogUser> users = catalog.users().list();
            assertThat(users).hasSize(2 + threads * usersPerThread);
            assertThat(users).extracting(CatalogUser::id).doesNotHaveDuplicates();
            assertThat(catalog.users().find("shared").orElseThrow().attributes().connectionLimit()).hasValue(threads * usersPerThread);
        }
    }

    @Test
    void testTwoCatalogsOnOneDirectory()
    {
        // two processes (a server and `basin sql`) on one data directory, here two instances in one JVM
        try (SystemCatalog first = SystemCatalog.open(dataDirectory);
                SystemCatalog second = SystemCatalog.open(dataDirectory)) {
            first.users().create("alice", UserAttributes.NEW_USER);
            assertThat(second.users().find("alice")).isPresent();
            second.users().drop(List.of("alice"), false);
            assertThat(first.users().find("alice")).isEmpty();
            assertThat(first.mockAuthenticationSecret()).isEqualTo(second.mockAuthenticationSecret());
        }
    }
}

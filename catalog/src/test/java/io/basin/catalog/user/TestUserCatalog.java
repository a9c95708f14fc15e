package io.basin.catalog.user;

import io.basin.catalog.CatalogErrorCode;
import io.basin.catalog.CatalogException;
import io.basin.catalog.SystemCatalog;
import io.basin.catalog.password.Md5PasswordHash;
import io.basin.catalog.password.PasswordVerifiers;
import io.basin.catalog.store.ObjectIdSequence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestUserCatalog
{
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataDirectory;

    private SystemCatalog catalog;
    private UserCatalog users;

    @BeforeEach
    void setUp()
    {
        catalog = SystemCatalog.open(dataDirectory);
        users = catalog.users();
    }

    @AfterEach
    void tearDown()
    {
        catalog.close();
    }

    @Test
    void testCreate()
    {
        CatalogUser alice = users.create("alice", UserAttributes.NEW_USER);
        CatalogUser bob = users.create("Bob", UserAttributes.NEW_USER.withSuperuser(true));
        assertThat(alice.id()).isEqualTo(ObjectIdSequence.FIRST_ID);
        assertThat(bob.id()).isEqualTo(ObjectIdSequence.FIRST_ID + 1);
        assertThat(users.find("Bob").orElseThrow().attributes().superuser()).isTrue();
        // names are exact: folding unquoted identifiers is the SQL layer's business
        assertThat(users.find("bob")).isEmpty();
        assertThat(users.list()).extracting(CatalogUser::name).containsExactly("basin", "alice", "Bob");
    }

    @Test
    void testDuplicate()
    {
        users.create("alice", UserAttributes.NEW_USER);
        assertThatThrownBy(() -> users.create("alice", UserAttributes.NEW_USER.withSuperuser(true)))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(CatalogErrorCode.DUPLICATE_OBJECT);
                    assertThat(e.sqlState()).isEqualTo("42710");
                })
                .hasMessage("role \"alice\" already exists");
        assertThatThrownBy(() -> users.create("basin", UserAttributes.NEW_USER))
                .hasMessage("role \"basin\" already exists");
        assertThat(users.find("alice").orElseThrow().attributes().superuser()).isFalse();
    }

    @Test
    void testNames()
    {
        assertNameRefused("", CatalogErrorCode.INVALID_NAME, "zero-length role name");
        assertNameRefused("x".repeat(128), CatalogErrorCode.INVALID_NAME, "role name is too long: 128 bytes, at most 127");
        assertNameRefused("public", CatalogErrorCode.RESERVED_NAME, "role name \"public\" is reserved");
        assertNameRefused("pg_monitor", CatalogErrorCode.RESERVED_NAME, "role name \"pg_monitor\" is reserved: role names starting with \"pg_\" are reserved");
        assertThat(users.create("x".repeat(127), UserAttributes.NEW_USER).name()).hasSize(127);
        assertThat(users.create("PG_upper", UserAttributes.NEW_USER).name()).isEqualTo("PG_upper");
        assertThat(users.create("with space \"and quote\"", UserAttributes.NEW_USER).name()).isEqualTo("with space \"and quote\"");
    }

    private void assertNameRefused(String name, CatalogErrorCode code, String message)
    {
        assertThatThrownBy(() -> users.create(name, UserAttributes.NEW_USER))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    @Test
    void testAlter()
    {
        users.create("alice", UserAttributes.NEW_USER);
        Instant until = Instant.parse("2031-05-06T07:08:09Z");
        CatalogUser altered = users.alter("alice", attributes -> attributes
                .withCreateDatabase(true)
                .withPassword(PasswordVerifiers.forPassword("alice", "s3cret", RANDOM))
                .withPasswordValidUntil(Optional.of(until))
                .withConnectionLimit(OptionalInt.of(3)));
        CatalogUser reread = users.find("alice").orElseThrow();
        assertThat(reread).isEqualTo(altered);
        assertThat(reread.attributes().createDatabase()).isTrue();
        assertThat(reread.attributes().passwordValidUntil()).contains(until);
        assertThat(reread.attributes().passwordExpiredAt(until)).isFalse();
        assertThat(reread.attributes().passwordExpiredAt(until.plusNanos(1000))).isTrue();
        assertThat(reread.attributes().connectionLimit()).hasValue(3);
        users.alter("alice", attributes -> attributes.withPassword(PasswordVerifiers.NONE).withConnectionLimit(OptionalInt.empty()).withPasswordValidUntil(Optional.empty()));
        reread = users.find("alice").orElseThrow();
        assertThat(reread.attributes()).isEqualTo(UserAttributes.NEW_USER.withCreateDatabase(true));

        assertThatThrownBy(() -> users.alter("nobody", attributes -> attributes))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.sqlState()).isEqualTo("42704"))
                .hasMessage("role \"nobody\" does not exist");
    }

    @Test
    void testBootstrapUserStaysSuperuser()
    {
        assertThatThrownBy(() -> users.alter("basin", attributes -> attributes.withSuperuser(false)))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"))
                .hasMessageContaining("bootstrap superuser must have the SUPERUSER attribute");
        // other changes to the bootstrap user are allowed
        users.alter("basin", attributes -> attributes.withPassword(PasswordVerifiers.forPassword("basin", "pw", RANDOM)));
        assertThat(users.find("basin").orElseThrow().attributes().superuser()).isTrue();
    }

    @Test
    void testRenameClearsMd5()
    {
        CatalogUser alice = users.create("alice", UserAttributes.NEW_USER.withPassword(PasswordVerifiers.forPassword("alice", "s3cret", RANDOM)));
        CatalogUser renamed = users.rename("alice", "carol");
        assertThat(renamed.id()).isEqualTo(alice.id());
        assertThat(users.find("alice")).isEmpty();
        CatalogUser carol = users.find("carol").orElseThrow();
        assertThat(carol).isEqualTo(renamed);
        assertThat(carol.attributes().password().md5()).isEmpty();
        // the SCRAM verifier does not depend on the name and still works
        assertThat(carol.attributes().password().scram()).isEqualTo(alice.attributes().password().scram());
        assertThat(carol.attributes().password().verifyPassword("carol", "s3cret")).isTrue();

        // a user whose only password was md5 has none after a rename
        users.create("dave", UserAttributes.NEW_USER.withPassword(PasswordVerifiers.fromSqlLiteral("dave", Md5PasswordHash.of("dave", "pw").encoded(), RANDOM)));
        assertThat(users.rename("dave", "erin").attributes().password().isEmpty()).isTrue();
        assertThat(users.find("erin").orElseThrow().attributes().password().isEmpty()).isTrue();

        assertThatThrownBy(() -> users.rename("carol", "erin")).hasMessage("role \"erin\" already exists");
        assertThatThrownBy(() -> users.rename("nobody", "frank")).hasMessage("role \"nobody\" does not exist");
        assertThatThrownBy(() -> users.rename("carol", "public")).hasMessage("role name \"public\" is reserved");
    }

    @Test
    void testDrop()
    {
        users.create("alice", UserAttributes.NEW_USER);
        users.create("bob", UserAttributes.NEW_USER);
        users.create("carol", UserAttributes.NEW_USER);
        // all or none: a missing user fails the whole statement
        assertThatThrownBy(() -> users.drop(List.of("alice", "nobody"), false))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.UNDEFINED_OBJECT))
                .hasMessage("role \"nobody\" does not exist");
        assertThat(users.find("alice")).isPresent();
        assertThat(users.drop(List.of("alice", "nobody", "bob"), true)).extracting(CatalogUser::name).containsExactly("alice", "bob");
        assertThat(users.list()).extracting(CatalogUser::name).containsExactly("basin", "carol");
        assertThat(users.drop(List.of("nobody"), true)).isEmpty();

        assertThatThrownBy(() -> users.drop(List.of("carol", "basin"), false))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.sqlState()).isEqualTo("2BP01"))
                .hasMessage("cannot drop role basin because it is required by the database system");
        assertThat(users.find("carol")).isPresent();

        // ids are not reused after a drop
        long carolId = users.find("carol").orElseThrow().id();
        users.drop(List.of("carol"), false);
        assertThat(users.create("carol", UserAttributes.NEW_USER).id()).isGreaterThan(carolId);
    }

    @Test
    void testBootstrapUserIsFoundAfterRename()
    {
        users.rename("basin", "admin");
        CatalogUser admin = users.find(UserCatalog.BOOTSTRAP_USER_ID).orElseThrow();
        assertThat(admin.name()).isEqualTo("admin");
        assertThat(admin.isBootstrapUser()).isTrue();
        assertThatThrownBy(() -> users.drop(List.of("admin"), false)).hasMessageContaining("required by the database system");
    }
}

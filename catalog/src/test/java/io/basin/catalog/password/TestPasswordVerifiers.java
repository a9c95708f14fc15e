package io.basin.catalog.password;

import io.basin.catalog.CatalogErrorCode;
import io.basin.catalog.CatalogException;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPasswordVerifiers
{
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void testPlainPasswordGetsBothForms()
    {
        PasswordVerifiers verifiers = PasswordVerifiers.fromSqlLiteral("alice", "s3cret", RANDOM);
        assertThat(verifiers.scram()).isPresent();
        assertThat(verifiers.md5()).contains(Md5PasswordHash.of("alice", "s3cret"));
        assertThat(verifiers.scram().orElseThrow().verifyPassword("s3cret")).isTrue();
        assertThat(verifiers.verifyPassword("alice", "s3cret")).isTrue();
        assertThat(verifiers.verifyPassword("alice", "wrong")).isFalse();
        assertThat(verifiers.verifyPassword("alice", "")).isFalse();
    }

    @Test
    void testStoredFormsAreKept()
    {
        Md5PasswordHash md5 = Md5PasswordHash.of("alice", "s3cret");
        PasswordVerifiers fromMd5 = PasswordVerifiers.fromSqlLiteral("alice", md5.encoded(), RANDOM);
        assertThat(fromMd5.scram()).isEmpty();
        assertThat(fromMd5.md5()).contains(md5);
        assertThat(fromMd5.verifyPassword("alice", "s3cret")).isTrue();

        ScramSha256Verifier scram = ScramSha256Verifier.create("s3cret", RANDOM);
        PasswordVerifiers fromScram = PasswordVerifiers.fromSqlLiteral("alice", scram.encoded(), RANDOM);
        assertThat(fromScram.scram()).contains(scram);
        assertThat(fromScram.md5()).isEmpty();
        assertThat(fromScram.verifyPassword("alice", "s3cret")).isTrue();
    }

    @Test
    void testRedshiftSha256Forms()
    {
        PasswordVerifiers verifiers = PasswordVerifiers.fromSqlLiteral("alice", "sha256|Mypassword1", RANDOM);
        assertThat(verifiers.verifyPassword("alice", "Mypassword1")).isTrue();
        assertThat(verifiers.md5()).contains(Md5PasswordHash.of("alice", "Mypassword1"));
        assertThatThrownBy(() -> PasswordVerifiers.fromSqlLiteral("alice", "sha256|0a1b2c|salt", RANDOM))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"))
                .hasMessageStartingWith("a password given as 'sha256|<digest>|<salt>' is not supported");
        assertThatThrownBy(() -> PasswordVerifiers.fromSqlLiteral("alice", "sha256|", RANDOM))
                .hasMessage("empty string is not a valid password");
    }

    @Test
    void testRefusedLiterals()
    {
        assertThatThrownBy(() -> PasswordVerifiers.fromSqlLiteral("alice", "", RANDOM))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.INVALID_PARAMETER_VALUE))
                .hasMessage("empty string is not a valid password");
        String damaged = ScramSha256Verifier.create("s3cret", RANDOM).encoded().replace("$4096:", "$4096;");
        assertThatThrownBy(() -> PasswordVerifiers.fromSqlLiteral("alice", damaged, RANDOM))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.sqlState()).isEqualTo("22023"))
                .hasMessageStartingWith("invalid SCRAM-SHA-256 verifier")
                .message().doesNotContain(damaged.substring(20));
    }

    @Test
    void testWithoutMd5()
    {
        PasswordVerifiers verifiers = PasswordVerifiers.forPassword("alice", "s3cret", RANDOM).withoutMd5();
        assertThat(verifiers.md5()).isEmpty();
        assertThat(verifiers.verifyPassword("alice", "s3cret")).isTrue();
        assertThat(PasswordVerifiers.fromSqlLiteral("alice", Md5PasswordHash.of("alice", "x").encoded(), RANDOM).withoutMd5().isEmpty()).isTrue();
        assertThat(PasswordVerifiers.NONE.verifyPassword("alice", "s3cret")).isFalse();
    }

    @Test
    void testToStringHidesEverything()
    {
        PasswordVerifiers verifiers = PasswordVerifiers.forPassword("alice", "s3cret", RANDOM);
        assertThat(verifiers.toString()).isEqualTo("PasswordVerifiers[scram=***, md5=***]");
        assertThat(PasswordVerifiers.NONE.toString()).isEqualTo("PasswordVerifiers[scram=none, md5=none]");
    }
}

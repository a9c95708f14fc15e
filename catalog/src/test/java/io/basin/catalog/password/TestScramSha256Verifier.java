package io.basin.catalog.password;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class TestScramSha256Verifier
{
    // RFC 7677 section 3: user "user", password "pencil"
    private static final String RFC_SALT = "W22ZaJ0SNY7soEsUEjb6gQ==";
    private static final String RFC_AUTH_MESSAGE = "n=user,r=rOprNGfwEbeRWgbNEkqO"
            + ",r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
            + ",c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String RFC_CLIENT_PROOF = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String RFC_SERVER_SIGNATURE = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    @Test
    void testRfc7677Vector()
    {
        ScramSha256Verifier verifier = ScramSha256Verifier.create("pencil", Base64.getDecoder().decode(RFC_SALT), 4096);
        byte[] authMessage = RFC_AUTH_MESSAGE.getBytes(UTF_8);
        // the server signature the RFC's server sends comes from ServerKey
        assertThat(Base64.getEncoder().encodeToString(ScramSha256.hmac(verifier.serverKey(), authMessage))).isEqualTo(RFC_SERVER_SIGNATURE);
        // the RFC client's proof recovers a ClientKey whose hash is StoredKey
        byte[] proof = Base64.getDecoder().decode(RFC_CLIENT_PROOF);
        byte[] signature = ScramSha256.hmac(verifier.storedKey(), authMessage);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ signature[i]);
        }
        assertThat(ScramSha256.sha256(clientKey)).isEqualTo(verifier.storedKey());
    }

    @Test
    void testEncodedFormRoundTrip()
    {
        ScramSha256Verifier verifier = ScramSha256Verifier.create("pencil", new SecureRandom());
        String encoded = verifier.encoded();
        assertThat(encoded).matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=");
        ScramSha256Verifier parsed = ScramSha256Verifier.parse(encoded).orElseThrow();
        assertThat(parsed).isEqualTo(verifier);
        assertThat(parsed.salt()).hasSize(16);
        assertThat(parsed.verifyPassword("pencil")).isTrue();
        assertThat(parsed.verifyPassword("pencil ")).isFalse();
        assertThat(parsed.verifyPassword("Pencil")).isFalse();
    }

    @Test
    void testSaltsAreRandom()
    {
        SecureRandom random = new SecureRandom();
        ScramSha256Verifier first = ScramSha256Verifier.create("pencil", random);
        ScramSha256Verifier second = ScramSha256Verifier.create("pencil", random);
        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.storedKey()).isNotEqualTo(second.storedKey());
    }

    @Test
    void testNonAsciiPasswordIsPrepared()
    {
        byte[] salt = new byte[16];
        // the ligature and the soft hyphen go away in SASLprep, so both spellings are the same password
        ScramSha256Verifier verifier = ScramSha256Verifier.create("\uFB01sh\u00AD", salt, 4096);
        assertThat(verifier.verifyPassword("fish")).isTrue();
        assertThat(verifier).isEqualTo(ScramSha256Verifier.create("fish", salt, 4096));
        assertThat(verifier.verifyPassword("fis")).isFalse();
    }

    @Test
    void testParseRejectsMalformed()
    {
        String good = ScramSha256Verifier.create("pencil", new SecureRandom()).encoded();
        assertThat(ScramSha256Verifier.parse(good)).isPresent();
        assertThat(ScramSha256Verifier.parse(good.replace("SCRAM-SHA-256", "SCRAM-SHA-1"))).isEmpty();
        assertThat(ScramSha256Verifier.parse(good.replace("$4096:", "$0:"))).isEmpty();
        assertThat(ScramSha256Verifier.parse(good.replace("$4096:", "$x:"))).isEmpty();
        assertThat(ScramSha256Verifier.parse(good.substring(0, good.length() - 4) + "====")).isEmpty();
        assertThat(ScramSha256Verifier.parse(good + "AAAA")).isEmpty();
        assertThat(ScramSha256Verifier.parse(good.substring(0, good.indexOf(':', 20)))).isEmpty();
        assertThat(ScramSha256Verifier.parse("pencil")).isEmpty();
    }

    @Test
    void testToStringHidesKeys()
    {
        ScramSha256Verifier verifier = ScramSha256Verifier.create("pencil", new SecureRandom());
        String encoded = verifier.encoded();
        String storedKey = encoded.substring(encoded.lastIndexOf('$') + 1, encoded.lastIndexOf(':'));
        String serverKey = encoded.substring(encoded.lastIndexOf(':') + 1);
        assertThat(verifier.toString())
                .isEqualTo("ScramSha256Verifier[iterations=4096, keys=***]")
                .doesNotContain(storedKey)
                .doesNotContain(serverKey);
    }
}

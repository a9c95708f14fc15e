package io.basin.catalog.password;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class TestMd5PasswordHash
{
    @Test
    void testHashMatchesIndependentComputation()
            throws Exception
    {
        assertThat(Md5PasswordHash.of("alice", "s3cret").encoded()).isEqualTo("md5" + md5Hex("s3cret" + "alice"));
        // UTF-8 for non-ASCII names and passwords, as clients on UTF8 databases send them
        assertThat(Md5PasswordHash.of("jörg", "pässwörd").encoded()).isEqualTo("md5" + md5Hex("pässwörd" + "jörg"));
    }

    @Test
    void testChallengeResponse()
            throws Exception
    {
        Md5PasswordHash hash = Md5PasswordHash.of("alice", "s3cret");
        byte[] salt = {0x01, (byte) 0xFE, 0x7F, (byte) 0x80};
        // the client's computation, written out: md5(hex(md5(password + user)) + salt)
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(md5Hex("s3cret" + "alice").getBytes(UTF_8));
        md5.update(salt);
        String response = "md5" + hex(md5.digest());
        assertThat(hash.verifyChallengeResponse(salt, response.getBytes(UTF_8))).isTrue();
        assertThat(hash.verifyChallengeResponse(new byte[] {1, 2, 3, 4}, response.getBytes(UTF_8))).isFalse();
        assertThat(hash.verifyChallengeResponse(salt, ("md5" + md5Hex("s3cret" + "alice")).getBytes(UTF_8))).isFalse();
        assertThat(hash.verifyChallengeResponse(salt, new byte[0])).isFalse();
    }

    @Test
    void testVerifyPassword()
    {
        Md5PasswordHash hash = Md5PasswordHash.of("alice", "s3cret");
        assertThat(hash.verifyPassword("alice", "s3cret")).isTrue();
        assertThat(hash.verifyPassword("bob", "s3cret")).isFalse();
        assertThat(hash.verifyPassword("alice", "s3cret2")).isFalse();
    }

    @Test
    void testParse()
            throws Exception
    {
        String encoded = "md5" + md5Hex("x");
        assertThat(Md5PasswordHash.parse(encoded).orElseThrow().encoded()).isEqualTo(encoded);
        // PostgreSQL's rule: exactly md5 + 32 lower-case hex digits, else it is a plain password
        assertThat(Md5PasswordHash.parse(encoded.toUpperCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(Md5PasswordHash.parse("md5" + md5Hex("x").toUpperCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(Md5PasswordHash.parse(encoded + "0")).isEmpty();
        assertThat(Md5PasswordHash.parse(encoded.substring(0, 34))).isEmpty();
        assertThat(Md5PasswordHash.parse("md5" + "g".repeat(32))).isEmpty();
    }

    @Test
    void testToStringHidesHash()
    {
        Md5PasswordHash hash = Md5PasswordHash.of("alice", "s3cret");
        assertThat(hash.toString()).isEqualTo("Md5PasswordHash[***]").doesNotContain(hash.encoded().substring(3));
    }

    private static String md5Hex(String text)
            throws Exception
    {
        return hex(MessageDigest.getInstance("MD5").digest(text.getBytes(UTF_8)));
    }

    private static String hex(byte[] bytes)
    {
        StringBuilder builder = new StringBuilder();
        for (byte b : bytes) {
            builder.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return builder.toString();
    }
}

package io.basin.pgwire.auth;

import io.basin.catalog.password.ScramSha256;
import io.basin.catalog.password.ScramSha256Verifier;

import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The SCRAM verifier an exchange uses for a user that does not exist or has no usable SCRAM
 * verifier, so that the exchange looks the same from outside and then fails. Its salt is an HMAC
 * of the user name under the catalog's secret: the same user name always gets the same salt, across
 * connections and restarts, as a real user's salt would; without the secret it cannot be told from
 * a random one. (PostgreSQL does the same with a hash of a per-cluster nonce and the name.)
 */
final class MockScramVerifier
{
    private MockScramVerifier() {}

    static ScramSha256Verifier create(byte[] secret, String userName)
    {
        byte[] name = userName.getBytes(UTF_8);
        byte[] salt = Arrays.copyOf(ScramSha256.hmac(secret, concat("salt:", name)), ScramSha256.SALT_LENGTH);
        // the keys are never matched (the exchange is doomed), but must look like keys
        byte[] storedKey = ScramSha256.hmac(secret, concat("stored-key:", name));
        byte[] serverKey = ScramSha256.hmac(secret, concat("server-key:", name));
        return new ScramSha256Verifier(ScramSha256.DEFAULT_ITERATIONS, salt, storedKey, serverKey);
    }

    private static byte[] concat(String label, byte[] name)
    {
        byte[] prefix = label.getBytes(UTF_8);
        byte[] result = Arrays.copyOf(prefix, prefix.length + name.length);
        System.arraycopy(name, 0, result, prefix.length, name.length);
        return result;
    }
}

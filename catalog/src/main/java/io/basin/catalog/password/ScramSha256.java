package io.basin.catalog.password;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * The functions of SCRAM-SHA-256 (RFC 5802 section 3 with SHA-256, RFC 7677), shared by the
 * stored verifiers and the server side of the authentication exchange.
 */
public final class ScramSha256
{
    public static final String MECHANISM = "SCRAM-SHA-256";
    /** PostgreSQL's default ({@code scram_iterations}); RFC 7677 asks for at least 4096. */
    public static final int DEFAULT_ITERATIONS = 4096;
    /** PostgreSQL's salt length. */
    public static final int SALT_LENGTH = 16;
    public static final int KEY_LENGTH = 32;

    private static final byte[] CLIENT_KEY = "Client Key".getBytes(US_ASCII);
    private static final byte[] SERVER_KEY = "Server Key".getBytes(US_ASCII);

    private ScramSha256() {}

    /** {@code SaltedPassword := Hi(Normalize(password), salt, i)}, PBKDF2 with HMAC-SHA-256 and one block. */
    public static byte[] saltedPassword(byte[] normalizedPassword, byte[] salt, int iterations)
    {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        Mac mac = hmac(normalizedPassword);
        mac.update(salt);
        mac.update(new byte[] {0, 0, 0, 1});
        byte[] previous = mac.doFinal();
        byte[] result = previous.clone();
        for (int i = 1; i < iterations; i++) {
            previous = mac.doFinal(previous);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= previous[j];
            }
        }
        return result;
    }

    /** {@code ClientKey := HMAC(SaltedPassword, "Client Key")} */
    public static byte[] clientKey(byte[] saltedPassword)
    {
        return hmac(saltedPassword, CLIENT_KEY);
    }

    /** {@code ServerKey := HMAC(SaltedPassword, "Server Key")} */
    public static byte[] serverKey(byte[] saltedPassword)
    {
        return hmac(saltedPassword, SERVER_KEY);
    }

    /** {@code StoredKey := H(ClientKey)} */
    public static byte[] storedKey(byte[] clientKey)
    {
        return sha256(clientKey);
    }

    public static byte[] hmac(byte[] key, byte[] message)
    {
        return hmac(key).doFinal(message);
    }

    public static byte[] sha256(byte[] message)
    {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static Mac hmac(byte[] key)
    {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // SecretKeySpec refuses an empty key; HMAC pads keys with zeros, so one zero byte is the same key
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}

package io.basin.catalog.password;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * What the server stores to check a SCRAM-SHA-256 password without knowing it: the salt, the
 * iteration count, StoredKey and ServerKey. Its text form is PostgreSQL's
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64), so verifiers move
 * between Basin and PostgreSQL ({@code pg_authid.rolpassword}) unchanged.
 * <p>
 * A verifier is not a password, but it allows an offline guessing attack and, with ServerKey,
 * posing as the server; {@link #toString()} shows neither key.
 */
public final class ScramSha256Verifier
{
    public static final String PREFIX = ScramSha256.MECHANISM + "$";

    private static final Pattern FORMAT = Pattern.compile("SCRAM-SHA-256\\$(\\d{1,9}):([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)");

    private final int iterations;
    private final byte[] salt;
    private final byte[] storedKey;
    private final byte[] serverKey;

    public ScramSha256Verifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey)
    {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        requireNonNull(salt, "salt is null");
        requireNonNull(storedKey, "storedKey is null");
        requireNonNull(serverKey, "serverKey is null");
        if (salt.length == 0) {
            throw new IllegalArgumentException("salt is empty");
        }
        if (storedKey.length != ScramSha256.KEY_LENGTH || serverKey.length != ScramSha256.KEY_LENGTH) {
            throw new IllegalArgumentException("keys must be %s bytes".formatted(ScramSha256.KEY_LENGTH));
        }
        this.iterations = iterations;
        this.salt = salt.clone();
        this.storedKey = storedKey.clone();
        this.serverKey = serverKey.clone();
    }

    /** A verifier for {@code password} with a random salt and the default iteration count. */
    public static ScramSha256Verifier create(String password, SecureRandom random)
    {
        byte[] salt = new byte[ScramSha256.SALT_LENGTH];
        random.nextBytes(salt);
        return create(password, salt, ScramSha256.DEFAULT_ITERATIONS);
    }

    /** A verifier for {@code password} (SASLprep-normalized first) with the given salt and iteration count. */
    public static ScramSha256Verifier create(String password, byte[] salt, int iterations)
    {
        byte[] saltedPassword = ScramSha256.saltedPassword(normalizedBytes(password), salt, iterations);
        byte[] storedKey = ScramSha256.storedKey(ScramSha256.clientKey(saltedPassword));
        return new ScramSha256Verifier(iterations, salt, storedKey, ScramSha256.serverKey(saltedPassword));
    }

    /** Whether {@code text} claims to be a SCRAM-SHA-256 verifier (it may still be malformed). */
    public static boolean looksLikeVerifier(String text)
    {
        return text.startsWith(PREFIX);
    }

    /** Parses PostgreSQL's text form; empty when {@code text} is not a well-formed verifier. */
    public static Optional<ScramSha256Verifier> parse(String text)
    {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getDecoder();
            byte[] salt = decoder.decode(matcher.group(2));
            byte[] storedKey = decoder.decode(matcher.group(3));
            byte[] serverKey = decoder.decode(matcher.group(4));
            int iterations = Integer.parseInt(matcher.group(1));
            if (iterations < 1 || salt.length == 0 || storedKey.length != ScramSha256.KEY_LENGTH || serverKey.length != ScramSha256.KEY_LENGTH) {
                return Optional.empty();
            }
            return Optional.of(new ScramSha256Verifier(iterations, salt, storedKey, serverKey));
        }
        catch (IllegalArgumentException e) {
            // not base64: not a verifier
            return Optional.empty();
        }
    }

    /** PostgreSQL's text form, {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}. */
    public String encoded()
    {
        Base64.Encoder encoder = Base64.getEncoder();
        return PREFIX + iterations + ":" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(storedKey) + ":" + encoder.encodeToString(serverKey);
    }

    /** Whether {@code password} is the password this verifier was made from (constant-time in the keys). */
    public boolean verifyPassword(String password)
    {
        ScramSha256Verifier candidate = create(password, salt, iterations);
        // evaluate both comparisons: no early exit that tells which key differed
        boolean storedMatches = MessageDigest.isEqual(candidate.storedKey, storedKey);
        boolean serverMatches = MessageDigest.isEqual(candidate.serverKey, serverKey);
        return storedMatches & serverMatches;
    }

    public int iterations()
    {
        return iterations;
    }

    public byte[] salt()
    {
        return salt.clone();
    }

    public byte[] storedKey()
    {
        return storedKey.clone();
    }

    public byte[] serverKey()
    {
        return serverKey.clone();
    }

    static byte[] normalizedBytes(String password)
    {
        return SaslPrep.prepare(password).getBytes(UTF_8);
    }

    @Override
    public boolean equals(Object o)
    {
        return o instanceof ScramSha256Verifier that
                && iterations == that.iterations
                && Arrays.equals(salt, that.salt)
                && MessageDigest.isEqual(storedKey, that.storedKey)
                && MessageDigest.isEqual(serverKey, that.serverKey);
    }

    @Override
    public int hashCode()
    {
        // the salt alone: a hash of the keys would be a (weak) fingerprint of them
        return 31 * iterations + Arrays.hashCode(salt);
    }

    @Override
    public String toString()
    {
        return "ScramSha256Verifier[iterations=" + iterations + ", keys=***]";
    }
}

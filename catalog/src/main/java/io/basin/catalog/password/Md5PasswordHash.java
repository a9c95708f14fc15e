package io.basin.catalog.password;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * A password stored for PostgreSQL's md5 authentication: {@code "md5" + hex(md5(password + user name))}.
 * <p>
 * The hash is password-equivalent for md5 authentication (the challenge is computed from the hash,
 * not the password), so it is as secret as the password: {@link #toString()} hides it. Because the
 * user name salts it, renaming a user invalidates it.
 */
public final class Md5PasswordHash
{
    public static final String PREFIX = "md5";
    private static final int HEX_LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final String encoded;

    private Md5PasswordHash(String encoded)
    {
        this.encoded = requireNonNull(encoded, "encoded is null");
    }

    /** The hash of {@code password} for {@code userName} (both as UTF-8). */
    public static Md5PasswordHash of(String userName, String password)
    {
        MessageDigest md5 = md5();
        md5.update(password.getBytes(UTF_8));
        md5.update(userName.getBytes(UTF_8));
        return new Md5PasswordHash(PREFIX + HEX.formatHex(md5.digest()));
    }

    /**
     * Parses the stored form; empty when {@code text} is not {@code md5} followed by 32 lower-case
     * hex digits (PostgreSQL treats anything else as a plain password).
     */
    public static Optional<Md5PasswordHash> parse(String text)
    {
        if (text.length() != PREFIX.length() + HEX_LENGTH || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        for (int i = PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return Optional.empty();
            }
        }
        return Optional.of(new Md5PasswordHash(text));
    }

    /** The stored form, {@code md5} and 32 hex digits. */
    public String encoded()
    {
        return encoded;
    }

    /** Whether {@code password} is the password of {@code userName} this hash was made from (constant-time). */
    public boolean verifyPassword(String userName, String password)
    {
        return MessageDigest.isEqual(of(userName, password).encoded.getBytes(US_ASCII), encoded.getBytes(US_ASCII));
    }

    /**
     * Whether {@code response} is the answer to an md5 challenge with {@code salt}:
     * {@code "md5" + hex(md5(hex(md5(password + user)) + salt))} (constant-time).
     */
    public boolean verifyChallengeResponse(byte[] salt, byte[] response)
    {
        requireNonNull(salt, "salt is null");
        requireNonNull(response, "response is null");
        return MessageDigest.isEqual(expectedChallengeResponse(salt), response);
    }

    private byte[] expectedChallengeResponse(byte[] salt)
    {
        MessageDigest md5 = md5();
        md5.update(encoded.substring(PREFIX.length()).getBytes(US_ASCII));
        md5.update(salt);
        return (PREFIX + HEX.formatHex(md5.digest())).getBytes(US_ASCII);
    }

    private static MessageDigest md5()
    {
        try {
            return MessageDigest.getInstance("MD5");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o)
    {
        return o instanceof Md5PasswordHash that && MessageDigest.isEqual(encoded.getBytes(US_ASCII), that.encoded.getBytes(US_ASCII));
    }

    @Override
    public int hashCode()
    {
        // constant: a hash of the value would be a fingerprint of it, and these are never map keys
        return 0x6d6435;
    }

    @Override
    public String toString()
    {
        return "Md5PasswordHash[***]";
    }
}

package io.basin.catalog.password;

import io.basin.catalog.CatalogErrorCode;
import io.basin.catalog.CatalogException;

import java.security.SecureRandom;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a user's password is checked against: a SCRAM-SHA-256 verifier, an md5 hash, both, or
 * neither (no password: password authentication always fails).
 * <p>
 * A plain password given to {@code CREATE USER} or {@code ALTER USER} is stored in both forms,
 * where PostgreSQL keeps only the form {@code password_encryption} names. The price is that a
 * stolen catalog then also holds the md5 hash, which is password-equivalent for md5
 * authentication and cheap to guess against; the gain is that one catalog serves clients
 * configured for md5 (older drivers, Redshift's) as well as SCRAM. A server set to
 * {@code scram-sha-256} never uses the md5 hash. A hash given in stored form ({@code 'md5…'} or
 * {@code 'SCRAM-SHA-256$…'}) is kept as the only form.
 */
public record PasswordVerifiers(Optional<ScramSha256Verifier> scram, Optional<Md5PasswordHash> md5)
{
    public static final PasswordVerifiers NONE = new PasswordVerifiers(Optional.empty(), Optional.empty());
    private static final String REDSHIFT_SHA256_PREFIX = "sha256|";

    public PasswordVerifiers
    {
        requireNonNull(scram, "scram is null");
        requireNonNull(md5, "md5 is null");
    }

    /** Both forms of a plain password. */
    public static PasswordVerifiers forPassword(String userName, String password, SecureRandom random)
    {
        requireNonNull(userName, "userName is null");
        requireNonNull(password, "password is null");
        if (password.isEmpty()) {
            throw new CatalogException(CatalogErrorCode.INVALID_PARAMETER_VALUE, "empty string is not a valid password");
        }
        return new PasswordVerifiers(Optional.of(ScramSha256Verifier.create(password, random)), Optional.of(Md5PasswordHash.of(userName, password)));
    }

    /**
     * The verifiers for the string of {@code PASSWORD '…'}: an md5 hash or a SCRAM-SHA-256
     * verifier in PostgreSQL's stored form is kept as it is; anything else is a plain password.
     * A string that starts like a SCRAM verifier but does not parse is refused, where PostgreSQL
     * would take it for a plain password: that is almost always a verifier damaged in copying.
     * Redshift's {@code 'sha256|<password>'} is the plain password after the bar; its
     * {@code 'sha256|<digest>|<salt>'} cannot be turned into either verifier and is refused.
     */
    public static PasswordVerifiers fromSqlLiteral(String userName, String literal, SecureRandom random)
    {
        requireNonNull(literal, "literal is null");
        if (literal.startsWith(REDSHIFT_SHA256_PREFIX)) {
            String rest = literal.substring(REDSHIFT_SHA256_PREFIX.length());
            if (rest.contains("|")) {
                throw new CatalogException(CatalogErrorCode.FEATURE_NOT_SUPPORTED,
                        "a password given as 'sha256|<digest>|<salt>' is not supported: give it in plain text, as 'md5' || md5(password || user name), or as a SCRAM-SHA-256 verifier");
            }
            return forPassword(userName, rest, random);
        }
        Optional<Md5PasswordHash> md5 = Md5PasswordHash.parse(literal);
        if (md5.isPresent()) {
            return new PasswordVerifiers(Optional.empty(), md5);
        }
        if (ScramSha256Verifier.looksLikeVerifier(literal)) {
            ScramSha256Verifier verifier = ScramSha256Verifier.parse(literal)
                    .orElseThrow(() -> new CatalogException(CatalogErrorCode.INVALID_PARAMETER_VALUE,
                            "invalid SCRAM-SHA-256 verifier: expected SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey> in base64 with 32-byte keys"));
            return new PasswordVerifiers(Optional.of(verifier), Optional.empty());
        }
        return forPassword(userName, literal, random);
    }

    public boolean isEmpty()
    {
        return scram.isEmpty() && md5.isEmpty();
    }

    /** These verifiers without the md5 hash, which a rename invalidates. */
    public PasswordVerifiers withoutMd5()
    {
        return new PasswordVerifiers(scram, Optional.empty());
    }

    /**
     * Whether {@code password} is the user's password, checked against the SCRAM verifier when
     * there is one, else the md5 hash; false when there is neither or the password is empty.
     */
    public boolean verifyPassword(String userName, String password)
    {
        if (password.isEmpty()) {
            return false;
        }
        if (scram.isPresent()) {
            return scram.get().verifyPassword(password);
        }
        return md5.isPresent() && md5.get().verifyPassword(userName, password);
    }

    @Override
    public String toString()
    {
        return "PasswordVerifiers[scram=" + (scram.isPresent() ? "***" : "none") + ", md5=" + (md5.isPresent() ? "***" : "none") + "]";
    }
}

package io.basin.pgwire.auth;

import io.basin.catalog.password.Md5PasswordHash;
import io.basin.catalog.password.PasswordVerifiers;
import io.basin.catalog.password.ScramSha256;
import io.basin.catalog.password.ScramSha256Verifier;
import io.basin.catalog.user.CatalogUser;
import io.basin.error.BasinErrorCode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * One connection's authentication: which Authentication messages the server sends and how it
 * judges the client's answers. Not thread-safe.
 * <p>
 * Whatever is wrong (no such user, no password, password expired, wrong password) the client gets
 * the same error, {@code password authentication failed for user "x"} with SQLSTATE 28P01, after
 * the same messages: an unknown user still gets a salt (for SCRAM, a stable one derived from its
 * name; see {@link MockScramVerifier}) and the same amount of hashing. Only a user that is known
 * and has proved its password can learn more: {@code role "x" is not permitted to log in} (28000).
 * <p>
 * The method chosen for a user, by configured method:
 * <ul>
 * <li>{@code trust}: none; the user must exist ({@code role "x" does not exist}, 28000, as in PostgreSQL).
 * <li>{@code password}: cleartext, checked against the SCRAM verifier or the md5 hash.
 * <li>{@code md5}: md5, except SCRAM-SHA-256 for a user whose only password is a SCRAM verifier
 *     (PostgreSQL's rule). Unknown users and users without a password get md5, which fails; unlike
 *     PostgreSQL, which gives them SCRAM when {@code password_encryption} is scram-sha-256, so that
 *     they look like the common case here (a user created with a plain password has an md5 hash).
 * <li>{@code scram-sha-256}: SCRAM; users with only an md5 hash cannot log in (as in PostgreSQL).
 * </ul>
 * A password whose VALID UNTIL has passed counts as no password, as in PostgreSQL.
 */
public final class AuthenticationExchange
{
    private static final int MD5_SALT_LENGTH = 4;
    /** PostgreSQL's nonce length before base64. */
    private static final int SCRAM_NONCE_LENGTH = 18;

    private enum State
    {
        NEW, EXPECT_PASSWORD, EXPECT_MD5_RESPONSE, EXPECT_SASL_INITIAL_RESPONSE, EXPECT_SASL_RESPONSE, DONE
    }

    private final AuthenticationMethod method;
    private final String userName;
    private final Function<String, Optional<CatalogUser>> users;
    private final byte[] mockSecret;
    private final SecureRandom random;
    private final Clock clock;

    private State state = State.NEW;
    private Optional<CatalogUser> user = Optional.empty();
    private PasswordVerifiers password = PasswordVerifiers.NONE;
    private String noPasswordReason = "";
    private byte[] md5Salt;
    private ScramSha256ServerExchange scram;

    AuthenticationExchange(AuthenticationMethod method, String userName, Function<String, Optional<CatalogUser>> users, byte[] mockSecret, SecureRandom random, Clock clock)
    {
        this.method = requireNonNull(method, "method is null");
        this.userName = requireNonNull(userName, "userName is null");
        this.users = requireNonNull(users, "users is null");
        this.mockSecret = requireNonNull(mockSecret, "mockSecret is null");
        this.random = requireNonNull(random, "random is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The first step: what the server sends right after the startup message. */
    public AuthenticationStep start()
    {
        checkState(State.NEW);
        state = State.DONE;
        user = users.apply(userName);
        if (method == AuthenticationMethod.TRUST) {
            CatalogUser found = user.orElseThrow(() -> new AuthenticationException(BasinErrorCode.INVALID_AUTHORIZATION_SPECIFICATION,
                    "role \"%s\" does not exist".formatted(userName), Optional.empty()));
            return authenticated(found, Optional.empty());
        }
        password = usablePassword();
        return switch (method) {
            case TRUST -> throw new IllegalStateException("unreachable");
            case PASSWORD -> {
                state = State.EXPECT_PASSWORD;
                yield new AuthenticationStep.CleartextPasswordRequest();
            }
            case MD5 -> password.md5().isEmpty() && password.scram().isPresent() ? startScram() : startMd5();
            case SCRAM_SHA_256 -> startScram();
        };
    }

    /**
     * Takes the body of the client's next message ({@code p}: PasswordMessage, SASLInitialResponse
     * or SASLResponse, whichever the previous step asked for) and returns the next step.
     *
     * @throws AuthenticationException when authentication fails or the message is malformed
     */
    public AuthenticationStep respond(byte[] body)
    {
        requireNonNull(body, "body is null");
        State current = state;
        if (current == State.NEW || current == State.DONE) {
            throw new IllegalStateException("No client message is expected in state " + current);
        }
        // any failure ends the exchange
        state = State.DONE;
        return switch (current) {
            case EXPECT_PASSWORD -> checkCleartextPassword(body);
            case EXPECT_MD5_RESPONSE -> checkMd5Response(body);
            case EXPECT_SASL_INITIAL_RESPONSE -> saslInitialResponse(body);
            case EXPECT_SASL_RESPONSE -> saslResponse(body);
            case NEW, DONE -> throw new IllegalStateException("unreachable");
        };
    }

    private PasswordVerifiers usablePassword()
    {
        if (user.isEmpty()) {
            noPasswordReason = "Role \"%s\" does not exist.".formatted(userName);
            return PasswordVerifiers.NONE;
        }
        PasswordVerifiers stored = user.get().attributes().password();
        if (stored.isEmpty()) {
            noPasswordReason = "User \"%s\" has no password assigned.".formatted(userName);
            return PasswordVerifiers.NONE;
        }
        if (user.get().attributes().passwordExpiredAt(clock.instant())) {
            noPasswordReason = "User \"%s\" has an expired password.".formatted(userName);
            return PasswordVerifiers.NONE;
        }
        return stored;
    }

    private AuthenticationStep startMd5()
    {
        md5Salt = new byte[MD5_SALT_LENGTH];
        random.nextBytes(md5Salt);
        state = State.EXPECT_MD5_RESPONSE;
        return new AuthenticationStep.Md5PasswordRequest(md5Salt);
    }

    private AuthenticationStep startScram()
    {
        Optional<ScramSha256Verifier> verifier = password.scram();
        Optional<String> doomed = Optional.empty();
        if (verifier.isEmpty()) {
            doomed = Optional.of(password.isEmpty() ? noPasswordReason : "User \"%s\" does not have a valid SCRAM secret.".formatted(userName));
        }
        byte[] nonce = new byte[SCRAM_NONCE_LENGTH];
        random.nextBytes(nonce);
        scram = new ScramSha256ServerExchange(userName, verifier.orElseGet(() -> MockScramVerifier.create(mockSecret, userName)), doomed, Base64.getEncoder().encodeToString(nonce));
        state = State.EXPECT_SASL_INITIAL_RESPONSE;
        return new AuthenticationStep.SaslMechanisms(List.of(ScramSha256.MECHANISM));
    }

    private AuthenticationStep checkCleartextPassword(byte[] body)
    {
        String given = readPasswordPacket(body);
        boolean matches;
        if (password.isEmpty()) {
            // spend the time a real check takes, so the answer's timing does not tell that the user has no password
            MockScramVerifier.create(mockSecret, userName).verifyPassword(given);
            matches = false;
        }
        else {
            matches = password.verifyPassword(userName, given);
        }
        if (!matches) {
            throw AuthenticationException.passwordFailed(userName, password.isEmpty() ? noPasswordReason : "Password does not match for user \"%s\".".formatted(userName));
        }
        return authenticated(user.orElseThrow(), Optional.empty());
    }

    private AuthenticationStep checkMd5Response(byte[] body)
    {
        byte[] response = readPasswordPacket(body).getBytes(UTF_8);
        Optional<Md5PasswordHash> hash = password.md5();
        // check against a throwaway hash when there is none, so both paths do the same work
        boolean matches = hash.orElseGet(() -> Md5PasswordHash.of(userName, "")).verifyChallengeResponse(md5Salt, response) && hash.isPresent();
        if (!matches) {
            throw AuthenticationException.passwordFailed(userName, hash.isEmpty() ? noPasswordReason : "Password does not match for user \"%s\".".formatted(userName));
        }
        return authenticated(user.orElseThrow(), Optional.empty());
    }

    private AuthenticationStep saslInitialResponse(byte[] body)
    {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        String mechanism = readCString(buffer, "SASLInitialResponse");
        if (!mechanism.equals(ScramSha256.MECHANISM)) {
            throw AuthenticationException.protocolViolation("client selected an invalid SASL authentication mechanism");
        }
        if (buffer.remaining() < 4) {
            throw AuthenticationException.protocolViolation("invalid SASLInitialResponse: missing data length");
        }
        int length = buffer.getInt();
        if (length < 0 || length != buffer.remaining()) {
            throw AuthenticationException.protocolViolation("invalid SASLInitialResponse: data length %s does not match the message".formatted(length));
        }
        String clientFirst = decodeUtf8(buffer, "SASLInitialResponse");
        String serverFirst = scram.clientFirst(clientFirst);
        state = State.EXPECT_SASL_RESPONSE;
        return new AuthenticationStep.SaslContinue(serverFirst.getBytes(UTF_8));
    }

    private AuthenticationStep saslResponse(byte[] body)
    {
        String serverFinal = scram.clientFinal(decodeUtf8(ByteBuffer.wrap(body), "SASLResponse"));
        return authenticated(user.orElseThrow(), Optional.of(serverFinal.getBytes(UTF_8)));
    }

    private AuthenticationStep authenticated(CatalogUser authenticated, Optional<byte[]> saslFinal)
    {
        if (!authenticated.attributes().canLogin()) {
            throw new AuthenticationException(BasinErrorCode.INVALID_AUTHORIZATION_SPECIFICATION, "role \"%s\" is not permitted to log in".formatted(authenticated.name()), Optional.empty());
        }
        state = State.DONE;
        return new AuthenticationStep.Authenticated(authenticated, saslFinal);
    }

    /** A PasswordMessage body: one null-terminated string. */
    private static String readPasswordPacket(byte[] body)
    {
        if (body.length == 0 || body[body.length - 1] != 0 || indexOfZero(body) != body.length - 1) {
            throw AuthenticationException.protocolViolation("invalid password packet size");
        }
        if (body.length == 1) {
            throw new AuthenticationException(BasinErrorCode.INVALID_PASSWORD, "empty password returned by client", Optional.empty());
        }
        return decodeUtf8(ByteBuffer.wrap(body, 0, body.length - 1), "password packet");
    }

    private static String readCString(ByteBuffer buffer, String message)
    {
        int start = buffer.position();
        for (int i = start; i < buffer.limit(); i++) {
            if (buffer.get(i) == 0) {
                String value = decodeUtf8(buffer.slice(start, i - start), message);
                buffer.position(i + 1);
                return value;
            }
        }
        throw AuthenticationException.protocolViolation("invalid %s: missing string terminator".formatted(message));
    }

    private static String decodeUtf8(ByteBuffer buffer, String message)
    {
        try {
            return UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        }
        catch (CharacterCodingException e) {
            throw AuthenticationException.protocolViolation("invalid %s: not valid UTF-8".formatted(message));
        }
    }

    private static int indexOfZero(byte[] bytes)
    {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private void checkState(State expected)
    {
        if (state != expected) {
            throw new IllegalStateException("Authentication exchange is in state " + state + ", not " + expected);
        }
    }
}

package io.basin.pgwire.auth;

import io.basin.catalog.password.ScramSha256;
import io.basin.catalog.password.ScramSha256Verifier;
import io.basin.error.BasinErrorCode;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677), on the SCRAM messages
 * themselves, without channel binding: the server offers only {@code SCRAM-SHA-256}, not
 * {@code -PLUS}, so a client may say it does not support channel binding ({@code n}) or that it
 * does but thinks the server does not ({@code y}); a client asking for it ({@code p=}) is refused.
 * <p>
 * A doomed exchange (unknown user, no usable password) runs every step against a mock verifier
 * and fails at the end with the same error as a wrong password. Not thread-safe; one per connection.
 */
final class ScramSha256ServerExchange
{
    private enum State
    {
        EXPECT_CLIENT_FIRST, EXPECT_CLIENT_FINAL, DONE
    }

    private final String userName;
    private final ScramSha256Verifier verifier;
    private final Optional<String> doomedReason;
    private final String serverNonce;

    private State state = State.EXPECT_CLIENT_FIRST;
    private String gs2Header;
    private String clientFirstMessageBare;
    private String serverFirstMessage;
    private String nonce;

    /**
     * @param userName the user from the startup message, for error messages (SCRAM's own user name is ignored, as in PostgreSQL)
     * @param doomedReason present when the exchange must fail whatever the client sends: the reason, for the server log
     * @param serverNonce the server's part of the nonce, printable ASCII without commas
     */
    ScramSha256ServerExchange(String userName, ScramSha256Verifier verifier, Optional<String> doomedReason, String serverNonce)
    {
        this.userName = requireNonNull(userName, "userName is null");
        this.verifier = requireNonNull(verifier, "verifier is null");
        this.doomedReason = requireNonNull(doomedReason, "doomedReason is null");
        this.serverNonce = requireNonNull(serverNonce, "serverNonce is null");
        if (serverNonce.isEmpty() || !isPrintable(serverNonce)) {
            throw new IllegalArgumentException("serverNonce must be printable ASCII without commas");
        }
    }

    /** Takes client-first-message, returns server-first-message. */
    String clientFirst(String message)
    {
        checkState(State.EXPECT_CLIENT_FIRST);
        state = State.DONE;
        SaslCursor cursor = new SaslCursor(message);
        char flag = cursor.next();
        switch (flag) {
            case 'n', 'y' -> cursor.expect(',');
            case 'p' -> throw AuthenticationException.protocolViolation(
                    "malformed SCRAM message: the client selected SCRAM-SHA-256 without channel binding, but the SCRAM message includes channel binding data");
            default -> throw malformed("unexpected channel-binding flag in client-first-message");
        }
        if (cursor.peek() == 'a') {
            throw new AuthenticationException(BasinErrorCode.FEATURE_NOT_SUPPORTED, "client uses authorization identity, but it is not supported", Optional.empty());
        }
        cursor.expect(',');
        gs2Header = message.substring(0, cursor.position());
        clientFirstMessageBare = message.substring(cursor.position());
        if (cursor.peek() == 'm') {
            throw new AuthenticationException(BasinErrorCode.FEATURE_NOT_SUPPORTED, "client requires an unsupported SCRAM extension", Optional.empty());
        }
        // the SCRAM user name is ignored: the startup message named the user (libpq sends "n=")
        String saslName = cursor.attribute('n');
        checkSaslName(saslName);
        cursor.expect(',');
        String clientNonce = cursor.attribute('r');
        if (clientNonce.isEmpty() || !isPrintable(clientNonce)) {
            throw malformed("the client nonce is empty or not printable");
        }
        // optional extensions follow; like PostgreSQL, accept and ignore them
        while (!cursor.atEnd()) {
            cursor.expect(',');
            cursor.anyAttribute();
        }
        nonce = clientNonce + serverNonce;
        serverFirstMessage = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i=" + verifier.iterations();
        state = State.EXPECT_CLIENT_FINAL;
        return serverFirstMessage;
    }

    /** Takes client-final-message, returns server-final-message when the proof is right; throws otherwise. */
    String clientFinal(String message)
    {
        checkState(State.EXPECT_CLIENT_FINAL);
        state = State.DONE;
        SaslCursor cursor = new SaslCursor(message);
        byte[] channelBinding = decodeBase64(cursor.attribute('c'), "channel binding");
        cursor.expect(',');
        String finalNonce = cursor.attribute('r');
        int proofStart = -1;
        while (!cursor.atEnd()) {
            cursor.expect(',');
            int attributeStart = cursor.position();
            if (cursor.peek() == 'p') {
                proofStart = attributeStart;
                break;
            }
            cursor.anyAttribute();
        }
        if (proofStart < 0) {
            throw malformed("could not find proof in client-final-message");
        }
        byte[] proof = decodeBase64(cursor.attribute('p'), "proof");
        if (!cursor.atEnd()) {
            throw malformed("garbage at end of client-final-message");
        }
        if (proof.length != ScramSha256.KEY_LENGTH) {
            throw malformed("malformed proof in client-final-message");
        }
        // the client must echo the gs2 header it sent; without channel binding there is no data after it
        if (!MessageDigest.isEqual(channelBinding, gs2Header.getBytes(UTF_8))) {
            throw AuthenticationException.protocolViolation("SCRAM channel binding check failed");
        }
        String clientFinalWithoutProof = message.substring(0, proofStart - 1);
        byte[] authMessage = (clientFirstMessageBare + "," + serverFirstMessage + "," + clientFinalWithoutProof).getBytes(UTF_8);

        // always compute the proof check, also for doomed exchanges and wrong nonces, so they take as long
        byte[] clientSignature = ScramSha256.hmac(verifier.storedKey(), authMessage);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        boolean proofMatches = MessageDigest.isEqual(ScramSha256.sha256(clientKey), verifier.storedKey());
        boolean nonceMatches = MessageDigest.isEqual(finalNonce.getBytes(UTF_8), nonce.getBytes(UTF_8));
        if (doomedReason.isPresent()) {
            throw AuthenticationException.passwordFailed(userName, doomedReason.get());
        }
        if (!nonceMatches) {
            throw AuthenticationException.passwordFailed(userName, "The nonce of client-final-message does not match.");
        }
        if (!proofMatches) {
            throw AuthenticationException.passwordFailed(userName, "Password does not match for user \"%s\".".formatted(userName));
        }
        return "v=" + Base64.getEncoder().encodeToString(ScramSha256.hmac(verifier.serverKey(), authMessage));
    }

    private void checkState(State expected)
    {
        if (state != expected) {
            throw new IllegalStateException("SCRAM exchange is in state " + state + ", not " + expected);
        }
    }

    private static void checkSaslName(String name)
    {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '=' && !(name.startsWith("=2C", i) || name.startsWith("=3D", i))) {
                throw malformed("invalid escape in the user name of client-first-message");
            }
        }
    }

    private static boolean isPrintable(String text)
    {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                return false;
            }
        }
        return true;
    }

    private static byte[] decodeBase64(String text, String what)
    {
        try {
            return Base64.getDecoder().decode(text);
        }
        catch (IllegalArgumentException e) {
            throw malformed("malformed " + what + " in client-final-message: not base64");
        }
    }

    static AuthenticationException malformed(String detail)
    {
        return AuthenticationException.protocolViolation("malformed SCRAM message: " + detail);
    }

    /** Reads {@code x=value} attributes separated by commas. */
    private static final class SaslCursor
    {
        private final String text;
        private int position;

        SaslCursor(String text)
        {
            this.text = text;
        }

        int position()
        {
            return position;
        }

        boolean atEnd()
        {
            return position >= text.length();
        }

        char peek()
        {
            return atEnd() ? '\0' : text.charAt(position);
        }

        char next()
        {
            if (atEnd()) {
                throw malformed("unexpected end of message");
            }
            return text.charAt(position++);
        }

        void expect(char expected)
        {
            if (next() != expected) {
                throw malformed("expected \"%s\" at position %s".formatted(expected, position - 1));
            }
        }

        /** Reads {@code name=value} and returns the value (up to the next comma). */
        String attribute(char name)
        {
            if (next() != name) {
                throw malformed("expected attribute \"%s\" at position %s".formatted(name, position - 1));
            }
            return value();
        }

        void anyAttribute()
        {
            char name = next();
            if (!((name >= 'a' && name <= 'z') || (name >= 'A' && name <= 'Z'))) {
                throw malformed("attribute expected at position " + (position - 1));
            }
            value();
        }

        private String value()
        {
            expect('=');
            int comma = text.indexOf(',', position);
            int end = comma < 0 ? text.length() : comma;
            String value = text.substring(position, end);
            position = end;
            return value;
        }
    }
}

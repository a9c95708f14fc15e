package io.basin.pgwire.auth;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.StringPreparation;
import com.ongres.scram.common.exception.ScramException;
import io.basin.catalog.SystemCatalog;
import io.basin.catalog.password.Md5PasswordHash;
import io.basin.catalog.password.PasswordVerifiers;
import io.basin.catalog.password.ScramSha256Verifier;
import io.basin.catalog.user.CatalogUser;
import io.basin.catalog.user.UserAttributes;
import io.basin.error.BasinException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's exchanges driven by an independent client: the SCRAM client pgjdbc uses
 * (com.ongres.scram), md5 responses computed here with MessageDigest.
 */
class TestAuthenticationExchange
{
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final byte[] SECRET = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

    private final Map<String, CatalogUser> users = new HashMap<>();
    private long nextId = 16384;

    private void addUser(String name, UserAttributes attributes)
    {
        users.put(name, new CatalogUser(nextId++, name, attributes));
    }

    private void addUser(String name, String password)
    {
        addUser(name, UserAttributes.NEW_USER.withPassword(PasswordVerifiers.forPassword(name, password, RANDOM)));
    }

    private Authenticator authenticator(AuthenticationMethod method)
    {
        return new Authenticator(method, name -> Optional.ofNullable(users.get(name)), SECRET, RANDOM, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void testScram()
            throws Exception
    {
        addUser("alice", "s3cret");
        AuthenticationStep.Authenticated result = scramLogin(authenticator(AuthenticationMethod.SCRAM_SHA_256).begin("alice"), client("s3cret"));
        assertThat(result.user().name()).isEqualTo("alice");
        assertThat(result.saslFinalMessage()).isPresent();
    }

    @Test
    void testScramWithChannelBindingFlagY()
            throws Exception
    {
        addUser("alice", "s3cret");
        // a client able to bind to TLS sends "y" when the server offers no -PLUS mechanism
        ScramClient client = ScramClient.builder()
                .advertisedMechanisms(List.of("SCRAM-SHA-256"))
                .username("*")
                .password("s3cret".toCharArray())
                .channelBinding("tls-server-end-point", new byte[32])
                .stringPreparation(StringPreparation.POSTGRESQL_PREPARATION)
                .build();
        AuthenticationExchange exchange = authenticator(AuthenticationMethod.SCRAM_SHA_256).begin("alice");
        exchange.start();
        String clientFirst = client.clientFirstMessage().toString();
        assertThat(clientFirst).startsWith("y,,");
        AuthenticationStep serverFirst = exchange.respond(saslInitialResponse("SCRAM-SHA-256", clientFirst));
        client.serverFirstMessage(new String(((AuthenticationStep.SaslContinue) serverFirst).data(), UTF_8));
        String clientFinal = client.clientFinalMessage().toString();
        assertThat(clientFinal).startsWith("c=eSws,");
        AuthenticationStep.Authenticated result = (AuthenticationStep.Authenticated) exchange.respond(clientFinal.getBytes(UTF_8));
        client.serverFinalMessage(new String(result.saslFinalMessage().orElseThrow(), UTF_8));
        assertThat(result.user().name()).isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pässwörd", "пароль", "密码パスワード", "ﬁsh\u00AD", "a\u00A0b", "e\u0301", "\uD83D\uDD11key"})
    void testScramNonAsciiPasswords(String password)
            throws Exception
    {
        addUser("alice", password);
        assertThat(scramLogin(authenticator(AuthenticationMethod.SCRAM_SHA_256).begin("alice"), client(password)).user().name()).isEqualTo("alice");
        assertScramFails("alice", password + "x", "alice");
    }

    @Test
    void testScramEquivalentSpellings()
            throws Exception
    {
        // SASLprep on both sides: the ligature and the soft hyphen normalize away
        addUser("alice", "ﬁsh\u00AD");
        assertThat(scramLogin(authenticator(AuthenticationMethod.SCRAM_SHA_256).begin("alice"), client("fish")).user().name()).isEqualTo("alice");
    }

    @Test
    void testScramFailuresLookAlike()
            throws Exception
    {
        addUser("alice", "s3cret");
        addUser("nopassword", UserAttributes.NEW_USER);
        addUser("md5only", UserAttributes.NEW_USER.withPassword(PasswordVerifiers.fromSqlLiteral("md5only", Md5PasswordHash.of("md5only", "s3cret").encoded(), RANDOM)));
        addUser("expired", UserAttributes.NEW_USER
                .withPassword(PasswordVerifiers.forPassword("expired", "s3cret", RANDOM))
                .withPasswordValidUntil(Optional.of(NOW.minusSeconds(1))));

        String wrongPassword = assertScramFails("alice", "wrong", "alice");
        assertThat(wrongPassword).isEqualTo("Password does not match for user \"alice\".");
        assertThat(assertScramFails("nobody", "s3cret", "nobody")).isEqualTo("Role \"nobody\" does not exist.");
        assertThat(assertScramFails("nopassword", "s3cret", "nopassword")).isEqualTo("User \"nopassword\" has no password assigned.");
        assertThat(assertScramFails("md5only", "s3cret", "md5only")).isEqualTo("User \"md5only\" does not have a valid SCRAM secret.");
        assertThat(assertScramFails("expired", "s3cret", "expired")).isEqualTo("User \"expired\" has an expired password.");
    }

    @Test
    void testUnknownUserGetsStableSalt()
            throws Exception
    {
        addUser("alice", "s3cret");
        String first = serverFirst("nobody");
        String second = serverFirst("nobody");
        String other = serverFirst("someone");
        // same salt and iteration count for the same unknown name on every attempt, like a real user's
        assertThat(saltAndIterations(first)).isEqualTo(saltAndIterations(second));
        assertThat(saltAndIterations(first)).isNotEqualTo(saltAndIterations(other));
        assertThat(saltAndIterations(first)).matches("s=[A-Za-z0-9+/]{22}==,i=4096");
        assertThat(saltAndIterations(serverFirst("alice"))).isEqualTo(saltAndIterations(serverFirst("alice")));
        // another catalog (another secret) gives another salt
        Authenticator otherCatalog = new Authenticator(AuthenticationMethod.SCRAM_SHA_256, name -> Optional.empty(), new byte[32], RANDOM, Clock.systemUTC());
        assertThat(saltAndIterations(serverFirst(otherCatalog, "nobody"))).isNotEqualTo(saltAndIterations(first));
    }

    @Test
    void testScramMessageErrors()
            throws Exception
    {
        addUser("alice", "s3cret");
        AuthenticationExchange exchange = authenticator(AuthenticationMethod.SCRAM_SHA_256).begin("alice");
        assertThat(exchange.start()).isEqualTo(new AuthenticationStep.SaslMechanisms(List.of("SCRAM-SHA-256")));
        assertThatThrownBy(() -> exchange.respond(saslInitialResponse("SCRAM-SHA-256-PLUS", "n,,n=,r=abc")))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("08P01"))
                .hasMessage("client selected an invalid SASL authentication mechanism");
        // the exchange is over after a failure
        assertThatThrownBy(() -> exchange.respond(new byte[0])).isInstanceOf(IllegalStateException.class);

        AuthenticationExchange truncated = authenticator(AuthenticationMethod.SCRAM_SHA_256).begin("alice");
        truncated.start();
        byte[] body = saslInitialResponse("SCRAM-SHA-256", "n,,n=,r=abc");
        assertThatThrownBy(() -> truncated.respond(java.util.Arrays.copyOf(body, body.length - 1)))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("08P01"))
                .hasMessage("invalid SASLInitialResponse: data length 11 does not match the message");
    }

    @Test
    void testMd5()
            throws Exception
    {
        addUser("alice", "s3cret");
        AuthenticationExchange exchange = authenticator(AuthenticationMethod.MD5).begin("alice");
        AuthenticationStep.Md5PasswordRequest request = (AuthenticationStep.Md5PasswordRequest) exchange.start();
        assertThat(request.salt()).hasSize(4);
        AuthenticationStep result = exchange.respond(cString(md5Response("alice", "s3cret", request.salt())));
        assertThat(result).isInstanceOfSatisfying(AuthenticationStep.Authenticated.class, authenticated -> {
            assertThat(authenticated.user().name()).isEqualTo("alice");
            assertThat(authenticated.saslFinalMessage()).isEmpty();
        });

        // salts differ per connection, so a response cannot be replayed
        AuthenticationExchange replay = authenticator(AuthenticationMethod.MD5).begin("alice");
        AuthenticationStep.Md5PasswordRequest second = (AuthenticationStep.Md5PasswordRequest) replay.start();
        assertThat(second.salt()).isNotEqualTo(request.salt());
        assertThatThrownBy(() -> replay.respond(cString(md5Response("alice", "s3cret", request.salt()))))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("28P01"))
                .hasMessage("password authentication failed for user \"alice\"");
    }

    @Test
    void testMd5FailuresLookAlike()
    {
        addUser("alice", "s3cret");
        addUser("nopassword", UserAttributes.NEW_USER);
        for (String user : List.of("alice", "nobody", "nopassword")) {
            AuthenticationExchange exchange = authenticator(AuthenticationMethod.MD5).begin(user);
            AuthenticationStep step = exchange.start();
            assertThat(step).isInstanceOf(AuthenticationStep.Md5PasswordRequest.class);
            byte[] salt = ((AuthenticationStep.Md5PasswordRequest) step).salt();
            String password = user.equals("alice") ? "wrong" : "s3cret";
            assertThatThrownBy(() -> exchange.respond(cString(md5Response(user, password, salt))))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.sqlState()).isEqualTo("28P01"))
                    .hasMessage("password authentication failed for user \"%s\"".formatted(user));
        }
    }

    @Test
    void testMd5FallsBackToScramForScramOnlyUsers()
            throws Exception
    {
        addUser("scramonly", UserAttributes.NEW_USER.withPassword(PasswordVerifiers.fromSqlLiteral("scramonly", ScramSha256Verifier.create("s3cret", RANDOM).encoded(), RANDOM)));
        AuthenticationExchange exchange = authenticator(AuthenticationMethod.MD5).begin("scramonly");
        assertThat(scramLogin(exchange, client("s3cret")).user().name()).isEqualTo("scramonly");
    }

    @Test
    void testCleartextPassword()
    {
        addUser("alice", "s3cret");
        addUser("md5only", UserAttributes.NEW_USER.withPassword(PasswordVerifiers.fromSqlLiteral("md5only", Md5PasswordHash.of("md5only", "pw2").encoded(), RANDOM)));
        assertThat(cleartextLogin("alice", "s3cret").user().name()).isEqualTo("alice");
        assertThat(cleartextLogin("md5only", "pw2").user().name()).isEqualTo("md5only");
        for (String[] attempt : new String[][] {{"alice", "wrong"}, {"nobody", "s3cret"}, {"md5only", "s3cret"}}) {
            assertThatThrownBy(() -> cleartextLogin(attempt[0], attempt[1]))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("28P01");
                        assertThat(e.toString()).doesNotContain(attempt[1]);
                        assertThat(e.logDetail().orElseThrow()).doesNotContain(attempt[1]);
                    })
                    .hasMessage("password authentication failed for user \"%s\"".formatted(attempt[0]));
        }
    }

    @Test
    void testCleartextPacketErrors()
    {
        addUser("alice", "s3cret");
        assertCleartextFails(new byte[] {0}, "28P01", "empty password returned by client");
        assertCleartextFails("s3cret".getBytes(UTF_8), "08P01", "invalid password packet size");
        assertCleartextFails("s3\0cret\0".getBytes(UTF_8), "08P01", "invalid password packet size");
        assertCleartextFails(new byte[] {(byte) 0xC3, 0x28, 0}, "08P01", "invalid password packet: not valid UTF-8");
    }

    private void assertCleartextFails(byte[] body, String sqlState, String message)
    {
        AuthenticationExchange exchange = authenticator(AuthenticationMethod.PASSWORD).begin("alice");
        assertThat(exchange.start()).isEqualTo(new AuthenticationStep.CleartextPasswordRequest());
        assertThatThrownBy(() -> exchange.respond(body))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo(sqlState))
                .hasMessage(message);
    }

    @Test
    void testTrust()
    {
        addUser("alice", UserAttributes.NEW_USER);
        AuthenticationStep step = authenticator(AuthenticationMethod.TRUST).begin("alice").start();
        assertThat(step).isInstanceOfSatisfying(AuthenticationStep.Authenticated.class, authenticated -> assertThat(authenticated.user().name()).isEqualTo("alice"));
        assertThatThrownBy(() -> authenticator(AuthenticationMethod.TRUST).begin("nobody").start())
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("28000"))
                .hasMessage("role \"nobody\" does not exist");
    }

    @Test
    void testRoleThatCannotLogIn()
            throws Exception
    {
        addUser("role", UserAttributes.NEW_USER.withCanLogin(false).withPassword(PasswordVerifiers.forPassword("role", "s3cret", RANDOM)));
        // only after the right password does the client learn that the role may not log in
        assertScramFails("role", "wrong", "role");
        assertThatThrownBy(() -> scramLogin(authenticator(AuthenticationMethod.SCRAM_SHA_256).begin("role"), client("s3cret")))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("28000"))
                .hasMessage("role \"role\" is not permitted to log in");
        assertThatThrownBy(() -> authenticator(AuthenticationMethod.TRUST).begin("role").start())
                .hasMessage("role \"role\" is not permitted to log in");
    }

    @Test
    void testAgainstCatalog(@TempDir Path dataDirectory)
            throws Exception
    {
        try (SystemCatalog catalog = SystemCatalog.open(dataDirectory)) {
            catalog.users().create("alice", UserAttributes.NEW_USER.withPassword(PasswordVerifiers.forPassword("alice", "s3cret", RANDOM)));
            Authenticator authenticator = Authenticator.forCatalog(AuthenticationMethod.SCRAM_SHA_256, catalog);
            assertThat(scramLogin(authenticator.begin("alice"), client("s3cret")).user().name()).isEqualTo("alice");
            assertThatThrownBy(() -> scramLogin(authenticator.begin("basin"), client("anything")))
                    .hasMessage("password authentication failed for user \"basin\"");
            assertThat(authenticator.method()).isEqualTo(AuthenticationMethod.SCRAM_SHA_256);
        }
    }

    @Test
    void testMethodNames()
    {
        assertThat(AuthenticationMethod.fromConfigName("scram-sha-256")).isEqualTo(AuthenticationMethod.SCRAM_SHA_256);
        assertThat(AuthenticationMethod.fromConfigName(" MD5 ")).isEqualTo(AuthenticationMethod.MD5);
        assertThat(AuthenticationMethod.fromConfigName("password")).isEqualTo(AuthenticationMethod.PASSWORD);
        assertThat(AuthenticationMethod.fromConfigName("trust")).isEqualTo(AuthenticationMethod.TRUST);
        assertThatThrownBy(() -> AuthenticationMethod.fromConfigName("ident"))
                .hasMessage("Unknown authentication method \"ident\"; expected one of trust, password, md5, scram-sha-256");
    }

    /** Fails the SCRAM login and returns the log detail, after checking what the client sees. */
    private String assertScramFails(String user, String password, String expectedUserInMessage)
            throws Exception
    {
        AuthenticationExchange exchange = authenticator(AuthenticationMethod.SCRAM_SHA_256).begin(user);
        AuthenticationException failure = null;
        try {
            scramLogin(exchange, client(password));
        }
        catch (AuthenticationException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(failure.sqlState()).isEqualTo("28P01");
        assertThat(failure.getMessage()).isEqualTo("password authentication failed for user \"%s\"".formatted(expectedUserInMessage));
        assertThat(failure.toString()).doesNotContain(password);
        return failure.logDetail().orElseThrow();
    }

    private static AuthenticationStep.Authenticated scramLogin(AuthenticationExchange exchange, ScramClient client)
            throws ScramException
    {
        AuthenticationStep mechanisms = exchange.start();
        assertThat(mechanisms).isEqualTo(new AuthenticationStep.SaslMechanisms(List.of("SCRAM-SHA-256")));
        AuthenticationStep serverFirst = exchange.respond(saslInitialResponse("SCRAM-SHA-256", client.clientFirstMessage().toString()));
        client.serverFirstMessage(new String(((AuthenticationStep.SaslContinue) serverFirst).data(), UTF_8));
        AuthenticationStep result = exchange.respond(client.clientFinalMessage().toString().getBytes(UTF_8));
        AuthenticationStep.Authenticated authenticated = (AuthenticationStep.Authenticated) result;
        // the client checks the server's signature: the server proved it knows the verifier
        client.serverFinalMessage(new String(authenticated.saslFinalMessage().orElseThrow(), UTF_8));
        return authenticated;
    }

    private String serverFirst(String user)
            throws ScramException
    {
        return serverFirst(authenticator(AuthenticationMethod.SCRAM_SHA_256), user);
    }

    private static String serverFirst(Authenticator authenticator, String user)
            throws ScramException
    {
        AuthenticationExchange exchange = authenticator.begin(user);
        exchange.start();
        AuthenticationStep step = exchange.respond(saslInitialResponse("SCRAM-SHA-256", client("any").clientFirstMessage().toString()));
        return new String(((AuthenticationStep.SaslContinue) step).data(), UTF_8);
    }

    private static String saltAndIterations(String serverFirst)
    {
        return serverFirst.substring(serverFirst.indexOf(",s=") + 1);
    }

    private AuthenticationStep.Authenticated cleartextLogin(String user, String password)
    {
        AuthenticationExchange exchange = authenticator(AuthenticationMethod.PASSWORD).begin(user);
        assertThat(exchange.start()).isEqualTo(new AuthenticationStep.CleartextPasswordRequest());
        return (AuthenticationStep.Authenticated) exchange.respond(cString(password));
    }

    private static ScramClient client(String password)
    {
        // as pgjdbc sets it up: user name "*" (the server uses the startup user), PostgreSQL's SASLprep rules
        return ScramClient.builder()
                .advertisedMechanisms(List.of("SCRAM-SHA-256"))
                .username("*")
                .password(password.toCharArray())
                .stringPreparation(StringPreparation.POSTGRESQL_PREPARATION)
                .build();
    }

    private static byte[] saslInitialResponse(String mechanism, String data)
    {
        byte[] bytes = data.getBytes(UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(cString(mechanism));
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    private static byte[] cString(String value)
    {
        byte[] bytes = value.getBytes(UTF_8);
        byte[] result = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        return result;
    }

    /** What a client sends for md5: "md5" + hex(md5(hex(md5(password + user)) + salt)), computed here independently. */
    private static String md5Response(String user, String password, byte[] salt)
    {
        try {
            HexFormat hex = HexFormat.of();
            String inner = hex.formatHex(MessageDigest.getInstance("MD5").digest((password + user).getBytes(UTF_8)));
            MessageDigest outer = MessageDigest.getInstance("MD5");
            outer.update(inner.getBytes(UTF_8));
            outer.update(salt);
            return "md5" + hex.formatHex(outer.digest());
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

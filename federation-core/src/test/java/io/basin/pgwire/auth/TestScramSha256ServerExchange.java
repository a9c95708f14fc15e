package io.basin.pgwire.auth;

import io.basin.catalog.password.ScramSha256Verifier;
import io.basin.error.BasinException;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestScramSha256ServerExchange
{
    // RFC 7677 section 3: the whole exchange for user "user", password "pencil"
    private static final ScramSha256Verifier PENCIL = ScramSha256Verifier.create("pencil", Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String CLIENT_FIRST = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    @Test
    void testRfc7677Exchange()
    {
        ScramSha256ServerExchange exchange = exchange(Optional.empty());
        assertThat(exchange.clientFirst(CLIENT_FIRST)).isEqualTo(SERVER_FIRST);
        assertThat(exchange.clientFinal(CLIENT_FINAL)).isEqualTo(SERVER_FINAL);
        assertThatThrownBy(() -> exchange.clientFinal(CLIENT_FINAL)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void testDoomedExchangeFailsLikeAWrongPassword()
    {
        // even the RFC's correct proof fails when the exchange is doomed
        ScramSha256ServerExchange exchange = exchange(Optional.of("Role \"user\" does not exist."));
        assertThat(exchange.clientFirst(CLIENT_FIRST)).isEqualTo(SERVER_FIRST);
        assertThatThrownBy(() -> exchange.clientFinal(CLIENT_FINAL))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("28P01");
                    assertThat(e.logDetail()).contains("Role \"user\" does not exist.");
                })
                .hasMessage("password authentication failed for user \"user\"");
    }

    @Test
    void testWrongProofAndNonce()
    {
        String wrongProof = CLIENT_FINAL.substring(0, CLIENT_FINAL.indexOf(",p=") + 3) + Base64.getEncoder().encodeToString(new byte[32]);
        assertFinalFails(wrongProof, "28P01", "password authentication failed for user \"user\"");
        // the client's proof is tied to the nonce, so a changed nonce fails too
        assertFinalFails(CLIENT_FINAL.replace("hNlF$k0", "hNlF$k1"), "28P01", "password authentication failed for user \"user\"");
    }

    @Test
    void testChannelBindingFlags()
    {
        // "y": the client supports channel binding but believes the server does not; fine, as only SCRAM-SHA-256 is offered
        ScramSha256ServerExchange exchange = exchange(Optional.empty());
        exchange.clientFirst("y,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        // the channel binding input must repeat "y,," (eSws), not "n,," (biws)
        assertThatThrownBy(() -> exchange.clientFinal(CLIENT_FINAL))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("08P01"))
                .hasMessage("SCRAM channel binding check failed");

        assertFinalFails(CLIENT_FINAL.replace("c=biws", "c=eSws"), "08P01", "SCRAM channel binding check failed");
        assertFirstFails("p=tls-server-end-point,,n=user,r=abc", "08P01", "malformed SCRAM message: the client selected SCRAM-SHA-256 without channel binding, but the SCRAM message includes channel binding data");
    }

    @Test
    void testMalformedClientFirst()
    {
        assertFirstFails("", "08P01", "malformed SCRAM message: unexpected end of message");
        assertFirstFails("x,,n=user,r=abc", "08P01", "malformed SCRAM message: unexpected channel-binding flag in client-first-message");
        assertFirstFails("n,a=admin,n=user,r=abc", "0A000", "client uses authorization identity, but it is not supported");
        assertFirstFails("n,,m=ext,n=user,r=abc", "0A000", "client requires an unsupported SCRAM extension");
        assertFirstFails("n,,r=abc", "08P01", "malformed SCRAM message: expected attribute \"n\" at position 3");
        assertFirstFails("n,,n=user", "08P01", "malformed SCRAM message: unexpected end of message");
        assertFirstFails("n,,n=user,r=", "08P01", "malformed SCRAM message: the client nonce is empty or not printable");
        assertFirstFails("n,,n=us=er,r=abc", "08P01", "malformed SCRAM message: invalid escape in the user name of client-first-message");
        assertFirstFails("n,,n=user,r=abc,", "08P01", "malformed SCRAM message: unexpected end of message");
        // extensions after the nonce are ignored, and an escaped SCRAM user name is fine (it is ignored too)
        assertThat(exchange(Optional.empty()).clientFirst("n,,n=a=2Cb=3D,r=abc,x=ext")).startsWith("r=abc" + SERVER_NONCE + ",s=");
        assertThat(exchange(Optional.empty()).clientFirst("n,,n=,r=abc")).startsWith("r=abc" + SERVER_NONCE + ",");
    }

    @Test
    void testMalformedClientFinal()
    {
        assertFinalFails("r=x,p=abc", "08P01", "malformed SCRAM message: expected attribute \"c\" at position 0");
        assertFinalFails("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0", "08P01", "malformed SCRAM message: could not find proof in client-final-message");
        assertFinalFails(CLIENT_FINAL + ",x=1", "08P01", "malformed SCRAM message: garbage at end of client-final-message");
        assertFinalFails(CLIENT_FINAL.replace("p=dHzb", "p=*Hzb"), "08P01", "malformed SCRAM message: malformed proof in client-final-message: not base64");
        assertFinalFails(CLIENT_FINAL.substring(0, CLIENT_FINAL.indexOf(",p=") + 3) + "AAAA", "08P01", "malformed SCRAM message: malformed proof in client-final-message");
        assertFinalFails(CLIENT_FINAL.replace("c=biws", "c=bi!s"), "08P01", "malformed SCRAM message: malformed channel binding in client-final-message: not base64");
    }

    private static void assertFirstFails(String clientFirst, String sqlState, String message)
    {
        assertThatThrownBy(() -> exchange(Optional.empty()).clientFirst(clientFirst))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo(sqlState))
                .hasMessage(message);
    }

    private static void assertFinalFails(String clientFinal, String sqlState, String message)
    {
        ScramSha256ServerExchange exchange = exchange(Optional.empty());
        exchange.clientFirst(CLIENT_FIRST);
        assertThatThrownBy(() -> exchange.clientFinal(clientFinal))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo(sqlState))
                .hasMessage(message);
    }

    private static ScramSha256ServerExchange exchange(Optional<String> doomed)
    {
        return new ScramSha256ServerExchange("user", PENCIL, doomed, SERVER_NONCE);
    }
}

package io.basin.pgwire;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server TLS contexts from the files operators have: a PEM certificate chain with a PEM PKCS#8
 * private key (what PostgreSQL's ssl_cert_file/ssl_key_file hold), or a PKCS#12 keystore.
 */
public final class TlsContexts
{
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private TlsContexts() {}

    public static SSLContext fromPem(Path certificateFile, Path privateKeyFile)
            throws IOException, GeneralSecurityException
    {
        List<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certificateFile)) {
            chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + certificateFile);
        }
        Matcher matcher = PRIVATE_KEY.matcher(Files.readString(privateKeyFile));
        if (!matcher.find()) {
            throw new GeneralSecurityException(privateKeyFile + " holds no PKCS#8 private key (-----BEGIN PRIVATE KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(matcher.group(1)));
        PrivateKey key = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                key = KeyFactory.getInstance(algorithm).generatePrivate(spec);
                break;
            }
            catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        if (key == null) {
            throw new GeneralSecurityException("unsupported private key algorithm in " + privateKeyFile);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry("server", key, password, chain.toArray(Certificate[]::new));
        return context(store, password);
    }

    public static SSLContext fromKeyStore(Path keyStoreFile, char[] password)
            throws IOException, GeneralSecurityException
    {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            store.load(in, password);
        }
        return context(store, password);
    }

    private static SSLContext context(KeyStore store, char[] password)
            throws GeneralSecurityException
    {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }
}

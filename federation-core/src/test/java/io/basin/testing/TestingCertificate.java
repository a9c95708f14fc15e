package io.basin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * A throwaway self-signed certificate made with the JDK's keytool (EC P-256, two days, for
 * {@code localhost} and {@code 127.0.0.1}), as a PKCS#12 key store and as PEM files: the
 * certificate, and the private key in PKCS#8.
 */
public record TestingCertificate(Path keyStore, char[] password, Path certificatePem, Path privateKeyPem)
{
    private static final String ALIAS = "server";

    public TestingCertificate
    {
        requireNonNull(keyStore, "keyStore is null");
        requireNonNull(password, "password is null");
        requireNonNull(certificatePem, "certificatePem is null");
        requireNonNull(privateKeyPem, "privateKeyPem is null");
    }

    /** Makes a certificate in {@code directory}, its files named after {@code name}. */
    public static TestingCertificate selfSigned(Path directory, String name)
    {
        char[] password = "test-only".toCharArray();
        Path keyStore = directory.resolve(name + ".p12");
        try {
            Files.createDirectories(directory);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    "-storepass", new String(password), "-keypass", new String(password))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, password);
            }
            Key key = store.getKey(ALIAS, password);
            Path certificatePem = directory.resolve(name + ".crt.pem");
            Path privateKeyPem = directory.resolve(name + ".key.pem");
            Files.writeString(certificatePem, pem("CERTIFICATE", store.getCertificate(ALIAS).getEncoded()));
            Files.writeString(privateKeyPem, pem("PRIVATE KEY", key.getEncoded()));
            return new TestingCertificate(keyStore, password, certificatePem, privateKeyPem);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key store keytool made", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der)
    {
        return "-----BEGIN %s-----%n%s%n-----END %s-----%n".formatted(type, Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der), type);
    }
}

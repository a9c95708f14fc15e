package io.basin.spectrum.flight;

import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * What a scan worker proves itself with when it serves over TLS: its certificate chain and
 * private key, PEM files (the key in PKCS#8, {@code BEGIN PRIVATE KEY}). The server trusts the
 * worker when the chain leads to a certificate in its {@code spectrum.tls-trusted-certificates}
 * and names the address the server connects to.
 */
public record TlsIdentity(Path certificateChain, Path privateKey)
{
    public TlsIdentity
    {
        requireNonNull(certificateChain, "certificateChain is null");
        requireNonNull(privateKey, "privateKey is null");
        for (Path file : new Path[] {certificateChain, privateKey}) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("Cannot read TLS file " + file);
            }
        }
    }
}

package io.basin.spectrum;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Hadoop file systems for lake files, one instance per scheme and authority held in the caller's
 * map. Hadoop's shared file system cache keys an S3A client by bucket only, so two catalogs with
 * different credentials for one bucket would silently share the first one's client; each owner
 * keeps its own instances and closes them itself.
 *
 * <p>Local files are read and written without Hadoop's {@code .crc} side files: checking them
 * costs a CRC over every byte read, through 4 KB buffered reads (about a tenth of the scan
 * workers' CPU in a profile of TPC-H q1, q3 and q6 over lake Parquet), while Parquet and ORC
 * check their own structure and name the file when it is damaged.
 */
public final class LakeFileSystems
{
    private LakeFileSystems() {}

    /** The file system of {@code path}'s scheme and authority in {@code fileSystems}, opened on first use. */
    public static FileSystem fileSystem(Map<String, FileSystem> fileSystems, Path path, Configuration configuration)
    {
        requireNonNull(configuration, "configuration is null");
        URI uri = path.toUri();
        String scheme = uri.getScheme() == null ? "file" : uri.getScheme();
        String key = scheme + "://" + (uri.getAuthority() == null ? "" : uri.getAuthority());
        return fileSystems.computeIfAbsent(key, _ -> {
            try {
                FileSystem fileSystem = FileSystem.newInstance(URI.create(key + "/"), configuration);
                if (scheme.equals("file")) {
                    fileSystem.setVerifyChecksum(false);
                    fileSystem.setWriteChecksum(false);
                }
                return fileSystem;
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot open file system " + key, e);
            }
        });
    }
}

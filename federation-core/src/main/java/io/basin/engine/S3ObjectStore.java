package io.basin.engine;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.sql.parser.Statement.ObjectStoreAccess;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.s3a.UnknownStoreException;
import org.apache.iceberg.hadoop.HadoopInputFile;
import org.apache.iceberg.io.InputFile;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One bucket of S3 (or of an S3-compatible store) for a COPY or an UNLOAD, through Hadoop S3A
 * with the statement's own credentials: a file system instance of its own (never the JVM-wide
 * cached one, which would keep one statement's keys for the next), closed with the statement.
 * Failures become {@link BasinException}s with SQLSTATEs: a missing bucket or object 58P01,
 * refused credentials 28000, anything else 58030; their messages and causes never carry the keys.
 */
final class S3ObjectStore
        implements AutoCloseable
{
    private final ObjectStoreAccess access;
    private final String bucket;
    private final FileSystem fileSystem;

    private S3ObjectStore(ObjectStoreAccess access, String bucket, FileSystem fileSystem)
    {
        this.access = requireNonNull(access, "access is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        this.fileSystem = requireNonNull(fileSystem, "fileSystem is null");
    }

    /** The bucket of {@code location} ({@code s3://bucket/key} or {@code s3a://bucket/key}). */
    static S3ObjectStore open(String location, ObjectStoreAccess access)
    {
        String bucket = bucket(location);
        Configuration configuration = new Configuration();
        configuration.set("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        configuration.setBoolean("fs.s3a.impl.disable.cache", true);
        // fail a statement within seconds rather than retrying for minutes
        configuration.setInt("fs.s3a.attempts.maximum", 2);
        configuration.setInt("fs.s3a.retry.limit", 2);
        configuration.set("fs.s3a.retry.interval", "200ms");
        access.endpoint().ifPresent(endpoint -> {
            configuration.set("fs.s3a.endpoint", endpoint);
            configuration.setBoolean("fs.s3a.connection.ssl.enabled", endpoint.regionMatches(true, 0, "https:", 0, 6));
            // S3-compatible stores (MinIO, S3Proxy, Ceph) are addressed by path, not by a bucket host name
            configuration.setBoolean("fs.s3a.path.style.access", true);
        });
        access.region().or(() -> access.endpoint().map(_ -> "us-east-1")).ifPresent(region -> configuration.set("fs.s3a.endpoint.region", region));
        if (access.accessKeyId().isPresent()) {
            configuration.set("fs.s3a.access.key", access.accessKeyId().get());
            configuration.set("fs.s3a.secret.key", access.secretAccessKey().orElseThrow());
            if (access.sessionToken().isPresent()) {
                configuration.set("fs.s3a.session.token", access.sessionToken().get());
                configuration.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider");
            }
            else {
                configuration.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
            }
        }
        try {
            return new S3ObjectStore(access, bucket, FileSystem.newInstance(URI.create("s3a://" + bucket + "/"), configuration));
        }
        catch (IOException | RuntimeException e) {
            throw failure(access, "connect to", "s3://" + bucket, e);
        }
    }

    private static String bucket(String location)
    {
        String rest = location.substring(location.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new BasinException(BasinErrorCode.INVALID_PARAMETER_VALUE, "\"%s\" is not a valid S3 bucket name".formatted(bucket.replaceAll("^.*@", "")));
        }
        return bucket;
    }

    /** The S3A path of {@code location}: the same bucket and key with scheme {@code s3a}. */
    private static org.apache.hadoop.fs.Path path(String location)
    {
        return new org.apache.hadoop.fs.Path("s3a://" + location.substring(location.indexOf("://") + 3));
    }

    /**
     * The objects whose keys start with {@code location}'s key, as Redshift's COPY reads a prefix
     * ({@code s3://bucket/data/part_} takes {@code data/part_0.csv} and {@code data/part_1/x.csv}),
     * in key order; a missing bucket or no object under the prefix fails with 58P01.
     */
    List<FileStatus> objectsUnder(String location)
    {
        String prefix = path(location).toString();
        org.apache.hadoop.fs.Path directory = location.endsWith("/") ? path(location) : path(location).getParent();
        List<FileStatus> objects = new ArrayList<>();
        FileNotFoundException missing = null;
        try {
            RemoteIterator<LocatedFileStatus> files = fileSystem.listFiles(directory, true);
            while (files.hasNext()) {
                LocatedFileStatus file = files.next();
                if (file.isFile() && file.getPath().toString().startsWith(prefix)) {
                    objects.add(file);
                }
            }
        }
        catch (UnknownStoreException e) {
            throw failure(access, "list", location, e);
        }
        catch (FileNotFoundException e) {
            // no "directory" above the prefix: nothing under it either
            missing = e;
        }
        catch (IOException | RuntimeException e) {
            throw failure(access, "list", location, e);
        }
        if (objects.isEmpty()) {
            throw new BasinException(BasinErrorCode.UNDEFINED_FILE, "no S3 object has a key starting with \"%s\"".formatted(shown(location)), missing);
        }
        objects.sort(Comparator.comparing(file -> file.getPath().toString()));
        return objects;
    }

    InputFile inputFile(FileStatus object)
    {
        return HadoopInputFile.fromStatus(object, fileSystem);
    }

    InputStream open(FileStatus object)
            throws IOException
    {
        return fileSystem.open(object.getPath());
    }

    /**
     * Uploads the local file {@code file} as the object {@code location}: one PUT or multipart
     * upload, aborted on failure, so the object appears whole or not at all. (Through an output
     * stream: S3A's copyFromLocalFile needs the SDK's asynchronous Netty client, which Basin leaves out.)
     */
    void upload(java.nio.file.Path file, String location)
    {
        try (InputStream input = java.nio.file.Files.newInputStream(file)) {
            FSDataOutputStream output = fileSystem.create(path(location), true);
            try {
                input.transferTo(output);
            }
            catch (IOException | RuntimeException e) {
                output.abort();
                throw e;
            }
            output.close();
        }
        catch (IOException | RuntimeException e) {
            throw failure(access, "write", location, e);
        }
    }

    /** Deletes the object {@code location}; a failure is returned for the caller to attach, not thrown. */
    RuntimeException delete(String location)
    {
        try {
            fileSystem.delete(path(location), false);
            return null;
        }
        catch (IOException | RuntimeException e) {
            return failure(access, "delete", location, e);
        }
    }

    /** The failure {@code failure} (while trying to {@code action} {@code location}) as the statement's error. */
    BasinException failure(String action, String location, Throwable failure)
    {
        return failure(access, action, location, failure);
    }

    private static BasinException failure(ObjectStoreAccess access, String action, String location, Throwable failure)
    {
        Throwable cause = failure;
        while ((cause instanceof UncheckedIOException || cause.getClass().getName().equals("org.apache.iceberg.exceptions.RuntimeIOException")) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // the store's own message (bucket, key, request id), with any key that found its way into it removed
        String detail = access.redact(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse(""));
        RuntimeException redacted = new RuntimeException(cause.getClass().getName() + ": " + detail);
        redacted.setStackTrace(cause.getStackTrace());
        String where = shown(location);
        return switch (cause) {
            case UnknownStoreException _ -> new BasinException(BasinErrorCode.UNDEFINED_FILE, "could not %s \"%s\": bucket \"%s\" does not exist".formatted(action, where, bucket(location)), redacted);
            case FileNotFoundException _ -> new BasinException(BasinErrorCode.UNDEFINED_FILE, "could not %s \"%s\": no such object".formatted(action, where), redacted);
            case AccessDeniedException _ -> new BasinException(BasinErrorCode.INVALID_AUTHORIZATION_SPECIFICATION,
                    "could not %s \"%s\": S3 refused access (check ACCESS_KEY_ID and SECRET_ACCESS_KEY, or CREDENTIALS, and the bucket's policy)".formatted(action, where), redacted);
            default -> new BasinException(BasinErrorCode.OBJECT_STORE_ERROR, "could not %s \"%s\": %s".formatted(action, where, detail), redacted);
        };
    }

    /** {@code location} for messages: any user information before the bucket removed. */
    private static String shown(String location)
    {
        return location.replaceAll("//[^/@]*@", "//");
    }

    @Override
    public void close()
    {
        try {
            fileSystem.close();
        }
        catch (IOException e) {
            throw new BasinException(BasinErrorCode.OBJECT_STORE_ERROR, "could not close the connection to S3 bucket \"%s\": %s".formatted(bucket, access.redact(e.getMessage())));
        }
    }

    @Override
    public String toString()
    {
        return "S3ObjectStore{bucket=%s, %s}".formatted(bucket, access);
    }
}

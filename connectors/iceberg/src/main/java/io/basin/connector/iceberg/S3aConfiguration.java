package io.basin.connector.iceberg;

import org.apache.hadoop.conf.Configuration;

/** The Hadoop configuration of a lake catalog: S3A settings from the catalog's S3 options. */
final class S3aConfiguration
{
    private S3aConfiguration() {}

    static Configuration create(IcebergConfig.S3Options s3)
    {
        Configuration configuration = new Configuration();
        configuration.set("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        s3.endpoint().ifPresent(endpoint -> {
            configuration.set("fs.s3a.endpoint", endpoint);
            // a custom endpoint is usually plain HTTP on a private network (MinIO, S3Proxy)
            configuration.setBoolean("fs.s3a.connection.ssl.enabled", endpoint.startsWith("https:"));
        });
        s3.region().ifPresent(region -> configuration.set("fs.s3a.endpoint.region", region));
        configuration.setBoolean("fs.s3a.path.style.access", s3.pathStyleAccess());
        s3.accessKey().ifPresent(key -> configuration.set("fs.s3a.access.key", key));
        s3.secretKey().ifPresent(key -> configuration.set("fs.s3a.secret.key", key));
        s3.credentialsProvider().ifPresent(provider -> configuration.set("fs.s3a.aws.credentials.provider", provider));
        return configuration;
    }
}

package io.basin.connector.iceberg;

import org.apache.hadoop.conf.Configuration;

import java.util.HashMap;
import java.util.Map;

/** The Hadoop configuration of a lake catalog: S3A settings from the catalog's S3 options. */
final class S3aConfiguration
{
    private S3aConfiguration() {}

    static Configuration create(IcebergConfig.S3Options s3)
    {
        Configuration configuration = new Configuration();
        settings(s3).forEach(configuration::set);
        return configuration;
    }

    /** The Hadoop settings only, as remote scan workers are sent them (they hold the secret key). */
    static Map<String, String> settings(IcebergConfig.S3Options s3)
    {
        Map<String, String> settings = new HashMap<>();
        settings.put("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        s3.endpoint().ifPresent(endpoint -> {
            settings.put("fs.s3a.endpoint", endpoint);
            // a custom endpoint is usually plain HTTP on a private network (MinIO, S3Proxy)
            settings.put("fs.s3a.connection.ssl.enabled", String.valueOf(endpoint.startsWith("https:")));
        });
        s3.region().ifPresent(region -> settings.put("fs.s3a.endpoint.region", region));
        settings.put("fs.s3a.path.style.access", String.valueOf(s3.pathStyleAccess()));
        s3.accessKey().ifPresent(key -> settings.put("fs.s3a.access.key", key));
        s3.secretKey().ifPresent(key -> settings.put("fs.s3a.secret.key", key));
        s3.credentialsProvider().ifPresent(provider -> settings.put("fs.s3a.aws.credentials.provider", provider));
        return settings;
    }
}

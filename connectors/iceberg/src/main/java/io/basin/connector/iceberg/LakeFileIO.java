package io.basin.connector.iceberg;

import io.basin.spectrum.LakeFileSystems;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.hadoop.HadoopInputFile;
import org.apache.iceberg.hadoop.HadoopOutputFile;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Iceberg file access through Hadoop file systems (local, S3A) that belong to one lake catalog.
 * Hadoop's shared file system cache keys an S3A client by bucket only, so two catalogs with
 * different credentials for one bucket would silently share the first one's client; this keeps
 * its own instance per scheme and bucket and closes them with the catalog.
 *
 * <p>Also the {@code io-impl} of the catalog's Iceberg catalog, which hands it its configuration.
 */
public final class LakeFileIO
        implements FileIO, Configurable
{
    private final Map<String, FileSystem> fileSystems = new ConcurrentHashMap<>();
    private Configuration configuration;

    /** For Iceberg's catalog, which sets the configuration afterwards. */
    public LakeFileIO() {}

    LakeFileIO(Configuration configuration)
    {
        this.configuration = requireNonNull(configuration, "configuration is null");
    }

    @Override
    public void setConf(Configuration configuration)
    {
        this.configuration = requireNonNull(configuration, "configuration is null");
    }

    @Override
    public Configuration getConf()
    {
        return configuration;
    }

    @Override
    public InputFile newInputFile(String location)
    {
        Path path = new Path(location);
        return HadoopInputFile.fromPath(path, fileSystem(path), configuration);
    }

    @Override
    public InputFile newInputFile(String location, long length)
    {
        Path path = new Path(location);
        return HadoopInputFile.fromPath(path, length, fileSystem(path), configuration);
    }

    @Override
    public OutputFile newOutputFile(String location)
    {
        Path path = new Path(location);
        return HadoopOutputFile.fromPath(path, fileSystem(path), configuration);
    }

    @Override
    public void deleteFile(String location)
    {
        Path path = new Path(location);
        try {
            fileSystem(path).delete(path, false);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + location, e);
        }
    }

    private FileSystem fileSystem(Path path)
    {
        return LakeFileSystems.fileSystem(fileSystems, path, configuration);
    }

    @Override
    public void close()
    {
        IOException failure = null;
        for (FileSystem fileSystem : fileSystems.values()) {
            try {
                fileSystem.close();
            }
            catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        fileSystems.clear();
        if (failure != null) {
            throw new UncheckedIOException("Cannot close the lake's file systems", failure);
        }
    }
}

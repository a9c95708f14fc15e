package io.basin.spectrum.flight;

import io.basin.spectrum.LakeFileSystems;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.hadoop.HadoopInputFile;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * A worker's read-only access to the files of one lake catalog, with the catalog's Hadoop settings
 * (S3A endpoint, credentials). Hadoop's shared file system cache keys clients by bucket only, so
 * this keeps its own per scheme and authority: two catalogs with different credentials for one
 * bucket must not share a client.
 */
final class WorkerFileIO
        implements FileIO
{
    private final Configuration configuration;
    private final Map<String, FileSystem> fileSystems = new ConcurrentHashMap<>();

    WorkerFileIO(Map<String, String> settings)
    {
        requireNonNull(settings, "settings is null");
        configuration = new Configuration();
        settings.forEach(configuration::set);
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
        throw new UnsupportedOperationException("Scan workers do not write files: " + location);
    }

    @Override
    public void deleteFile(String location)
    {
        throw new UnsupportedOperationException("Scan workers do not delete files: " + location);
    }

    private FileSystem fileSystem(Path path)
    {
        return LakeFileSystems.fileSystem(fileSystems, path, configuration);
    }

    @Override
    public void close()
    {
        for (FileSystem fileSystem : fileSystems.values()) {
            try {
                fileSystem.close();
            }
            catch (IOException e) {
                System.getLogger(WorkerFileIO.class.getName()).log(System.Logger.Level.WARNING, "Cannot close a file system of a scan worker", e);
            }
        }
        fileSystems.clear();
    }
}

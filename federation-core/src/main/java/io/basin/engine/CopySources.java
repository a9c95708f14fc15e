package io.basin.engine;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import io.basin.sql.parser.Statement;
import io.basin.sql.parser.Statement.ObjectStoreAccess;
import io.trino.spi.Page;
import io.trino.spi.type.Type;
import org.apache.hadoop.fs.FileStatus;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code COPY table FROM 'location'} reads: a local file, or every S3 object whose key
 * starts with the location's key (Redshift's prefix semantics), one after the other in key order,
 * as pages of the listed columns' types. A value that does not fit fails with 22P04 naming the
 * object, line (or Parquet row) and column.
 */
final class CopySources
{
    private CopySources() {}

    static void read(Statement.CopyFrom copy, List<String> names, List<Type> types, Consumer<Page> pages)
    {
        if (!ObjectStoreAccess.isObjectStore(copy.location())) {
            java.nio.file.Path file = DelimitedFileReader.localPath(copy.location());
            if (copy.parquet()) {
                ParquetFiles.read(file, names, types, pages);
            }
            else {
                new DelimitedFileReader(copy.format(), copy.skipLines(), names, types).read(file, pages);
            }
            return;
        }
        try (S3ObjectStore store = S3ObjectStore.open(copy.location(), copy.access())) {
            for (FileStatus object : store.objectsUnder(copy.location())) {
                String name = object.getPath().toString();
                try {
                    if (copy.parquet()) {
                        ParquetFiles.read(store.inputFile(object), name, names, types, pages);
                    }
                    else {
                        try (InputStream input = store.open(object)) {
                            new DelimitedFileReader(copy.format(), copy.skipLines(), names, types).read(input, pages);
                        }
                    }
                }
                catch (IOException | java.io.UncheckedIOException e) {
                    throw store.failure("read", name, e);
                }
                catch (BasinException e) {
                    if (e.code() == BasinErrorCode.BAD_COPY_FILE_FORMAT) {
                        throw new BasinException(BasinErrorCode.BAD_COPY_FILE_FORMAT, name + ", " + e.getMessage(), e);
                    }
                    throw e;
                }
            }
        }
    }
}

package io.basin.connector.iceberg;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.trino.spi.TrinoException;
import org.apache.iceberg.DataFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static io.basin.spectrum.SpectrumErrorCode.describe;
import static io.basin.spectrum.SpectrumErrorCode.LAKE_INTERNAL_ERROR;

/**
 * Carries the data files a page sink wrote to the commit as the sink's fragments. Iceberg's
 * {@link DataFile}s (with their column metrics) are Java-serializable, which is how Iceberg's own
 * engines ship them between tasks; classes resolve in this plugin's class loader.
 */
final class DataFileCodec
{
    Slice encode(DataFile file)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream output = new ObjectOutputStream(bytes)) {
            output.writeObject(file);
        }
        catch (IOException e) {
            throw new TrinoException(LAKE_INTERNAL_ERROR, "Cannot encode data file %s: %s".formatted(file.location(), describe(e)), e);
        }
        return Slices.wrappedBuffer(bytes.toByteArray());
    }

    List<DataFile> decode(Collection<Slice> fragments)
    {
        List<DataFile> files = new ArrayList<>(fragments.size());
        for (Slice fragment : fragments) {
            try (ObjectInputStream input = new PluginObjectInputStream(new ByteArrayInputStream(fragment.getBytes()))) {
                files.add((DataFile) input.readObject());
            }
            catch (IOException | ClassNotFoundException e) {
                throw new TrinoException(LAKE_INTERNAL_ERROR, "Cannot decode a written data file: " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static final class PluginObjectInputStream
            extends ObjectInputStream
    {
        PluginObjectInputStream(InputStream input)
                throws IOException
        {
            super(input);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description)
                throws IOException, ClassNotFoundException
        {
            try {
                return Class.forName(description.getName(), false, DataFileCodec.class.getClassLoader());
            }
            catch (ClassNotFoundException e) {
                return super.resolveClass(description);
            }
        }
    }
}

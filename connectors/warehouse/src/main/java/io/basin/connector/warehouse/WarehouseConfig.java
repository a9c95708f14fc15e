package io.basin.connector.warehouse;

import io.basin.connector.warehouse.storage.SliceDistribution;
import io.trino.spi.TrinoException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import static io.trino.spi.StandardErrorCode.CONFIGURATION_INVALID;
import static java.util.Objects.requireNonNull;

/**
 * Catalog properties of the warehouse connector.
 *
 * @param dataDirectory where the catalog keeps its manifest and column blocks ({@code warehouse.data-directory}, required)
 * @param rowsPerGroup the most rows of one row group, i.e. of each column block ({@code warehouse.rows-per-group}, default 65536)
 * @param targetBlockBytes a row group ends once one of its column blocks reaches this many raw bytes ({@code warehouse.block-size-bytes}, default 1 MB)
 * @param sortBufferRows rows a writer buffers and sorts into one sorted run ({@code warehouse.sort-buffer-rows}, default 1048576)
 * @param slices the slices a new table's rows are spread over ({@code warehouse.slices}, default the
 *         number of cores; a table keeps the count it was created with)
 */
public record WarehouseConfig(Path dataDirectory, int rowsPerGroup, long targetBlockBytes, int sortBufferRows, int slices)
{
    public static final String DATA_DIRECTORY = "warehouse.data-directory";
    public static final String ROWS_PER_GROUP = "warehouse.rows-per-group";
    public static final String BLOCK_SIZE_BYTES = "warehouse.block-size-bytes";
    public static final String SORT_BUFFER_ROWS = "warehouse.sort-buffer-rows";
    public static final String SLICES = "warehouse.slices";

    public WarehouseConfig
    {
        requireNonNull(dataDirectory, "dataDirectory is null");
        if (rowsPerGroup < 1 || targetBlockBytes < 1 || sortBufferRows < 1) {
            throw new IllegalArgumentException("rowsPerGroup, targetBlockBytes and sortBufferRows must be positive");
        }
        if (slices < 1 || slices > SliceDistribution.MAX_SLICES) {
            throw new IllegalArgumentException("slices must be between 1 and " + SliceDistribution.MAX_SLICES);
        }
    }

    /** With as many slices as the machine has cores. */
    public WarehouseConfig(Path dataDirectory, int rowsPerGroup, long targetBlockBytes, int sortBufferRows)
    {
        this(dataDirectory, rowsPerGroup, targetBlockBytes, sortBufferRows, defaultSlices());
    }

    public static WarehouseConfig defaults(Path dataDirectory)
    {
        return new WarehouseConfig(dataDirectory, 65536, 1 << 20, 1 << 20);
    }

    private static int defaultSlices()
    {
        return Math.min(SliceDistribution.MAX_SLICES, Runtime.getRuntime().availableProcessors());
    }

    public WarehouseConfig withSlices(int newSlices)
    {
        return new WarehouseConfig(dataDirectory, rowsPerGroup, targetBlockBytes, sortBufferRows, newSlices);
    }

    /** Reads the catalog properties; unknown names fail, as a misspelt property would otherwise go unnoticed. */
    public static WarehouseConfig fromProperties(Map<String, String> properties)
    {
        Map<String, String> remaining = new HashMap<>(properties);
        String directory = remaining.remove(DATA_DIRECTORY);
        if (directory == null || directory.isBlank()) {
            throw new TrinoException(CONFIGURATION_INVALID, "Warehouse catalog property %s is required".formatted(DATA_DIRECTORY));
        }
        WarehouseConfig defaults = defaults(Path.of(directory));
        int rowsPerGroup = positiveInt(ROWS_PER_GROUP, remaining.remove(ROWS_PER_GROUP), defaults.rowsPerGroup());
        int blockBytes = positiveInt(BLOCK_SIZE_BYTES, remaining.remove(BLOCK_SIZE_BYTES), (int) defaults.targetBlockBytes());
        int sortBufferRows = positiveInt(SORT_BUFFER_ROWS, remaining.remove(SORT_BUFFER_ROWS), defaults.sortBufferRows());
        int slices = positiveInt(SLICES, remaining.remove(SLICES), defaults.slices());
        if (slices > SliceDistribution.MAX_SLICES) {
            throw new TrinoException(CONFIGURATION_INVALID, "Invalid value for %s: must be at most %s, was %s".formatted(SLICES, SliceDistribution.MAX_SLICES, slices));
        }
        if (!remaining.isEmpty()) {
            throw new TrinoException(CONFIGURATION_INVALID, "Unknown warehouse catalog properties: " + new TreeSet<>(remaining.keySet()));
        }
        return new WarehouseConfig(defaults.dataDirectory(), rowsPerGroup, blockBytes, sortBufferRows, slices);
    }

    private static int positiveInt(String name, String value, int defaultValue)
    {
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1) {
                return parsed;
            }
        }
        catch (NumberFormatException e) {
            throw new TrinoException(CONFIGURATION_INVALID, "Invalid value for %s: '%s' is not a whole number".formatted(name, value), e);
        }
        throw new TrinoException(CONFIGURATION_INVALID, "Invalid value for %s: must be at least 1, was %s".formatted(name, value));
    }
}

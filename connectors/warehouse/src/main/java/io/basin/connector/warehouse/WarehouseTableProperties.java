package io.basin.connector.warehouse;

import io.basin.connector.warehouse.format.ColumnType;
import io.basin.connector.warehouse.format.Encoding;
import io.basin.connector.warehouse.storage.SliceDistribution;
import io.basin.connector.warehouse.storage.SliceHash;
import io.basin.connector.warehouse.storage.TableDefinition;
import io.basin.connector.warehouse.storage.WarehouseColumn;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ColumnMetadata;
import io.trino.spi.connector.ConnectorTableMetadata;
import io.trino.spi.session.PropertyMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

import static io.trino.spi.StandardErrorCode.INVALID_COLUMN_PROPERTY;
import static io.trino.spi.StandardErrorCode.INVALID_TABLE_PROPERTY;

/**
 * Redshift's table attributes as table and column properties: {@code diststyle} (AUTO, EVEN, KEY,
 * ALL), {@code distkey} (a column), {@code sortkey} (columns, comma-separated or a list),
 * {@code sortstyle} (COMPOUND, INTERLEAVED), Basin's {@code slices} (the table's slice count,
 * by default the catalog's) and the column property {@code encode}.
 */
final class WarehouseTableProperties
{
    static final String DISTSTYLE = "diststyle";
    static final String DISTKEY = "distkey";
    static final String SORTKEY = "sortkey";
    static final String SORTSTYLE = "sortstyle";
    static final String ENCODE = "encode";
    /** A column's DEFAULT expression as SQL text; the engine evaluates it, the warehouse keeps it in the manifest. */
    static final String DEFAULT = "default";
    static final String SLICES = "slices";

    static final List<PropertyMetadata<?>> TABLE_PROPERTIES = List.of(
            PropertyMetadata.stringProperty(DISTSTYLE, "How rows are distributed over slices: AUTO, EVEN, KEY or ALL", "AUTO", false),
            PropertyMetadata.stringProperty(DISTKEY, "The distribution key column (DISTSTYLE KEY)", null, false),
            PropertyMetadata.stringProperty(SORTKEY, "Sort key columns, comma-separated", null, false),
            PropertyMetadata.stringProperty(SORTSTYLE, "COMPOUND or INTERLEAVED", "COMPOUND", false),
            PropertyMetadata.stringProperty(SLICES, "Slices the rows are spread over (default: the catalog's warehouse.slices)", null, false));

    static final List<PropertyMetadata<?>> COLUMN_PROPERTIES = List.of(
            PropertyMetadata.stringProperty(ENCODE, "Column encoding: RAW, AZ64, DELTA, BYTEDICT, RUNLENGTH, ZSTD, LZ4 or AUTO", "AUTO", false),
            PropertyMetadata.stringProperty(DEFAULT, "The column's DEFAULT expression (SQL text) for INSERTs that leave it out", null, false));

    private WarehouseTableProperties() {}

    /**
     * The definition of a new table, on {@code defaultSlices} slices unless it names its own
     * count; unknown or invalid attributes fail with a message naming them.
     */
    static TableDefinition definition(long id, ConnectorTableMetadata metadata, int defaultSlices)
    {
        List<ColumnMetadata> visible = metadata.getColumns().stream().filter(column -> !column.isHidden()).toList();
        List<WarehouseColumn> columns = new ArrayList<>();
        Map<String, Integer> ordinals = new HashMap<>();
        for (ColumnMetadata column : visible) {
            ordinals.put(column.getName(), columns.size());
            columns.add(column(column));
        }
        Map<String, Object> properties = new LinkedHashMap<>(metadata.getProperties());
        String distStyleName = string(properties.remove(DISTSTYLE)).orElse(null);
        Optional<String> distKeyName = string(properties.remove(DISTKEY));
        List<String> sortKeyNames = names(properties.remove(SORTKEY));
        String sortStyleName = string(properties.remove(SORTSTYLE)).orElse("COMPOUND");
        int slices = slices(properties.remove(SLICES), defaultSlices);
        if (!properties.isEmpty()) {
            throw new TrinoException(INVALID_TABLE_PROPERTY, "Unknown warehouse table properties: " + new TreeSet<>(properties.keySet()));
        }
        TableDefinition.DistStyle distStyle = distStyleName == null
                ? (distKeyName.isPresent() ? TableDefinition.DistStyle.KEY : TableDefinition.DistStyle.AUTO)
                : enumValue(TableDefinition.DistStyle.class, distStyleName, "DISTSTYLE");
        if (distStyle == TableDefinition.DistStyle.KEY && distKeyName.isEmpty()) {
            throw new TrinoException(INVALID_TABLE_PROPERTY, "DISTSTYLE KEY needs a DISTKEY column");
        }
        if (distStyle != TableDefinition.DistStyle.KEY && distKeyName.isPresent()) {
            throw new TrinoException(INVALID_TABLE_PROPERTY, "DISTKEY requires DISTSTYLE KEY, not " + distStyle);
        }
        OptionalInt distKey = distKeyName.isPresent() ? OptionalInt.of(ordinal(ordinals, distKeyName.get(), "DISTKEY")) : OptionalInt.empty();
        if (distKey.isPresent()) {
            WarehouseColumn keyColumn = columns.get(distKey.getAsInt());
            if (SliceHash.family(keyColumn.type()).isEmpty()) {
                throw new TrinoException(INVALID_TABLE_PROPERTY, "DISTKEY column \"%s\" has type %s, which cannot distribute rows: use a number, date, timestamp, boolean or string column"
                        .formatted(keyColumn.name(), keyColumn.type().getDisplayName()));
            }
        }
        List<Integer> sortKey = new ArrayList<>();
        for (String name : sortKeyNames) {
            int ordinal = ordinal(ordinals, name, "SORTKEY");
            if (sortKey.contains(ordinal)) {
                throw new TrinoException(INVALID_TABLE_PROPERTY, "SORTKEY names column %s twice".formatted(name));
            }
            sortKey.add(ordinal);
        }
        TableDefinition.SortStyle sortStyle = enumValue(TableDefinition.SortStyle.class, sortStyleName, "sort style");
        return new TableDefinition(id, metadata.getTable(), columns, sortKey, sortStyle, distStyle, distKey, metadata.getComment()).withSliceCount(slices);
    }

    private static int slices(Object value, int defaultSlices)
    {
        Optional<String> text = string(value);
        if (text.isEmpty()) {
            return defaultSlices;
        }
        try {
            int slices = Integer.parseInt(text.get());
            if (slices >= 1 && slices <= SliceDistribution.MAX_SLICES) {
                return slices;
            }
        }
        catch (NumberFormatException e) {
            throw new TrinoException(INVALID_TABLE_PROPERTY, "SLICES must be a whole number, not '%s'".formatted(text.get()), e);
        }
        throw new TrinoException(INVALID_TABLE_PROPERTY, "SLICES must be between 1 and %s, not %s".formatted(SliceDistribution.MAX_SLICES, text.get()));
    }

    /** A column as declared (its type, nullability, {@code ENCODE} and {@code DEFAULT}), without an id yet. */
    static WarehouseColumn column(ColumnMetadata column)
    {
        Encoding encoding = encoding(column, ColumnType.of(column.getType()));
        Optional<String> defaultValue = string(column.getProperties().get(DEFAULT));
        return new WarehouseColumn(column.getName(), column.getType(), column.isNullable(), encoding, Optional.ofNullable(column.getComment()), defaultValue, WarehouseColumn.UNASSIGNED);
    }

    /** The attributes of an existing table, as {@code getTableMetadata} reports them. */
    static Map<String, Object> properties(TableDefinition table)
    {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(DISTSTYLE, table.distStyle().name());
        table.distKey().ifPresent(ordinal -> properties.put(DISTKEY, table.columns().get(ordinal).name()));
        properties.put(SLICES, Integer.toString(table.sliceCount()));
        if (!table.sortKey().isEmpty()) {
            properties.put(SORTKEY, String.join(",", table.sortKey().stream().map(ordinal -> table.columns().get(ordinal).name()).toList()));
            properties.put(SORTSTYLE, table.sortStyle().name());
        }
        return properties;
    }

    private static Encoding encoding(ColumnMetadata column, ColumnType storage)
    {
        Map<String, Object> properties = new HashMap<>(column.getProperties());
        Optional<String> name = string(properties.remove(ENCODE));
        properties.remove(DEFAULT);
        if (!properties.isEmpty()) {
            throw new TrinoException(INVALID_COLUMN_PROPERTY, "Unknown warehouse column properties of %s: %s".formatted(column.getName(), new TreeSet<>(properties.keySet())));
        }
        if (name.isEmpty()) {
            return Encoding.AUTO;
        }
        Encoding encoding = Encoding.fromName(name.get()).orElseThrow(() -> new TrinoException(INVALID_COLUMN_PROPERTY,
                "Unknown encoding %s for column %s; use one of %s".formatted(name.get(), column.getName(), Arrays.toString(Encoding.values()))));
        if (!storage.allowedEncodings().contains(encoding)) {
            throw new TrinoException(INVALID_COLUMN_PROPERTY, "Encoding %s does not apply to column %s of type %s".formatted(encoding, column.getName(), column.getType().getDisplayName()));
        }
        return encoding;
    }

    private static int ordinal(Map<String, Integer> ordinals, String name, String attribute)
    {
        Integer ordinal = ordinals.get(name.strip().toLowerCase(Locale.ROOT));
        if (ordinal == null) {
            ordinal = ordinals.get(name.strip());
        }
        if (ordinal == null) {
            throw new TrinoException(INVALID_TABLE_PROPERTY, "%s column \"%s\" does not exist".formatted(attribute, name.strip()));
        }
        return ordinal;
    }

    private static Optional<String> string(Object value)
    {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static List<String> names(Object value)
    {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).map(String::strip).toList();
        }
        return Arrays.stream(value.toString().split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String attribute)
    {
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new TrinoException(INVALID_TABLE_PROPERTY, "Invalid %s '%s'; use one of %s".formatted(attribute, name, Arrays.toString(type.getEnumConstants())), e);
        }
    }
}

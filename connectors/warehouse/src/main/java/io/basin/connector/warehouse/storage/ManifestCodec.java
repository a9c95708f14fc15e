package io.basin.connector.warehouse.storage;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.connector.warehouse.format.ColumnType;
import io.basin.connector.warehouse.format.Encoding;
import io.basin.connector.warehouse.format.ZoneMap;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.type.Int128;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.zip.CRC32C;

import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * The binary form of a {@link CatalogState} (the manifest file) and of the row groups a writer
 * hands to the commit (page sink fragments): a magic number, a format version, the body and a
 * CRC-32C of the body, so a torn or foreign file is recognised rather than misread.
 */
public final class ManifestCodec
{
    private static final int MANIFEST_MAGIC = 0x314d5742; // "BWM1"
    private static final int FRAGMENT_MAGIC = 0x31465742; // "BWF1"
    private static final int DELETIONS_MAGIC = 0x31445742; // "BWD1"
    /**
     * Version 2 added column ids (blocks name their column; added and dropped columns); version 3
     * column defaults and slices (a table's slice count, a row group's slice and the group a copy
     * repeats). Older files are still read: their tables have one slice.
     */
    private static final int FORMAT_VERSION = 3;

    private final TypeNames typeNames;

    public ManifestCodec(TypeNames typeNames)
    {
        this.typeNames = requireNonNull(typeNames, "typeNames is null");
    }

    public byte[] encode(CatalogState state)
    {
        return framed(MANIFEST_MAGIC, out -> {
            out.writeLong(state.version());
            out.writeLong(state.nextTableId());
            out.writeInt(state.schemas().size());
            for (String schema : state.schemas()) {
                out.writeUTF(schema);
            }
            out.writeInt(state.tables().size());
            for (TableState table : state.tables().values()) {
                writeDefinition(out, table.definition());
                out.writeLong(table.dataVersion());
                writeGroups(out, table.definition().columns(), table.groups());
                writeSketches(out, table.distinct());
                writeAnalysis(out, table.definition().columns(), table.analysis());
            }
        });
    }

    public CatalogState decode(byte[] bytes, String description)
    {
        return unframed(MANIFEST_MAGIC, bytes, description, (in, format) -> {
            long version = in.readLong();
            long nextTableId = in.readLong();
            int schemaCount = in.readInt();
            TreeSet<String> schemas = new TreeSet<>();
            for (int i = 0; i < schemaCount; i++) {
                schemas.add(in.readUTF());
            }
            int tableCount = in.readInt();
            Map<Long, TableState> tables = new HashMap<>();
            for (int i = 0; i < tableCount; i++) {
                TableDefinition definition = readDefinition(in, format);
                long dataVersion = in.readLong();
                List<RowGroup> groups = readGroups(in, definition.columns(), format);
                List<DistinctSketch> sketches = readSketches(in);
                Optional<TableAnalysis> analysis = format >= 2 ? readAnalysis(in, definition.columns()) : Optional.empty();
                tables.put(definition.id(), new TableState(definition, dataVersion, groups, sketches, analysis));
            }
            return new CatalogState(version, nextTableId, schemas, tables);
        });
    }

    /** What one page sink wrote: row groups and sketches of each column's distinct values. */
    public record Fragment(List<RowGroup> groups, List<DistinctSketch> distinct) {}

    /** The row groups one page sink wrote, as the fragment it returns. */
    public Slice encodeFragment(long tableId, List<WarehouseColumn> columns, Fragment fragment)
    {
        return Slices.wrappedBuffer(framed(FRAGMENT_MAGIC, out -> {
            out.writeLong(tableId);
            writeGroups(out, columns, fragment.groups());
            writeSketches(out, fragment.distinct());
        }));
    }

    public Fragment decodeFragment(Slice fragment, long tableId, List<WarehouseColumn> columns)
    {
        return unframed(FRAGMENT_MAGIC, fragment.getBytes(), "write fragment", (in, format) -> {
            long fragmentTable = in.readLong();
            if (fragmentTable != tableId) {
                throw new IOException("fragment of table %s, expected %s".formatted(fragmentTable, tableId));
            }
            List<RowGroup> groups = readGroups(in, columns, format);
            return new Fragment(groups, readSketches(in));
        });
    }

    /** Whether {@code fragment} is one {@link #encodeDeletions} made (rather than written row groups). */
    public static boolean isDeletions(Slice fragment)
    {
        return fragment.length() >= 4 && Integer.reverseBytes(fragment.getInt(0)) == DELETIONS_MAGIC;
    }

    /** Rows an UPDATE replaces, as deleted positions per row group id of the table. */
    public Slice encodeDeletions(long tableId, Map<String, BitSet> deletions)
    {
        return Slices.wrappedBuffer(framed(DELETIONS_MAGIC, out -> {
            out.writeLong(tableId);
            out.writeInt(deletions.size());
            for (Map.Entry<String, BitSet> entry : deletions.entrySet()) {
                out.writeUTF(entry.getKey());
                long[] words = entry.getValue().toLongArray();
                out.writeInt(words.length);
                for (long word : words) {
                    out.writeLong(word);
                }
            }
        }));
    }

    public Map<String, BitSet> decodeDeletions(Slice fragment, long tableId)
    {
        return unframed(DELETIONS_MAGIC, fragment.getBytes(), "update fragment", (in, format) -> {
            long fragmentTable = in.readLong();
            if (fragmentTable != tableId) {
                throw new IOException("fragment of table %s, expected %s".formatted(fragmentTable, tableId));
            }
            int count = in.readInt();
            Map<String, BitSet> deletions = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String group = in.readUTF();
                long[] words = new long[in.readInt()];
                for (int word = 0; word < words.length; word++) {
                    words[word] = in.readLong();
                }
                deletions.put(group, BitSet.valueOf(words));
            }
            return deletions;
        });
    }

    private static void writeSketches(DataOutputStream out, List<DistinctSketch> sketches)
            throws IOException
    {
        out.writeInt(sketches.size());
        for (DistinctSketch sketch : sketches) {
            out.write(sketch.registers());
        }
    }

    private static List<DistinctSketch> readSketches(DataInputStream in)
            throws IOException
    {
        int count = in.readInt();
        List<DistinctSketch> sketches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] registers = new byte[DistinctSketch.REGISTERS];
            in.readFully(registers);
            sketches.add(DistinctSketch.fromRegisters(registers));
        }
        return sketches;
    }

    private interface Writer
    {
        void write(DataOutputStream out)
                throws IOException;
    }

    private interface Reader<T>
    {
        T read(DataInputStream in, int format)
                throws IOException;
    }

    private static byte[] framed(int magic, Writer body)
    {
        try {
            ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bodyBytes);
            body.write(out);
            out.flush();
            byte[] content = bodyBytes.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(content);
            ByteArrayOutputStream framed = new ByteArrayOutputStream(content.length + 16);
            DataOutputStream frame = new DataOutputStream(framed);
            frame.writeInt(magic);
            frame.writeInt(FORMAT_VERSION);
            frame.writeInt(content.length);
            frame.write(content);
            frame.writeInt((int) crc.getValue());
            frame.flush();
            return framed.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T unframed(int magic, byte[] bytes, String description, Reader<T> body)
    {
        try {
            DataInputStream frame = new DataInputStream(new ByteArrayInputStream(bytes));
            if (bytes.length < 16 || frame.readInt() != magic) {
                throw new IOException("not a warehouse file");
            }
            int format = frame.readInt();
            if (format < 1 || format > FORMAT_VERSION) {
                throw new IOException("format version %s is not one of 1..%s".formatted(format, FORMAT_VERSION));
            }
            int length = frame.readInt();
            if (length != bytes.length - 16) {
                throw new IOException("it is truncated");
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 12, length);
            DataInputStream trailer = new DataInputStream(new ByteArrayInputStream(bytes, 12 + length, 4));
            if ((int) crc.getValue() != trailer.readInt()) {
                throw new IOException("its checksum does not match");
            }
            return body.read(new DataInputStream(new ByteArrayInputStream(bytes, 12, length)), format);
        }
        catch (IOException | RuntimeException e) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot read warehouse %s: %s".formatted(description, e.getMessage()), e);
        }
    }

    private static void writeDefinition(DataOutputStream out, TableDefinition definition)
            throws IOException
    {
        out.writeLong(definition.id());
        out.writeUTF(definition.name().getSchemaName());
        out.writeUTF(definition.name().getTableName());
        writeOptional(out, definition.comment());
        out.writeInt(definition.columns().size());
        for (WarehouseColumn column : definition.columns()) {
            out.writeUTF(column.name());
            out.writeUTF(TypeNames.name(column.type()));
            out.writeBoolean(column.nullable());
            out.writeByte(column.encoding().id());
            writeOptional(out, column.comment());
            out.writeInt(column.id());
            writeOptional(out, column.defaultValue());
        }
        out.writeInt(definition.sortKey().size());
        for (int ordinal : definition.sortKey()) {
            out.writeInt(ordinal);
        }
        out.writeByte(definition.sortStyle().ordinal());
        out.writeByte(definition.distStyle().ordinal());
        out.writeInt(definition.distKey().orElse(-1));
        out.writeInt(definition.nextColumnId());
        out.writeInt(definition.sliceCount());
    }

    private TableDefinition readDefinition(DataInputStream in, int format)
            throws IOException
    {
        long id = in.readLong();
        SchemaTableName name = new SchemaTableName(in.readUTF(), in.readUTF());
        Optional<String> comment = readOptional(in);
        int columnCount = in.readInt();
        List<WarehouseColumn> columns = new ArrayList<>();
        for (int i = 0; i < columnCount; i++) {
            String columnName = in.readUTF();
            String typeName = in.readUTF();
            boolean nullable = in.readBoolean();
            int encodingId = in.readByte();
            // AUTO is declared, never stored in a block, so it has its own id here
            Encoding encoding = encodingId == Encoding.AUTO.id() ? Encoding.AUTO : Encoding.fromId(encodingId);
            Optional<String> columnComment = readOptional(in);
            // version 1 had no column ids: a column's id was its ordinal
            int columnId = format >= 2 ? in.readInt() : i;
            Optional<String> defaultValue = format >= 3 ? readOptional(in) : Optional.empty();
            columns.add(new WarehouseColumn(columnName, typeNames.type(typeName), nullable, encoding, columnComment, defaultValue, columnId));
        }
        int sortKeyCount = in.readInt();
        List<Integer> sortKey = new ArrayList<>();
        for (int i = 0; i < sortKeyCount; i++) {
            sortKey.add(in.readInt());
        }
        TableDefinition.SortStyle sortStyle = TableDefinition.SortStyle.values()[in.readByte()];
        TableDefinition.DistStyle distStyle = TableDefinition.DistStyle.values()[in.readByte()];
        int distKey = in.readInt();
        int nextColumnId = format >= 2 ? in.readInt() : columnCount;
        int sliceCount = format >= 3 ? in.readInt() : 1;
        return new TableDefinition(id, name, columns, sortKey, sortStyle, distStyle, distKey < 0 ? OptionalInt.empty() : OptionalInt.of(distKey), comment, nextColumnId, sliceCount);
    }

    private static void writeGroups(DataOutputStream out, List<WarehouseColumn> columns, List<RowGroup> groups)
            throws IOException
    {
        out.writeInt(groups.size());
        for (RowGroup group : groups) {
            out.writeUTF(group.id());
            out.writeInt(group.rowCount());
            out.writeInt(group.slice());
            writeOptional(out, group.copyOf());
            long[] deleted = group.deletedPositions().toLongArray();
            out.writeInt(deleted.length);
            for (long word : deleted) {
                out.writeLong(word);
            }
            out.writeInt(group.blocks().size());
            for (RowGroup.ColumnBlock block : group.blocks()) {
                WarehouseColumn column = columnById(columns, block.columnId())
                        .orElseThrow(() -> new IOException("row group %s has a block of column %s, which the table does not have".formatted(group.id(), block.columnId())));
                out.writeInt(block.columnId());
                out.writeByte(block.encoding().id());
                out.writeLong(block.fileBytes());
                ZoneMap zoneMap = block.zoneMap();
                out.writeInt(zoneMap.rowCount());
                out.writeInt(zoneMap.nullCount());
                out.writeBoolean(zoneMap.min().isPresent());
                if (zoneMap.min().isPresent()) {
                    ColumnType.Kind kind = column.storage().kind();
                    writeValue(out, kind, zoneMap.min().get());
                    writeValue(out, kind, zoneMap.max().orElseThrow());
                }
            }
        }
    }

    private static void writeAnalysis(DataOutputStream out, List<WarehouseColumn> columns, Optional<TableAnalysis> analysis)
            throws IOException
    {
        out.writeBoolean(analysis.isPresent());
        if (analysis.isEmpty()) {
            return;
        }
        out.writeLong(analysis.get().dataVersion());
        out.writeLong(analysis.get().rowCount());
        // results of columns dropped since are left out
        List<TableAnalysis.Column> kept = analysis.get().columns().stream()
                .filter(column -> columnById(columns, column.columnId()).isPresent())
                .toList();
        out.writeInt(kept.size());
        for (TableAnalysis.Column column : kept) {
            out.writeInt(column.columnId());
            out.writeLong(column.nullCount());
            out.writeBoolean(column.min().isPresent());
            if (column.min().isPresent()) {
                ColumnType.Kind kind = columnById(columns, column.columnId()).orElseThrow().storage().kind();
                writeValue(out, kind, column.min().get());
                writeValue(out, kind, column.max().orElseThrow());
            }
        }
    }

    private static Optional<TableAnalysis> readAnalysis(DataInputStream in, List<WarehouseColumn> columns)
            throws IOException
    {
        if (!in.readBoolean()) {
            return Optional.empty();
        }
        long dataVersion = in.readLong();
        long rowCount = in.readLong();
        int count = in.readInt();
        List<TableAnalysis.Column> analyzed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int columnId = in.readInt();
            long nullCount = in.readLong();
            Optional<Object> min = Optional.empty();
            Optional<Object> max = Optional.empty();
            if (in.readBoolean()) {
                ColumnType.Kind kind = columnById(columns, columnId)
                        .orElseThrow(() -> new IOException("statistics of column %s, which the table does not have".formatted(columnId)))
                        .storage().kind();
                min = Optional.of(readValue(in, kind));
                max = Optional.of(readValue(in, kind));
            }
            analyzed.add(new TableAnalysis.Column(columnId, nullCount, min, max));
        }
        return Optional.of(new TableAnalysis(dataVersion, rowCount, analyzed));
    }

    private static Optional<WarehouseColumn> columnById(List<WarehouseColumn> columns, int columnId)
    {
        return columns.stream().filter(column -> column.id() == columnId).findFirst();
    }

    private static List<RowGroup> readGroups(DataInputStream in, List<WarehouseColumn> columns, int format)
            throws IOException
    {
        int groupCount = in.readInt();
        List<RowGroup> groups = new ArrayList<>(groupCount);
        for (int i = 0; i < groupCount; i++) {
            String id = in.readUTF();
            int rowCount = in.readInt();
            int slice = format >= 3 ? in.readInt() : 0;
            Optional<String> copyOf = format >= 3 ? readOptional(in) : Optional.empty();
            long[] deleted = new long[in.readInt()];
            for (int word = 0; word < deleted.length; word++) {
                deleted[word] = in.readLong();
            }
            // version 1 stored a block of every column, in table order
            int blockCount = format >= 2 ? in.readInt() : columns.size();
            List<RowGroup.ColumnBlock> blocks = new ArrayList<>(blockCount);
            for (int block = 0; block < blockCount; block++) {
                int columnId = format >= 2 ? in.readInt() : columns.get(block).id();
                WarehouseColumn column = columnById(columns, columnId)
                        .orElseThrow(() -> new IOException("row group %s has a block of column %s, which the table does not have".formatted(id, columnId)));
                Encoding encoding = Encoding.fromId(in.readByte());
                long fileBytes = in.readLong();
                int rows = in.readInt();
                int nulls = in.readInt();
                Optional<Object> min = Optional.empty();
                Optional<Object> max = Optional.empty();
                if (in.readBoolean()) {
                    ColumnType.Kind kind = column.storage().kind();
                    min = Optional.of(readValue(in, kind));
                    max = Optional.of(readValue(in, kind));
                }
                blocks.add(new RowGroup.ColumnBlock(columnId, encoding, fileBytes, new ZoneMap(rows, nulls, min, max)));
            }
            groups.add(new RowGroup(id, rowCount, blocks, BitSet.valueOf(deleted), slice, copyOf));
        }
        return groups;
    }

    private static void writeValue(DataOutputStream out, ColumnType.Kind kind, Object value)
            throws IOException
    {
        switch (kind) {
            case LONG -> out.writeLong((Long) value);
            case INT128 -> {
                out.writeLong(((Int128) value).getHigh());
                out.writeLong(((Int128) value).getLow());
            }
            case BYTES -> {
                Slice slice = (Slice) value;
                out.writeInt(slice.length());
                out.write(slice.getBytes());
            }
        }
    }

    private static Object readValue(DataInputStream in, ColumnType.Kind kind)
            throws IOException
    {
        return switch (kind) {
            case LONG -> in.readLong();
            case INT128 -> Int128.valueOf(in.readLong(), in.readLong());
            case BYTES -> {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                yield Slices.wrappedBuffer(bytes);
            }
        };
    }

    private static void writeOptional(DataOutputStream out, Optional<String> value)
            throws IOException
    {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static Optional<String> readOptional(DataInputStream in)
            throws IOException
    {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }
}

package io.basin.connector.warehouse.storage;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.connector.warehouse.format.ColumnType;
import io.basin.connector.warehouse.format.Encoding;
import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.block.BlockBuilder;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.type.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.CRC32C;

import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.TypeUtils.readNativeValue;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data directories written before columns had ids (manifest format 1: every row group holds a
 * block of every column, in table order, in files named by ordinal) open unchanged: the rows read
 * back the same, and the next ALTER TABLE gives a new column a fresh id. The version 1 manifest is
 * written here byte by byte from the layout format 1 had.
 */
class TestManifestFormatVersions
{
    private static final List<Type> TYPES = List.of(BIGINT, VARCHAR, DATE);

    @TempDir
    Path directory;

    @Test
    void testVersionOneManifestIsRead()
            throws IOException
    {
        ManifestCodec codec = new ManifestCodec(new TypeNames(Optional.empty()));
        TableDefinition definition = new TableDefinition(1, new SchemaTableName("public", "t"),
                List.of(new WarehouseColumn("id", BIGINT, false, Encoding.AZ64, Optional.empty()),
                        new WarehouseColumn("name", VARCHAR, true, Encoding.AUTO, Optional.of("a comment")),
                        new WarehouseColumn("day", DATE, true, Encoding.AUTO, Optional.empty())),
                List.of(2), TableDefinition.SortStyle.COMPOUND, TableDefinition.DistStyle.AUTO, OptionalInt.empty(), Optional.empty());
        List<List<Object>> expected;
        try (WarehouseStore store = WarehouseStore.open(directory, codec)) {
            store.commit(List.of(new TableChange.CreateTable(definition)));
            SortedRunWriter.Run run = new SortedRunWriter(store, 100, 1 << 20).write(definition, List.of(page(350)));
            store.commit(List.of(new TableChange.Append(1, run.groups(), run.distinct())));
            TableState table = store.current().table(1L).orElseThrow();
            BitSet deleted = new BitSet();
            deleted.set(3, 40);
            List<RowGroup> groups = new ArrayList<>(table.groups());
            groups.set(1, groups.get(1).withDeleted(deleted));
            store.commit(List.of(new TableChange.Rewrite(1, table.dataVersion(), groups, Optional.empty())));
            expected = rows(store);
        }
        Path manifest = directory.resolve("manifest");
        CatalogState state = codec.decode(Files.readAllBytes(manifest), "manifest");
        Files.write(manifest, versionOne(state));

        try (WarehouseStore store = WarehouseStore.open(directory, codec)) {
            TableState table = store.current().table(1L).orElseThrow();
            assertThat(table.definition()).isEqualTo(state.table(1L).orElseThrow().definition());
            assertThat(table.groups()).isEqualTo(state.table(1L).orElseThrow().groups());
            assertThat(rows(store)).isEqualTo(expected);
            store.commit(List.of(new TableChange.AddColumn(1, new WarehouseColumn("extra", BIGINT, true, Encoding.AUTO, Optional.empty()))));
            assertThat(store.current().table(1L).orElseThrow().definition().columns().getLast().id()).isEqualTo(3);
        }
        // and the state written as format 2 reads back the same
        try (WarehouseStore store = WarehouseStore.open(directory, codec)) {
            List<List<Object>> withExtra = expected.stream().map(row -> {
                List<Object> extended = new ArrayList<>(row);
                extended.add(null);
                return (List<Object>) extended;
            }).toList();
            assertThat(rows(store)).isEqualTo(withExtra);
        }
    }

    private static Page page(int rows)
    {
        BlockBuilder[] builders = TYPES.stream().map(type -> type.createBlockBuilder(null, rows)).toArray(BlockBuilder[]::new);
        for (int i = 0; i < rows; i++) {
            BIGINT.writeLong(builders[0], i);
            if (i % 9 == 0) {
                builders[1].appendNull();
            }
            else {
                VARCHAR.writeSlice(builders[1], Slices.utf8Slice("name-" + (i % 13)));
            }
            DATE.writeLong(builders[2], 18_000 + (i * 37) % 400);
        }
        Block[] blocks = new Block[builders.length];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = builders[i].build();
        }
        return new Page(rows, blocks);
    }

    /** Every live row of table 1, in group order. */
    private static List<List<Object>> rows(WarehouseStore store)
    {
        TableState table = store.current().table(1L).orElseThrow();
        List<List<Object>> rows = new ArrayList<>();
        for (RowGroup group : table.groups()) {
            List<Block> blocks = new ArrayList<>();
            for (int ordinal = 0; ordinal < table.definition().columns().size(); ordinal++) {
                blocks.add(store.readBlock(table.definition(), group, ordinal));
            }
            for (int position = 0; position < group.rowCount(); position++) {
                if (group.isDeleted(position)) {
                    continue;
                }
                List<Object> row = new ArrayList<>();
                for (int ordinal = 0; ordinal < blocks.size(); ordinal++) {
                    Object value = readNativeValue(table.definition().columns().get(ordinal).type(), blocks.get(ordinal), position);
                    row.add(value instanceof Slice slice ? slice.toStringUtf8() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** {@code state} in manifest format 1. */
    private static byte[] versionOne(CatalogState state)
            throws IOException
    {
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bodyBytes);
        out.writeLong(state.version());
        out.writeLong(state.nextTableId());
        out.writeInt(state.schemas().size());
        for (String schema : state.schemas()) {
            out.writeUTF(schema);
        }
        out.writeInt(state.tables().size());
        for (TableState table : state.tables().values()) {
            TableDefinition definition = table.definition();
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
            }
            out.writeInt(definition.sortKey().size());
            for (int ordinal : definition.sortKey()) {
                out.writeInt(ordinal);
            }
            out.writeByte(definition.sortStyle().ordinal());
            out.writeByte(definition.distStyle().ordinal());
            out.writeInt(definition.distKey().orElse(-1));
            out.writeLong(table.dataVersion());
            out.writeInt(table.groups().size());
            for (RowGroup group : table.groups()) {
                out.writeUTF(group.id());
                out.writeInt(group.rowCount());
                long[] words = group.deletedPositions().toLongArray();
                out.writeInt(words.length);
                for (long word : words) {
                    out.writeLong(word);
                }
                for (WarehouseColumn column : definition.columns()) {
                    RowGroup.ColumnBlock block = group.block(column.id()).orElseThrow();
                    out.writeByte(block.encoding().id());
                    out.writeLong(block.fileBytes());
                    out.writeInt(block.zoneMap().rowCount());
                    out.writeInt(block.zoneMap().nullCount());
                    out.writeBoolean(block.zoneMap().min().isPresent());
                    if (block.zoneMap().min().isPresent()) {
                        writeValue(out, column.storage(), block.zoneMap().min().get());
                        writeValue(out, column.storage(), block.zoneMap().max().orElseThrow());
                    }
                }
            }
            out.writeInt(table.distinct().size());
            for (DistinctSketch sketch : table.distinct()) {
                out.write(sketch.registers());
            }
        }
        out.flush();
        byte[] body = bodyBytes.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        DataOutputStream frame = new DataOutputStream(framed);
        frame.writeInt(0x314d5742);
        frame.writeInt(1);
        frame.writeInt(body.length);
        frame.write(body);
        frame.writeInt((int) crc.getValue());
        frame.flush();
        return framed.toByteArray();
    }

    private static void writeOptional(DataOutputStream out, Optional<String> value)
            throws IOException
    {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static void writeValue(DataOutputStream out, ColumnType type, Object value)
            throws IOException
    {
        switch (type.kind()) {
            case LONG -> out.writeLong((Long) value);
            case INT128 -> throw new IllegalArgumentException("no INT128 column here");
            case BYTES -> {
                byte[] bytes = ((Slice) value).getBytes();
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }
}

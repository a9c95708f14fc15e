package io.basin.connector.warehouse.storage;

import io.basin.connector.warehouse.format.BlockDecoder;
import io.basin.connector.warehouse.format.BlockEncoder;
import io.basin.connector.warehouse.format.ColumnValues;
import io.basin.connector.warehouse.format.ZoneMap;
import io.trino.spi.TrinoException;
import io.trino.spi.block.Block;
import io.trino.spi.block.RunLengthEncodedBlock;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.trino.spi.StandardErrorCode.GENERIC_INTERNAL_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * A warehouse catalog's files in its directory:
 * <pre>
 *   manifest                 the committed {@link CatalogState}
 *   data/t&lt;table&gt;/g&lt;group&gt;.c&lt;n&gt;  column block n of a row group
 *   lock                     held while a process has the catalog open
 * </pre>
 * Block files are written and fsynced before the commit that names them; a commit writes the
 * whole next manifest to {@code manifest.tmp}, fsyncs it, renames it over {@code manifest}
 * atomically and fsyncs the directory, so after a crash the manifest is either the old or the new
 * state, never a mixture. Files no committed manifest names (left by a crash or an aborted write)
 * are deleted when the catalog opens; files a commit retires are deleted once no open snapshot
 * can still read them.
 *
 * <p>Thread-safe.
 */
public final class WarehouseStore
        implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(WarehouseStore.class.getName());
    private static final String MANIFEST = "manifest";
    private static final String MANIFEST_TEMPORARY = "manifest.tmp";
    private static final String DATA = "data";

    private final Path root;
    private final Path dataDirectory;
    private final ManifestCodec codec;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicLong tableIds;
    private final Map<Object, Long> openSnapshots = new HashMap<>();
    private final List<Retired> retired = new ArrayList<>();
    private volatile CatalogState current;

    private record Retired(long version, long tableId, RowGroup group) {}

    private WarehouseStore(Path root, ManifestCodec codec, FileChannel lockChannel, FileLock lock, CatalogState current)
    {
        this.root = root;
        this.dataDirectory = root.resolve(DATA);
        this.codec = codec;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.current = current;
        this.tableIds = new AtomicLong(current.nextTableId());
    }

    /**
     * Opens (or creates) the catalog in {@code root}, taking its lock: one process at a time.
     * Files no committed manifest names are deleted.
     */
    public static WarehouseStore open(Path root, ManifestCodec codec)
    {
        requireNonNull(root, "root is null");
        requireNonNull(codec, "codec is null");
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(root.resolve(DATA));
            lockChannel = FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            }
            catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot open warehouse directory %s: another Basin process (or catalog) has it open".formatted(root));
            }
            Files.deleteIfExists(root.resolve(MANIFEST_TEMPORARY));
            Path manifest = root.resolve(MANIFEST);
            CatalogState state = Files.exists(manifest)
                    ? codec.decode(Files.readAllBytes(manifest), "manifest " + manifest)
                    : CatalogState.initial();
            WarehouseStore store = new WarehouseStore(root, codec, lockChannel, lock, state);
            store.deleteUnreferencedFiles();
            return store;
        }
        catch (IOException e) {
            closeQuietly(lockChannel, null);
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot open warehouse directory %s: %s".formatted(root, e), e);
        }
        catch (RuntimeException e) {
            closeQuietly(lockChannel, e);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel, RuntimeException failure)
    {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        }
        catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    public Path root()
    {
        return root;
    }

    public ManifestCodec codec()
    {
        return codec;
    }

    /** The latest committed state. */
    public CatalogState current()
    {
        return current;
    }

    /** A new table id, never handed out before in this directory. */
    public long allocateTableId()
    {
        return tableIds.getAndIncrement();
    }

    /** Takes a snapshot for {@code owner} (a transaction); files it can read stay until {@link #releaseSnapshot}. */
    public synchronized CatalogState openSnapshot(Object owner)
    {
        CatalogState snapshot = current;
        openSnapshots.put(owner, snapshot.version());
        return snapshot;
    }

    public void releaseSnapshot(Object owner)
    {
        List<Retired> reclaimable;
        synchronized (this) {
            openSnapshots.remove(owner);
            reclaimable = reclaimable();
        }
        reclaim(reclaimable);
    }

    /**
     * Deletes retired files. A failure must not fail the commit or read that triggered it (that
     * already happened); the entry goes back on the list for the next attempt, and the next open
     * of the directory deletes whatever is still unreferenced.
     */
    private void reclaim(List<Retired> reclaimable)
    {
        for (Retired entry : reclaimable) {
            try {
                deleteGroupFiles(entry);
            }
            catch (TrinoException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot delete retired files of row group %s; will retry".formatted(entry.group().id()), e);
                synchronized (this) {
                    retired.add(entry);
                }
            }
        }
    }

    /**
     * Commits {@code changes}, replaying them on the latest state: the next state is written and
     * made durable before it becomes visible. A change whose premise no longer holds throws
     * (TRANSACTION_CONFLICT, or the DDL error) and nothing is written.
     */
    public CatalogState commit(List<TableChange> changes)
    {
        if (changes.isEmpty()) {
            return current;
        }
        List<Retired> reclaimable;
        CatalogState next;
        synchronized (this) {
            CatalogState state = current;
            List<Retired> newlyRetired = new ArrayList<>();
            for (TableChange change : changes) {
                CatalogState before = state;
                state = change.applyTo(state);
                for (RowGroup group : change.retiredGroups(before)) {
                    newlyRetired.add(new Retired(before.version() + 1, tableOf(change, before, group), group));
                }
            }
            next = new CatalogState(current.version() + 1, Math.max(state.nextTableId(), tableIds.get()), state.schemas(), state.tables());
            // once the rename is done the new state is what a restart reads: publish it even if
            // the directory's fsync then fails (that failure is still reported)
            writeManifest(next, () -> current = next);
            // a group retired and re-added within the same commit (never today) must survive
            Set<String> live = referencedGroupIds(next);
            newlyRetired.stream().filter(entry -> !live.contains(entry.group().id())).forEach(retired::add);
            reclaimable = reclaimable();
        }
        reclaim(reclaimable);
        return next;
    }

    private static long tableOf(TableChange change, CatalogState before, RowGroup group)
    {
        for (TableState table : before.tables().values()) {
            if (table.groups().contains(group)) {
                return table.id();
            }
        }
        throw new IllegalStateException("Retired group %s belongs to no table (%s)".formatted(group.id(), change));
    }

    private List<Retired> reclaimable()
    {
        long oldestOpen = openSnapshots.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        List<Retired> reclaimable = new ArrayList<>();
        // a snapshot older than the commit that retired a group may still read it
        retired.removeIf(entry -> {
            if (entry.version() <= oldestOpen) {
                reclaimable.add(entry);
                return true;
            }
            return false;
        });
        return reclaimable;
    }

    private void writeManifest(CatalogState state, Runnable renamed)
    {
        byte[] bytes = codec.encode(state);
        Path temporary = root.resolve(MANIFEST_TEMPORARY);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                writeFully(channel, bytes);
                channel.force(true);
            }
            Files.move(temporary, root.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed.run();
            syncDirectory(root);
        }
        catch (IOException e) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot commit to warehouse directory %s: %s".formatted(root, e), e);
        }
    }

    /**
     * Writes one row group: a block file per column, each fsynced, then the table directory.
     * Nothing refers to the files until a commit names the group.
     */
    public RowGroup writeGroup(TableDefinition table, List<ColumnValues> columns)
    {
        return writeGroup(table, columns, 0, Optional.empty());
    }

    /** {@link #writeGroup(TableDefinition, List)} of a group of {@code slice}, a copy of group {@code copyOf} if present. */
    public RowGroup writeGroup(TableDefinition table, List<ColumnValues> columns, int slice, Optional<String> copyOf)
    {
        if (columns.size() != table.columns().size()) {
            throw new IllegalArgumentException("Expected %s columns, got %s".formatted(table.columns().size(), columns.size()));
        }
        String groupId = UUID.randomUUID().toString().replace("-", "");
        Path directory = tableDirectory(table.id());
        List<RowGroup.ColumnBlock> blocks = new ArrayList<>();
        int rows = columns.isEmpty() ? 0 : columns.getFirst().size();
        try {
            Files.createDirectories(directory);
            for (int ordinal = 0; ordinal < columns.size(); ordinal++) {
                ColumnValues values = columns.get(ordinal);
                BlockEncoder.EncodedBlock encoded = BlockEncoder.encode(values, table.columns().get(ordinal).encoding());
                int columnId = table.columns().get(ordinal).id();
                try (FileChannel channel = FileChannel.open(directory.resolve(fileName(groupId, columnId)), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    writeFully(channel, encoded.bytes());
                    channel.force(true);
                }
                blocks.add(new RowGroup.ColumnBlock(columnId, encoded.encoding(), encoded.bytes().length, ZoneMap.of(values)));
            }
            syncDirectory(directory);
            syncDirectory(dataDirectory);
        }
        catch (IOException e) {
            deleteGroupFiles(table.id(), groupId, table.columns().stream().map(WarehouseColumn::id).toList());
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot write to warehouse directory %s: %s".formatted(directory, e), e);
        }
        return new RowGroup(groupId, rows, blocks, new BitSet(), slice, copyOf);
    }

    /** Deletes the files of groups written but never committed (an aborted write); groups the committed state names are kept. */
    public void discardGroups(long tableId, List<RowGroup> groups)
    {
        Set<String> committed = referencedGroupIds(current);
        groups.stream()
                .filter(group -> !committed.contains(group.id()))
                .forEach(group -> deleteGroupFiles(new Retired(0, tableId, group)));
    }

    /**
     * Reads the column at {@code ordinal} of a row group, memory-mapping its block file; a column
     * added after the group was written reads as NULL.
     */
    public Block readBlock(TableDefinition table, RowGroup group, int ordinal)
    {
        WarehouseColumn column = table.columns().get(ordinal);
        if (group.block(column.id()).isEmpty()) {
            return RunLengthEncodedBlock.create(column.type(), null, group.rowCount());
        }
        Path file = tableDirectory(table.id()).resolve(fileName(group.id(), column.id()));
        try (Arena arena = Arena.ofConfined();
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            return BlockDecoder.decode(segment, table.columns().get(ordinal).storage(), file.toString());
        }
        catch (NoSuchFileException e) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Warehouse column block %s is missing".formatted(file), e);
        }
        catch (IOException e) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot read warehouse column block %s: %s".formatted(file, e), e);
        }
    }

    private Path tableDirectory(long tableId)
    {
        return dataDirectory.resolve("t" + tableId);
    }

    private static String fileName(String groupId, int columnId)
    {
        return "g" + groupId + ".c" + columnId;
    }

    private void deleteGroupFiles(Retired entry)
    {
        deleteGroupFiles(entry.tableId(), entry.group().id(), entry.group().blocks().stream().map(RowGroup.ColumnBlock::columnId).toList());
    }

    private void deleteGroupFiles(long tableId, String groupId, List<Integer> columnIds)
    {
        Path directory = tableDirectory(tableId);
        try {
            for (int columnId : columnIds) {
                Files.deleteIfExists(directory.resolve(fileName(groupId, columnId)));
            }
            deleteIfEmpty(directory);
        }
        catch (IOException e) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot delete retired warehouse files in %s: %s".formatted(directory, e), e);
        }
    }

    private static void deleteIfEmpty(Path directory)
            throws IOException
    {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            if (entries.iterator().hasNext()) {
                return;
            }
        }
        catch (NoSuchFileException e) {
            return;
        }
        Files.deleteIfExists(directory);
    }

    private static Set<String> referencedGroupIds(CatalogState state)
    {
        Set<String> ids = new HashSet<>();
        state.tables().values().forEach(table -> table.groups().forEach(group -> ids.add(group.id())));
        return ids;
    }

    private void deleteUnreferencedFiles()
            throws IOException
    {
        Set<String> referenced = new HashSet<>();
        for (TableState table : current.tables().values()) {
            for (RowGroup group : table.groups()) {
                for (RowGroup.ColumnBlock block : group.blocks()) {
                    referenced.add("t" + table.id() + "/" + fileName(group.id(), block.columnId()));
                }
            }
        }
        try (DirectoryStream<Path> tables = Files.newDirectoryStream(dataDirectory)) {
            for (Path tableDirectory : tables) {
                if (!Files.isDirectory(tableDirectory)) {
                    Files.delete(tableDirectory);
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(tableDirectory)) {
                    for (Path file : files) {
                        if (!referenced.contains(tableDirectory.getFileName() + "/" + file.getFileName())) {
                            Files.delete(file);
                        }
                    }
                }
                deleteIfEmpty(tableDirectory);
            }
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes)
            throws IOException
    {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void syncDirectory(Path directory)
            throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public void close()
    {
        try {
            lock.release();
            lockChannel.close();
        }
        catch (IOException e) {
            throw new TrinoException(GENERIC_INTERNAL_ERROR, "Cannot release the lock of warehouse directory %s: %s".formatted(root, e), e);
        }
    }
}

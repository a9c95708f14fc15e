package io.basin.spectrum.flight;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.spectrum.ColumnComparison;
import io.basin.spectrum.DeleteFileRef;
import io.basin.spectrum.PartialAggregation;
import io.basin.spectrum.ScanColumn;
import io.basin.spectrum.ScanExpression;
import io.basin.spectrum.ScanRequest;
import io.basin.spectrum.ScanTask;
import io.trino.spi.TrinoException;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.SortedRangeSet;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.Type;
import org.apache.iceberg.FileFormat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.basin.spectrum.SpectrumErrorCode.LAKE_INTERNAL_ERROR;

/**
 * The wire form of a {@link RemoteScan}: a small versioned binary layout (big-endian, strings as
 * length-prefixed UTF-8), so that a worker rejects a request of another version with a clear error
 * instead of misreading it.
 *
 * <pre>
 * magic "BSCN", version (short)
 * skipRows (long)
 * storage:   count, (key, value)*
 * columns:   count, column*                          column = fieldId (int), name, type signature
 * predicate: kind (ALL | NONE | DOMAINS), for DOMAINS: count, (column, domain)*
 *            domain = nullAllowed, kind (NONE | ALL | RANGES), for RANGES: count, (low bound, high bound)*
 *            bound = kind (UNBOUNDED | INCLUSIVE | EXCLUSIVE), then the value unless unbounded
 * tasks:     count, (path, format, start, length, fileSize, recordCount, deletes)*
 *            delete = path, format, fileSize, kind, equality columns, optional schema JSON,
 *                     optional deletion vector (referenced data file, offset, size, cardinality)
 * aggregation: present (boolean), then grouping channels: count, channel*;
 *            aggregates: count, (function name, argument channel or -1, output type signature)*
 * </pre>
 *
 * Values are written by the Java type that carries them in Trino: boolean, long, double, a slice's
 * bytes, or an Int128's two longs. A partial aggregation travels as its spec (an average is asked
 * for as a sum and a count, so it needs nothing of its own); the worker checks it as the
 * in-process fleet would before running it. What this version cannot carry ({@link #canEncode}:
 * a set of values of a type without order) stays in process.
 */
public final class RemoteScanCodec
{
    static final int MAGIC = 0x4253434E;
    // 2: a partial aggregation travels with the scan
    // 3: an aggregate may be of an arithmetic expression (EXPRESSION_* tags)
    // 4: a delete may be a deletion vector (its blob's range and referenced data file)
    // 5: comparisons of two columns follow the predicate
    static final short VERSION = 5;

    private static final byte EXPRESSION_COLUMN = 0;
    private static final byte EXPRESSION_LITERAL = 1;
    private static final byte EXPRESSION_ARITHMETIC = 2;
    private static final byte EXPRESSION_CAST = 3;
    // deeper expressions are refused rather than risking the worker's stack
    private static final int MAX_EXPRESSION_DEPTH = 64;

    private static final byte PREDICATE_ALL = 0;
    private static final byte PREDICATE_NONE = 1;
    private static final byte PREDICATE_DOMAINS = 2;
    private static final byte VALUES_NONE = 0;
    private static final byte VALUES_ALL = 1;
    private static final byte VALUES_RANGES = 2;
    private static final byte BOUND_UNBOUNDED = 0;
    private static final byte BOUND_INCLUSIVE = 1;
    private static final byte BOUND_EXCLUSIVE = 2;

    private RemoteScanCodec() {}

    public static byte[] encode(RemoteScan scan)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeLong(scan.skipRows());
            out.writeInt(scan.storage().size());
            for (Map.Entry<String, String> entry : scan.storage().entrySet()) {
                writeString(out, entry.getKey());
                writeString(out, entry.getValue());
            }
            ScanRequest request = scan.request();
            out.writeInt(request.columns().size());
            for (ScanColumn column : request.columns()) {
                writeColumn(out, column);
            }
            writePredicate(out, request.predicate());
            out.writeInt(request.comparisons().size());
            for (ColumnComparison comparison : request.comparisons()) {
                writeColumn(out, comparison.left());
                out.writeByte(comparison.operator().ordinal());
                writeColumn(out, comparison.right());
            }
            out.writeInt(request.tasks().size());
            for (ScanTask task : request.tasks()) {
                writeTask(out, task);
            }
            writeAggregation(out, request.aggregation());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not a scan of this version
     */
    public static RemoteScan decode(byte[] encoded)
    {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("Cannot read the scan request: it is not a Basin scan task");
            }
            short version = in.readShort();
            if (version != VERSION) {
                throw new IllegalArgumentException("Cannot read the scan request: version %d, this worker reads version %d".formatted(version, VERSION));
            }
            long skipRows = in.readLong();
            int storageCount = in.readInt();
            Map<String, String> storage = new HashMap<>();
            for (int i = 0; i < storageCount; i++) {
                storage.put(readString(in), readString(in));
            }
            int columnCount = in.readInt();
            List<ScanColumn> columns = new ArrayList<>(columnCount);
            for (int i = 0; i < columnCount; i++) {
                columns.add(readColumn(in));
            }
            TupleDomain<ScanColumn> predicate = readPredicate(in);
            int comparisonCount = in.readInt();
            List<ColumnComparison> comparisons = new ArrayList<>(comparisonCount);
            for (int i = 0; i < comparisonCount; i++) {
                ScanColumn left = readColumn(in);
                int operator = in.readUnsignedByte();
                if (operator >= ColumnComparison.Operator.values().length) {
                    throw new IllegalArgumentException("Cannot read the scan request: unknown comparison operator " + operator);
                }
                comparisons.add(new ColumnComparison(left, ColumnComparison.Operator.values()[operator], readColumn(in)));
            }
            int taskCount = in.readInt();
            List<ScanTask> tasks = new ArrayList<>(taskCount);
            for (int i = 0; i < taskCount; i++) {
                tasks.add(readTask(in));
            }
            Optional<PartialAggregation> aggregation = readAggregation(in, columns);
            if (in.available() > 0) {
                throw new IllegalArgumentException("Cannot read the scan request: %d unexpected bytes at its end".formatted(in.available()));
            }
            return new RemoteScan(new ScanRequest(tasks, columns, predicate, comparisons, aggregation), storage, skipRows);
        }
        catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the scan request: it is truncated", e);
        }
    }

    private static void writeColumn(DataOutputStream out, ScanColumn column)
            throws IOException
    {
        out.writeInt(column.fieldId());
        writeString(out, column.name());
        writeString(out, ScanTypes.signature(column.type()));
    }

    private static ScanColumn readColumn(DataInputStream in)
            throws IOException
    {
        int fieldId = in.readInt();
        String name = readString(in);
        return new ScanColumn(fieldId, name, ScanTypes.parse(readString(in)));
    }

    private static void writePredicate(DataOutputStream out, TupleDomain<ScanColumn> predicate)
            throws IOException
    {
        if (predicate.isNone()) {
            out.writeByte(PREDICATE_NONE);
            return;
        }
        Map<ScanColumn, Domain> domains = new LinkedHashMap<>(predicate.getDomains().orElseThrow());
        if (!domains.values().stream().allMatch(RemoteScanCodec::canEncode)) {
            throw new IllegalArgumentException("Cannot send a predicate with a set of unordered values to a remote worker");
        }
        if (domains.isEmpty()) {
            out.writeByte(PREDICATE_ALL);
            return;
        }
        out.writeByte(PREDICATE_DOMAINS);
        out.writeInt(domains.size());
        for (Map.Entry<ScanColumn, Domain> entry : domains.entrySet()) {
            writeColumn(out, entry.getKey());
            Domain domain = entry.getValue();
            out.writeBoolean(domain.isNullAllowed());
            ValueSet values = domain.getValues();
            if (values.isNone()) {
                out.writeByte(VALUES_NONE);
            }
            else if (values.isAll()) {
                out.writeByte(VALUES_ALL);
            }
            else {
                out.writeByte(VALUES_RANGES);
                List<Range> ranges = values.getRanges().getOrderedRanges();
                out.writeInt(ranges.size());
                for (Range range : ranges) {
                    writeBound(out, range.getType(), range.isLowUnbounded(), range.isLowInclusive(), range.getLowValue());
                    writeBound(out, range.getType(), range.isHighUnbounded(), range.isHighInclusive(), range.getHighValue());
                }
            }
        }
    }

    /**
     * Whether {@link #encode} can carry {@code request}: only domains of ordered values (the
     * workers filter rows by the predicate, so none may be dropped).
     */
    public static boolean canEncode(ScanRequest request)
    {
        return request.predicate().getDomains().map(domains -> domains.values().stream().allMatch(RemoteScanCodec::canEncode)).orElse(true);
    }

    private static boolean canEncode(Domain domain)
    {
        return domain.getValues().isNone() || domain.getValues().isAll() || domain.getValues() instanceof SortedRangeSet;
    }

    private static TupleDomain<ScanColumn> readPredicate(DataInputStream in)
            throws IOException
    {
        byte kind = in.readByte();
        switch (kind) {
            case PREDICATE_ALL -> {
                return TupleDomain.all();
            }
            case PREDICATE_NONE -> {
                return TupleDomain.none();
            }
            case PREDICATE_DOMAINS -> {
                int count = in.readInt();
                Map<ScanColumn, Domain> domains = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    ScanColumn column = readColumn(in);
                    Type type = column.type();
                    boolean nullAllowed = in.readBoolean();
                    byte valuesKind = in.readByte();
                    ValueSet values = switch (valuesKind) {
                        case VALUES_NONE -> ValueSet.none(type);
                        case VALUES_ALL -> ValueSet.all(type);
                        case VALUES_RANGES -> {
                            int rangeCount = in.readInt();
                            List<Range> ranges = new ArrayList<>(rangeCount);
                            for (int r = 0; r < rangeCount; r++) {
                                ranges.add(readRange(in, type));
                            }
                            yield ValueSet.ofRanges(ranges);
                        }
                        default -> throw new IllegalArgumentException("Cannot read the scan request: unknown value set kind " + valuesKind);
                    };
                    domains.put(column, Domain.create(values, nullAllowed));
                }
                return TupleDomain.withColumnDomains(domains);
            }
            default -> throw new IllegalArgumentException("Cannot read the scan request: unknown predicate kind " + kind);
        }
    }

    private static void writeBound(DataOutputStream out, Type type, boolean unbounded, boolean inclusive, Optional<Object> value)
            throws IOException
    {
        if (unbounded) {
            out.writeByte(BOUND_UNBOUNDED);
            return;
        }
        out.writeByte(inclusive ? BOUND_INCLUSIVE : BOUND_EXCLUSIVE);
        writeValue(out, type, value.orElseThrow());
    }

    private static Range readRange(DataInputStream in, Type type)
            throws IOException
    {
        byte lowKind = in.readByte();
        Object low = lowKind == BOUND_UNBOUNDED ? null : readValue(in, type);
        byte highKind = in.readByte();
        Object high = highKind == BOUND_UNBOUNDED ? null : readValue(in, type);
        if (low == null && high == null) {
            return Range.all(type);
        }
        if (low == null) {
            return highKind == BOUND_INCLUSIVE ? Range.lessThanOrEqual(type, high) : Range.lessThan(type, high);
        }
        if (high == null) {
            return lowKind == BOUND_INCLUSIVE ? Range.greaterThanOrEqual(type, low) : Range.greaterThan(type, low);
        }
        return Range.range(type, low, lowKind == BOUND_INCLUSIVE, high, highKind == BOUND_INCLUSIVE);
    }

    private static void writeValue(DataOutputStream out, Type type, Object value)
            throws IOException
    {
        Class<?> javaType = type.getJavaType();
        if (javaType == boolean.class) {
            out.writeBoolean((Boolean) value);
        }
        else if (javaType == long.class) {
            out.writeLong((Long) value);
        }
        else if (javaType == double.class) {
            out.writeDouble((Double) value);
        }
        else if (javaType == Slice.class) {
            Slice slice = (Slice) value;
            out.writeInt(slice.length());
            out.write(slice.getBytes());
        }
        else if (javaType == Int128.class) {
            Int128 int128 = (Int128) value;
            out.writeLong(int128.getHigh());
            out.writeLong(int128.getLow());
        }
        else {
            throw new TrinoException(LAKE_INTERNAL_ERROR, "Cannot send a predicate on type %s to a remote worker".formatted(type));
        }
    }

    private static Object readValue(DataInputStream in, Type type)
            throws IOException
    {
        Class<?> javaType = type.getJavaType();
        if (javaType == boolean.class) {
            return in.readBoolean();
        }
        if (javaType == long.class) {
            return in.readLong();
        }
        if (javaType == double.class) {
            return in.readDouble();
        }
        if (javaType == Slice.class) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return Slices.wrappedBuffer(bytes);
        }
        if (javaType == Int128.class) {
            long high = in.readLong();
            return Int128.valueOf(high, in.readLong());
        }
        throw new IllegalArgumentException("Cannot read a predicate on type " + type);
    }

    private static void writeAggregation(DataOutputStream out, Optional<PartialAggregation> aggregation)
            throws IOException
    {
        out.writeBoolean(aggregation.isPresent());
        if (aggregation.isEmpty()) {
            return;
        }
        out.writeInt(aggregation.get().groupingChannels().size());
        for (int channel : aggregation.get().groupingChannels()) {
            out.writeInt(channel);
        }
        out.writeInt(aggregation.get().aggregates().size());
        for (PartialAggregation.Aggregate aggregate : aggregation.get().aggregates()) {
            writeString(out, aggregate.function().name());
            out.writeInt(aggregate.argument().orElse(-1));
            out.writeBoolean(aggregate.expression().isPresent());
            if (aggregate.expression().isPresent()) {
                writeExpression(out, aggregate.expression().get());
            }
            writeString(out, ScanTypes.signature(aggregate.outputType()));
        }
    }

    /** The aggregation, checked against the columns: a worker must not misread channels or compute what it cannot. */
    private static Optional<PartialAggregation> readAggregation(DataInputStream in, List<ScanColumn> columns)
            throws IOException
    {
        if (!in.readBoolean()) {
            return Optional.empty();
        }
        int groupingCount = in.readInt();
        checkCount(groupingCount, "grouping channels");
        List<Integer> groupingChannels = new ArrayList<>(groupingCount);
        for (int i = 0; i < groupingCount; i++) {
            groupingChannels.add(readChannel(in, columns));
        }
        int aggregateCount = in.readInt();
        checkCount(aggregateCount, "aggregates");
        List<PartialAggregation.Aggregate> aggregates = new ArrayList<>(aggregateCount);
        for (int i = 0; i < aggregateCount; i++) {
            String name = readString(in);
            PartialAggregation.Function function;
            try {
                function = PartialAggregation.Function.valueOf(name);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Cannot read the scan request: unknown aggregate function " + name, e);
            }
            int channel = in.readInt();
            Optional<ScanExpression> expression = in.readBoolean() ? Optional.of(readExpression(in, columns, 0)) : Optional.empty();
            OptionalInt argument;
            if (function == PartialAggregation.Function.COUNT_ALL || expression.isPresent()) {
                if (channel != -1 || function == PartialAggregation.Function.COUNT_ALL && expression.isPresent()) {
                    throw new IllegalArgumentException("Cannot read the scan request: %s with channel %d and %s".formatted(function, channel, expression.isPresent() ? "an expression" : "no expression"));
                }
                argument = OptionalInt.empty();
            }
            else {
                argument = OptionalInt.of(checkChannel(channel, columns));
            }
            Type outputType = ScanTypes.parse(readString(in));
            PartialAggregation.Aggregate aggregate = new PartialAggregation.Aggregate(function, argument, expression, outputType);
            Type input = aggregate.inputType(columns);
            if (input != null && !PartialAggregation.supports(function, input, outputType)) {
                throw new IllegalArgumentException("Cannot read the scan request: the workers do not compute %s of %s as %s".formatted(function, input, outputType));
            }
            aggregates.add(aggregate);
        }
        return Optional.of(new PartialAggregation(groupingChannels, aggregates));
    }

    private static void writeExpression(DataOutputStream out, ScanExpression expression)
            throws IOException
    {
        switch (expression) {
            case ScanExpression.Column column -> {
                out.writeByte(EXPRESSION_COLUMN);
                out.writeInt(column.channel());
            }
            case ScanExpression.Literal literal -> {
                out.writeByte(EXPRESSION_LITERAL);
                writeString(out, ScanTypes.signature(literal.type()));
                if (literal.value() instanceof Int128 value) {
                    out.writeLong(value.getHigh());
                    out.writeLong(value.getLow());
                }
                else {
                    out.writeLong((Long) literal.value());
                }
            }
            case ScanExpression.Arithmetic arithmetic -> {
                out.writeByte(EXPRESSION_ARITHMETIC);
                writeString(out, arithmetic.operator().name());
                writeString(out, ScanTypes.signature(arithmetic.type()));
                writeExpression(out, arithmetic.left());
                writeExpression(out, arithmetic.right());
            }
            case ScanExpression.Cast cast -> {
                out.writeByte(EXPRESSION_CAST);
                writeString(out, ScanTypes.signature(cast.type()));
                writeExpression(out, cast.argument());
            }
        }
    }

    /** An expression, checked node by node (the records refuse types and operands the workers do not compute). */
    private static ScanExpression readExpression(DataInputStream in, List<ScanColumn> columns, int depth)
            throws IOException
    {
        if (depth > MAX_EXPRESSION_DEPTH) {
            throw new IllegalArgumentException("Cannot read the scan request: an expression deeper than " + MAX_EXPRESSION_DEPTH);
        }
        byte tag = in.readByte();
        return switch (tag) {
            case EXPRESSION_COLUMN -> {
                int channel = checkChannel(in.readInt(), columns);
                yield new ScanExpression.Column(channel, columns.get(channel).type());
            }
            case EXPRESSION_LITERAL -> {
                Type type = ScanTypes.parse(readString(in));
                Object value = type instanceof DecimalType decimal && !decimal.isShort() ? Int128.valueOf(in.readLong(), in.readLong()) : (Object) in.readLong();
                yield new ScanExpression.Literal(value, type);
            }
            case EXPRESSION_ARITHMETIC -> {
                String operator = readString(in);
                ScanExpression.Operator parsed;
                try {
                    parsed = ScanExpression.Operator.valueOf(operator);
                }
                catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Cannot read the scan request: unknown operator " + operator, e);
                }
                Type type = ScanTypes.parse(readString(in));
                ScanExpression left = readExpression(in, columns, depth + 1);
                yield new ScanExpression.Arithmetic(parsed, left, readExpression(in, columns, depth + 1), type);
            }
            case EXPRESSION_CAST -> {
                Type type = ScanTypes.parse(readString(in));
                yield new ScanExpression.Cast(readExpression(in, columns, depth + 1), type);
            }
            default -> throw new IllegalArgumentException("Cannot read the scan request: unknown expression tag " + tag);
        };
    }

    private static int readChannel(DataInputStream in, List<ScanColumn> columns)
            throws IOException
    {
        return checkChannel(in.readInt(), columns);
    }

    private static int checkChannel(int channel, List<ScanColumn> columns)
    {
        if (channel < 0 || channel >= columns.size()) {
            throw new IllegalArgumentException("Cannot read the scan request: aggregation channel %d of %d columns".formatted(channel, columns.size()));
        }
        return channel;
    }

    private static void checkCount(int count, String what)
    {
        if (count < 0 || count > 10_000) {
            throw new IllegalArgumentException("Cannot read the scan request: %d %s".formatted(count, what));
        }
    }

    private static void writeTask(DataOutputStream out, ScanTask task)
            throws IOException
    {
        writeString(out, task.path());
        writeString(out, task.format().name());
        out.writeLong(task.start());
        out.writeLong(task.length());
        out.writeLong(task.fileSize());
        out.writeLong(task.recordCount());
        out.writeInt(task.deletes().size());
        for (DeleteFileRef delete : task.deletes()) {
            writeString(out, delete.path());
            writeString(out, delete.format().name());
            out.writeLong(delete.fileSize());
            writeString(out, delete.kind().name());
            out.writeInt(delete.equalityColumns().size());
            for (ScanColumn column : delete.equalityColumns()) {
                writeColumn(out, column);
            }
            out.writeBoolean(delete.equalitySchemaJson().isPresent());
            if (delete.equalitySchemaJson().isPresent()) {
                writeString(out, delete.equalitySchemaJson().get());
            }
            out.writeBoolean(delete.deletionVector().isPresent());
            if (delete.deletionVector().isPresent()) {
                DeleteFileRef.DeletionVector vector = delete.deletionVector().get();
                writeString(out, vector.referencedDataFile());
                out.writeLong(vector.contentOffset());
                out.writeLong(vector.contentSize());
                out.writeLong(vector.cardinality());
            }
        }
    }

    private static ScanTask readTask(DataInputStream in)
            throws IOException
    {
        String path = readString(in);
        FileFormat format = FileFormat.valueOf(readString(in));
        long start = in.readLong();
        long length = in.readLong();
        long fileSize = in.readLong();
        long recordCount = in.readLong();
        int deleteCount = in.readInt();
        List<DeleteFileRef> deletes = new ArrayList<>(deleteCount);
        for (int i = 0; i < deleteCount; i++) {
            String deletePath = readString(in);
            FileFormat deleteFormat = FileFormat.valueOf(readString(in));
            long deleteSize = in.readLong();
            DeleteFileRef.Kind kind = DeleteFileRef.Kind.valueOf(readString(in));
            int columnCount = in.readInt();
            List<ScanColumn> columns = new ArrayList<>(columnCount);
            for (int c = 0; c < columnCount; c++) {
                columns.add(readColumn(in));
            }
            Optional<String> schemaJson = in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
            Optional<DeleteFileRef.DeletionVector> deletionVector = in.readBoolean()
                    ? Optional.of(new DeleteFileRef.DeletionVector(readString(in), in.readLong(), in.readLong(), in.readLong()))
                    : Optional.empty();
            deletes.add(new DeleteFileRef(deletePath, deleteFormat, deleteSize, kind, columns, schemaJson, deletionVector));
        }
        return new ScanTask(path, format, start, length, fileSize, recordCount, deletes);
    }

    private static void writeString(DataOutputStream out, String value)
            throws IOException
    {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in)
            throws IOException
    {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("bad string length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

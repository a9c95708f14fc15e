package io.basin.pgwire.type;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;
import io.basin.execution.expression.function.DateTimeText;
import io.basin.execution.expression.function.NumberText;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.basin.error.BasinErrorCode.DATETIME_FIELD_OVERFLOW;
import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.INVALID_DATETIME_FORMAT;
import static io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE;
import static io.basin.error.BasinErrorCode.INVALID_TEXT_REPRESENTATION;
import static io.basin.error.BasinErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static io.basin.pgwire.type.BinaryValueWriters.POSTGRES_EPOCH_DAYS;
import static io.basin.pgwire.type.BinaryValueWriters.POSTGRES_EPOCH_MICROS;
import static io.basin.pgwire.type.PgDateTimeText.MICROS_PER_SECOND;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.BooleanType.BOOLEAN;
import static io.trino.spi.type.DateType.DATE;
import static io.trino.spi.type.DoubleType.DOUBLE;
import static io.trino.spi.type.IntegerType.INTEGER;
import static io.trino.spi.type.RealType.REAL;
import static io.trino.spi.type.SmallintType.SMALLINT;
import static io.trino.spi.type.TimestampType.TIMESTAMP_MICROS;
import static io.trino.spi.type.VarbinaryType.VARBINARY;
import static io.trino.spi.type.VarcharType.VARCHAR;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Decodes the value of a bound parameter, as a client sends it in Bind, into a
 * {@link SqlLiteral} that replaces the parameter in the statement's text.
 * <p>
 * The parameter's type is the OID the client gave in Parse, or 0 when it gave none. Text-format
 * values are read as PostgreSQL's input functions read them (surrounding spaces, {@code 1e3},
 * {@code yes}, {@code 0044-03-15 BC}, {@code 1 day 02:00:00}, ...), binary ones as its
 * {@code *recv} functions; both are checked here, so that a bad value fails at Bind with
 * PostgreSQL's message ({@code invalid input syntax for type integer: "abc"}). A text value of
 * unspecified type becomes a string literal of unknown type, whose type the statement decides.
 * <p>
 * Types: {@code bool}, {@code int2/4/8}, {@code float4/8}, {@code numeric} (Basin's decimal: at
 * most 38 digits, no NaN or infinity), {@code text}, {@code varchar}, {@code bpchar},
 * {@code name}, {@code "char"} (strings; {@code bpchar} as {@code CHAR(n)}), {@code bytea},
 * {@code date}, {@code timestamp}, {@code timestamptz} (as Basin's timestamp of the instant in
 * UTC, the server's time zone), {@code interval} (Basin's year-month or day-time interval),
 * {@code oid} and the {@code reg*} types in binary (as bigint), {@code uuid}, {@code json} and
 * {@code jsonb} (as strings of unknown type). Others, such as {@code time} and arrays, which Basin
 * has no type for, fail with 0A000.
 */
public final class PgParameterDecoder
{
    private static final int NUMERIC_POS = 0x0000;
    private static final int NUMERIC_NEG = 0x4000;
    private static final int NUMERIC_NAN = 0xC000;
    private static final int NUMERIC_PINF = 0xD000;
    private static final int NUMERIC_NINF = 0xF000;
    private static final int NUMERIC_DSCALE_MAX = 0x3FFF;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    // a zone after the time of a timestamptz: Z, UTC/GMT, an offset, or a region name
    private static final Pattern ZONE = Pattern.compile("(?i)^(.*\\d)\\s*(z|utc|gmt|[+-]\\d{1,2}(?::?\\d{2}(?::?\\d{2})?)?|[a-z][a-z0-9_+/-]*)$");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2})(?::?(\\d{2}))?)?");
    private static final Pattern DATE_WITH_ZONE = Pattern.compile("(.*\\d)\\s+(?:[+-]\\d{1,2}(?::?\\d{2}){0,2}|Z|UTC|GMT)");
    private static final Pattern TIMESTAMP_WITH_ZONE = Pattern.compile("(.*\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?)\\s*(?:[+-]\\d{1,2}(?::?\\d{2}){0,2}|Z|UTC|GMT)");
    private static final Pattern UUID_TEXT = Pattern.compile("(?i)\\{?([0-9a-f]{4}-?){7}[0-9a-f]{4}}?");

    private PgParameterDecoder() {}

    /**
     * Decodes one parameter value.
     *
     * @param parameterNumber the parameter's 1-based number ({@code $1} is 1), for messages
     * @param typeOid the type OID the client declared, 0 when unspecified
     * @param format the value's format
     * @param value the value's bytes, {@code null} for SQL NULL
     * @throws BasinException for a value that is not one of the type (22P02, 22007, 22003, 22008,
     *         22023 for a malformed binary value), or a type Basin cannot bind (0A000)
     */
    public static SqlLiteral decode(int parameterNumber, int typeOid, PgFormat format, byte[] value)
    {
        requireNonNull(format, "format is null");
        if (typeOid == 0 || typeOid == PgType.UNKNOWN.oid()) {
            if (value == null) {
                return SqlLiteral.unknownNull();
            }
            if (format == PgFormat.BINARY) {
                throw new BasinException(FEATURE_NOT_SUPPORTED, "Parameter $%s of unspecified type cannot be sent in binary format: declare its type, or send it as text".formatted(parameterNumber));
            }
            return SqlLiteral.unknown(utf8(value));
        }
        PgType type = PgType.forOid(typeOid).orElseThrow(() -> new BasinException(FEATURE_NOT_SUPPORTED, "Parameter $%s has type OID %s, which Basin does not support".formatted(parameterNumber, typeOid)));
        if (value == null) {
            return nullLiteral(type);
        }
        return format == PgFormat.TEXT ? decodeText(type, value) : new BinaryReader(parameterNumber, type, value).read();
    }

    /**
     * A typed NULL of the type this PostgreSQL type's values become; an untyped NULL for
     * {@code numeric} and {@code interval}, which become Basin types of several precisions or
     * kinds, and for the types bound as strings of unknown type.
     */
    private static SqlLiteral nullLiteral(PgType type)
    {
        return switch (type.name()) {
            case "bool" -> SqlLiteral.nullOf(BOOLEAN);
            case "int2" -> SqlLiteral.nullOf(SMALLINT);
            case "int4" -> SqlLiteral.nullOf(INTEGER);
            case "int8", "oid" -> SqlLiteral.nullOf(BIGINT);
            case "float4" -> SqlLiteral.nullOf(REAL);
            case "float8" -> SqlLiteral.nullOf(DOUBLE);
            case "text", "varchar", "bpchar", "name", "char" -> SqlLiteral.nullOf(VARCHAR);
            case "bytea" -> SqlLiteral.nullOf(VARBINARY);
            case "date" -> SqlLiteral.nullOf(DATE);
            case "timestamp", "timestamptz" -> SqlLiteral.nullOf(TIMESTAMP_MICROS);
            case "numeric", "interval", "regproc", "regclass", "regtype", "uuid", "json", "jsonb" -> SqlLiteral.unknownNull();
            default -> throw unsupported(type);
        };
    }

    private static SqlLiteral decodeText(PgType type, byte[] bytes)
    {
        String text = utf8(bytes);
        Slice slice = Slices.utf8Slice(text);
        return switch (type.name()) {
            case "bool" -> SqlLiteral.ofBoolean(NumberText.parseBoolean(slice));
            case "int2" -> SqlLiteral.ofSmallint((short) NumberText.parseSmallint(slice));
            case "int4" -> SqlLiteral.ofInteger((int) NumberText.parseInteger(slice));
            case "int8" -> SqlLiteral.ofBigint(NumberText.parseBigint(slice));
            case "oid" -> SqlLiteral.ofBigint(parseOid(text));
            // the text of a reg* value is a name ('pg_class'), for the statement to resolve
            case "regproc", "regclass", "regtype" -> SqlLiteral.unknown(text);
            case "float4" -> SqlLiteral.ofReal(Float.intBitsToFloat((int) parseFloat(text, "real", () -> NumberText.parseReal(slice))));
            case "float8" -> SqlLiteral.ofDouble(Double.longBitsToDouble(parseFloat(text, "double precision", () -> Double.doubleToRawLongBits(NumberText.parseDouble(slice)))));
            case "numeric" -> SqlLiteral.ofDecimal(parseNumeric(text));
            case "text", "varchar", "name", "char" -> SqlLiteral.ofVarchar(text);
            case "bpchar" -> SqlLiteral.ofChar(text);
            case "bytea" -> SqlLiteral.ofVarbinary(parseBytea(text));
            // PostgreSQL's date and timestamp input ignore a zone; pgjdbc sends one ("2024-01-01 +00")
            case "date" -> SqlLiteral.ofDate(DateTimeText.parseDate(Slices.utf8Slice(withoutZone(DATE_WITH_ZONE, text))));
            case "timestamp" -> SqlLiteral.ofTimestamp(DateTimeText.parseTimestamp(Slices.utf8Slice(withoutZone(TIMESTAMP_WITH_ZONE, text))));
            case "timestamptz" -> SqlLiteral.ofTimestamp(parseTimestampWithTimeZone(text));
            case "interval" -> PgInterval.parse(text).toLiteral();
            case "uuid" -> SqlLiteral.unknown(parseUuid(text));
            case "json", "jsonb" -> SqlLiteral.unknown(text);
            default -> throw unsupported(type);
        };
    }

    private static String withoutZone(Pattern withZone, String text)
    {
        Matcher matcher = withZone.matcher(text.strip());
        return matcher.matches() ? matcher.group(1) : text;
    }

    /** Reads a binary value, checking its length as PostgreSQL's {@code *recv} functions and Bind do. */
    private static final class BinaryReader
    {
        private final int parameterNumber;
        private final PgType type;
        private final ByteBuffer buffer;

        BinaryReader(int parameterNumber, PgType type, byte[] value)
        {
            this.parameterNumber = parameterNumber;
            this.type = type;
            this.buffer = ByteBuffer.wrap(value);
        }

        SqlLiteral read()
        {
            SqlLiteral literal = switch (type.name()) {
                case "bool" -> SqlLiteral.ofBoolean(bytes(1)[0] != 0);
                case "int2" -> SqlLiteral.ofSmallint(fixed(2).getShort());
                case "int4" -> SqlLiteral.ofInteger(fixed(4).getInt());
                case "int8" -> SqlLiteral.ofBigint(fixed(8).getLong());
                case "oid", "regproc", "regclass", "regtype" -> SqlLiteral.ofBigint(Integer.toUnsignedLong(fixed(4).getInt()));
                case "float4" -> SqlLiteral.ofReal(fixed(4).getFloat());
                case "float8" -> SqlLiteral.ofDouble(fixed(8).getDouble());
                case "numeric" -> SqlLiteral.ofDecimal(readNumeric());
                case "text", "varchar", "name", "char" -> SqlLiteral.ofVarchar(utf8(rest()));
                case "bpchar" -> SqlLiteral.ofChar(utf8(rest()));
                case "bytea" -> SqlLiteral.ofVarbinary(rest());
                case "date" -> SqlLiteral.ofDate(readDate());
                case "timestamp", "timestamptz" -> SqlLiteral.ofTimestamp(readTimestamp());
                case "interval" -> readInterval().toLiteral();
                case "uuid" -> SqlLiteral.unknown(formatUuid(bytes(16)));
                case "json" -> SqlLiteral.unknown(utf8(rest()));
                case "jsonb" -> SqlLiteral.unknown(readJsonb());
                default -> throw unsupported(type);
            };
            if (buffer.hasRemaining()) {
                throw WireErrors.invalidBinaryRepresentation("incorrect binary data format in bind parameter " + parameterNumber);
            }
            return literal;
        }

        private ByteBuffer fixed(int length)
        {
            need(length);
            return buffer;
        }

        private byte[] bytes(int length)
        {
            need(length);
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            return bytes;
        }

        private byte[] rest()
        {
            return bytes(buffer.remaining());
        }

        private void need(int length)
        {
            if (buffer.remaining() < length) {
                throw WireErrors.protocolViolation("insufficient data left in message");
            }
        }

        /** {@code numeric_recv}: groups, weight, sign, display scale, base-10000 digits; digits beyond the scale are truncated. */
        private BigDecimal readNumeric()
        {
            need(8);
            int groups = buffer.getShort();
            int weight = buffer.getShort();
            int sign = buffer.getShort() & 0xFFFF;
            int displayScale = buffer.getShort() & 0xFFFF;
            if (groups < 0) {
                throw WireErrors.invalidBinaryRepresentation("invalid length in external \"numeric\" value");
            }
            if (sign == NUMERIC_NAN || sign == NUMERIC_PINF || sign == NUMERIC_NINF) {
                throw new BasinException(FEATURE_NOT_SUPPORTED, "Numeric %s cannot be bound: Basin's decimal has no such value".formatted(sign == NUMERIC_NAN ? "NaN" : "infinity"));
            }
            if (sign != NUMERIC_POS && sign != NUMERIC_NEG) {
                throw WireErrors.invalidBinaryRepresentation("invalid sign in external \"numeric\" value");
            }
            if (displayScale > NUMERIC_DSCALE_MAX) {
                throw WireErrors.invalidBinaryRepresentation("invalid scale in external \"numeric\" value");
            }
            need(groups * 2);
            BigInteger unscaled = BigInteger.ZERO;
            for (int i = 0; i < groups; i++) {
                int digit = buffer.getShort();
                if (digit < 0 || digit >= 10_000) {
                    throw WireErrors.invalidBinaryRepresentation("invalid digit in external \"numeric\" value");
                }
                unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(digit));
            }
            // the last group is the power 10000^(weight - groups + 1)
            BigDecimal value = new BigDecimal(unscaled, -4 * (weight - groups + 1)).setScale(displayScale, RoundingMode.DOWN);
            return sign == NUMERIC_NEG ? value.negate() : value;
        }

        private long readDate()
        {
            int days = fixed(4).getInt();
            if (days == Integer.MIN_VALUE || days == Integer.MAX_VALUE) {
                throw new BasinException(DATETIME_FIELD_OVERFLOW, "date out of range: Basin's dates have no -infinity or infinity");
            }
            return days + POSTGRES_EPOCH_DAYS;
        }

        private long readTimestamp()
        {
            long micros = fixed(8).getLong();
            if (micros == Long.MIN_VALUE || micros == Long.MAX_VALUE) {
                throw new BasinException(DATETIME_FIELD_OVERFLOW, "timestamp out of range: Basin's timestamps have no -infinity or infinity");
            }
            if (micros > Long.MAX_VALUE - POSTGRES_EPOCH_MICROS) {
                throw new BasinException(DATETIME_FIELD_OVERFLOW, "timestamp out of range");
            }
            return micros + POSTGRES_EPOCH_MICROS;
        }

        private PgInterval readInterval()
        {
            need(16);
            long micros = buffer.getLong();
            int days = buffer.getInt();
            int months = buffer.getInt();
            return new PgInterval(months, days, micros);
        }

        /** {@code jsonb_recv}: a version byte (1), then the JSON text. */
        private String readJsonb()
        {
            int version = bytes(1)[0];
            if (version != 1) {
                throw WireErrors.invalidBinaryRepresentation("unsupported jsonb version number " + version);
            }
            return utf8(rest());
        }
    }

    /** Basin's float parsing, with PostgreSQL's wording for values out of range. */
    private static long parseFloat(String text, String typeName, LongSupplier parser)
    {
        try {
            return parser.getAsLong();
        }
        catch (BasinException e) {
            if (e.code() == NUMERIC_VALUE_OUT_OF_RANGE) {
                throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "\"%s\" is out of range for type %s".formatted(text.strip(), typeName), e);
            }
            throw e;
        }
    }

    /** PostgreSQL's {@code numeric_in}: spaces around, sign, digits with underscores between them, point, exponent. */
    private static BigDecimal parseNumeric(String text)
    {
        String value = text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan", "+nan", "-nan", "infinity", "+infinity", "-infinity", "inf", "+inf", "-inf" ->
                    throw new BasinException(FEATURE_NOT_SUPPORTED, "Numeric %s cannot be bound: Basin's decimal has no such value".formatted(value));
            default -> {
            }
        }
        if (!value.matches("[+-]?(\\d+(_\\d+)*(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+)?")) {
            throw WireErrors.invalidInputSyntax("numeric", text);
        }
        try {
            return new BigDecimal(value.replace("_", ""));
        }
        catch (NumberFormatException e) {
            // an exponent beyond the int range
            throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format", e);
        }
    }

    /**
     * PostgreSQL's {@code byteain}: hex format ({@code \\x0aff}, spaces allowed between bytes) or
     * escape format, where {@code \\\\} is a backslash and {@code \\nnn} an octal byte.
     */
    private static byte[] parseBytea(String text)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        if (text.startsWith("\\x")) {
            int position = 2;
            while (position < text.length()) {
                char high = text.charAt(position);
                if (high == ' ' || high == '\n' || high == '\t' || high == '\r') {
                    position++;
                    continue;
                }
                if (position + 1 >= text.length()) {
                    throw new BasinException(INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
                }
                bytes.write(hexDigit(high) << 4 | hexDigit(text.charAt(position + 1)));
                position += 2;
            }
            return bytes.toByteArray();
        }
        byte[] utf8 = text.getBytes(UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] != '\\') {
                bytes.write(utf8[i]);
            }
            else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
                bytes.write('\\');
                i++;
            }
            else if (i + 3 < utf8.length && isOctal(utf8[i + 1], '3') && isOctal(utf8[i + 2], '7') && isOctal(utf8[i + 3], '7')) {
                bytes.write((utf8[i + 1] - '0') << 6 | (utf8[i + 2] - '0') << 3 | (utf8[i + 3] - '0'));
                i += 3;
            }
            else {
                throw new BasinException(INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return bytes.toByteArray();
    }

    private static int hexDigit(char character)
    {
        int digit = Character.digit(character, 16);
        if (digit < 0 || character > 'f') {
            throw new BasinException(INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + character + "\"");
        }
        return digit;
    }

    private static boolean isOctal(byte character, char max)
    {
        return character >= '0' && character <= max;
    }

    /** PostgreSQL's {@code oidin}: an unsigned 32-bit number, negative numbers wrapping around. */
    private static long parseOid(String text)
    {
        String value = text.strip();
        if (!value.matches("[+-]?\\d+")) {
            throw WireErrors.invalidInputSyntax("oid", text);
        }
        BigInteger number = new BigInteger(value);
        if (number.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) < 0 || number.compareTo(BigInteger.valueOf(0xFFFF_FFFFL)) > 0) {
            throw new BasinException(NUMERIC_VALUE_OUT_OF_RANGE, "value \"%s\" is out of range for type oid".formatted(text));
        }
        long oid = number.longValueExact();
        return oid < 0 ? oid + (1L << 32) : oid;
    }

    /**
     * Microseconds since the epoch (UTC) of a {@code timestamptz}'s text: a timestamp, a zone
     * ({@code +01}, {@code -03:30}, {@code Z}, {@code UTC}, a region like {@code Europe/Paris})
     * and an era; without a zone, the server's time zone UTC.
     */
    private static long parseTimestampWithTimeZone(String text)
    {
        try {
            String value = text.strip();
            String era = "";
            String upper = value.toUpperCase(Locale.ROOT);
            if (upper.endsWith(" BC") || upper.endsWith(" AD")) {
                era = value.substring(value.length() - 3);
                value = value.substring(0, value.length() - 3).stripTrailing();
            }
            Matcher zone = value.indexOf(':') >= 0 ? ZONE.matcher(value) : null;
            if (zone == null || !zone.matches()) {
                return DateTimeText.parseTimestamp(Slices.utf8Slice(value + era));
            }
            long localMicros = DateTimeText.parseTimestamp(Slices.utf8Slice(zone.group(1) + era));
            return localMicros - offsetSeconds(zone.group(2), localMicros, text) * MICROS_PER_SECOND;
        }
        catch (BasinException e) {
            // Basin's timestamp parser names its own type and the part it read
            throw switch (e.code()) {
                case INVALID_DATETIME_FORMAT -> new BasinException(INVALID_DATETIME_FORMAT, "invalid input syntax for type timestamp with time zone: \"" + text + "\"", e);
                case DATETIME_FIELD_OVERFLOW -> new BasinException(DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"", e);
                default -> e;
            };
        }
    }

    private static long offsetSeconds(String zone, long localMicros, String text)
    {
        String lower = zone.toLowerCase(Locale.ROOT);
        if (lower.equals("z") || lower.equals("utc") || lower.equals("gmt")) {
            return 0;
        }
        Matcher offset = OFFSET.matcher(zone);
        if (offset.matches()) {
            int hours = Integer.parseInt(offset.group(2));
            int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
            int seconds = offset.group(4) == null ? 0 : Integer.parseInt(offset.group(4));
            if (hours > 15 || minutes > 59 || seconds > 59) {
                throw new BasinException(DATETIME_FIELD_OVERFLOW, "time zone displacement out of range: \"" + text + "\"");
            }
            long total = hours * 3600L + minutes * 60L + seconds;
            return offset.group(1).equals("-") ? -total : total;
        }
        try {
            LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localMicros, MICROS_PER_SECOND), 0, ZoneOffset.UTC);
            return ZoneId.of(zone).getRules().getOffset(local).getTotalSeconds();
        }
        catch (DateTimeException e) {
            throw new BasinException(INVALID_DATETIME_FORMAT, "time zone \"" + zone + "\" not recognized", e);
        }
    }

    /** PostgreSQL's {@code uuid_in}: 32 hex digits, optionally in braces and with a dash after any group of four; written canonically. */
    private static String parseUuid(String text)
    {
        if (!UUID_TEXT.matcher(text).matches() || text.startsWith("{") != text.endsWith("}")) {
            throw WireErrors.invalidInputSyntax("uuid", text);
        }
        return formatUuid(HexFormat.of().parseHex(text.replaceAll("[{}-]", "")));
    }

    private static String formatUuid(byte[] bytes)
    {
        String hex = HexFormat.of().formatHex(bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static String utf8(byte[] bytes)
    {
        return Utf8Text.decode(bytes);
    }

    private static BasinException unsupported(PgType type)
    {
        return new BasinException(FEATURE_NOT_SUPPORTED, "Parameters of type %s are not supported".formatted(new PgColumnType(type, -1).formatType()));
    }
}

package io.basin.metadata;

import io.basin.error.BasinException;
import io.trino.spi.connector.ConnectorTableVersion;
import io.trino.spi.connector.PointerType;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Optional;

import static io.basin.error.BasinErrorCode.INVALID_DATETIME_FORMAT;
import static io.trino.spi.type.BigintType.BIGINT;
import static io.trino.spi.type.DateTimeEncoding.packDateTimeWithZone;
import static io.trino.spi.type.TimeZoneKey.UTC_KEY;
import static io.trino.spi.type.TimestampWithTimeZoneType.TIMESTAMP_TZ_MILLIS;

/**
 * A table name that carries a time-travel version ({@code "t@version=123"},
 * {@code "t@timestamp=2024-05-01 12:00:00 UTC"}; the SQL parser writes these for
 * {@code FOR VERSION AS OF} and {@code FOR TIMESTAMP AS OF}), split into the plain name and the
 * version the connector is asked for. A timestamp without a zone is in UTC.
 */
public record TableVersions(String table, Optional<ConnectorTableVersion> version)
{
    public static final String VERSION_MARKER = "@version=";
    public static final String TIMESTAMP_MARKER = "@timestamp=";

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendPattern("HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .toFormatter();

    public static TableVersions parse(String table)
    {
        int version = table.lastIndexOf(VERSION_MARKER);
        if (version > 0) {
            String id = table.substring(version + VERSION_MARKER.length());
            try {
                return new TableVersions(table.substring(0, version), Optional.of(new ConnectorTableVersion(PointerType.TARGET_ID, BIGINT, Long.parseLong(id))));
            }
            catch (NumberFormatException e) {
                throw new BasinException(io.basin.error.BasinErrorCode.INVALID_PARAMETER_VALUE, "FOR VERSION AS OF " + id + ": not a snapshot id", e);
            }
        }
        int timestamp = table.lastIndexOf(TIMESTAMP_MARKER);
        if (timestamp > 0) {
            String text = table.substring(timestamp + TIMESTAMP_MARKER.length()).strip();
            long millis = epochMillis(text);
            return new TableVersions(table.substring(0, timestamp), Optional.of(new ConnectorTableVersion(PointerType.TEMPORAL, TIMESTAMP_TZ_MILLIS, packDateTimeWithZone(millis, UTC_KEY))));
        }
        return new TableVersions(table, Optional.empty());
    }

    private static long epochMillis(String text)
    {
        try {
            // a zone or offset after the last space ('... UTC', '... +02:00', '... Europe/Paris')
            int space = text.lastIndexOf(' ');
            if (space > 0 && !Character.isDigit(text.charAt(space + 1))) {
                LocalDateTime local = LocalDateTime.parse(text.substring(0, space), LOCAL);
                return ZonedDateTime.of(local, java.time.ZoneId.of(text.substring(space + 1))).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(text, LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        catch (java.time.DateTimeException e) {
            throw new BasinException(INVALID_DATETIME_FORMAT, "FOR TIMESTAMP AS OF '%s': not a timestamp (expected e.g. '2024-05-01 12:00:00 UTC')".formatted(text), e);
        }
    }
}

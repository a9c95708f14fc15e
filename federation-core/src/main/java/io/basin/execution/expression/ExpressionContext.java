package io.basin.execution.expression;

import io.basin.execution.QueryContext;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * Session values that expressions read: the query's start instant and time zone, from which
 * {@code current_date} and {@code current_timestamp} are computed once per processor, so every row
 * and every driver of a query sees the same value.
 */
public record ExpressionContext(Instant queryStart, ZoneId timeZone)
{
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    public ExpressionContext
    {
        requireNonNull(queryStart, "queryStart is null");
        requireNonNull(timeZone, "timeZone is null");
    }

    public static ExpressionContext of(QueryContext queryContext)
    {
        return new ExpressionContext(queryContext.startInstant(), queryContext.timeZone());
    }

    /** current_date: days since 1970-01-01 of the start instant's date in the session time zone. */
    public long currentDate()
    {
        return LocalDateTime.ofInstant(queryStart, timeZone).toLocalDate().toEpochDay();
    }

    /** current_timestamp: the start instant as a local timestamp in the session time zone, in microseconds. */
    public long currentTimestamp()
    {
        return ChronoUnit.MICROS.between(EPOCH, LocalDateTime.ofInstant(queryStart, timeZone));
    }
}

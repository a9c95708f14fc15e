package io.basin.connector.testing;

import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.security.ConnectorIdentity;
import io.trino.spi.type.TimeZoneKey;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A fixed session for calling the connector directly, without Basin's host. */
public final class TestingConnectorSession
        implements ConnectorSession
{
    public static final ConnectorSession SESSION = new TestingConnectorSession();

    private final Instant start = Instant.now();

    @Override
    public String getQueryId()
    {
        return "test";
    }

    @Override
    public Optional<String> getSource()
    {
        return Optional.empty();
    }

    @Override
    public ConnectorIdentity getIdentity()
    {
        return ConnectorIdentity.ofUser("test");
    }

    @Override
    public TimeZoneKey getTimeZoneKey()
    {
        return TimeZoneKey.UTC_KEY;
    }

    @Override
    public Locale getLocale()
    {
        return Locale.ROOT;
    }

    @Override
    public Optional<String> getTraceToken()
    {
        return Optional.empty();
    }

    @Override
    public Instant getStart()
    {
        return start;
    }

    @Override
    public <T> T getProperty(String name, Class<T> type)
    {
        throw new IllegalArgumentException("Unknown session property: " + name);
    }
}

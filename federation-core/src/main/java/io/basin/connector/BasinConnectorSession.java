package io.basin.connector;

import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.security.ConnectorIdentity;
import io.trino.spi.session.PropertyMetadata;
import io.trino.spi.type.TimeZoneKey;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.trino.spi.StandardErrorCode.INVALID_SESSION_PROPERTY;
import static java.util.Objects.requireNonNull;

/**
 * A query's session as one connector sees it. Immutable. Session properties are the
 * connector's own: values set for this query, falling back to the defaults the connector
 * declares in {@code Connector.getSessionProperties()}.
 */
public final class BasinConnectorSession
        implements ConnectorSession
{
    private final String queryId;
    private final Optional<String> source;
    private final ConnectorIdentity identity;
    private final TimeZoneKey timeZoneKey;
    private final Locale locale;
    private final Instant start;
    private final Map<String, Object> properties;
    private final Map<String, PropertyMetadata<?>> propertyMetadata;

    private BasinConnectorSession(Builder builder)
    {
        this.queryId = requireNonNull(builder.queryId, "queryId is null");
        this.source = requireNonNull(builder.source, "source is null");
        this.identity = ConnectorIdentity.ofUser(requireNonNull(builder.user, "user is null"));
        this.timeZoneKey = requireNonNull(builder.timeZoneKey, "timeZoneKey is null");
        this.locale = requireNonNull(builder.locale, "locale is null");
        this.start = requireNonNull(builder.start, "start is null");
        this.properties = Map.copyOf(builder.properties);
        this.propertyMetadata = Map.copyOf(builder.propertyMetadata);
        for (String name : properties.keySet()) {
            if (!propertyMetadata.containsKey(name)) {
                throw unknownProperty(name);
            }
        }
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** A copy of this session for another connector: same query, user and zone, no properties. */
    public BasinConnectorSession forConnector(List<PropertyMetadata<?>> sessionProperties)
    {
        return builder()
                .setQueryId(queryId)
                .setSource(source)
                .setUser(identity.getUser())
                .setTimeZoneKey(timeZoneKey)
                .setLocale(locale)
                .setStart(start)
                .setPropertyMetadata(sessionProperties)
                .build();
    }

    @Override
    public String getQueryId()
    {
        return queryId;
    }

    @Override
    public Optional<String> getSource()
    {
        return source;
    }

    @Override
    public ConnectorIdentity getIdentity()
    {
        return identity;
    }

    @Override
    public TimeZoneKey getTimeZoneKey()
    {
        return timeZoneKey;
    }

    @Override
    public Locale getLocale()
    {
        return locale;
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
        PropertyMetadata<?> metadata = propertyMetadata.get(name);
        if (metadata == null) {
            throw unknownProperty(name);
        }
        Object value = properties.containsKey(name) ? properties.get(name) : metadata.getDefaultValue();
        try {
            return type.cast(value);
        }
        catch (ClassCastException e) {
            throw new TrinoException(INVALID_SESSION_PROPERTY, "Session property %s is a %s, not a %s".formatted(name, metadata.getJavaType().getName(), type.getName()), e);
        }
    }

    @Override
    public String toString()
    {
        return "BasinConnectorSession[query=%s, user=%s, zone=%s]".formatted(queryId, identity.getUser(), timeZoneKey.getId());
    }

    private static TrinoException unknownProperty(String name)
    {
        return new TrinoException(INVALID_SESSION_PROPERTY, "Unknown session property: " + name);
    }

    /** Builds a session; query id and user are required, the rest has defaults (UTC, now). */
    public static final class Builder
    {
        private String queryId;
        private Optional<String> source = Optional.empty();
        private String user;
        private TimeZoneKey timeZoneKey = TimeZoneKey.UTC_KEY;
        private Locale locale = Locale.ROOT;
        private Instant start = Instant.now();
        private final Map<String, Object> properties = new HashMap<>();
        private final Map<String, PropertyMetadata<?>> propertyMetadata = new HashMap<>();

        private Builder() {}

        public Builder setQueryId(String queryId)
        {
            this.queryId = requireNonNull(queryId, "queryId is null");
            return this;
        }

        /** The client application, e.g. {@code psql}. */
        public Builder setSource(Optional<String> source)
        {
            this.source = requireNonNull(source, "source is null");
            return this;
        }

        public Builder setUser(String user)
        {
            this.user = requireNonNull(user, "user is null");
            return this;
        }

        public Builder setTimeZoneKey(TimeZoneKey timeZoneKey)
        {
            this.timeZoneKey = requireNonNull(timeZoneKey, "timeZoneKey is null");
            return this;
        }

        public Builder setLocale(Locale locale)
        {
            this.locale = requireNonNull(locale, "locale is null");
            return this;
        }

        public Builder setStart(Instant start)
        {
            this.start = requireNonNull(start, "start is null");
            return this;
        }

        /** The session properties the connector declares, with their defaults. */
        public Builder setPropertyMetadata(List<PropertyMetadata<?>> sessionProperties)
        {
            propertyMetadata.clear();
            for (PropertyMetadata<?> property : sessionProperties) {
                propertyMetadata.put(property.getName(), property);
            }
            return this;
        }

        /** Sets a property to an already decoded value of the property's Java type. */
        public Builder setProperty(String name, Object value)
        {
            properties.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public BasinConnectorSession build()
        {
            return new BasinConnectorSession(this);
        }
    }
}

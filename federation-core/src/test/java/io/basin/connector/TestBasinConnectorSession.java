package io.basin.connector;

import io.trino.spi.TrinoException;
import io.trino.spi.session.PropertyMetadata;
import io.trino.spi.type.TimeZoneKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.trino.spi.StandardErrorCode.INVALID_SESSION_PROPERTY;
import static io.trino.spi.session.PropertyMetadata.integerProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestBasinConnectorSession
{
    private static final List<PropertyMetadata<?>> PROPERTIES = List.of(integerProperty("batch_size", "rows per batch", 100, false));

    @Test
    void carriesQueryIdentity()
    {
        Instant start = Instant.parse("2025-01-02T03:04:05Z");
        BasinConnectorSession session = BasinConnectorSession.builder()
                .setQueryId("q1")
                .setUser("alice")
                .setTimeZoneKey(TimeZoneKey.getTimeZoneKey("Europe/Berlin"))
                .setStart(start)
                .build();
        assertThat(session.getQueryId()).isEqualTo("q1");
        assertThat(session.getUser()).isEqualTo("alice");
        assertThat(session.getIdentity().getUser()).isEqualTo("alice");
        assertThat(session.getTimeZoneKey().getId()).isEqualTo("Europe/Berlin");
        assertThat(session.getStart()).isEqualTo(start);
        assertThat(session.getSource()).isEmpty();
        assertThat(session.getTraceToken()).isEmpty();
    }

    @Test
    void sessionPropertiesFallBackToConnectorDefaults()
    {
        BasinConnectorSession defaults = BasinConnectorSession.builder().setQueryId("q").setUser("u").setPropertyMetadata(PROPERTIES).build();
        assertThat(defaults.getProperty("batch_size", Integer.class)).isEqualTo(100);

        BasinConnectorSession set = BasinConnectorSession.builder().setQueryId("q").setUser("u").setPropertyMetadata(PROPERTIES).setProperty("batch_size", 7).build();
        assertThat(set.getProperty("batch_size", Integer.class)).isEqualTo(7);
        assertThat(set.forConnector(List.of()).getQueryId()).isEqualTo("q");

        assertThatThrownBy(() -> defaults.getProperty("nope", String.class))
                .isInstanceOfSatisfying(TrinoException.class, e -> assertThat(e.getErrorCode()).isEqualTo(INVALID_SESSION_PROPERTY.toErrorCode()));
        assertThatThrownBy(() -> BasinConnectorSession.builder().setQueryId("q").setUser("u").setProperty("nope", 1).build())
                .hasMessage("Unknown session property: nope");
    }
}

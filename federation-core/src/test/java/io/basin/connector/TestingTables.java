package io.basin.connector;

import io.trino.spi.Page;
import io.trino.spi.block.Block;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.SchemaTableName;
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers for tests that talk to connectors through the host. */
final class TestingTables
{
    static final BasinConnectorSession SESSION = BasinConnectorSession.builder()
            .setQueryId("test")
            .setUser("test")
            .build();

    private TestingTables() {}

    static ConnectorTableHandle tableHandle(ConnectorMetadata metadata, String schema, String table)
    {
        ConnectorTableHandle handle = metadata.getTableHandle(SESSION, new SchemaTableName(schema, table), Optional.empty(), Optional.empty());
        assertThat(handle).as("table %s.%s", schema, table).isNotNull();
        return handle;
    }

    /** The pages' values as Java objects, row by row. */
    static List<List<Object>> rows(List<Page> pages, List<Type> types, ConnectorSession session)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (Page page : pages) {
            assertThat(page.getChannelCount()).isEqualTo(types.size());
            for (int position = 0; position < page.getPositionCount(); position++) {
                Object[] row = new Object[types.size()];
                for (int channel = 0; channel < types.size(); channel++) {
                    Block block = page.getBlock(channel);
                    row[channel] = types.get(channel).getObjectValue(session, block, position);
                }
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    static long rowCount(List<Page> pages)
    {
        return pages.stream().mapToLong(Page::getPositionCount).sum();
    }
}

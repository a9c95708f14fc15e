package io.basin.connector;

import io.basin.error.BasinErrorCode;
import io.basin.error.BasinException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestConnectorRegistry
{
    @Test
    void loadsBuiltInPluginsAndDefaultCatalogs()
    {
        try (ConnectorRegistry registry = ConnectorRegistry.createDefault()) {
            assertThat(registry.listConnectorNames()).contains("tpch", "memory");
            assertThat(registry.listCatalogs()).extracting(CatalogHandle::name).containsExactly("dev", "memory", "tpch");
            CatalogHandle tpch = registry.getCatalog("tpch").orElseThrow();
            assertThat(tpch.connectorName()).isEqualTo("tpch");
            assertThat(tpch.connector().getClass().getName()).isEqualTo("io.basin.connector.tpch.TpchConnector");
            assertThat(registry.getCatalog("nope")).isEmpty();
        }
    }

    @Test
    void createsAndDropsCatalogs()
    {
        try (ConnectorRegistry registry = ConnectorRegistry.createDefault()) {
            CatalogHandle scratch = registry.createCatalog("scratch", "memory", Map.of("memory.max-data-size", "64MB"));
            assertThat(registry.getCatalog("scratch")).contains(scratch);
            assertThat(registry.listCatalogs()).extracting(CatalogHandle::name).containsExactly("dev", "memory", "scratch", "tpch");
            registry.dropCatalog("scratch");
            assertThat(registry.getCatalog("scratch")).isEmpty();
        }
    }

    @Test
    void rejectsBadCatalogs()
    {
        try (ConnectorRegistry registry = ConnectorRegistry.createDefault()) {
            assertThatThrownBy(() -> registry.createCatalog("tpch", "tpch", Map.of()))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.INVALID_PARAMETER_VALUE))
                    .hasMessage("Cannot create catalog 'tpch': it already exists");
            assertThatThrownBy(() -> registry.createCatalog("x", "oracle", Map.of()))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.INVALID_PARAMETER_VALUE))
                    .hasMessageContaining("there is no connector 'oracle'");
            assertThatThrownBy(() -> registry.createCatalog("Bad-Name", "memory", Map.of()))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.INVALID_NAME));
            assertThatThrownBy(() -> registry.createCatalog("x", "tpch", Map.of("tpch.bogus", "1")))
                    .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.code()).isEqualTo(BasinErrorCode.CONNECTOR_ERROR))
                    .hasMessageContaining("tpch.bogus");
            assertThat(registry.getCatalog("x")).isEmpty();
        }
    }

    @Test
    void withoutBuiltInsThereAreNoConnectors()
    {
        try (ConnectorRegistry registry = ConnectorRegistry.builder().withBuiltInPlugins(false).withDefaultCatalogs(false).build()) {
            assertThat(registry.listConnectorNames()).isEmpty();
            assertThat(registry.listCatalogs()).isEmpty();
        }
    }

    @Test
    void closedRegistryRefusesWork()
    {
        ConnectorRegistry registry = ConnectorRegistry.createDefault();
        registry.close();
        assertThat(registry.listCatalogs()).isEmpty();
        assertThatThrownBy(() -> registry.createCatalog("x", "memory", Map.of())).isInstanceOf(IllegalStateException.class);
    }
}

package io.basin.catalog.external;

import io.basin.catalog.CatalogException;
import io.basin.catalog.SystemCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.basin.catalog.CatalogErrorCode.DUPLICATE_OBJECT;
import static io.basin.catalog.CatalogErrorCode.UNDEFINED_OBJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestExternalSchemaCatalog
{
    @TempDir
    Path dataDirectory;

    @Test
    void bindingsSurviveReopeningAndDropRemovesThem()
    {
        Map<String, String> properties = Map.of("connection-host", "db.example", "connection-password", "pa'ss\"word");
        ExternalSchema created;
        try (SystemCatalog catalog = SystemCatalog.open(dataDirectory)) {
            created = catalog.externalSchemas().create("sales", "postgresql", "public", properties);
            catalog.externalSchemas().create("Crm", "mysql", "crm", Map.of());
            assertThatThrownBy(() -> catalog.externalSchemas().create("sales", "postgresql", "other", Map.of()))
                    .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(DUPLICATE_OBJECT));
        }
        try (SystemCatalog catalog = SystemCatalog.open(dataDirectory)) {
            assertThat(catalog.externalSchemas().list()).extracting(ExternalSchema::name).containsExactly("Crm", "sales");
            ExternalSchema sales = catalog.externalSchemas().find("sales").orElseThrow();
            assertThat(sales).isEqualTo(created);
            assertThat(sales.properties()).isEqualTo(properties);
            assertThat(sales.toString()).doesNotContain("pa'ss").contains("connection-password=***").contains("db.example");
            assertThat(catalog.externalSchemas().drop("sales")).isEqualTo(created);
            assertThat(catalog.externalSchemas().find("sales")).isEmpty();
            assertThatThrownBy(() -> catalog.externalSchemas().drop("sales"))
                    .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(UNDEFINED_OBJECT));
        }
        try (SystemCatalog catalog = SystemCatalog.open(dataDirectory)) {
            assertThat(catalog.externalSchemas().list()).extracting(ExternalSchema::name).containsExactly("Crm");
        }
        assertThat(Files.exists(dataDirectory.resolve(SystemCatalog.FILE_NAME))).isTrue();
    }
}

package io.basin.error;

import io.basin.catalog.CatalogErrorCode;
import io.basin.catalog.CatalogException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestCatalogErrors
{
    @Test
    void testEveryCatalogErrorKeepsItsSqlState()
    {
        for (CatalogErrorCode code : CatalogErrorCode.values()) {
            CatalogException exception = new CatalogException(code, "message of " + code);
            BasinException translated = CatalogErrors.toBasinException(exception);
            assertThat(translated.sqlState()).as(code.name()).isEqualTo(code.sqlState());
            assertThat(translated.getMessage()).isEqualTo("message of " + code);
            assertThat(translated.getCause()).isSameAs(exception);
        }
    }
}

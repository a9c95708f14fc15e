package io.basin.catalog.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on the catalog database inside one transaction that {@link CatalogStore} opened. */
@FunctionalInterface
public interface SqlWork<T>
{
    T run(Connection connection)
            throws SQLException;
}

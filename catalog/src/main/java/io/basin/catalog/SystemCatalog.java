package io.basin.catalog;

import io.basin.catalog.external.ExternalSchemaCatalog;
import io.basin.catalog.store.CatalogStore;
import io.basin.catalog.user.UserCatalog;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;

import static io.basin.catalog.CatalogErrorCode.CATALOG_STORE_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Basin's system catalog: what the engine knows about its own objects (users now; external schema
 * bindings, local tables and statistics to come), persisted in the SQLite database
 * {@value #FILE_NAME} in the data directory. Thread-safe; open one per data directory and
 * process, and close it when the engine stops.
 * <p>
 * A new catalog holds one user, the bootstrap superuser {@value UserCatalog#BOOTSTRAP_USER_NAME},
 * without a password.
 */
public final class SystemCatalog
        implements AutoCloseable
{
    public static final String FILE_NAME = "catalog.db";

    private final CatalogStore store;
    private final UserCatalog users;
    private final ExternalSchemaCatalog externalSchemas;
    private final byte[] mockAuthenticationSecret;
    private final String catalogId;

    private SystemCatalog(CatalogStore store)
    {
        this.store = store;
        this.users = new UserCatalog(store);
        this.externalSchemas = new ExternalSchemaCatalog(store);
        this.mockAuthenticationSecret = HexFormat.of().parseHex(property(SystemCatalogSchema.MOCK_AUTHENTICATION_SECRET));
        this.catalogId = property(SystemCatalogSchema.CATALOG_ID);
    }

    /** Opens the catalog of {@code dataDirectory}, creating the directory and the catalog if needed. */
    public static SystemCatalog open(Path dataDirectory)
    {
        requireNonNull(dataDirectory, "dataDirectory is null");
        CatalogStore store = CatalogStore.open(dataDirectory.resolve(FILE_NAME), SystemCatalogSchema.MIGRATIONS);
        try {
            return new SystemCatalog(store);
        }
        catch (RuntimeException e) {
            try {
                store.close();
            }
            catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /** The external schemas of the local database (bindings of schema names to sources). */
    public ExternalSchemaCatalog externalSchemas()
    {
        return externalSchemas;
    }

    public UserCatalog users()
    {
        return users;
    }

    /**
     * The store under this catalog, for catalog parts built on it. Work on it must use the catalog's
     * tables through the classes that own them.
     */
    public CatalogStore store()
    {
        return store;
    }

    /**
     * A random key made when the catalog was created and kept with it. The authentication exchange
     * derives a fake salt for unknown users from it (an HMAC of the user name), so that the salt a
     * client sees for a user name is stable, across restarts too, whether or not the user exists.
     */
    public byte[] mockAuthenticationSecret()
    {
        return mockAuthenticationSecret.clone();
    }

    /** A random id of this catalog, made when it was created. */
    public String catalogId()
    {
        return catalogId;
    }

    private String property(String name)
    {
        return store.read("read catalog property " + name, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT value FROM catalog_properties WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet result = select.executeQuery()) {
                    if (!result.next()) {
                        throw new CatalogException(CATALOG_STORE_ERROR, "Cannot open catalog: catalog property %s is missing".formatted(name));
                    }
                    return result.getString(1);
                }
            }
        });
    }

    @Override
    public void close()
    {
        store.close();
    }

    @Override
    public String toString()
    {
        return "SystemCatalog[" + store.file() + "]";
    }
}

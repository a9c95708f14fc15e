package io.basin.catalog.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Object ids for everything the catalog holds (users now; schemas, tables and bindings later),
 * drawn from one counter as PostgreSQL's OIDs are, so an id names one object of any kind and a
 * dropped object's id is never given out again. Ids start at {@value #FIRST_ID}, PostgreSQL's
 * first OID for user-created objects; smaller ids are for objects the catalog creates itself.
 */
public final class ObjectIdSequence
{
    public static final long FIRST_ID = 16384;
    static final String TABLE = "catalog_object_ids";

    private ObjectIdSequence() {}

    /** The statements that create the counter; part of the first migration. */
    public static String[] createStatements()
    {
        return new String[] {
                "CREATE TABLE " + TABLE + " (next_id INTEGER NOT NULL) STRICT",
                "INSERT INTO " + TABLE + " (next_id) VALUES (" + FIRST_ID + ")",
        };
    }

    /** Takes the next id; call inside a {@link CatalogStore#write} transaction. */
    public static long next(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("UPDATE " + TABLE + " SET next_id = next_id + 1 RETURNING next_id - 1")) {
            if (!result.next()) {
                throw new SQLException("The object id counter is missing");
            }
            return result.getLong(1);
        }
    }
}

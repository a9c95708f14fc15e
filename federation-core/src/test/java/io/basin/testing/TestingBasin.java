package io.basin.testing;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;
import io.trino.tpch.TpchTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * An embedded Basin over a fresh data directory under {@code java.io.tmpdir}, with one default
 * session; the directory is deleted on {@link #close()}.
 */
public final class TestingBasin
        implements AutoCloseable
{
    private final Path dataDirectory;
    private final Basin basin;
    private final BasinSession session;

    public TestingBasin()
    {
        try {
            Path temporaryDirectory = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
            Files.createDirectories(temporaryDirectory);
            dataDirectory = Files.createTempDirectory(temporaryDirectory, "basin-data-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
        session = basin.newSession();
    }

    /** The data directory this Basin was opened on (deleted on close). */
    public Path dataDirectory()
    {
        return dataDirectory;
    }

    public Basin basin()
    {
        return basin;
    }

    /** The default session: catalog {@code memory}, schema {@code public}. */
    public BasinSession session()
    {
        return session;
    }

    public QueryResult execute(String sql)
    {
        return session.execute(sql);
    }

    /**
     * Copies the eight TPC-H tables of {@code tpch.<schema>} into the session's default schema
     * ({@code CREATE TABLE lineitem AS SELECT * FROM tpch.tiny.lineitem}, ...), so that the
     * standard query texts run unchanged over unqualified names.
     */
    public void copyTpchTables(String tpchSchema)
    {
        copyTpchTables(tpchSchema, "");
    }

    /**
     * Copies the eight TPC-H tables of {@code tpch.<schema>} into {@code targetSchema}
     * ({@code lake.s} makes {@code lake.s.lineitem}, ...), created first, and makes it the
     * session's search path so that the standard query texts run unchanged.
     */
    public void copyTpchTables(String tpchSchema, String targetSchema)
    {
        requireNonNull(tpchSchema, "tpchSchema is null");
        requireNonNull(targetSchema, "targetSchema is null");
        String prefix = "";
        if (!targetSchema.isEmpty()) {
            session.execute("CREATE SCHEMA " + targetSchema);
            session.execute("SET search_path = \"%s\"".formatted(targetSchema));
            prefix = targetSchema + ".";
        }
        for (TpchTable<?> table : TpchTable.getTables()) {
            String name = table.getTableName();
            session.execute("CREATE TABLE %s%s AS SELECT * FROM tpch.%s.%s".formatted(prefix, name, tpchSchema, name));
        }
    }

    @Override
    public void close()
    {
        try {
            session.close();
            basin.close();
        }
        finally {
            TestingDirectories.deleteRecursively(dataDirectory);
        }
    }
}

package io.basin.examples;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.embedded.QueryResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs Basin inside a Java program: copies TPC-H tables into the memory catalog and runs a query
 * joining them.
 */
public final class EmbeddedQuickstart
{
    private EmbeddedQuickstart() {}

    public static void main(String[] args)
            throws Exception
    {
        Path dataDirectory = Files.createTempDirectory("basin-quickstart");
        try (Basin basin = Basin.open(BasinConfig.defaults().withDataDirectory(dataDirectory));
                BasinSession session = basin.newSession()) {
            session.execute("CREATE TABLE nation AS SELECT * FROM tpch.tiny.nation");
            session.execute("CREATE TABLE region AS SELECT * FROM tpch.tiny.region");
            QueryResult result = session.execute("""
                    SELECT r.r_name AS region, count(*) AS nations, string_agg(n.n_name, ', ' ORDER BY n.n_name) AS names
                    FROM nation n JOIN region r ON n.n_regionkey = r.r_regionkey
                    GROUP BY r.r_name
                    ORDER BY r.r_name""");
            System.out.println(String.join(" | ", result.columns().stream().map(QueryResult.Column::name).toList()));
            for (List<Object> row : result.rows()) {
                System.out.println(String.join(" | ", row.stream().map(String::valueOf).toList()));
            }
            System.out.println();
            System.out.println(session.explain("SELECT n_name FROM nation WHERE n_regionkey = 1 ORDER BY n_name"));
        }
    }
}

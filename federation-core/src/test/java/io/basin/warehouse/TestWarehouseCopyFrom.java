package io.basin.warehouse;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.error.BasinException;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code COPY table FROM 'file'} into warehouse tables of the local database. The oracle is
 * PostgreSQL loading the same file with its own {@code COPY ... FROM} and the same options;
 * both tables are then read with the same query. Bad rows fail the load with the line and the
 * column named, and the table keeps exactly the rows it had.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestWarehouseCopyFrom
{
    static final String COLUMNS = "(id bigint, name varchar(40), balance decimal(12, 2), born date, note varchar(200), flag boolean, score double precision, seen timestamp)";
    static final String SELECT = "SELECT id, name, balance, born, note, flag, score, seen FROM %s ORDER BY id";

    @TempDir
    static Path directory;

    private TestingPostgreSqlServer postgres;
    private Basin basin;
    private BasinSession session;

    @BeforeAll
    void setUp()
    {
        postgres = new TestingPostgreSqlServer();
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("data")));
        session = basin.newSession();
    }

    @AfterAll
    void tearDown()
    {
        // the server is stopped even when the set-up failed half way
        try (TestingPostgreSqlServer _ = postgres; Basin _ = basin; BasinSession _ = session) {
            // closed in reverse order: session, Basin, PostgreSQL
        }
    }

    /** Rows with awkward text: delimiters, quotes, line breaks, empty strings and NULLs. */
    static List<String[]> rows(int count, long seed)
    {
        Random random = new Random(seed);
        String[] notes = {"plain", "with, comma", "with | pipe", "say \"hi\"", "two\nlines", "", "50% off", "ünïcødé ✓"};
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new String[] {
                    String.valueOf(i * 7L - 3),
                    random.nextInt(10) == 0 ? null : "name#" + random.nextInt(100_000),
                    random.nextInt(12) == 0 ? null : BigDecimal.valueOf(random.nextLong(-99_999_999L, 99_999_999L), 2).toPlainString(),
                    random.nextInt(15) == 0 ? null : java.time.LocalDate.ofEpochDay(random.nextInt(-20_000, 20_000)).toString(),
                    random.nextInt(9) == 0 ? null : notes[random.nextInt(notes.length)],
                    random.nextInt(7) == 0 ? null : String.valueOf(random.nextBoolean()),
                    random.nextInt(11) == 0 ? null : String.valueOf(random.nextInt(-1_000_000, 1_000_000) / 64.0),
                    random.nextInt(13) == 0 ? null : java.time.LocalDateTime.of(2000 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000) * 1000).toString().replace('T', ' ')});
        }
        return rows;
    }

    static String csv(List<String[]> rows, char delimiter, char quote, String nullText, List<String> headerLines)
    {
        StringBuilder out = new StringBuilder();
        for (String header : headerLines) {
            out.append(header).append('\n');
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(delimiter);
                }
                String value = row[i];
                if (value == null) {
                    out.append(nullText);
                }
                else if (value.isEmpty() || value.indexOf(delimiter) >= 0 || value.indexOf(quote) >= 0 || value.indexOf('\n') >= 0 || value.equals(nullText)) {
                    out.append(quote).append(value.replace(String.valueOf(quote), "" + quote + quote)).append(quote);
                }
                else {
                    out.append(value);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private Path write(String name, String text)
            throws IOException
    {
        Path file = directory.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void testCsvWithHeaderMatchesPostgres()
            throws Exception
    {
        Path file = write("customers.csv", csv(rows(5000, 1), ',', '"', "", List.of("id,name,balance,born,note,flag,score,seen")));
        postgres.execute("CREATE TABLE csv_plain " + COLUMNS);
        postgres.execute("COPY csv_plain FROM '" + file + "' WITH (FORMAT csv, HEADER)");
        session.execute("CREATE TABLE csv_plain " + COLUMNS + " SORTKEY (id)");
        long loaded = session.execute("COPY csv_plain FROM 'file:" + file + "' FORMAT AS CSV IGNOREHEADER 1").updateCount();

        assertThat(loaded).isEqualTo(5000);
        assertThat(basinRows(SELECT.formatted("csv_plain"))).isEqualTo(postgresRows(SELECT.formatted("csv_plain")));
    }

    @Test
    void testDelimiterNullAndQuoteOptionsMatchPostgres()
            throws Exception
    {
        Path file = write("customers.txt", csv(rows(3000, 2), '|', '%', "\\N", List.of("exported by a test", "id|name|balance|born|note|flag|score|seen")));
        postgres.execute("CREATE TABLE csv_options " + COLUMNS);
        // PostgreSQL skips one header line only; the first line is dropped from the copy it reads
        Path postgresFile = write("customers-pg.txt", Files.readString(file).substring(Files.readString(file).indexOf('\n') + 1));
        postgres.execute("COPY csv_options FROM '" + postgresFile + "' WITH (FORMAT csv, HEADER, DELIMITER '|', NULL '\\N', QUOTE '%')");
        session.execute("CREATE TABLE csv_options " + COLUMNS + " DISTSTYLE EVEN");
        session.execute("COPY csv_options FROM '" + file + "' CSV DELIMITER AS '|' IGNOREHEADER AS 2 NULL AS '\\N' QUOTE AS '%'");

        assertThat(basinRows(SELECT.formatted("csv_options"))).isEqualTo(postgresRows(SELECT.formatted("csv_options")));
    }

    @Test
    void testColumnListLeavesOtherColumnsNull()
            throws Exception
    {
        Path file = write("pairs.csv", "10,first\n20,\"second, with comma\"\n30,\n");
        postgres.execute("CREATE TABLE csv_pairs " + COLUMNS);
        postgres.execute("COPY csv_pairs (id, note) FROM '" + file + "' WITH (FORMAT csv)");
        session.execute("CREATE TABLE csv_pairs " + COLUMNS);
        session.execute("COPY csv_pairs (id, note) FROM 'file://" + file + "' CSV");

        assertThat(basinRows(SELECT.formatted("csv_pairs"))).isEqualTo(postgresRows(SELECT.formatted("csv_pairs")));
    }

    @Test
    void testBadRowsLoadNothing()
            throws Exception
    {
        List<String[]> good = rows(2000, 3);
        Path first = write("first.csv", csv(good, ',', '"', "", List.of()));
        postgres.execute("CREATE TABLE csv_bad " + COLUMNS);
        postgres.execute("COPY csv_bad FROM '" + first + "' WITH (FORMAT csv)");
        session.execute("CREATE TABLE csv_bad " + COLUMNS);
        session.execute("COPY csv_bad FROM '" + first + "' CSV");

        // the 1501st row has a balance that is not a number: the 1500 rows before it must not appear.
        // Quoted notes span lines, so the row starts on the line after those of the rows before it
        List<String[]> bad = rows(3000, 4);
        bad.get(1500)[2] = "12.3.4";
        Path badValue = write("bad-value.csv", csv(bad, ',', '"', "", List.of()));
        String line = "line " + (csv(bad.subList(0, 1500), ',', '"', "", List.of()).chars().filter(c -> c == '\n').count() + 1);
        assertThatThrownBy(() -> session.execute("COPY csv_bad FROM '" + badValue + "' CSV"))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("22P04"))
                .hasMessageContaining(line + ", column balance (3)")
                .hasMessageContaining("12.3.4");
        // PostgreSQL refuses the same file at the same line and column
        assertThatThrownBy(() -> postgres.execute("COPY csv_bad FROM '" + badValue + "' WITH (FORMAT csv)"))
                .hasStackTraceContaining(line + ", column balance");

        Path shortLine = write("short-line.csv", csv(rows(10, 5), ',', '"', "", List.of()) + "1,only two\n");
        assertThatThrownBy(() -> session.execute("COPY csv_bad FROM '" + shortLine + "' CSV"))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("22P04"))
                .hasMessageContaining("line 11")
                .hasMessageContaining("2 fields");

        assertThatThrownBy(() -> session.execute("COPY csv_bad FROM '" + directory.resolve("missing.csv") + "' CSV"))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("58P01"));
        assertThatThrownBy(() -> session.execute("COPY missing_table FROM '" + first + "' CSV"))
                .isInstanceOfSatisfying(BasinException.class, e -> assertThat(e.sqlState()).isEqualTo("42P01"));

        assertThat(basinRows(SELECT.formatted("csv_bad"))).isEqualTo(postgresRows(SELECT.formatted("csv_bad")));
        // the session stays usable
        assertThat(session.execute("SELECT count(*) FROM csv_bad").rows()).isEqualTo(List.of(List.of(2000L)));
    }

    private List<List<String>> basinRows(String sql)
    {
        return session.execute(sql).rows().stream()
                .map(row -> row.stream().map(TestWarehouseCopyFrom::normalize).toList())
                .toList();
    }

    private List<List<String>> postgresRows(String sql)
            throws SQLException
    {
        try (Connection connection = postgres.createConnection()) {
            return jdbcRows(connection, sql);
        }
    }

    /** The rows of {@code sql} over JDBC (PostgreSQL or DuckDB), {@link #normalize normalized}. */
    static List<List<String>> jdbcRows(Connection connection, String sql)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = switch (result.getMetaData().getColumnType(i)) {
                        case java.sql.Types.DATE -> result.getObject(i, java.time.LocalDate.class);
                        case java.sql.Types.TIMESTAMP -> result.getObject(i, java.time.LocalDateTime.class);
                        default -> result.getObject(i);
                    };
                    row.add(normalize(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Both sides' values as text: numbers without trailing zeros, timestamps in ISO form. */
    static String normalize(Object value)
    {
        return switch (value) {
            case null -> "NULL";
            case BigDecimal decimal -> decimal.stripTrailingZeros().toPlainString();
            case Long number -> number.toString();
            case Double number -> number.toString();
            default -> value.toString();
        };
    }
}

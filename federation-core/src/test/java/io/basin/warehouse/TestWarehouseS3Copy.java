package io.basin.warehouse;

import io.basin.embedded.Basin;
import io.basin.embedded.BasinConfig;
import io.basin.embedded.BasinSession;
import io.basin.error.BasinException;
import io.basin.lake.TestingS3Proxy;
import io.basin.sql.parser.SqlRedactor;
import io.basin.sql.parser.StatementParser;
import io.basin.testing.TestingPostgreSqlServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.basin.warehouse.TestWarehouseCopyFrom.COLUMNS;
import static io.basin.warehouse.TestWarehouseCopyFrom.SELECT;
import static io.basin.warehouse.TestWarehouseCopyFrom.csv;
import static io.basin.warehouse.TestWarehouseCopyFrom.jdbcRows;
import static io.basin.warehouse.TestWarehouseCopyFrom.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code COPY ... FROM 's3://...'} and {@code UNLOAD ... TO 's3://...'} against S3Proxy started
 * by the test. The oracles: PostgreSQL loading the same CSV objects (COPY FROM STDIN through the
 * JDBC driver's CopyManager), DuckDB reading the Parquet file that was uploaded and the parts
 * UNLOAD wrote (downloaded with the AWS SDK). Bad credentials, a missing bucket or object and a bad
 * row fail with their SQLSTATEs and leave the table as it was; the keys appear in no message,
 * cause, parsed statement, redacted log text or catalog table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestWarehouseS3Copy
{
    private static final String BUCKET = "loads";
    private static final String GENERATE = """
            SELECT i::BIGINT AS id,
                   CASE WHEN i % 10 = 0 THEN NULL ELSE md5(i::VARCHAR) END AS name,
                   CASE WHEN i % 12 = 0 THEN NULL ELSE ((i * 104729 % 19999999) - 9999999) / 100.0 END::DECIMAL(12, 2) AS balance,
                   CASE WHEN i % 15 = 0 THEN NULL ELSE DATE '1970-01-01' + CAST(i * 31 % 40000 - 20000 AS INTEGER) END AS born,
                   CASE WHEN i % 9 = 0 THEN NULL ELSE md5((i * 7)::VARCHAR) || md5((i * 13)::VARCHAR) END AS note,
                   CASE WHEN i % 7 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
                   CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 613 % 2000000 - 1000000) / 64.0 END::DOUBLE AS score,
                   CASE WHEN i % 13 = 0 THEN NULL ELSE TIMESTAMP '2000-01-01 00:00:00' + to_microseconds(i * 7777777777) END AS seen
            FROM range(1, $ROWS) t(i)""";

    @TempDir
    static Path directory;

    private TestingS3Proxy s3;
    private S3Client client;
    private TestingPostgreSqlServer postgres;
    private Basin basin;
    private BasinSession session;
    private String access;

    @BeforeAll
    void setUp()
    {
        s3 = new TestingS3Proxy(List.of(BUCKET));
        client = S3Client.builder()
                .endpointOverride(URI.create(s3.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestingS3Proxy.ACCESS_KEY, TestingS3Proxy.SECRET_KEY)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        postgres = TestingPostgreSqlServer.shared();
        basin = Basin.open(BasinConfig.defaults().withDataDirectory(directory.resolve("data")));
        session = basin.newSession();
        access = "ACCESS_KEY_ID '%s' SECRET_ACCESS_KEY '%s' REGION 'us-east-1' ENDPOINT '%s'".formatted(TestingS3Proxy.ACCESS_KEY, TestingS3Proxy.SECRET_KEY, s3.endpoint());
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        try (TestingS3Proxy _ = s3; S3Client _ = client; Basin _ = basin; BasinSession _ = session) {
            // closed in reverse order
        }
    }

    private void put(String key, String text)
    {
        client.putObject(builder -> builder.bucket(BUCKET).key(key), RequestBody.fromString(text));
    }

    private List<String> keys(String prefix)
    {
        return client.listObjectsV2(builder -> builder.bucket(BUCKET).prefix(prefix)).contents().stream().map(S3Object::key).sorted().toList();
    }

    private List<List<String>> basinRows(String sql)
    {
        return session.execute(sql).rows().stream()
                .map(row -> row.stream().map(TestWarehouseCopyFrom::normalize).toList())
                .toList();
    }

    private static List<String> sorted(List<List<String>> rows)
    {
        return rows.stream().map(Object::toString).sorted().toList();
    }

    private List<List<String>> postgresRows(String sql)
            throws Exception
    {
        try (Connection connection = postgres.createConnection()) {
            return jdbcRows(connection, sql);
        }
    }

    private void postgresCopy(String table, String csv)
            throws Exception
    {
        try (Connection connection = postgres.createConnection()) {
            new CopyManager(connection.unwrap(BaseConnection.class)).copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER)", new StringReader(csv));
        }
    }

    @Test
    void testCopyCsvFromAPrefixMatchesPostgres()
            throws Exception
    {
        String header = "id,name,balance,born,note,flag,score,seen";
        List<String> parts = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            parts.add(csv(rows(2000 + part * 500, 10 + part), ',', '"', "", List.of(header)));
        }
        // every object whose key starts with the prefix, nested ones too; not the one beside them
        put("csv/customers_part_0.csv", parts.get(0));
        put("csv/customers_part_1.csv", parts.get(1));
        put("csv/customers_part_2/extra.csv", parts.get(2));
        put("csv/other.csv", csv(rows(50, 99), ',', '"', "", List.of(header)));

        postgres.execute("DROP TABLE IF EXISTS s3_csv");
        postgres.execute("CREATE TABLE s3_csv " + COLUMNS);
        for (String part : parts) {
            postgresCopy("s3_csv", part);
        }
        session.execute("CREATE TABLE s3_csv " + COLUMNS + " SORTKEY (id)");
        long loaded = session.execute("COPY s3_csv FROM 's3://loads/csv/customers_part' " + access + " FORMAT AS CSV IGNOREHEADER 1").updateCount();
        assertThat(loaded).isEqualTo((Long) postgresRows("SELECT count(*) FROM s3_csv").getFirst().stream().map(Long::parseLong).findFirst().orElseThrow());
        // the parts repeat ids: compared as sorted multisets
        assertThat(sorted(basinRows(SELECT.formatted("s3_csv")))).isEqualTo(sorted(postgresRows(SELECT.formatted("s3_csv"))));

        // Redshift's CREDENTIALS string and the s3a scheme name the same objects
        postgres.execute("DROP TABLE IF EXISTS s3_csv_one");
        postgres.execute("CREATE TABLE s3_csv_one " + COLUMNS);
        postgresCopy("s3_csv_one", parts.get(1));
        session.execute("CREATE TABLE s3_csv_one " + COLUMNS);
        session.execute("COPY s3_csv_one FROM 's3a://loads/csv/customers_part_1.csv' CREDENTIALS 'aws_access_key_id=%s;aws_secret_access_key=%s' ENDPOINT '%s' CSV IGNOREHEADER 1"
                .formatted(TestingS3Proxy.ACCESS_KEY, TestingS3Proxy.SECRET_KEY, s3.endpoint()));
        assertThat(basinRows(SELECT.formatted("s3_csv_one"))).isEqualTo(postgresRows(SELECT.formatted("s3_csv_one")));
    }

    @Test
    void testCopyParquetAndUnloadPartsMatchDuckDb()
            throws Exception
    {
        Path source = directory.resolve("source.parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (" + GENERATE.replace("$ROWS", "300001") + ") TO '" + source + "' (FORMAT parquet)");
            client.putObject(builder -> builder.bucket(BUCKET).key("parquet/data.parquet"), RequestBody.fromFile(source));

            session.execute("CREATE TABLE s3_parquet " + COLUMNS + " SORTKEY (born)");
            assertThat(session.execute("COPY s3_parquet FROM 's3a://loads/parquet/' " + access + " FORMAT PARQUET").updateCount()).isEqualTo(300_000);
            String sourceView = "read_parquet('" + source + "')";
            assertThat(basinRows(SELECT.formatted("s3_parquet"))).isEqualTo(jdbcRows(duckdb, SELECT.formatted(sourceView)));

            // parts of at most MAXFILESIZE under the prefix, as Redshift names them
            String filter = "SELECT id, name, balance, born, note, flag, score, seen FROM %s WHERE mod(id, 4) <> 1";
            long unloaded = session.execute("UNLOAD ('" + filter.formatted("s3_parquet").replace("'", "''") + "') TO 's3://loads/unload/out_' " + access + " FORMAT PARQUET MAXFILESIZE 5 MB").updateCount();
            List<String> keys = keys("unload/");
            assertThat(keys.size()).isGreaterThan(1);
            List<String> expectedNames = new ArrayList<>();
            for (int part = 0; part < keys.size(); part++) {
                expectedNames.add("unload/out_%04d_part_00.parquet".formatted(part));
            }
            assertThat(keys).isEqualTo(expectedNames);
            List<Path> downloaded = new ArrayList<>();
            for (String key : keys) {
                Path file = directory.resolve(key.replace('/', '_'));
                client.getObject(builder -> builder.bucket(BUCKET).key(key), ResponseTransformer.toFile(file));
                // a part stops growing once it passes 5 MB (checked after each page of rows)
                assertThat(Files.size(file)).isLessThan(8L << 20);
                downloaded.add(file);
            }
            String parts = downloaded.stream().map(file -> "'" + file + "'").collect(Collectors.joining(", ", "read_parquet([", "])"));
            List<List<String>> expected = jdbcRows(duckdb, "SELECT * FROM (" + filter.formatted(sourceView) + ") ORDER BY id");
            assertThat(unloaded).isEqualTo(expected.size());
            assertThat(jdbcRows(duckdb, SELECT.formatted(parts))).isEqualTo(expected);
        }
    }

    @Test
    void testFailuresAreClearLoadNothingAndNeverShowTheKeys()
            throws Exception
    {
        String header = "id,name,balance,born,note,flag,score,seen";
        put("bad/part_0.csv", csv(rows(500, 21), ',', '"', "", List.of(header)));
        List<String[]> badRows = rows(500, 22);
        badRows.get(100)[2] = "not-a-number";
        put("bad/part_1.csv", csv(badRows, ',', '"', "", List.of(header)));
        put("good/part_0.csv", csv(rows(300, 23), ',', '"', "", List.of(header)));
        session.execute("CREATE TABLE s3_failures " + COLUMNS);
        session.execute("COPY s3_failures FROM 's3://loads/good/' " + access + " CSV IGNOREHEADER 1");
        List<List<String>> before = basinRows(SELECT.formatted("s3_failures"));
        assertThat(before).hasSize(300);

        String wrongSecret = "wrong-secret-4f1e9b7c";
        String wrongKey = "AKIAWRONGKEY12345";
        String badSecret = "ACCESS_KEY_ID '%s' SECRET_ACCESS_KEY '%s' ENDPOINT '%s'".formatted(TestingS3Proxy.ACCESS_KEY, wrongSecret, s3.endpoint());
        String badKey = "CREDENTIALS 'aws_access_key_id=%s;aws_secret_access_key=%s' ENDPOINT '%s'".formatted(wrongKey, TestingS3Proxy.SECRET_KEY, s3.endpoint());
        List<String> secrets = List.of(TestingS3Proxy.SECRET_KEY, wrongSecret, wrongKey);
        List<String> statements = new ArrayList<>();

        // what the JVM logs meanwhile (slf4j-simple, Hadoop and the AWS SDK write to System.err or System.out)
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        System.setErr(new PrintStream(new TeeStream(originalErr, logged), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new TeeStream(originalOut, logged), true, StandardCharsets.UTF_8));
        try {
            org.slf4j.LoggerFactory.getLogger(TestWarehouseS3Copy.class).warn("log capture check");
            statements.add(assertFails("COPY s3_failures FROM 's3://loads/good/' " + badSecret + " CSV IGNOREHEADER 1", "28000", "S3 refused access", secrets));
            statements.add(assertFails("COPY s3_failures FROM 's3://loads/good/' " + badKey + " CSV IGNOREHEADER 1", "28000", "S3 refused access", secrets));
            statements.add(assertFails("COPY s3_failures FROM 's3://no-such-bucket/good/' " + access + " CSV IGNOREHEADER 1", "58P01", "bucket \"no-such-bucket\" does not exist", secrets));
            statements.add(assertFails("COPY s3_failures FROM 's3://loads/nothing/here' " + access + " CSV IGNOREHEADER 1", "58P01", "no S3 object has a key starting with \"s3://loads/nothing/here\"", secrets));
            // the first object loads, the second has a bad value: nothing is committed
            statements.add(assertFails("COPY s3_failures FROM 's3://loads/bad/' " + access + " CSV IGNOREHEADER 1", "22P04", "s3a://loads/bad/part_1.csv, line ", secrets));
            statements.add(assertFails("COPY s3_failures FROM 's3://loads/good/' ACCESS_KEY_ID 'x' CSV", "22023", "give both or neither", secrets));
            statements.add(assertFails("COPY s3_failures FROM '" + directory.resolve("local.csv") + "' " + access + " CSV", "22023", "apply to s3:// and s3a:// locations only", secrets));
            statements.add(assertFails("COPY s3_failures FROM 's3://loads/good/' IAM_ROLE 'arn:aws:iam::0:role/x' CSV", "0A000", "IAM_ROLE is not supported", secrets));
            // UNLOAD with refused credentials writes nothing
            statements.add(assertFails("UNLOAD ('SELECT * FROM s3_failures') TO 's3://loads/refused/out_' " + badSecret + " FORMAT PARQUET", "28000", "S3 refused access", secrets));
            assertThat(keys("refused/")).isEmpty();
            // a query failing half way uploads nothing
            statements.add(assertFails("UNLOAD ('SELECT id / (id - id) FROM s3_failures') TO 's3://loads/failed/out_' " + access + " FORMAT PARQUET", "22012", "division by zero", secrets));
            assertThat(keys("failed/")).isEmpty();
        }
        finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String log = logged.toString(StandardCharsets.UTF_8);
        // the capture sees what loggers write (slf4j-simple looks System.err up per message)
        assertThat(log).contains("log capture check");
        secrets.forEach(secret -> assertThat(log).as("log output").doesNotContain(secret));

        assertThat(basinRows(SELECT.formatted("s3_failures"))).isEqualTo(before);
        assertThat(session.execute("SELECT count(*) FROM s3_failures").rows()).isEqualTo(List.of(List.of(300L)));

        // the keys are in no parsed statement, redacted log text, EXPLAIN or catalog table
        statements.add("COPY s3_failures FROM 's3://loads/good/' " + access + " CSV IGNOREHEADER 1");
        statements.add("COPY s3_failures FROM 's3://loads/good/' " + badKey + " CSV IGNOREHEADER 1");
        for (String sql : statements) {
            String parsed;
            try {
                parsed = StatementParser.parse(sql).toString();
            }
            catch (BasinException e) {
                parsed = stackTrace(e);
            }
            String redacted = SqlRedactor.redact(sql);
            for (String secret : secrets) {
                assertThat(parsed).as("parsed %s", sql).doesNotContain(secret);
                assertThat(redacted).as("redacted %s", sql).doesNotContain(secret);
            }
        }
        try {
            String explained = session.execute("EXPLAIN COPY s3_failures FROM 's3://loads/good/' " + badSecret + " CSV").rows().toString();
            secrets.forEach(secret -> assertThat(explained).doesNotContain(secret));
        }
        catch (BasinException e) {
            secrets.forEach(secret -> assertThat(stackTrace(e)).doesNotContain(secret));
        }
        for (String table : List.of("pg_catalog.pg_stat_activity", "pg_catalog.pg_class", "pg_catalog.pg_settings", "information_schema.tables", "information_schema.columns",
                "warehouse_system.table_statistics", "warehouse_system.scan_summary")) {
            String rows = session.execute("SELECT * FROM " + table).rows().toString();
            secrets.forEach(secret -> assertThat(rows).as(table).doesNotContain(secret));
        }
    }

    /** Runs {@code sql}, which must fail with {@code sqlState} and a message containing {@code message}, and shows none of {@code secrets} anywhere in the failure. */
    private String assertFails(String sql, String sqlState, String message, List<String> secrets)
    {
        assertThatThrownBy(() -> session.execute(sql))
                .as(sql)
                .isInstanceOfSatisfying(BasinException.class, e -> {
                    assertThat(e.sqlState()).as(e.getMessage()).isEqualTo(sqlState);
                    assertThat(e.getMessage()).contains(message);
                    String trace = stackTrace(e);
                    secrets.forEach(secret -> assertThat(trace).doesNotContain(secret));
                });
        return sql;
    }

    private static String stackTrace(Throwable failure)
    {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Writes to two streams: the original one and a capture. */
    private static final class TeeStream
            extends OutputStream
    {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second)
        {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b)
                throws IOException
        {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length)
                throws IOException
        {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}

package io.basin.pgwire.type;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

/** {@link PgType}'s catalog rows and {@link PgColumnType#formatType()} against PostgreSQL 17's {@code pg_type} and {@code format_type}. */
@TestInstance(PER_CLASS)
class TestPgType
{
    private TestingPostgresValues postgres;

    @BeforeAll
    void setUp()
    {
        postgres = new TestingPostgresValues();
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        postgres.close();
    }

    @Test
    void testCatalogRows()
    {
        String oids = PgType.ALL.stream().map(type -> String.valueOf(type.oid())).collect(Collectors.joining(","));
        List<List<String>> expected = postgres.rows("""
                SELECT oid, typname, typnamespace, typowner, typlen, typbyval, typtype, typcategory, typispreferred, typisdefined, typdelim, typelem, typarray,
                       typinput, typoutput, typreceive, typsend, typmodin, typmodout, typalign, typstorage, typcollation, typsubscript
                FROM pg_type WHERE oid IN (%s) ORDER BY oid""".formatted(oids));
        List<List<String>> actual = new ArrayList<>();
        for (PgType type : PgType.ALL) {
            actual.add(List.of(
                    String.valueOf(type.oid()), type.name(), String.valueOf(PgType.PG_CATALOG_NAMESPACE_OID), String.valueOf(PgType.BOOTSTRAP_SUPERUSER_OID),
                    String.valueOf(type.length()), bool(type.byValue()), String.valueOf(type.kind()), String.valueOf(type.category()), bool(type.preferred()),
                    bool(type.defined()), String.valueOf(type.delimiter()), String.valueOf(type.elementOid()), String.valueOf(type.arrayOid()),
                    type.input(), type.output(), type.receive(), type.send(), type.modifierInput(), type.modifierOutput(),
                    String.valueOf(type.alignment()), String.valueOf(type.storage()), String.valueOf(type.collation()), type.subscript()));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void testEveryArrayTypeIsListed()
    {
        for (PgType type : PgType.ALL) {
            if (type.arrayOid() != 0) {
                PgType array = PgType.forOid(type.arrayOid()).orElseThrow();
                assertThat(array.elementOid()).isEqualTo(type.oid());
                assertThat(array.name()).isEqualTo("_" + type.name());
            }
            assertThat(PgType.forOid(type.oid())).contains(type);
        }
        assertThat(PgType.forOid(0)).isEmpty();
        assertThat(PgType.forOid(99_999)).isEmpty();
        assertThat(PgType.ALL).extracting(PgType::oid).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void testFormatType()
    {
        List<PgColumnType> columnTypes = new ArrayList<>();
        for (PgType type : PgType.ALL) {
            columnTypes.add(new PgColumnType(type, -1));
        }
        int dayToSecond = (1 << 3 | 1 << 10 | 1 << 11 | 1 << 12) << 16;
        int yearToMonth = (1 << 2 | 1 << 1) << 16;
        int fullRange = 0x7FFF << 16;
        columnTypes.addAll(List.of(
                new PgColumnType(PgType.NUMERIC, (10 << 16 | 2) + 4),
                new PgColumnType(PgType.NUMERIC, (38 << 16 | 38) + 4),
                new PgColumnType(PgType.NUMERIC, (1 << 16) + 4),
                new PgColumnType(PgType.NUMERIC_ARRAY, (5 << 16 | 1) + 4),
                new PgColumnType(PgType.VARCHAR, 24),
                new PgColumnType(PgType.VARCHAR, 4),
                new PgColumnType(PgType.VARCHAR_ARRAY, 14),
                new PgColumnType(PgType.BPCHAR, 9),
                new PgColumnType(PgType.BPCHAR, 5),
                new PgColumnType(PgType.BPCHAR_ARRAY, 9),
                new PgColumnType(PgType.TIMESTAMP, 6),
                new PgColumnType(PgType.TIMESTAMP, 0),
                new PgColumnType(PgType.TIMESTAMP, 3),
                new PgColumnType(PgType.TIMESTAMPTZ, 6),
                new PgColumnType(PgType.TIMESTAMP_ARRAY, 2),
                new PgColumnType(PgType.TIME, 6),
                new PgColumnType(PgType.TIMETZ, 3),
                new PgColumnType(PgType.INTERVAL, fullRange | 0xFFFF),
                new PgColumnType(PgType.INTERVAL, fullRange | 3),
                new PgColumnType(PgType.INTERVAL, dayToSecond | 0xFFFF),
                new PgColumnType(PgType.INTERVAL, dayToSecond | 3),
                new PgColumnType(PgType.INTERVAL, yearToMonth | 0xFFFF),
                new PgColumnType(PgType.INTERVAL_ARRAY, dayToSecond | 6)));
        String pairs = columnTypes.stream().map(type -> "(%s, %s)".formatted(type.oid(), type.typmod())).collect(Collectors.joining(", "));
        List<List<String>> expected = postgres.rows("SELECT format_type(oid, typmod) FROM (VALUES %s) AS t(oid, typmod)".formatted(pairs));
        for (int i = 0; i < columnTypes.size(); i++) {
            assertThat(columnTypes.get(i).formatType()).as("format_type of %s", columnTypes.get(i)).isEqualTo(expected.get(i).getFirst());
        }
    }

    private static String bool(boolean value)
    {
        return value ? "t" : "f";
    }
}

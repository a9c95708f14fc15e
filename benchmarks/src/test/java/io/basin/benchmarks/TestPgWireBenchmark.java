package io.basin.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire-server benchmark's pieces, and one short run of the whole over all three targets. */
class TestPgWireBenchmark
{
    @Test
    void testPercentiles()
    {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            // 1..100 ms, shuffled
            nanos[(i * 37) % 100] = (i + 1) * 1_000_000L;
        }
        LatencySample sample = new LatencySample(nanos);
        assertThat(sample.count()).isEqualTo(100);
        assertThat(sample.percentileMillis(50)).isEqualTo(50.0);
        assertThat(sample.percentileMillis(99)).isEqualTo(99.0);
        assertThat(sample.percentileMillis(100)).isEqualTo(100.0);
        assertThat(sample.meanMillis()).isEqualTo(50.5);
        assertThat(new LatencySample(new long[] {7_000_000}).percentileMillis(99)).isEqualTo(7.0);
        assertThatThrownBy(() -> new LatencySample(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testOptions()
    {
        PgWireBenchmarkOptions defaults = PgWireBenchmarkOptions.parse();
        assertThat(defaults.runs()).isEqualTo(10_000);
        assertThat(defaults.clients()).isEqualTo(16);
        assertThat(defaults.targets()).containsExactlyInAnyOrder("basin", "postgres", "duckdb");
        assertThat(defaults.binaryTransfer()).isTrue();
        PgWireBenchmarkOptions options = PgWireBenchmarkOptions.parse("--runs", "5", "--warmups", "0", "--clients", "2", "--seconds", "1", "--targets", "Basin,DuckDB", "--binary-transfer", "false");
        assertThat(options).isEqualTo(new PgWireBenchmarkOptions(5, 0, 2, 1, Set.of("basin", "duckdb"), false));
        assertThatThrownBy(() -> PgWireBenchmarkOptions.parse("--targets", "oracle")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgWireBenchmarkOptions.parse("--runs", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgWireBenchmarkOptions.parse("--runs")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testShortRun()
            throws Exception
    {
        // every target answers the aggregate alike (exit code 0), and each is measured
        assertThat(PgWireBenchmark.run(new PgWireBenchmarkOptions(20, 5, 2, 1, Set.of("basin", "postgres", "duckdb"), true))).isZero();
    }
}

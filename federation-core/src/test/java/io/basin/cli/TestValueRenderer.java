package io.basin.cli;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;

import static io.basin.cli.ValueRenderer.render;
import static org.assertj.core.api.Assertions.assertThat;

/** Values print as PostgreSQL's text output writes them. */
class TestValueRenderer
{
    @Test
    void testValues()
    {
        assertThat(render(null)).isEmpty();
        assertThat(render(true)).isEqualTo("t");
        assertThat(render(false)).isEqualTo("f");
        assertThat(render(42L)).isEqualTo("42");
        assertThat(render((short) -7)).isEqualTo("-7");
        assertThat(render(0.1)).isEqualTo("0.1");
        assertThat(render(1.0)).isEqualTo("1");
        assertThat(render(1e20)).isEqualTo("1e+20");
        assertThat(render(Double.NaN)).isEqualTo("NaN");
        assertThat(render(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(render(1.5f)).isEqualTo("1.5");
        assertThat(render(new BigDecimal("10.00"))).isEqualTo("10.00");
        assertThat(render(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(render("text")).isEqualTo("text");
        assertThat(render(LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
        assertThat(render(LocalDateTime.of(2024, 1, 31, 12, 0))).isEqualTo("2024-01-31 12:00:00");
        assertThat(render(LocalDateTime.of(2024, 1, 31, 12, 0, 1, 500_000_000))).isEqualTo("2024-01-31 12:00:01.5");
        assertThat(render(Duration.ofHours(26))).isEqualTo("1 day 02:00:00");
        assertThat(render(Period.ofMonths(14))).isEqualTo("1 year 2 mons");
        assertThat(render(new byte[] {0x0a, (byte) 0xff})).isEqualTo("\\x0aff");
    }
}

package io.basin.execution.expression.function;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TestNumberText
{
    /** The text reads back as the same double, is never longer than Java's shortest form, and uses PostgreSQL's layout. */
    @Test
    void doubleTextRoundTripsInShortestForm()
    {
        Random random = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            double value = switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                default -> (double) random.nextInt(1_000_000) / 1000;
            };
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String text = NumberText.doubleToString(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
            BigDecimal decimal = new BigDecimal(text).stripTrailingZeros();
            int exponent = decimal.precision() - decimal.scale() - 1;
            boolean exponential = text.contains("e");
            if (value != 0) {
                assertThat(exponential).as(text).isEqualTo(exponent < -4 || exponent >= 15);
            }
            assertThat(decimal.precision()).as(text).isLessThanOrEqualTo(17);
        }
    }

    @Test
    void realText()
    {
        assertThat(NumberText.realToString(1.0f / 3)).isEqualTo("0.33333334");
        assertThat(NumberText.realToString(1e6f)).isEqualTo("1e+06");
        assertThat(NumberText.realToString(999999f)).isEqualTo("999999");
        assertThat(NumberText.realToString(1.5e-5f)).isEqualTo("1.5e-05");
        assertThat(NumberText.realToString(Float.NaN)).isEqualTo("NaN");
    }
}

package io.basin.execution.expression.function;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TestCivilDate
{
    @Test
    void matchesJavaTimeOverManyCenturies()
    {
        for (long day = LocalDate.of(-1000, 1, 1).toEpochDay(); day <= LocalDate.of(3000, 12, 31).toEpochDay(); day += 7) {
            checkDay(day);
        }
        for (long day = -800; day < 800; day++) {
            checkDay(day);
        }
    }

    private static void checkDay(long day)
    {
        LocalDate date = LocalDate.ofEpochDay(day);
        long packed = CivilDate.fromEpochDay(day);
        assertThat(CivilDate.year(packed)).isEqualTo(date.getYear());
        assertThat(CivilDate.month(packed)).isEqualTo(date.getMonthValue());
        assertThat(CivilDate.day(packed)).isEqualTo(date.getDayOfMonth());
        assertThat(CivilDate.toEpochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).isEqualTo(day);
        assertThat(CivilDate.isoDayOfWeek(day)).isEqualTo(date.getDayOfWeek().getValue());
        assertThat(CivilDate.lengthOfMonth(date.getYear(), date.getMonthValue())).isEqualTo(date.lengthOfMonth());
    }

    @Test
    void epochWasThursday()
    {
        assertThat(CivilDate.isoDayOfWeek(0)).isEqualTo(DayOfWeek.THURSDAY.getValue());
    }
}

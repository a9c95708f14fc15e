package io.basin.sql.planner;

/**
 * Makes Calcite treat string literals as UTF-8 (its default, ISO-8859-1, rejects any non-Latin-1
 * text). Calcite reads these properties once, when its classes initialize, so this must run
 * before any parsing or validation.
 */
public final class CalciteCharset
{
    private CalciteCharset() {}

    public static void useUtf8()
    {
        System.setProperty("calcite.default.charset", "UTF-8");
        System.setProperty("calcite.default.nationalcharset", "UTF-8");
        System.setProperty("calcite.default.collation.name", "UTF-8$en_US");
    }
}

package io.basin.plan.expr;

/**
 * The scalar functions a {@link Call} may name, and the operand contract the planner guarantees
 * for each. All are null-propagating (any NULL argument gives NULL) unless noted.
 *
 * <p>Arithmetic: operands are either both of the result type (integer types, real, double), or both
 * decimal with a decimal result (any precision/scale each; the implementation rescales), or the
 * date/time forms listed. Integer overflow raises NUMERIC_VALUE_OUT_OF_RANGE (22003); division or
 * modulus by zero raises DIVISION_BY_ZERO (22012), also for double (as PostgreSQL does).
 * Decimal results are rounded half away from zero to the result scale.
 *
 * <p>Comparison: operands have the same type, except decimals that may differ in precision/scale.
 */
public final class FunctionNames
{
    private FunctionNames() {}

    // arithmetic; also date + interval, timestamp + interval, date - interval, timestamp - interval,
    // date - date (integer days), date + integer (days)
    public static final String ADD = "add";
    public static final String SUBTRACT = "subtract";
    public static final String MULTIPLY = "multiply";
    /** Integer division truncates toward zero (PostgreSQL). */
    public static final String DIVIDE = "divide";
    public static final String MODULUS = "modulus";
    public static final String NEGATE = "negate";

    // comparison, boolean result
    public static final String EQUAL = "equal";
    public static final String NOT_EQUAL = "not_equal";
    public static final String LESS_THAN = "less_than";
    public static final String LESS_THAN_OR_EQUAL = "less_than_or_equal";
    public static final String GREATER_THAN = "greater_than";
    public static final String GREATER_THAN_OR_EQUAL = "greater_than_or_equal";

    /** cast(x): to the call's type. All pairs among the supported types; text parsing as PostgreSQL. */
    public static final String CAST = "cast";

    // strings
    /** like(value, pattern) or like(value, pattern, escape); pattern is usually constant. */
    public static final String LIKE = "like";
    /** ilike: case-insensitive like. */
    public static final String ILIKE = "ilike";
    /** regexp_like(value, pattern): POSIX regex ~ operator. */
    public static final String REGEXP_LIKE = "regexp_like";
    /** regexp_replace(s, pattern): Redshift's two-argument form, every match removed; (s, pattern, replacement): PostgreSQL's, the first match. */
    public static final String REGEXP_REPLACE = "regexp_replace";
    /** regexp_substr(s, pattern): the first match; the planner guards it with regexp_like (no match is NULL). */
    public static final String REGEXP_SUBSTR = "regexp_substr";
    /** concat(a, b): the || operator (null-propagating). */
    public static final String CONCAT = "concat";
    /** substring(s, start) / substring(s, start, length): 1-based, PostgreSQL semantics. */
    public static final String SUBSTRING = "substring";
    public static final String UPPER = "upper";
    public static final String LOWER = "lower";
    /** btrim(s) / btrim(s, characters); ltrim; rtrim. */
    public static final String BTRIM = "btrim";
    public static final String LTRIM = "ltrim";
    public static final String RTRIM = "rtrim";
    /** length in characters (code points). */
    public static final String LENGTH = "length";
    public static final String OCTET_LENGTH = "octet_length";
    /** strpos(s, sub): 1-based, 0 when absent (also POSITION(sub IN s)). */
    public static final String STRPOS = "strpos";
    public static final String REPLACE = "replace";
    /** lpad(s, n [, fill]); rpad. */
    public static final String LPAD = "lpad";
    public static final String RPAD = "rpad";
    public static final String SPLIT_PART = "split_part";
    public static final String LEFT = "left";
    public static final String RIGHT = "right";
    public static final String REVERSE = "reverse";
    public static final String REPEAT = "repeat";
    public static final String INITCAP = "initcap";
    public static final String STARTS_WITH = "starts_with";
    public static final String TRANSLATE = "translate";
    public static final String MD5 = "md5";
    public static final String ASCII = "ascii";
    public static final String CHR = "chr";

    // math
    public static final String ABS = "abs";
    public static final String CEIL = "ceil";
    public static final String FLOOR = "floor";
    /** round(x) / round(x, digits): half away from zero for exact types, as PostgreSQL. */
    public static final String ROUND = "round";
    public static final String TRUNCATE = "trunc";
    public static final String SQRT = "sqrt";
    public static final String CBRT = "cbrt";
    public static final String POWER = "power";
    public static final String EXP = "exp";
    public static final String LN = "ln";
    public static final String LOG10 = "log10";
    public static final String SIGN = "sign";
    public static final String PI = "pi";
    public static final String RANDOM = "random";

    // bitwise, on integer types (PostgreSQL's & | # ~ << >>): and/or/xor/not in the call's type,
    // the operands of that type; the shifts take the value in the call's type and an integer count
    public static final String BITWISE_AND = "bitwise_and";
    public static final String BITWISE_OR = "bitwise_or";
    public static final String BITWISE_XOR = "bitwise_xor";
    public static final String BITWISE_NOT = "bitwise_not";
    public static final String BITWISE_SHIFT_LEFT = "bitwise_shift_left";
    public static final String BITWISE_SHIFT_RIGHT = "bitwise_shift_right";

    // date and time
    /** extract(field, x): field is a varchar constant (year, quarter, month, week, day, dow, doy, hour, minute, second, epoch); result type given by the call. */
    public static final String EXTRACT = "extract";
    /** date_trunc(unit, x): unit a varchar constant; x date or timestamp. */
    public static final String DATE_TRUNC = "date_trunc";
    /** date_add(unit, amount, x): Redshift DATEADD. */
    public static final String DATE_ADD = "date_add";
    /** date_diff(unit, a, b): Redshift DATEDIFF, number of unit boundaries crossed from a to b. */
    public static final String DATE_DIFF = "date_diff";
    /** current_date / current_timestamp: the query's start instant, same value for the whole query. */
    public static final String CURRENT_DATE = "current_date";
    public static final String CURRENT_TIMESTAMP = "current_timestamp";
    /** to_char(x, format) for dates/timestamps/numbers, PostgreSQL format patterns. */
    public static final String TO_CHAR = "to_char";
    public static final String TO_DATE = "to_date";
    public static final String LAST_DAY = "last_day";

    // catalog
    /** format_type(type_oid [, typmod]): bigint operands; without typmod, the modifier is "not given" (differs from -1 for bpchar). */
    public static final String FORMAT_TYPE = "format_type";
    /** quote_ident(text): the identifier, double-quoted when PostgreSQL would need it quoted. */
    public static final String QUOTE_IDENT = "quote_ident";
}

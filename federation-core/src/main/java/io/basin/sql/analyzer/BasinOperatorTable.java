package io.basin.sql.analyzer;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.ListSqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

import java.util.ArrayList;
import java.util.List;

/**
 * The functions and operators Basin's SQL accepts: Calcite's standard table plus the PostgreSQL
 * and Redshift functions Basin implements. Function names resolve case-insensitively, whatever
 * the identifier casing rules, as in PostgreSQL.
 */
public final class BasinOperatorTable
        implements SqlOperatorTable
{
    /** PostgreSQL's {@code date_trunc('month', x)}; Calcite only has the BigQuery argument order. */
    public static final SqlFunction PG_DATE_TRUNC = new SqlFunction(
            "DATE_TRUNC",
            SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP).andThen(SqlTypeTransforms.TO_NULLABLE),
            null,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.DATETIME),
            SqlFunctionCategory.TIMEDATE);

    public static final SqlFunction BTRIM = new SqlFunction(
            "BTRIM",
            SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0_NULLABLE_VARYING,
            null,
            OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING),
            SqlFunctionCategory.STRING);

    public static final SqlFunction INITCAP = new SqlFunction(
            "INITCAP",
            SqlKind.OTHER_FUNCTION,
            ReturnTypes.ARG0_NULLABLE_VARYING,
            null,
            OperandTypes.STRING,
            SqlFunctionCategory.STRING);

    /**
     * ROUND with one more integer digit than its decimal argument, since rounding can carry
     * (round(99.995, 2) = 100.00); Calcite keeps the argument's precision and would overflow.
     */
    public static final SqlFunction ROUND = roundingFunction("ROUND", 1);

    /** PostgreSQL's trunc(x [, digits]); truncation never carries, so no extra digit. */
    public static final SqlFunction TRUNC = roundingFunction("TRUNC", 0);

    private static SqlFunction roundingFunction(String name, int carryDigits)
    {
        return new SqlFunction(
                name,
                SqlKind.OTHER_FUNCTION,
                opBinding -> {
                    var type = opBinding.getOperandType(0);
                    if (type.getSqlTypeName() != SqlTypeName.DECIMAL) {
                        return type;
                    }
                    var factory = opBinding.getTypeFactory();
                    // PostgreSQL's result has the requested number of fractional digits
                    int scale = type.getScale();
                    if (opBinding.getOperandCount() > 1 && opBinding.isOperandLiteral(1, false)) {
                        Integer digits = opBinding.getOperandLiteralValue(1, Integer.class);
                        scale = digits == null ? scale : Math.max(0, Math.min(digits, scale));
                    }
                    else if (opBinding.getOperandCount() == 1) {
                        scale = 0;
                    }
                    int integerDigits = type.getPrecision() - type.getScale() + carryDigits;
                    var result = factory.createSqlType(SqlTypeName.DECIMAL, Math.max(1, Math.min(BasinTypeSystem.MAX_DECIMAL_PRECISION, integerDigits + scale)), scale);
                    return factory.createTypeWithNullability(result, type.isNullable() || opBinding.getOperandCount() > 1 && opBinding.getOperandType(1).isNullable());
                },
                null,
                OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_INTEGER),
                SqlFunctionCategory.NUMERIC);
    }

    /** PostgreSQL's greatest/least ignore NULL arguments (Calcite's, from Oracle, return NULL). */
    public static final SqlFunction GREATEST = new SqlFunction("GREATEST", SqlKind.GREATEST,
            ReturnTypes.LEAST_RESTRICTIVE, null, OperandTypes.SAME_VARIADIC, SqlFunctionCategory.SYSTEM);

    public static final SqlFunction LEAST = new SqlFunction("LEAST", SqlKind.LEAST,
            ReturnTypes.LEAST_RESTRICTIVE, null, OperandTypes.SAME_VARIADIC, SqlFunctionCategory.SYSTEM);

    /**
     * PostgreSQL's bitwise operators on integer types, as the functions the parser rewrites them
     * into (see io.basin.sql.parser.PostgresOperators): {@code a & b} is {@code bitwise_and(a, b)}.
     * And, or and xor give the wider operand type (int2 & int4 is int4); the shifts and not keep
     * the first operand's type.
     */
    public static final SqlFunction BITWISE_AND = bitwise("BITWISE_AND", "&", ReturnTypes.LEAST_RESTRICTIVE, OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER));
    public static final SqlFunction BITWISE_OR = bitwise("BITWISE_OR", "|", ReturnTypes.LEAST_RESTRICTIVE, OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER));
    public static final SqlFunction BITWISE_XOR = bitwise("BITWISE_XOR", "#", ReturnTypes.LEAST_RESTRICTIVE, OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER));
    public static final SqlFunction BITWISE_NOT = bitwise("BITWISE_NOT", "~", ReturnTypes.ARG0, OperandTypes.family(SqlTypeFamily.INTEGER));
    public static final SqlFunction BITWISE_SHIFT_LEFT = bitwise("BITWISE_SHIFT_LEFT", "<<", ReturnTypes.ARG0, OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER));
    public static final SqlFunction BITWISE_SHIFT_RIGHT = bitwise("BITWISE_SHIFT_RIGHT", ">>", ReturnTypes.ARG0, OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER));

    /** PostgreSQL's {@code a ^ b}: power(a, b), in double precision as Basin's power(). */
    public static final SqlFunction EXPONENTIATION = new OperatorFunction("EXPONENTIATION", "^",
            ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.TO_NULLABLE), OperandTypes.NUMERIC_NUMERIC);

    private static SqlFunction bitwise(String name, String symbol, org.apache.calcite.sql.type.SqlReturnTypeInference returnType, org.apache.calcite.sql.type.SqlOperandTypeChecker operands)
    {
        return new OperatorFunction(name, symbol, returnType.andThen(SqlTypeTransforms.TO_NULLABLE), operands);
    }

    /**
     * A function that stands for a PostgreSQL operator the parser rewrote ({@code a & b} is
     * {@code bitwise_and(a, b)}): as with any operator, its column is named {@code ?column?}.
     */
    public static final class OperatorFunction
            extends SqlFunction
    {
        private final String symbol;

        private OperatorFunction(String name, String symbol, org.apache.calcite.sql.type.SqlReturnTypeInference returnType, org.apache.calcite.sql.type.SqlOperandTypeChecker operands)
        {
            super(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, SqlFunctionCategory.NUMERIC);
            this.symbol = symbol;
        }

        /** Operands of other types: PostgreSQL's "operator does not exist: numeric &amp; integer" (42883). */
        @Override
        public boolean checkOperandTypes(org.apache.calcite.sql.SqlCallBinding binding, boolean throwOnFailure)
        {
            if (super.checkOperandTypes(binding, false)) {
                return true;
            }
            if (!throwOnFailure) {
                return false;
            }
            List<String> types = new ArrayList<>();
            for (int i = 0; i < binding.getOperandCount(); i++) {
                types.add(binding.getOperandType(i).getSqlTypeName().getName().toLowerCase(java.util.Locale.ROOT));
            }
            String signature = types.size() == 1 ? symbol + " " + types.getFirst() : types.get(0) + " " + symbol + " " + types.get(1);
            throw new io.basin.error.BasinException(io.basin.error.BasinErrorCode.UNDEFINED_FUNCTION, "operator does not exist: " + signature);
        }
    }

    /** Redshift's isnull(a, b): nvl. */
    public static final SqlFunction ISNULL = new SqlFunction("ISNULL", SqlKind.OTHER_FUNCTION,
            ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.TO_NULLABLE_ALL), null, OperandTypes.SAME_SAME, SqlFunctionCategory.SYSTEM);

    /** Redshift's charindex(substring, s): strpos(s, substring). */
    public static final SqlFunction CHARINDEX = new SqlFunction("CHARINDEX", SqlKind.OTHER_FUNCTION,
            ReturnTypes.INTEGER_NULLABLE, null, OperandTypes.STRING_STRING, SqlFunctionCategory.STRING);

    /**
     * regexp_replace(s, pattern): Redshift's, every match removed (PostgreSQL has no two-argument
     * form); regexp_replace(s, pattern, replacement): PostgreSQL's, the first match replaced.
     */
    public static final SqlFunction REGEXP_REPLACE = new SqlFunction("REGEXP_REPLACE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE), null,
            OperandTypes.or(OperandTypes.STRING_STRING, OperandTypes.STRING_STRING_STRING), SqlFunctionCategory.STRING);

    /** regexp_substr(s, pattern [, start]): the first match at or after start, NULL when there is none (PostgreSQL). */
    public static final SqlFunction REGEXP_SUBSTR = new SqlFunction("REGEXP_SUBSTR", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
            OperandTypes.or(OperandTypes.STRING_STRING, OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)),
            SqlFunctionCategory.STRING);

    /** Redshift's getdate(): the statement's start time as a timestamp (with its parentheses, unlike current_timestamp). */
    public static final SqlFunction GETDATE = new SqlFunction("GETDATE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP), null, OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE);

    /** Functions Basin defines that take precedence over Calcite's functions of the same name. */
    private static final List<SqlOperator> OVERRIDES = List.of(PG_DATE_TRUNC, ROUND, TRUNC, GREATEST, LEAST,
            PostgresDateArithmetic.PLUS, PostgresDateArithmetic.MINUS, PostgresDateArithmetic.DATEADD, PostgresDateArithmetic.DATEDIFF);

    public static final SqlOperatorTable INSTANCE = new BasinOperatorTable();

    /** Schemas whose name may qualify a system function. */
    private static final java.util.Set<String> QUALIFIERS = java.util.Set.of("pg_catalog", "information_schema");

    private final SqlOperatorTable delegate;

    private BasinOperatorTable()
    {
        List<SqlOperator> basin = new ArrayList<>(List.of(
                PG_DATE_TRUNC,
                ROUND,
                TRUNC,
                BTRIM,
                INITCAP,
                BITWISE_AND,
                BITWISE_OR,
                BITWISE_XOR,
                BITWISE_NOT,
                BITWISE_SHIFT_LEFT,
                BITWISE_SHIFT_RIGHT,
                EXPONENTIATION,
                ISNULL,
                CHARINDEX,
                GETDATE,
                REGEXP_REPLACE,
                REGEXP_SUBSTR,
                SqlLibraryOperators.INFIX_CAST,
                SqlLibraryOperators.ILIKE,
                SqlLibraryOperators.SUBSTR_POSTGRESQL,
                SqlLibraryOperators.NOT_ILIKE,
                SqlLibraryOperators.NVL,
                SqlLibraryOperators.NVL2,
                SqlLibraryOperators.DECODE,
                PostgresDateArithmetic.PLUS,
                PostgresDateArithmetic.MINUS,
                PostgresDateArithmetic.DATEADD,
                PostgresDateArithmetic.DATEDIFF,
                SqlLibraryOperators.DATE_PART,
                SqlLibraryOperators.LEN,
                SqlLibraryOperators.LENGTH,
                SqlLibraryOperators.LPAD,
                SqlLibraryOperators.RPAD,
                SqlLibraryOperators.LTRIM,
                SqlLibraryOperators.RTRIM,
                SqlLibraryOperators.SPLIT_PART,
                SqlLibraryOperators.STRPOS,
                SqlLibraryOperators.STARTS_WITH,
                GREATEST,
                LEAST,
                SqlLibraryOperators.TRANSLATE3,
                SqlLibraryOperators.STRING_AGG,
                SqlLibraryOperators.BOOL_AND,
                SqlLibraryOperators.BOOL_OR,
                SqlLibraryOperators.LEFT,
                SqlLibraryOperators.RIGHT,
                SqlLibraryOperators.REPEAT,
                SqlLibraryOperators.REVERSE,
                SqlLibraryOperators.CHR,
                SqlLibraryOperators.MD5,
                SqlLibraryOperators.CONCAT_FUNCTION));
        basin.addAll(PostgresCatalogFunctions.functions());
        ListSqlOperatorTable library = new ListSqlOperatorTable(basin);
        this.delegate = SqlOperatorTables.chain(library, SqlStdOperatorTable.instance());
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher)
    {
        if (opName.names.size() == 2 && QUALIFIERS.contains(opName.names.getFirst().toLowerCase(java.util.Locale.ROOT))) {
            // pg_catalog.upper(x), information_schema._pg_expandarray(a): system functions, qualified
            opName = new SqlIdentifier(opName.names.getLast(), opName.getParserPosition());
        }
        delegate.lookupOperatorOverloads(opName, category, syntax, operatorList, SqlNameMatchers.withCaseSensitive(false));
        // e.g. PostgreSQL's date_trunc argument order over BigQuery's; an override replaces only
        // operators of its own syntax (binary minus, not prefix minus)
        List<SqlOperator> overrides = operatorList.stream().filter(OVERRIDES::contains).toList();
        if (!overrides.isEmpty()) {
            operatorList.removeIf(operator -> !OVERRIDES.contains(operator)
                    && overrides.stream().anyMatch(override -> override.getSyntax() == operator.getSyntax()));
        }
    }

    @Override
    public List<SqlOperator> getOperatorList()
    {
        return delegate.getOperatorList();
    }
}

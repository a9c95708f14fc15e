package io.basin.sql.planner;

import io.airlift.slice.Slices;
import io.basin.error.BasinException;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;
import io.basin.plan.expr.SpecialForm.Form;
import io.basin.sql.analyzer.TypeConverter;
import io.basin.type.IntervalDayTimeType;
import io.basin.type.IntervalYearMonthType;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.DateType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Decimals;
import io.trino.spi.type.DoubleType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.RealType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TimestampType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;
import static io.basin.error.BasinErrorCode.UNDEFINED_FUNCTION;
import static java.util.Objects.requireNonNull;

/**
 * Translates Calcite row expressions into Basin's {@link Expression} tree, normalizing operand
 * types to the contract documented in {@link FunctionNames}.
 */
public final class RexTranslator
{
    private static final java.util.Set<String> NON_DETERMINISTIC = java.util.Set.of(
            FunctionNames.RANDOM, FunctionNames.CURRENT_DATE, FunctionNames.CURRENT_TIMESTAMP);

    private final RexBuilder rexBuilder;
    private final ConstantFolder constantFolder;
    private final CatalogFunctions catalogFunctions;
    private final ConstantArrays arrays;

    public RexTranslator(RexBuilder rexBuilder)
    {
        this(rexBuilder, ConstantFolder.NONE);
    }

    public RexTranslator(RexBuilder rexBuilder, ConstantFolder constantFolder)
    {
        this(rexBuilder, constantFolder, CatalogFunctions.NONE);
    }

    RexTranslator(RexBuilder rexBuilder, ConstantFolder constantFolder, CatalogFunctions catalogFunctions)
    {
        this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder is null");
        this.constantFolder = requireNonNull(constantFolder, "constantFolder is null");
        this.catalogFunctions = requireNonNull(catalogFunctions, "catalogFunctions is null");
        this.arrays = new ConstantArrays(this::doTranslate, catalogFunctions);
    }

    public Expression translate(RexNode node)
    {
        return doTranslate(RexUtil.expandSearch(rexBuilder, null, node));
    }

    private Expression doTranslate(RexNode node)
    {
        if (node.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.ARRAY) {
            // an array value itself (not an element or a test of it) is planned as PostgreSQL's
            // text of it; a column of arrays holds that text
            return node instanceof RexInputRef ref ? new InputReference(ref.getIndex(), VarcharType.VARCHAR) : arrays.asText(node);
        }
        if (node instanceof RexInputRef ref) {
            return new InputReference(ref.getIndex(), TypeConverter.toTrinoType(ref.getType()));
        }
        if (node instanceof RexLiteral literal) {
            return constant(literal);
        }
        if (node instanceof RexOver) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "Window function in this position is not supported: " + node);
        }
        if (node instanceof RexSubQuery || node instanceof RexCorrelVariable || node instanceof RexFieldAccess) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "Cannot plan this correlated subquery: it could not be decorrelated");
        }
        if (node instanceof RexCall call) {
            return DateTimestampComparisons.rewrite(fold(translateCall(call)), constantFolder);
        }
        throw new BasinException(FEATURE_NOT_SUPPORTED, "Expression is not supported: " + node);
    }

    private Expression translateCall(RexCall call)
    {
        Type type = TypeConverter.toTrinoType(call.getType());
        List<RexNode> operands = call.getOperands();
        SqlKind kind = call.getKind();
        switch (kind) {
            case PLUS, MINUS, TIMES, DIVIDE, MOD -> {
                return arithmetic(kind, type, doTranslate(operands.get(0)), doTranslate(operands.get(1)));
            }
            case MINUS_PREFIX -> {
                return new Call(FunctionNames.NEGATE, type, castIfNeeded(doTranslate(operands.get(0)), type));
            }
            case PLUS_PREFIX -> {
                return doTranslate(operands.get(0));
            }
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                return comparison(kind, doTranslate(operands.get(0)), doTranslate(operands.get(1)));
            }
            case AND -> {
                return new SpecialForm(Form.AND, translateAll(operands), BooleanType.BOOLEAN);
            }
            case OR -> {
                return orOrIn(operands);
            }
            case NOT -> {
                return not(doTranslate(operands.get(0)));
            }
            case IS_NULL -> {
                return new SpecialForm(Form.IS_NULL, BooleanType.BOOLEAN, doTranslate(operands.get(0)));
            }
            case IS_NOT_NULL -> {
                return not(new SpecialForm(Form.IS_NULL, BooleanType.BOOLEAN, doTranslate(operands.get(0))));
            }
            case IS_TRUE -> {
                return coalesce(doTranslate(operands.get(0)), false);
            }
            case IS_NOT_TRUE -> {
                return not(coalesce(doTranslate(operands.get(0)), false));
            }
            case IS_FALSE -> {
                return coalesce(not(doTranslate(operands.get(0))), false);
            }
            case IS_NOT_FALSE -> {
                return coalesce(doTranslate(operands.get(0)), true);
            }
            case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> {
                Expression left = doTranslate(operands.get(0));
                Expression right = doTranslate(operands.get(1));
                Type common = commonComparisonType(left.type(), right.type());
                Expression distinct = new SpecialForm(Form.IS_DISTINCT_FROM, BooleanType.BOOLEAN, castIfNeeded(left, common), castIfNeeded(right, common));
                return kind == SqlKind.IS_DISTINCT_FROM ? distinct : not(distinct);
            }
            case CASE -> {
                List<Expression> arguments = new ArrayList<>();
                for (int i = 0; i < operands.size(); i++) {
                    boolean isResult = i % 2 == 1 || i == operands.size() - 1;
                    Expression argument = doTranslate(operands.get(i));
                    arguments.add(isResult ? castIfNeeded(argument, type) : argument);
                }
                if (operands.size() % 2 == 0) {
                    arguments.add(new Constant(null, type));
                }
                return new SpecialForm(Form.SWITCH, arguments, type);
            }
            case COALESCE -> {
                return new SpecialForm(Form.COALESCE, translateAll(operands).stream().map(argument -> castIfNeeded(argument, type)).toList(), type);
            }
            case NULLIF -> {
                Expression left = doTranslate(operands.get(0));
                Expression right = doTranslate(operands.get(1));
                Type common = commonComparisonType(left.type(), right.type());
                return new SpecialForm(Form.NULLIF, type, castIfNeeded(left, type), castIfNeeded(right, common.equals(type) ? type : common));
            }
            case GREATEST, LEAST -> {
                return new SpecialForm(kind == SqlKind.GREATEST ? Form.GREATEST : Form.LEAST,
                        translateAll(operands).stream().map(argument -> castIfNeeded(argument, type)).toList(), type);
            }
            case CAST -> {
                Expression value = castIfNeeded(doTranslate(operands.get(0)), type);
                if (call.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.CHAR && type instanceof VarcharType varchar && !varchar.isUnbounded()) {
                    // character(n) holds its value padded with spaces to n characters (and cut to n), as PostgreSQL shows it
                    return new Call(FunctionNames.RPAD, type, value, new Constant((long) varchar.getBoundedLength(), io.trino.spi.type.BigintType.BIGINT));
                }
                return value;
            }
            case LIKE -> {
                boolean negated = call.getOperator() instanceof SqlLikeOperator like && like.isNegated();
                boolean caseInsensitive = call.getOperator().getName().toUpperCase(Locale.ROOT).contains("ILIKE");
                Expression like = new Call(caseInsensitive ? FunctionNames.ILIKE : FunctionNames.LIKE, translateAll(operands), BooleanType.BOOLEAN);
                return negated ? not(like) : like;
            }
            case POSIX_REGEX_CASE_SENSITIVE, POSIX_REGEX_CASE_INSENSITIVE -> {
                // ~, !~, ~*, !~*: the negated operators share the kind of the plain ones
                List<Expression> arguments = translateAll(operands);
                if (kind == SqlKind.POSIX_REGEX_CASE_INSENSITIVE) {
                    arguments = List.of(arguments.get(0), new Call(FunctionNames.CONCAT, VarcharType.VARCHAR, varchar("(?i)"), castIfNeeded(arguments.get(1), VarcharType.VARCHAR)));
                }
                Expression match = new Call(FunctionNames.REGEXP_LIKE, arguments, BooleanType.BOOLEAN);
                return call.getOperator() instanceof org.apache.calcite.sql.fun.SqlPosixRegexOperator regex && regex.isNegated() ? not(match) : match;
            }
            case EXTRACT -> {
                return new Call(FunctionNames.EXTRACT, type, timeUnit(operands.get(0)), doTranslate(operands.get(1)));
            }
            case TRIM -> {
                SqlTrimFunction.Flag flag = (SqlTrimFunction.Flag) ((RexLiteral) operands.get(0)).getValue();
                String function = switch (requireNonNull(flag)) {
                    case BOTH -> FunctionNames.BTRIM;
                    case LEADING -> FunctionNames.LTRIM;
                    case TRAILING -> FunctionNames.RTRIM;
                };
                return new Call(function, type, doTranslate(operands.get(2)), doTranslate(operands.get(1)));
            }
            case POSITION -> {
                if (operands.size() > 2) {
                    throw new BasinException(FEATURE_NOT_SUPPORTED, "POSITION with FROM is not supported");
                }
                return new Call(FunctionNames.STRPOS, type, doTranslate(operands.get(1)), doTranslate(operands.get(0)));
            }
            case CEIL, FLOOR -> {
                if (operands.size() > 1) {
                    throw new BasinException(FEATURE_NOT_SUPPORTED, call.getOperator().getName() + " to a time unit is not supported; use date_trunc");
                }
                Expression argument = doTranslate(operands.get(0));
                return new Call(kind == SqlKind.CEIL ? FunctionNames.CEIL : FunctionNames.FLOOR, type, argument);
            }
            case ITEM -> {
                return arrays.element(operands.get(0), doTranslate(operands.get(1)), type);
            }
            case SOME, ALL -> {
                SqlKind comparison = ((org.apache.calcite.sql.fun.SqlQuantifyOperator) call.getOperator()).comparisonKind;
                Expression value = doTranslate(operands.get(0));
                return arrays.quantified(operands.get(1), element -> comparison(comparison, value, element), kind == SqlKind.SOME);
            }
            case ROW, ARRAY_VALUE_CONSTRUCTOR, MAP_VALUE_CONSTRUCTOR -> throw new BasinException(FEATURE_NOT_SUPPORTED, "Operator " + call.getOperator().getName() + " is not supported");
            default -> {
                return namedFunction(call, type);
            }
        }
    }

    private Expression fold(Expression expression)
    {
        List<Expression> arguments = switch (expression) {
            case Call call when !NON_DETERMINISTIC.contains(call.name()) -> call.arguments();
            case SpecialForm form -> form.arguments();
            default -> null;
        };
        if (arguments == null || arguments.isEmpty() || !arguments.stream().allMatch(Constant.class::isInstance)) {
            return expression;
        }
        return constantFolder.fold(expression).map(Expression.class::cast).orElse(expression);
    }

    private Expression namedFunction(RexCall call, Type type)
    {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        List<RexNode> operands = call.getOperands();
        return switch (name) {
            case "||" -> concat(operands, type, false);
            // the concat() function skips NULLs, unlike ||
            case "CONCAT", "CONCAT_FUNCTION" -> concat(operands, type, true);
            case "SUBSTRING", "SUBSTR" -> new Call(FunctionNames.SUBSTRING, translateAll(operands).stream()
                    .map(argument -> argument.type() instanceof VarcharType ? argument : castIfNeeded(argument, BigintType.BIGINT)).toList(), type);
            case "UPPER" -> simple(FunctionNames.UPPER, operands, type);
            case "LOWER" -> simple(FunctionNames.LOWER, operands, type);
            case "INITCAP" -> simple(FunctionNames.INITCAP, operands, type);
            case "BTRIM" -> simple(FunctionNames.BTRIM, operands, type);
            case "LTRIM" -> simple(FunctionNames.LTRIM, operands, type);
            case "RTRIM" -> simple(FunctionNames.RTRIM, operands, type);
            case "CHAR_LENGTH", "CHARACTER_LENGTH", "LENGTH", "LEN" -> new Call(FunctionNames.LENGTH, type, doTranslate(operands.get(0)));
            case "OCTET_LENGTH" -> new Call(FunctionNames.OCTET_LENGTH, type, doTranslate(operands.get(0)));
            case "STRPOS" -> simple(FunctionNames.STRPOS, operands, type);
            case "REPLACE" -> simple(FunctionNames.REPLACE, operands, type);
            case "LPAD" -> simple(FunctionNames.LPAD, operands, type);
            case "RPAD" -> simple(FunctionNames.RPAD, operands, type);
            case "SPLIT_PART" -> simple(FunctionNames.SPLIT_PART, operands, type);
            case "LEFT" -> simple(FunctionNames.LEFT, operands, type);
            case "RIGHT" -> simple(FunctionNames.RIGHT, operands, type);
            case "REVERSE" -> simple(FunctionNames.REVERSE, operands, type);
            case "REPEAT" -> simple(FunctionNames.REPEAT, operands, type);
            case "STARTS_WITH" -> simple(FunctionNames.STARTS_WITH, operands, type);
            case "TRANSLATE3", "TRANSLATE" -> simple(FunctionNames.TRANSLATE, operands, type);
            case "MD5" -> simple(FunctionNames.MD5, operands, type);
            case "ASCII" -> simple(FunctionNames.ASCII, operands, type);
            case "CHR" -> simple(FunctionNames.CHR, operands, type);
            case "ABS" -> new Call(FunctionNames.ABS, type, castIfNeeded(doTranslate(operands.get(0)), type));
            case "ROUND" -> operands.size() == 1
                    ? new Call(FunctionNames.ROUND, type, doTranslate(operands.get(0)))
                    : new Call(FunctionNames.ROUND, type, doTranslate(operands.get(0)), castIfNeeded(doTranslate(operands.get(1)), IntegerType.INTEGER));
            case "TRUNCATE", "TRUNC" -> operands.size() == 1
                    ? new Call(FunctionNames.TRUNCATE, type, doTranslate(operands.get(0)))
                    : new Call(FunctionNames.TRUNCATE, type, doTranslate(operands.get(0)), castIfNeeded(doTranslate(operands.get(1)), IntegerType.INTEGER));
            case "SQRT" -> doubleFunction(FunctionNames.SQRT, operands, type);
            case "CBRT" -> doubleFunction(FunctionNames.CBRT, operands, type);
            case "POWER", "EXPONENTIATION" -> doubleFunction(FunctionNames.POWER, operands, type);
            case "BITWISE_AND" -> sameType(FunctionNames.BITWISE_AND, operands, type);
            case "BITWISE_OR" -> sameType(FunctionNames.BITWISE_OR, operands, type);
            case "BITWISE_XOR" -> sameType(FunctionNames.BITWISE_XOR, operands, type);
            case "BITWISE_NOT" -> sameType(FunctionNames.BITWISE_NOT, operands, type);
            case "BITWISE_SHIFT_LEFT", "BITWISE_SHIFT_RIGHT" -> new Call(name.equals("BITWISE_SHIFT_LEFT") ? FunctionNames.BITWISE_SHIFT_LEFT : FunctionNames.BITWISE_SHIFT_RIGHT, type,
                    castIfNeeded(doTranslate(operands.get(0)), type), castIfNeeded(doTranslate(operands.get(1)), IntegerType.INTEGER));
            case "EXP" -> doubleFunction(FunctionNames.EXP, operands, type);
            case "LN" -> doubleFunction(FunctionNames.LN, operands, type);
            case "LOG10" -> doubleFunction(FunctionNames.LOG10, operands, type);
            case "SIGN" -> new Call(FunctionNames.SIGN, type, castIfNeeded(doTranslate(operands.get(0)), type));
            case "PI" -> new Call(FunctionNames.PI, type);
            case "RAND", "RANDOM" -> new Call(FunctionNames.RANDOM, type);
            case "DATE_TRUNC" -> new Call(FunctionNames.DATE_TRUNC, type, doTranslate(operands.get(0)), doTranslate(operands.get(1)));
            case "DATEADD", "DATE_ADD" -> new Call(FunctionNames.DATE_ADD, type, timeUnit(operands.get(0)), castIfNeeded(doTranslate(operands.get(1)), BigintType.BIGINT), doTranslate(operands.get(2)));
            case "DATEDIFF", "DATE_DIFF" -> new Call(FunctionNames.DATE_DIFF, type, timeUnit(operands.get(0)), doTranslate(operands.get(1)), doTranslate(operands.get(2)));
            case "DATE_PART" -> new Call(FunctionNames.EXTRACT, type, timeUnit(operands.get(0)), doTranslate(operands.get(1)));
            case "CHARINDEX" -> new Call(FunctionNames.STRPOS, type, doTranslate(operands.get(1)), doTranslate(operands.get(0)));
            case "REGEXP_REPLACE" -> new Call(FunctionNames.REGEXP_REPLACE, translateAll(operands), type);
            case "REGEXP_SUBSTR" -> regexpSubstr(operands, type);
            case "NVL", "ISNULL" -> new SpecialForm(Form.COALESCE, translateAll(operands).stream().map(argument -> castIfNeeded(argument, type)).toList(), type);
            case "CURRENT_DATE" -> new Call(FunctionNames.CURRENT_DATE, type);
            case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "NOW", "GETDATE" -> new Call(FunctionNames.CURRENT_TIMESTAMP, type);
            case "TO_CHAR" -> simple(FunctionNames.TO_CHAR, operands, type);
            case "ARRAY_TO_STRING" -> arrays.arrayToString(operands);
            case "ARRAY_UPPER", "ARRAY_LOWER", "ARRAY_LENGTH", "CARDINALITY" -> arrays.bound(name, operands, type);
            default -> catalogFunctions.translate(name, translateAll(operands), type)
                    .orElseThrow(() -> new BasinException(UNDEFINED_FUNCTION, "function " + call.getOperator().getName().toLowerCase(Locale.ROOT) + " is not supported"));
        };
    }

    private Expression timeUnit(RexNode node)
    {
        if (node instanceof RexLiteral literal) {
            Object value = literal.getValue();
            if (value instanceof TimeUnitRange range) {
                return varchar(range.name().toLowerCase(Locale.ROOT));
            }
            if (value instanceof TimeUnit unit) {
                return varchar(unit.name().toLowerCase(Locale.ROOT));
            }
            if (value instanceof NlsString string) {
                return varchar(string.getValue().toLowerCase(Locale.ROOT));
            }
            if (value instanceof Enum<?> symbol) {
                return varchar(symbol.name().toLowerCase(Locale.ROOT));
            }
        }
        return doTranslate(node);
    }

    private Expression simple(String function, List<RexNode> operands, Type type)
    {
        return new Call(function, translateAll(operands), type);
    }

    /** regexp_substr(s, p [, start]): the first match in s from start on, NULL when there is none. */
    private Expression regexpSubstr(List<RexNode> operands, Type type)
    {
        Expression value = castIfNeeded(doTranslate(operands.get(0)), VarcharType.VARCHAR);
        Expression pattern = castIfNeeded(doTranslate(operands.get(1)), VarcharType.VARCHAR);
        if (operands.size() > 2) {
            value = new Call(FunctionNames.SUBSTRING, VarcharType.VARCHAR, value, castIfNeeded(doTranslate(operands.get(2)), BigintType.BIGINT));
        }
        Expression matches = new Call(FunctionNames.REGEXP_LIKE, BooleanType.BOOLEAN, value, pattern);
        Expression match = new Call(FunctionNames.REGEXP_SUBSTR, VarcharType.VARCHAR, value, pattern);
        return new SpecialForm(Form.SWITCH, List.of(matches, castIfNeeded(match, type), new Constant(null, type)), type);
    }

    /** A function whose operands all have the call's type. */
    private Expression sameType(String function, List<RexNode> operands, Type type)
    {
        return new Call(function, translateAll(operands).stream().map(argument -> castIfNeeded(argument, type)).toList(), type);
    }

    private Expression doubleFunction(String function, List<RexNode> operands, Type type)
    {
        return new Call(function, translateAll(operands).stream().map(argument -> castIfNeeded(argument, DoubleType.DOUBLE)).toList(), type);
    }

    private Expression concat(List<RexNode> operands, Type type, boolean ignoreNulls)
    {
        Expression result = null;
        for (RexNode operand : operands) {
            Expression argument = castIfNeeded(doTranslate(operand), VarcharType.VARCHAR);
            if (ignoreNulls) {
                argument = new SpecialForm(Form.COALESCE, VarcharType.VARCHAR, argument, varchar(""));
            }
            result = result == null ? argument : new Call(FunctionNames.CONCAT, VarcharType.VARCHAR, result, argument);
        }
        return castIfNeeded(requireNonNull(result), type);
    }

    private Expression arithmetic(SqlKind kind, Type type, Expression left, Expression right)
    {
        String function = switch (kind) {
            case PLUS -> FunctionNames.ADD;
            case MINUS -> FunctionNames.SUBTRACT;
            case TIMES -> FunctionNames.MULTIPLY;
            case DIVIDE -> FunctionNames.DIVIDE;
            case MOD -> FunctionNames.MODULUS;
            default -> throw new IllegalArgumentException(kind.toString());
        };
        if (isTemporal(left.type()) || isTemporal(right.type()) || isInterval(left.type()) || isInterval(right.type())) {
            if (kind == SqlKind.MINUS && (isInterval(type) || type instanceof IntegerType) && left.type() instanceof DateType && right.type() instanceof DateType) {
                // date - date: PostgreSQL gives integer days
                return new Call(FunctionNames.SUBTRACT, IntegerType.INTEGER, left, right);
            }
            return new Call(function, type, left, right);
        }
        if (type instanceof DecimalType) {
            return new Call(function, type, toDecimal(left), toDecimal(right));
        }
        if (kind == SqlKind.MOD && !left.type().equals(right.type()) && isNumeric(left.type()) && isNumeric(right.type())) {
            // Calcite types a % b as b's type; compute in the wider type (the result fits b's type)
            Type wide = commonComparisonType(left.type(), right.type());
            return castIfNeeded(new Call(function, wide, castIfNeeded(left, wide), castIfNeeded(right, wide)), type);
        }
        return new Call(function, type, castIfNeeded(left, type), castIfNeeded(right, type));
    }

    Expression comparison(SqlKind kind, Expression left, Expression right)
    {
        String function = switch (kind) {
            case EQUALS -> FunctionNames.EQUAL;
            case NOT_EQUALS -> FunctionNames.NOT_EQUAL;
            case LESS_THAN -> FunctionNames.LESS_THAN;
            case LESS_THAN_OR_EQUAL -> FunctionNames.LESS_THAN_OR_EQUAL;
            case GREATER_THAN -> FunctionNames.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> FunctionNames.GREATER_THAN_OR_EQUAL;
            default -> throw new IllegalArgumentException(kind.toString());
        };
        Type common = commonComparisonType(left.type(), right.type());
        if (common instanceof DecimalType) {
            return new Call(function, BooleanType.BOOLEAN, toDecimal(left), toDecimal(right));
        }
        return new Call(function, BooleanType.BOOLEAN, castIfNeeded(left, common), castIfNeeded(right, common));
    }

    private Expression orOrIn(List<RexNode> operands)
    {
        List<Expression> translated = translateAll(operands);
        // x = c1 OR x = c2 OR ... (what Calcite's SEARCH expands to) becomes IN(x, c1, c2, ...)
        Expression value = null;
        List<Expression> candidates = new ArrayList<>();
        for (Expression expression : translated) {
            if (expression instanceof Call call && call.name().equals(FunctionNames.EQUAL) && call.arguments().get(1) instanceof Constant constant && !constant.isNull()
                    && (value == null || value.equals(call.arguments().get(0)))) {
                value = call.arguments().get(0);
                candidates.add(constant);
                continue;
            }
            value = null;
            break;
        }
        if (value != null && candidates.size() >= 2) {
            List<Expression> arguments = new ArrayList<>();
            arguments.add(value);
            arguments.addAll(candidates);
            return new SpecialForm(Form.IN, arguments, BooleanType.BOOLEAN);
        }
        return new SpecialForm(Form.OR, translated, BooleanType.BOOLEAN);
    }

    private List<Expression> translateAll(List<RexNode> operands)
    {
        List<Expression> result = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            result.add(doTranslate(operand));
        }
        return result;
    }

    private static Expression not(Expression expression)
    {
        if (expression instanceof SpecialForm form && form.form() == Form.NOT) {
            return form.arguments().getFirst();
        }
        return new SpecialForm(Form.NOT, BooleanType.BOOLEAN, expression);
    }

    private static Expression coalesce(Expression expression, boolean otherwise)
    {
        return new SpecialForm(Form.COALESCE, BooleanType.BOOLEAN, expression, new Constant(otherwise, BooleanType.BOOLEAN));
    }

    private static Constant varchar(String value)
    {
        return new Constant(Slices.utf8Slice(value), VarcharType.VARCHAR);
    }

    public static Expression castIfNeeded(Expression expression, Type type)
    {
        if (expression.type().equals(type)) {
            return expression;
        }
        if (expression.type() instanceof VarcharType && type instanceof VarcharType target && target.isUnbounded()) {
            return expression;
        }
        if (expression instanceof Constant constant && constant.isNull()) {
            return new Constant(null, type);
        }
        return new Call(FunctionNames.CAST, type, expression);
    }

    private static Expression toDecimal(Expression expression)
    {
        Type type = expression.type();
        if (type instanceof DecimalType) {
            return expression;
        }
        DecimalType target;
        if (type instanceof TinyintType) {
            target = DecimalType.createDecimalType(3, 0);
        }
        else if (type instanceof SmallintType) {
            target = DecimalType.createDecimalType(5, 0);
        }
        else if (type instanceof IntegerType) {
            target = DecimalType.createDecimalType(10, 0);
        }
        else if (type instanceof BigintType) {
            target = DecimalType.createDecimalType(19, 0);
        }
        else {
            return expression;
        }
        if (expression instanceof Constant constant && constant.value() instanceof Long value) {
            int digits = Math.max(1, String.valueOf(Math.abs(value)).length());
            return new Constant(value, DecimalType.createDecimalType(digits, 0));
        }
        return new Call(FunctionNames.CAST, target, expression);
    }

    static Type commonComparisonType(Type left, Type right)
    {
        if (left.equals(right)) {
            return left;
        }
        if (isNumeric(left) && isNumeric(right)) {
            if (left instanceof DoubleType || right instanceof DoubleType || left instanceof RealType || right instanceof RealType) {
                return DoubleType.DOUBLE;
            }
            if (left instanceof DecimalType || right instanceof DecimalType) {
                return left instanceof DecimalType ? left : right;
            }
            return BigintType.BIGINT;
        }
        if (left instanceof VarcharType && right instanceof VarcharType) {
            return VarcharType.VARCHAR;
        }
        if (isTemporal(left) && isTemporal(right)) {
            return TimestampType.TIMESTAMP_MICROS;
        }
        return left;
    }

    private static boolean isNumeric(Type type)
    {
        return type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType || type instanceof BigintType
                || type instanceof RealType || type instanceof DoubleType || type instanceof DecimalType;
    }

    private static boolean isTemporal(Type type)
    {
        return type instanceof DateType || type instanceof TimestampType;
    }

    private static boolean isInterval(Type type)
    {
        return type instanceof IntervalDayTimeType || type instanceof IntervalYearMonthType;
    }

    /** Converts a literal to a Basin constant in the Trino stack representation of its type. */
    public static Constant constant(RexLiteral literal)
    {
        Type type = TypeConverter.toTrinoType(literal.getType());
        if (literal.isNull()) {
            return new Constant(null, type);
        }
        Object value;
        if (type instanceof BooleanType) {
            value = literal.getValueAs(Boolean.class);
        }
        else if (type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType || type instanceof BigintType) {
            value = requireNonNull(literal.getValueAs(BigDecimal.class)).longValueExact();
        }
        else if (type instanceof DecimalType decimal) {
            BigDecimal number = requireNonNull(literal.getValueAs(BigDecimal.class)).setScale(decimal.getScale(), java.math.RoundingMode.HALF_UP);
            value = decimal.isShort() ? (Object) number.unscaledValue().longValueExact() : Int128.valueOf(number.unscaledValue());
            if (decimal.isShort()) {
                Decimals.encodeShortScaledValue(number, decimal.getScale());
            }
        }
        else if (type instanceof DoubleType) {
            value = requireNonNull(literal.getValueAs(Double.class));
        }
        else if (type instanceof RealType) {
            value = (long) Float.floatToIntBits(requireNonNull(literal.getValueAs(Double.class)).floatValue());
        }
        else if (type instanceof VarcharType) {
            value = Slices.utf8Slice(requireNonNull(literal.getValueAs(String.class)));
        }
        else if (type instanceof DateType) {
            value = (long) requireNonNull(literal.getValueAs(DateString.class)).getDaysSinceEpoch();
        }
        else if (type instanceof TimestampType) {
            TimestampString timestamp = requireNonNull(literal.getValueAs(TimestampString.class));
            value = timestamp.getMillisSinceEpoch() * 1000 + microsOfMillis(timestamp.toString());
        }
        else if (type instanceof IntervalDayTimeType || type instanceof IntervalYearMonthType) {
            value = requireNonNull(literal.getValueAs(BigDecimal.class)).longValueExact();
        }
        else if (type instanceof io.trino.spi.type.VarbinaryType) {
            value = Slices.wrappedBuffer(requireNonNull(literal.getValueAs(org.apache.calcite.avatica.util.ByteString.class)).getBytes());
        }
        else {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "Literal of type " + type + " is not supported");
        }
        return new Constant(value, type);
    }

    private static long microsOfMillis(String timestamp)
    {
        int dot = timestamp.indexOf('.');
        if (dot < 0) {
            return 0;
        }
        String fraction = (timestamp.substring(dot + 1) + "000000").substring(0, 6);
        return Long.parseLong(fraction.substring(3, 6));
    }
}

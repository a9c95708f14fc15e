package io.basin.sql.planner;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.basin.error.BasinException;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.SpecialForm;
import io.basin.plan.expr.SpecialForm.Form;
import io.basin.sql.analyzer.TypeConverter;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.BooleanType;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static io.basin.error.BasinErrorCode.FEATURE_NOT_SUPPORTED;

/**
 * Arrays, as far as Basin supports them: values known when the statement is planned —
 * {@code ARRAY[...]} of constants, {@code '{a,b}'::text[]}, {@code current_schemas(true)} — and
 * the NULL array columns of the catalogs. Operations on them fold at planning: an element
 * ({@code a[i]}, a CASE when {@code i} is a column), {@code x = ANY(a)}, {@code array_to_string},
 * {@code array_upper}. Array-typed columns of connector tables are not supported.
 */
final class ConstantArrays
{
    private final Function<RexNode, Expression> translator;
    private final CatalogFunctions catalogFunctions;

    ConstantArrays(Function<RexNode, Expression> translator, CatalogFunctions catalogFunctions)
    {
        this.translator = translator;
        this.catalogFunctions = catalogFunctions;
    }

    /** The elements of an array known at planning time; empty for a NULL array. */
    Optional<List<Expression>> evaluate(RexNode node)
    {
        if (node instanceof RexLiteral literal && literal.isNull()) {
            return Optional.empty();
        }
        if (node instanceof org.apache.calcite.rex.RexInputRef) {
            // an array column: only the catalogs have them (Basin's tables have none), and those
            // are always NULL (see pg_catalog's catalog-tables.txt)
            return Optional.empty();
        }
        if (node instanceof RexCall call) {
            if (call.getOperator().getName().equals("||") && call.getOperands().size() == 2
                    && call.getOperands().stream().allMatch(operand -> operand.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.ARRAY)) {
                // array || array: the elements of both; a NULL array adds nothing (PostgreSQL's array_cat)
                Optional<List<Expression>> left = evaluate(call.getOperands().get(0));
                Optional<List<Expression>> right = evaluate(call.getOperands().get(1));
                if (left.isEmpty() || right.isEmpty()) {
                    return left.isEmpty() ? right : left;
                }
                List<Expression> elements = new ArrayList<>(left.get());
                elements.addAll(right.get());
                return Optional.of(elements);
            }
            if (call.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
                List<Expression> elements = new ArrayList<>();
                for (RexNode operand : call.getOperands()) {
                    Expression element = translator.apply(operand);
                    if (!(element instanceof Constant)) {
                        throw new BasinException(FEATURE_NOT_SUPPORTED, "ARRAY[...] is supported only with constant elements");
                    }
                    elements.add(element);
                }
                return Optional.of(elements);
            }
            if (call.getKind() == SqlKind.CAST && call.getOperands().getFirst().getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.ARRAY) {
                Type elementType = TypeConverter.toTrinoType(call.getType().getComponentType());
                return evaluate(call.getOperands().getFirst()).map(elements -> elements.stream().map(element -> RexTranslator.castIfNeeded(element, elementType)).toList());
            }
            if (call.getKind() == SqlKind.CAST && call.getOperands().getFirst() instanceof RexLiteral literal) {
                if (literal.isNull()) {
                    return Optional.empty();
                }
                Type elementType = TypeConverter.toTrinoType(call.getType().getComponentType());
                List<Expression> elements = new ArrayList<>();
                for (String element : io.basin.sql.parser.ArrayLiteral.parse(literal.getValueAs(String.class))) {
                    Constant text = new Constant(element == null ? null : Slices.utf8Slice(element), VarcharType.VARCHAR);
                    elements.add(RexTranslator.castIfNeeded(text, elementType));
                }
                return Optional.of(elements);
            }
            if (call.getOperator().getName().equalsIgnoreCase("CURRENT_SCHEMAS") && call.getOperands().getFirst() instanceof RexLiteral implicit) {
                boolean includeImplicit = Boolean.TRUE.equals(implicit.getValueAs(Boolean.class));
                return Optional.of(catalogFunctions.currentSchemas(includeImplicit).stream().<Expression>map(CatalogFunctions::text).toList());
            }
        }
        throw new BasinException(FEATURE_NOT_SUPPORTED, "Arrays are supported only as constants: " + node);
    }

    /** {@code array[index]}: 1-based; outside the array, or of a NULL array, NULL. */
    Expression element(RexNode array, Expression index, Type type)
    {
        Optional<List<Expression>> elements = evaluate(array);
        if (elements.isEmpty()) {
            return new Constant(null, type);
        }
        List<Expression> values = elements.get();
        if (index instanceof Constant constant) {
            if (constant.isNull()) {
                return new Constant(null, type);
            }
            long position = (Long) constant.value();
            return position >= 1 && position <= values.size() ? RexTranslator.castIfNeeded(values.get((int) position - 1), type) : new Constant(null, type);
        }
        List<Expression> arguments = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            arguments.add(new Call(FunctionNames.EQUAL, BooleanType.BOOLEAN, RexTranslator.castIfNeeded(index, BigintType.BIGINT), new Constant(i + 1L, BigintType.BIGINT)));
            arguments.add(RexTranslator.castIfNeeded(values.get(i), type));
        }
        arguments.add(new Constant(null, type));
        return new SpecialForm(Form.SWITCH, arguments, type);
    }

    /** {@code x op ANY(array)} (an OR of comparisons) or {@code x op ALL(array)} (an AND). */
    Expression quantified(RexNode array, Function<Expression, Expression> comparison, boolean any)
    {
        Optional<List<Expression>> elements = evaluate(array);
        if (elements.isEmpty()) {
            return new Constant(null, BooleanType.BOOLEAN);
        }
        if (elements.get().isEmpty()) {
            return new Constant(!any, BooleanType.BOOLEAN);
        }
        List<Expression> comparisons = elements.get().stream().map(comparison).toList();
        return comparisons.size() == 1 ? comparisons.getFirst() : new SpecialForm(any ? Form.OR : Form.AND, comparisons, BooleanType.BOOLEAN);
    }

    /** {@code array_to_string(array, delimiter [, null_string])}. */
    Expression arrayToString(List<RexNode> operands)
    {
        Expression delimiter = translator.apply(operands.get(1));
        Optional<Expression> nullString = operands.size() > 2 ? Optional.of(translator.apply(operands.get(2))) : Optional.empty();
        if (operands.getFirst() instanceof RexLiteral literal && literal.isNull()) {
            return new Constant(null, VarcharType.VARCHAR);
        }
        if (!(operands.getFirst() instanceof RexCall)) {
            // an array column of a catalog: always NULL, planned as its text
            Expression value = translator.apply(operands.getFirst());
            return value instanceof Constant constant && constant.isNull() ? new Constant(null, VarcharType.VARCHAR) : value;
        }
        List<Expression> elements = evaluate(operands.getFirst()).orElseThrow();
        if (!(delimiter instanceof Constant separator) || separator.isNull() || nullString.isPresent() && !(nullString.get() instanceof Constant)) {
            throw new BasinException(FEATURE_NOT_SUPPORTED, "array_to_string is supported only with a constant delimiter");
        }
        List<String> parts = new ArrayList<>();
        for (Expression element : elements) {
            Optional<String> text = text(element);
            if (text.isPresent()) {
                parts.add(text.get());
            }
            else if (nullString.isPresent() && !((Constant) nullString.get()).isNull()) {
                parts.add(((Slice) ((Constant) nullString.get()).value()).toStringUtf8());
            }
        }
        return CatalogFunctions.text(String.join(((Slice) separator.value()).toStringUtf8(), parts));
    }

    /** {@code array_upper(a, 1)}, {@code array_lower}, {@code array_length}, {@code cardinality(a)}. */
    Expression bound(String function, List<RexNode> operands, Type type)
    {
        Optional<List<Expression>> elements = evaluate(operands.getFirst());
        if (operands.size() > 1) {
            Expression dimension = translator.apply(operands.get(1));
            if (!(dimension instanceof Constant constant) || constant.isNull() || (Long) constant.value() != 1) {
                return new Constant(null, type);
            }
        }
        if (elements.isEmpty()) {
            return new Constant(null, type);
        }
        int size = elements.get().size();
        Long value = switch (function) {
            case "ARRAY_LOWER" -> size == 0 ? null : 1L;
            case "CARDINALITY" -> (long) size;
            default -> size == 0 ? null : (long) size;
        };
        return new Constant(value, type instanceof IntegerType ? IntegerType.INTEGER : type);
    }

    /** An array value as PostgreSQL prints it: {@code {pg_catalog,public}}; a NULL array is NULL. */
    Expression asText(RexNode node)
    {
        Optional<List<Expression>> elements = evaluate(node);
        if (elements.isEmpty()) {
            return new Constant(null, VarcharType.VARCHAR);
        }
        List<String> parts = new ArrayList<>();
        for (Expression element : elements.get()) {
            parts.add(text(element).map(ConstantArrays::quoteElement).orElse("NULL"));
        }
        return CatalogFunctions.text("{" + String.join(",", parts) + "}");
    }

    private static Optional<String> text(Expression element)
    {
        Constant constant = (Constant) element;
        if (constant.isNull()) {
            return Optional.empty();
        }
        if (constant.value() instanceof Slice slice) {
            return Optional.of(slice.toStringUtf8());
        }
        return Optional.of(String.valueOf(constant.value()));
    }

    private static String quoteElement(String element)
    {
        boolean quote = element.isEmpty() || element.equalsIgnoreCase("NULL");
        for (int i = 0; i < element.length() && !quote; i++) {
            char c = element.charAt(i);
            quote = c == ',' || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c);
        }
        return quote ? "\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : element;
    }

}

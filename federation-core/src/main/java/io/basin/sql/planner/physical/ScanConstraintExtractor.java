package io.basin.sql.planner.physical;

import io.basin.metadata.TableColumn;
import io.basin.plan.expr.Call;
import io.basin.plan.expr.Conjuncts;
import io.basin.plan.expr.Constant;
import io.basin.plan.expr.Expression;
import io.basin.plan.expr.FunctionNames;
import io.basin.plan.expr.InputReference;
import io.basin.plan.expr.SpecialForm;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.predicate.Domain;
import io.trino.spi.predicate.Range;
import io.trino.spi.predicate.TupleDomain;
import io.trino.spi.predicate.ValueSet;
import io.trino.spi.type.BigintType;
import io.trino.spi.type.DecimalType;
import io.trino.spi.type.Int128;
import io.trino.spi.type.IntegerType;
import io.trino.spi.type.SmallintType;
import io.trino.spi.type.TinyintType;
import io.trino.spi.type.Type;
import io.trino.spi.type.VarcharType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The part of a filter over a table scan that a connector can use to skip data: the conjuncts that
 * compare a column with a constant ({@code =, <, <=, >, >=}, {@code IN}, {@code IS NULL}) as a
 * {@link TupleDomain} over the scan's column handles. The result is implied by the filter (never
 * narrower), so the engine still applies the whole filter to what the scan returns.
 *
 * <p>Arguments without column references (e.g. {@code DATE '1994-01-01' + INTERVAL '1' YEAR}) are
 * folded with the given evaluator first.
 */
public final class ScanConstraintExtractor
{
    private final List<TableColumn> columns;
    private final Function<Expression, Object> constantEvaluator;

    public ScanConstraintExtractor(List<TableColumn> columns, Function<Expression, Object> constantEvaluator)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.constantEvaluator = requireNonNull(constantEvaluator, "constantEvaluator is null");
    }

    public TupleDomain<ColumnHandle> extract(Expression filter)
    {
        List<Expression> conjuncts = Conjuncts.of(filter);
        TupleDomain<ColumnHandle> result = TupleDomain.all();
        for (Expression conjunct : conjuncts) {
            result = result.intersect(conjunct(conjunct).orElse(TupleDomain.all()));
        }
        return result;
    }

    /**
     * The filter as a domain when it is exactly one (every conjunct converts), so that the rows the
     * domain accepts are the rows the filter accepts, e.g. for a DELETE by predicate.
     */
    public Optional<TupleDomain<ColumnHandle>> extractExactly(Expression filter)
    {
        List<Expression> conjuncts = Conjuncts.of(filter);
        TupleDomain<ColumnHandle> result = TupleDomain.all();
        for (Expression conjunct : conjuncts) {
            Optional<TupleDomain<ColumnHandle>> domain = conjunct(conjunct);
            if (domain.isEmpty()) {
                return Optional.empty();
            }
            result = result.intersect(domain.get());
        }
        return Optional.of(result);
    }

    /** The conjunct as a domain; empty when it is no column-vs-constant comparison. */
    private Optional<TupleDomain<ColumnHandle>> conjunct(Expression expression)
    {
        if (expression instanceof SpecialForm form) {
            if (form.form() == SpecialForm.Form.IS_NULL && form.arguments().getFirst() instanceof InputReference input) {
                TableColumn column = columns.get(input.field());
                return Optional.of(TupleDomain.withColumnDomains(Map.of(column.handle(), Domain.onlyNull(column.type()))));
            }
            if (form.form() == SpecialForm.Form.IN && form.arguments().getFirst() instanceof InputReference input) {
                TableColumn column = columns.get(input.field());
                List<Object> values = new ArrayList<>();
                for (Expression candidate : form.arguments().subList(1, form.arguments().size())) {
                    Optional<Object> value = constant(candidate, column.type());
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    values.add(value.get());
                }
                return Optional.of(TupleDomain.withColumnDomains(Map.of(column.handle(), Domain.multipleValues(column.type(), values))));
            }
            return Optional.empty();
        }
        if (!(expression instanceof Call call) || call.arguments().size() != 2) {
            return Optional.empty();
        }
        String operator = call.name();
        Expression left = widenedColumn(call.arguments().get(0));
        Expression right = widenedColumn(call.arguments().get(1));
        if (!(left instanceof InputReference) && right instanceof InputReference) {
            Expression swap = left;
            left = right;
            right = swap;
            operator = flip(operator);
        }
        if (operator == null || !(left instanceof InputReference input)) {
            return Optional.empty();
        }
        TableColumn column = columns.get(input.field());
        Optional<Object> value = constant(right, column.type());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Type type = column.type();
        Object bound = value.get();
        Range range = switch (operator) {
            case FunctionNames.EQUAL -> Range.equal(type, bound);
            case FunctionNames.LESS_THAN -> Range.lessThan(type, bound);
            case FunctionNames.LESS_THAN_OR_EQUAL -> Range.lessThanOrEqual(type, bound);
            case FunctionNames.GREATER_THAN -> Range.greaterThan(type, bound);
            case FunctionNames.GREATER_THAN_OR_EQUAL -> Range.greaterThanOrEqual(type, bound);
            default -> null;
        };
        if (range == null) {
            return Optional.empty();
        }
        return Optional.of(TupleDomain.withColumnDomains(Map.of(column.handle(), Domain.create(ValueSet.ofRanges(range), false))));
    }

    /**
     * A column under a cast that keeps every value exactly and in order (a decimal to a decimal of
     * the same scale and more integer digits, as comparing {@code decimal(10,2)} with
     * {@code 100} casts it): the column itself, whose constant is then converted to the
     * column's type. Anything else as it is.
     */
    private Expression widenedColumn(Expression expression)
    {
        if (expression instanceof Call cast && cast.name().equals(FunctionNames.CAST) && cast.arguments().size() == 1
                && cast.arguments().getFirst() instanceof InputReference input
                && input.type() instanceof DecimalType from && cast.type() instanceof DecimalType to
                && from.getScale() == to.getScale() && to.getPrecision() >= from.getPrecision()) {
            return input;
        }
        return expression;
    }

    private static String flip(String operator)
    {
        return switch (operator) {
            case FunctionNames.EQUAL -> FunctionNames.EQUAL;
            case FunctionNames.LESS_THAN -> FunctionNames.GREATER_THAN;
            case FunctionNames.LESS_THAN_OR_EQUAL -> FunctionNames.GREATER_THAN_OR_EQUAL;
            case FunctionNames.GREATER_THAN -> FunctionNames.LESS_THAN;
            case FunctionNames.GREATER_THAN_OR_EQUAL -> FunctionNames.LESS_THAN_OR_EQUAL;
            default -> null;
        };
    }

    /** The non-null value of a column-free expression of the column's type (varchar lengths may differ). */
    private Optional<Object> constant(Expression expression, Type columnType)
    {
        if (references(expression)) {
            return Optional.empty();
        }
        if (!sameType(expression.type(), columnType)) {
            return columnType instanceof DecimalType decimal ? decimalConstant(expression, decimal) : Optional.empty();
        }
        if (expression instanceof Constant constant) {
            return Optional.ofNullable(constant.value());
        }
        try {
            return Optional.ofNullable(constantEvaluator.apply(expression));
        }
        catch (RuntimeException e) {
            // e.g. a division by zero: the filter reports it when it runs (if any row reaches it);
            // pruning just does without this conjunct
            return Optional.empty();
        }
    }

    /**
     * A decimal or integer constant compared with a decimal column of another precision or scale
     * ({@code amount > 100}), as a value of the column's type when it is one exactly.
     */
    private Optional<Object> decimalConstant(Expression expression, DecimalType column)
    {
        Type type = expression.type();
        if (!(type instanceof DecimalType || type instanceof BigintType || type instanceof IntegerType || type instanceof SmallintType || type instanceof TinyintType)) {
            return Optional.empty();
        }
        Optional<Object> value = constant(expression, type);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal number = switch (type) {
            case DecimalType decimal when decimal.isShort() -> BigDecimal.valueOf((Long) value.get(), decimal.getScale());
            case DecimalType decimal -> new BigDecimal(((Int128) value.get()).toBigInteger(), decimal.getScale());
            default -> BigDecimal.valueOf((Long) value.get());
        };
        BigDecimal scaled;
        try {
            scaled = number.setScale(column.getScale());
        }
        catch (ArithmeticException e) {
            // not a value of the column's type (more fractional digits): no domain for it
            return Optional.empty();
        }
        if (scaled.precision() - scaled.scale() > column.getPrecision() - column.getScale()) {
            return Optional.empty();
        }
        return Optional.of(column.isShort() ? (Object) scaled.unscaledValue().longValueExact() : Int128.valueOf(scaled.unscaledValue()));
    }

    private static boolean sameType(Type valueType, Type columnType)
    {
        return valueType.equals(columnType) || (valueType instanceof VarcharType && columnType instanceof VarcharType);
    }

    private static boolean references(Expression expression)
    {
        return switch (expression) {
            case InputReference _ -> true;
            case Constant _ -> false;
            case Call call -> call.arguments().stream().anyMatch(ScanConstraintExtractor::references);
            case SpecialForm form -> form.arguments().stream().anyMatch(ScanConstraintExtractor::references);
        };
    }
}

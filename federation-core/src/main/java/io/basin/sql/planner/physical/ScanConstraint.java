package io.basin.sql.planner.physical;

import io.basin.metadata.TableColumn;
import io.basin.plan.expr.Call;
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
import io.trino.spi.type.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a filter over a table scan that a connector can use to skip data: the conjuncts
 * comparing a column with a constant of the column's own type ({@code =, <, <=, >, >=}, {@code IN},
 * {@code IS NULL}) as a {@link TupleDomain} over the scan's column handles. It may accept more
 * rows than the filter (other conjuncts are left out), so the filter still runs on every row read;
 * the domain only lets a connector skip whole blocks (e.g. by zone maps).
 */
public final class ScanConstraint
{
    private ScanConstraint() {}

    public static TupleDomain<ColumnHandle> fromFilter(Expression filter, List<TableColumn> columns)
    {
        return convert(filter, columns, false).orElseThrow();
    }

    /**
     * The filter as a domain when it is exactly one (every conjunct converted), so that the rows the
     * domain accepts are exactly the rows the filter accepts, e.g. for a DELETE by predicate.
     */
    public static Optional<TupleDomain<ColumnHandle>> exactly(Expression filter, List<TableColumn> columns)
    {
        return convert(filter, columns, true);
    }

    private static Optional<TupleDomain<ColumnHandle>> convert(Expression filter, List<TableColumn> columns, boolean exact)
    {
        List<Expression> conjuncts = new ArrayList<>();
        flattenAnd(filter, conjuncts);
        Map<ColumnHandle, Domain> domains = new HashMap<>();
        for (Expression conjunct : conjuncts) {
            Optional<Map.Entry<Integer, Domain>> domain = domain(conjunct);
            if (domain.isEmpty() || domain.get().getKey() >= columns.size()
                    || !columns.get(domain.get().getKey()).type().equals(domain.get().getValue().getType())) {
                if (exact) {
                    return Optional.empty();
                }
                continue;
            }
            TableColumn column = columns.get(domain.get().getKey());
            domains.merge(column.handle(), domain.get().getValue(), Domain::intersect);
        }
        return Optional.of(TupleDomain.withColumnDomains(domains));
    }

    private static void flattenAnd(Expression expression, List<Expression> conjuncts)
    {
        if (expression instanceof SpecialForm form && form.form() == SpecialForm.Form.AND) {
            form.arguments().forEach(argument -> flattenAnd(argument, conjuncts));
        }
        else {
            conjuncts.add(expression);
        }
    }

    private static Optional<Map.Entry<Integer, Domain>> domain(Expression conjunct)
    {
        if (conjunct instanceof SpecialForm form) {
            if (form.form() == SpecialForm.Form.IS_NULL && form.arguments().getFirst() instanceof InputReference input) {
                return Optional.of(Map.entry(input.field(), Domain.onlyNull(input.type())));
            }
            if (form.form() == SpecialForm.Form.IN && form.arguments().getFirst() instanceof InputReference input) {
                List<Range> ranges = new ArrayList<>();
                for (Expression candidate : form.arguments().subList(1, form.arguments().size())) {
                    if (!(candidate instanceof Constant constant) || !constant.type().equals(input.type()) || !orderable(input.type())) {
                        return Optional.empty();
                    }
                    if (!constant.isNull()) {
                        ranges.add(Range.equal(input.type(), constant.value()));
                    }
                }
                return Optional.of(Map.entry(input.field(), ranges.isEmpty() ? Domain.none(input.type()) : Domain.create(ValueSet.ofRanges(ranges), false)));
            }
            return Optional.empty();
        }
        if (!(conjunct instanceof Call call) || call.arguments().size() != 2) {
            return Optional.empty();
        }
        String name = call.name();
        Expression left = call.arguments().get(0);
        Expression right = call.arguments().get(1);
        if (left instanceof Constant && right instanceof InputReference) {
            Expression swapped = left;
            left = right;
            right = swapped;
            name = flip(name);
        }
        if (!(left instanceof InputReference input) || !(right instanceof Constant constant) || name == null) {
            return Optional.empty();
        }
        Type type = input.type();
        if (!type.equals(constant.type()) || !orderable(type)) {
            return Optional.empty();
        }
        if (constant.isNull()) {
            // a comparison with NULL is never true
            return Optional.of(Map.entry(input.field(), Domain.none(type)));
        }
        Object value = constant.value();
        if (value instanceof Double number && number.isNaN()) {
            return Optional.empty();
        }
        Range range = switch (name) {
            case FunctionNames.EQUAL -> Range.equal(type, value);
            case FunctionNames.LESS_THAN -> Range.lessThan(type, value);
            case FunctionNames.LESS_THAN_OR_EQUAL -> Range.lessThanOrEqual(type, value);
            case FunctionNames.GREATER_THAN -> Range.greaterThan(type, value);
            case FunctionNames.GREATER_THAN_OR_EQUAL -> Range.greaterThanOrEqual(type, value);
            default -> null;
        };
        if (range == null) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(input.field(), Domain.create(ValueSet.ofRanges(range), false)));
    }

    private static boolean orderable(Type type)
    {
        // floating point NaN and -0.0 order differently in SQL comparisons and in domains
        return type.isOrderable() && type.getJavaType() != double.class && !type.getTypeSignature().getBase().equals("real");
    }

    private static String flip(String name)
    {
        return switch (name) {
            case FunctionNames.EQUAL -> FunctionNames.EQUAL;
            case FunctionNames.LESS_THAN -> FunctionNames.GREATER_THAN;
            case FunctionNames.LESS_THAN_OR_EQUAL -> FunctionNames.GREATER_THAN_OR_EQUAL;
            case FunctionNames.GREATER_THAN -> FunctionNames.LESS_THAN;
            case FunctionNames.GREATER_THAN_OR_EQUAL -> FunctionNames.LESS_THAN_OR_EQUAL;
            default -> null;
        };
    }
}

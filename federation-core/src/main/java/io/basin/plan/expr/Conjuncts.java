package io.basin.plan.expr;

import java.util.ArrayList;
import java.util.List;

import static com.google.common.base.Preconditions.checkArgument;
import static io.trino.spi.type.BooleanType.BOOLEAN;

/** A predicate as the conjuncts of its (nested) ANDs, and conjuncts joined back by AND. */
public final class Conjuncts
{
    private Conjuncts() {}

    /** The predicate's conjuncts, in order: itself when it is no AND. */
    public static List<Expression> of(Expression predicate)
    {
        if (predicate instanceof SpecialForm form && form.form() == SpecialForm.Form.AND) {
            List<Expression> conjuncts = new ArrayList<>();
            form.arguments().forEach(argument -> conjuncts.addAll(of(argument)));
            return conjuncts;
        }
        return List.of(predicate);
    }

    /** The conjuncts joined by AND; one conjunct as itself. */
    public static Expression and(List<Expression> conjuncts)
    {
        checkArgument(!conjuncts.isEmpty(), "no conjuncts");
        return conjuncts.size() == 1 ? conjuncts.getFirst() : new SpecialForm(SpecialForm.Form.AND, List.copyOf(conjuncts), BOOLEAN);
    }
}

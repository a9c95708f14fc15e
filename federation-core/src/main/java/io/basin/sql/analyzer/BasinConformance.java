package io.basin.sql.analyzer;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's Babel conformance (for {@code ::}, ILIKE and friends) with PostgreSQL's strict GROUP BY:
 * Babel would otherwise wrap non-grouped columns in ANY_VALUE, which silently changes the meaning
 * of grouping sets and accepts queries PostgreSQL rejects.
 */
public final class BasinConformance
        extends SqlDelegatingConformance
{
    public static final BasinConformance INSTANCE = new BasinConformance();

    private BasinConformance()
    {
        super(SqlConformanceEnum.BABEL);
    }

    @Override
    public boolean isNonStrictGroupBy()
    {
        return false;
    }
}

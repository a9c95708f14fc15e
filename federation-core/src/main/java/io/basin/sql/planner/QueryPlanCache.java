package io.basin.sql.planner;

import io.basin.sql.planner.QueryPlanner.PlannedQuery;
import io.basin.sql.planner.QueryPlanner.ReusablePlan;
import org.apache.calcite.sql.SqlNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * The logical plans of recently run queries, by statement text and the session state their
 * planning read, so that running the same text again (a dashboard's refresh, a report's
 * statement) skips validation and logical optimization, as Redshift reuses a statement's
 * compiled segments; a text that has a plan here is not even parsed again, unless the plan is
 * stale. A reused plan still resolves its tables again in the new statement's transactions,
 * folds constants such as {@code CURRENT_TIMESTAMP} again and repeats what connectors take over
 * ({@link QueryPlanner#replan}), so it reads the tables' current data.
 *
 * <p>Any statement that may change what planning saw (DDL, DML, ANALYZE, user and schema
 * statements, the end of a transaction block) empties the cache through {@link #invalidateAll()};
 * a plan made while such a statement ran is not kept.
 */
public final class QueryPlanCache
{
    /**
     * What a query's planning depends on besides the catalogs: its text and the session's user,
     * database and settings by name and value (the search path, time zone, planner switches, ...).
     */
    public record Key(String text, String user, String database, Map<String, String> settings)
    {
        public Key
        {
            requireNonNull(text, "text is null");
            requireNonNull(user, "user is null");
            requireNonNull(database, "database is null");
            settings = Map.copyOf(settings);
        }
    }

    /** Counters for {@code system.runtime.plan_cache}. */
    public record Statistics(long hits, long misses, long stale, long invalidations, long evictions, int size, int maximumSize) {}

    private final int maximumSize;
    private final Map<Key, ReusablePlan> plans;
    private long generation;
    private long hits;
    private long misses;
    private long stale;
    private long invalidations;
    private long evictions;

    public QueryPlanCache(int maximumSize)
    {
        checkArgument(maximumSize > 0, "maximumSize must be positive");
        this.maximumSize = maximumSize;
        this.plans = new LinkedHashMap<>(16, 0.75f, true)
        {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ReusablePlan> eldest)
            {
                if (size() > QueryPlanCache.this.maximumSize) {
                    evictions++;
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * Whether a plan is kept for {@code key}: its text is then a query, and {@link #plan} will most
     * likely not need it parsed.
     */
    public synchronized boolean contains(Key key)
    {
        return plans.containsKey(key);
    }

    /**
     * The plan of {@code query} (parsed from {@code key}'s text, asked for only when a plan is to
     * be made): reused from an earlier run when there is one whose tables still resolve to the
     * same columns, otherwise planned by {@code planner} and kept when reusable.
     */
    public PlannedQuery plan(Key key, QueryPlanner planner, Supplier<SqlNode> query)
    {
        long plannedIn;
        ReusablePlan cached;
        synchronized (this) {
            plannedIn = generation;
            cached = plans.get(key);
        }
        if (cached != null) {
            Optional<PlannedQuery> replanned = planner.replan(cached);
            if (replanned.isPresent()) {
                synchronized (this) {
                    hits++;
                }
                return replanned.get();
            }
            synchronized (this) {
                stale++;
                plans.remove(key, cached);
            }
        }
        PlannedQuery planned = planner.plan(query.get());
        synchronized (this) {
            misses++;
            if (planned.reusable().isPresent() && generation == plannedIn) {
                plans.put(key, planned.reusable().get());
            }
        }
        return planned;
    }

    /** Forgets every plan: a statement may have changed tables, schemas, users or statistics. */
    public synchronized void invalidateAll()
    {
        generation++;
        if (!plans.isEmpty()) {
            invalidations++;
            plans.clear();
        }
    }

    public synchronized Statistics statistics()
    {
        return new Statistics(hits, misses, stale, invalidations, evictions, plans.size(), maximumSize);
    }
}

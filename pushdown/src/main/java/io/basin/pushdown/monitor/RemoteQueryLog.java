package io.basin.pushdown.monitor;

import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The statements one source connector runs: those running now and the most recent finished
 * ones, for the {@code remote_queries} system table, and the handle through which ending a
 * Basin transaction early (a canceled or timed-out query) cancels the remote statements still
 * running for it ({@link Statement#cancel()}, which the drivers send on a separate connection).
 *
 * <p>Statements are grouped by the connector transaction they belong to. A transaction is
 * registered when it begins and forgotten when it ends; a statement started for a transaction
 * that already ended is refused, so a cancel that races with a statement's start still stops
 * it. Only SQL text is kept, never connection properties, so no credential is ever shown.
 * Thread-safe.
 */
public final class RemoteQueryLog
{
    /** How many finished statements are remembered. */
    public static final int RETAINED_FINISHED = 500;

    private final AtomicLong ids = new AtomicLong();
    private final Map<Object, Set<RemoteQuery>> running = new ConcurrentHashMap<>();
    private final Deque<RemoteQuery> finished = new ArrayDeque<>();

    /** A transaction began: statements may now be started for it. */
    public void beginTransaction(Object transaction)
    {
        running.put(requireNonNull(transaction, "transaction is null"), ConcurrentHashMap.newKeySet());
    }

    /**
     * A transaction ended (committed, rolled back or aborted by a cancel): every statement still
     * running for it is canceled at the source, and no new one may start.
     */
    public void endTransaction(Object transaction)
    {
        Set<RemoteQuery> statements = running.remove(requireNonNull(transaction, "transaction is null"));
        if (statements == null) {
            return;
        }
        for (RemoteQuery query : statements) {
            query.cancel();
        }
    }

    /**
     * Records {@code statement} (about to run {@code sql}) as running for {@code transaction}.
     *
     * @throws IllegalStateException if the transaction already ended
     */
    public RemoteQuery start(Object transaction, String source, String sql, Statement statement)
    {
        RemoteQuery query = new RemoteQuery(this, ids.incrementAndGet(), transaction, source, sql, statement, Instant.now(), System.nanoTime());
        Set<RemoteQuery> statements = running.get(transaction);
        if (statements == null) {
            throw new IllegalStateException("the transaction already ended (the query was canceled)");
        }
        statements.add(query);
        // the transaction may have ended between the lookup and the add
        if (running.get(transaction) != statements) {
            statements.remove(query);
            throw new IllegalStateException("the transaction already ended (the query was canceled)");
        }
        return query;
    }

    void finished(RemoteQuery query)
    {
        Set<RemoteQuery> statements = running.get(query.transaction());
        if (statements != null) {
            statements.remove(query);
        }
        synchronized (finished) {
            finished.addFirst(query);
            while (finished.size() > RETAINED_FINISHED) {
                finished.removeLast();
            }
        }
    }

    /** Running statements first, then finished ones, newest first. */
    public List<RemoteQuery.Snapshot> snapshot()
    {
        List<RemoteQuery.Snapshot> rows = new ArrayList<>();
        for (Set<RemoteQuery> statements : running.values()) {
            for (RemoteQuery query : statements) {
                rows.add(query.snapshot());
            }
        }
        synchronized (finished) {
            for (RemoteQuery query : finished) {
                rows.add(query.snapshot());
            }
        }
        return rows;
    }
}

package io.basin.engine;

import io.basin.embedded.QueryResult;
import io.trino.spi.Page;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A statement that has already run to completion: DDL, DML, SET, or a small computed result. */
final class CompletedStatement
        implements StatementResult
{
    private final List<QueryResult.Column> columns;
    private final Deque<Page> pages;
    private final long updateCount;

    CompletedStatement(List<QueryResult.Column> columns, List<Page> pages, long updateCount)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.pages = new ArrayDeque<>(requireNonNull(pages, "pages is null"));
        this.updateCount = updateCount;
    }

    static CompletedStatement of(QueryResult result)
    {
        List<Page> pages = result.columns().isEmpty() ? List.of() : List.of(ResultPages.fromRows(result.columns(), result.rows()));
        return new CompletedStatement(result.columns(), pages, result.updateCount());
    }

    @Override
    public List<QueryResult.Column> columns()
    {
        return columns;
    }

    @Override
    public Page nextPage()
    {
        return pages.pollFirst();
    }

    @Override
    public long updateCount()
    {
        return updateCount;
    }

    @Override
    public void close()
    {
        pages.clear();
    }
}

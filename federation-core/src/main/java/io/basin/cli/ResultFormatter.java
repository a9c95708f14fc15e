package io.basin.cli;

import io.basin.embedded.QueryResult;

import java.io.PrintWriter;

/** Writes the rows of one query result in one output format. Lines end with {@code \n} on every platform. */
interface ResultFormatter
{
    void format(QueryResult result, PrintWriter out);
}

/**
 * Compiled evaluation of Basin expressions over Trino pages: the filter and projections of an
 * operator become one generated class per expression shape, cached and shared by all queries.
 *
 * <pre>{@code
 * ExpressionCompiler compiler = new ExpressionCompiler(cache);                 // one per engine
 * PageProcessorFactory factory = compiler.compile(Optional.of(filter), projections); // per operator
 * PageProcessor processor = factory.createProcessor(ExpressionContext.of(queryContext)); // per driver
 * Page output = processor.process(page);                                      // null: no row passed
 * }</pre>
 *
 * <p>Code generation lives in {@code codegen}; the scalar functions it calls, testable on their
 * own, in {@code function}.
 */
package io.basin.execution.expression;

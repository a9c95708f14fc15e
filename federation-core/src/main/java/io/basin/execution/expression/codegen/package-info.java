/**
 * Generation of expression kernels: {@link io.basin.execution.expression.codegen.ExpressionShape}
 * lifts literals out of expressions, the generators turn the tree into Java source (one tight loop
 * per filter and projection, primitive locals, null flags, no per-row allocation for fixed-width
 * types) and {@link io.basin.execution.expression.codegen.KernelGenerator} compiles it with Janino.
 * Generators are split by concern like the function library: arithmetic, decimals, comparisons,
 * casts, strings, patterns, math, date/time and the special forms.
 */
package io.basin.execution.expression.codegen;

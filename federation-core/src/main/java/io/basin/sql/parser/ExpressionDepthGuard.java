package io.basin.sql.parser;

import io.basin.sql.parser.SqlTokenizer.Token;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Refuses, before Calcite parses it, a statement whose expression tree would be deeper than
 * {@value #MAX_DEPTH} levels, as PostgreSQL refuses one deeper than its stack (54001). Each
 * operator in a chain ({@code 1+1+1…}) and each parenthesis adds a level. Calcite's parser takes
 * time quadratic in such a chain (14 s for 100,000 terms) before it overflows, so the check must
 * come first.
 */
final class ExpressionDepthGuard
{
    static final int MAX_DEPTH = 10_000;

    private static final Set<String> OPERATORS = Set.of("+", "-", "*", "/", "%", "|", "^", "AND", "OR");

    private ExpressionDepthGuard() {}

    static void check(List<Token> tokens)
    {
        // operators counted on each open parenthesis level, outermost first
        Deque<Integer> levels = new ArrayDeque<>();
        int depth = 0;
        int operators = 0;
        for (Token token : tokens) {
            String keyword = token.keyword();
            switch (keyword) {
                case "(" -> {
                    levels.push(operators);
                    depth += operators + 1;
                    operators = 0;
                }
                case ")" -> {
                    if (!levels.isEmpty()) {
                        operators = levels.pop();
                        depth -= operators + 1;
                    }
                }
                case "," -> operators = 0;
                default -> {
                    if (OPERATORS.contains(keyword)) {
                        operators++;
                    }
                }
            }
            if (depth + operators > MAX_DEPTH) {
                throw StatementParser.tooDeeplyNested(null);
            }
        }
    }
}

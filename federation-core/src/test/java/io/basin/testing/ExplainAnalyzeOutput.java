package io.basin.testing;

import io.basin.embedded.BasinSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The text of an EXPLAIN ANALYZE, parsed back into its plan nodes with their measured numbers,
 * so tests can compare them with counts an oracle computes.
 */
public final class ExplainAnalyzeOutput
{
    private static final String NODE_MARK = "└─ ";
    private static final Pattern COUNT = Pattern.compile("(?:^|, )%s=(\\d+)");

    /** One plan node: its line, the lines of numbers under it, and its sources. */
    public record Node(String line, List<String> details, List<Node> sources)
    {
        public Node
        {
            requireNonNull(line, "line is null");
        }

        /** A number of the node's first detail line, e.g. {@code rows} or {@code input rows}. */
        public OptionalLong count(String name)
        {
            if (details.isEmpty()) {
                return OptionalLong.empty();
            }
            Matcher matcher = Pattern.compile(COUNT.pattern().formatted(Pattern.quote(name))).matcher(details.getFirst());
            return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
        }

        public long rows()
        {
            return count("rows").orElseThrow(() -> new AssertionError("no rows= under " + line + ": " + details));
        }

        /** The connector's metrics under a scan, by name. */
        public Map<String, Long> connectorMetrics()
        {
            Map<String, Long> metrics = new LinkedHashMap<>();
            details.stream().filter(detail -> detail.startsWith("connector: ")).findFirst().ifPresent(detail -> {
                for (String entry : detail.substring("connector: ".length()).split(", ")) {
                    int equals = entry.lastIndexOf('=');
                    metrics.put(entry.substring(0, equals), Long.parseLong(entry.substring(equals + 1)));
                }
            });
            return metrics;
        }

        /** The node and every node below it, depth first. */
        public List<Node> flatten()
        {
            List<Node> all = new ArrayList<>();
            all.add(this);
            sources.forEach(source -> all.addAll(source.flatten()));
            return all;
        }
    }

    private final List<String> lines;
    private final Node root;

    private ExplainAnalyzeOutput(List<String> lines)
    {
        this.lines = List.copyOf(lines);
        // the first line is Output[...], its rows under it, then the tree; the footer after it
        int[] position = {2};
        this.root = parse(position, 0);
    }

    public static ExplainAnalyzeOutput run(BasinSession session, String query)
    {
        return run(session, query, "EXPLAIN ANALYZE ");
    }

    /** Runs {@code query} after {@code explainPrefix}, an EXPLAIN ANALYZE with options. */
    public static ExplainAnalyzeOutput run(BasinSession session, String query, String explainPrefix)
    {
        List<String> lines = session.execute(explainPrefix + query).rows().stream()
                .map(row -> (String) row.getFirst())
                .toList();
        return new ExplainAnalyzeOutput(lines);
    }

    public List<String> lines()
    {
        return lines;
    }

    public String text()
    {
        return String.join("\n", lines);
    }

    /** The rows the query returned, from the Output line. */
    public long resultRows()
    {
        Matcher matcher = Pattern.compile("rows=(\\d+)").matcher(lines.get(1));
        if (!matcher.find()) {
            throw new AssertionError("no result rows in " + lines.get(1));
        }
        return Long.parseLong(matcher.group(1));
    }

    public Node root()
    {
        return root;
    }

    /** The nodes whose line starts with {@code prefix} (e.g. {@code "Join["}), depth first. */
    public List<Node> nodes(String prefix)
    {
        return root.flatten().stream().filter(node -> node.line().startsWith(prefix)).toList();
    }

    /** The one scan of {@code table} (as EXPLAIN names it, e.g. {@code memory.public.orders}). */
    public Node scan(String table)
    {
        List<Node> scans = nodes("TableScan[" + table + ",");
        if (scans.size() != 1) {
            throw new AssertionError("expected one scan of %s in%n%s".formatted(table, text()));
        }
        return scans.getFirst();
    }

    /** A footer line's value, e.g. {@code Execution Time}. */
    public Optional<String> footer(String name)
    {
        return lines.stream().filter(line -> line.startsWith(name + ": ")).map(line -> line.substring(name.length() + 2)).findFirst();
    }

    private Node parse(int[] position, int depth)
    {
        String line = lines.get(position[0]);
        int mark = line.indexOf(NODE_MARK);
        if (mark != 4 * depth) {
            throw new AssertionError("expected a node at depth %d: %s".formatted(depth, line));
        }
        String text = line.substring(mark + NODE_MARK.length());
        position[0]++;
        List<String> details = new ArrayList<>();
        while (position[0] < lines.size() && isDetail(lines.get(position[0]))) {
            details.add(lines.get(position[0]).strip());
            position[0]++;
        }
        List<Node> sources = new ArrayList<>();
        while (position[0] < lines.size() && lines.get(position[0]).indexOf(NODE_MARK) == 4 * (depth + 1)) {
            sources.add(parse(position, depth + 1));
        }
        return new Node(text, details, sources);
    }

    private static boolean isDetail(String line)
    {
        return !line.contains(NODE_MARK) && line.startsWith(" ");
    }
}

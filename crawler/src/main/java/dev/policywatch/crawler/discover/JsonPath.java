package dev.policywatch.crawler.discover;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The small subset of JSONPath the sources file needs, over a Jackson tree:
 * <ul>
 *   <li>{@code $} the root;</li>
 *   <li>{@code .name} and {@code ['name']} (or {@code ["name"]}) a member;</li>
 *   <li>{@code [n]} an array element (negative counts from the end);</li>
 *   <li>{@code [*]} and {@code .*} every element or member value;</li>
 *   <li>{@code ..name} that member at any depth.</li>
 * </ul>
 * Filters, slices, unions and scripts are not supported and are rejected when the path is compiled,
 * so a sources file that uses them fails at start rather than silently matching nothing.
 * Immutable and thread-safe.
 */
public final class JsonPath {

    private sealed interface Step permits Member, Index, Wildcard, Deep {
    }

    private record Member(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private record Deep(String name) implements Step {
    }

    private final String expression;
    private final List<Step> steps;

    private JsonPath(String expression, List<Step> steps) {
        this.expression = expression;
        this.steps = List.copyOf(steps);
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException naming the position of what is not supported
     */
    public static JsonPath compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("empty JSONPath");
        }
        String p = expression.trim();
        if (!p.startsWith("$")) {
            throw new IllegalArgumentException("JSONPath must start with $: " + p);
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.' && i + 1 < p.length() && p.charAt(i + 1) == '.') {
                int end = nameEnd(p, i + 2);
                if (end == i + 2) {
                    throw unsupported(p, i);
                }
                steps.add(new Deep(p.substring(i + 2, end)));
                i = end;
            } else if (c == '.') {
                if (i + 1 < p.length() && p.charAt(i + 1) == '*') {
                    steps.add(new Wildcard());
                    i += 2;
                    continue;
                }
                int end = nameEnd(p, i + 1);
                if (end == i + 1) {
                    throw unsupported(p, i);
                }
                steps.add(new Member(p.substring(i + 1, end)));
                i = end;
            } else if (c == '[') {
                int close = p.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed [ at " + i + " in JSONPath " + p);
                }
                String inner = p.substring(i + 1, close).trim();
                if (inner.equals("*")) {
                    steps.add(new Wildcard());
                } else if (inner.matches("-?\\d+")) {
                    steps.add(new Index(Integer.parseInt(inner)));
                } else if (inner.length() >= 2 && (inner.startsWith("'") && inner.endsWith("'")
                        || inner.startsWith("\"") && inner.endsWith("\""))) {
                    steps.add(new Member(inner.substring(1, inner.length() - 1)));
                } else {
                    throw unsupported(p, i);
                }
                i = close + 1;
            } else {
                throw unsupported(p, i);
            }
        }
        return new JsonPath(p, steps);
    }

    /** Every node the path selects, in document order. */
    public List<JsonNode> select(JsonNode root) {
        List<JsonNode> current = new ArrayList<>();
        if (root != null) {
            current.add(root);
        }
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                apply(step, node, next);
            }
            current = next;
        }
        return current;
    }

    /** The text values the path selects (strings and numbers; objects, arrays and nulls are skipped). */
    public List<String> strings(JsonNode root) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : select(root)) {
            if (n.isValueNode() && !n.isNull()) {
                out.add(n.asText());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return expression;
    }

    private static void apply(Step step, JsonNode node, List<JsonNode> out) {
        if (step instanceof Member m) {
            JsonNode v = node.isObject() ? node.get(m.name()) : null;
            if (v != null) {
                out.add(v);
            }
        } else if (step instanceof Index ix) {
            if (node.isArray()) {
                int idx = ix.index() < 0 ? node.size() + ix.index() : ix.index();
                if (idx >= 0 && idx < node.size()) {
                    out.add(node.get(idx));
                }
            }
        } else if (step instanceof Wildcard) {
            if (node.isArray() || node.isObject()) {
                node.elements().forEachRemaining(out::add);
            }
        } else if (step instanceof Deep d) {
            deep(node, d.name(), out);
        }
    }

    private static void deep(JsonNode node, String name, List<JsonNode> out) {
        // iterative, so a deeply nested document cannot overflow the stack
        List<JsonNode> stack = new ArrayList<>();
        stack.add(node);
        while (!stack.isEmpty()) {
            JsonNode n = stack.remove(stack.size() - 1);
            if (n.isObject()) {
                JsonNode v = n.get(name);
                if (v != null) {
                    out.add(v);
                }
                List<JsonNode> children = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    children.add(it.next().getValue());
                }
                for (int k = children.size() - 1; k >= 0; k--) {
                    stack.add(children.get(k));
                }
            } else if (n.isArray()) {
                for (int k = n.size() - 1; k >= 0; k--) {
                    stack.add(n.get(k));
                }
            }
        }
    }

    private static int nameEnd(String p, int from) {
        int i = from;
        while (i < p.length() && (Character.isLetterOrDigit(p.charAt(i)) || p.charAt(i) == '_' || p.charAt(i) == '-'
                || p.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    private static IllegalArgumentException unsupported(String p, int at) {
        return new IllegalArgumentException("unsupported JSONPath syntax at position " + at + " in " + p
                + " (supported: $, .name, ['name'], [n], [*], .*, ..name)");
    }
}

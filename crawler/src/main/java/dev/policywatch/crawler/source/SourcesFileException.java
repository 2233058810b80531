package dev.policywatch.crawler.source;

import java.util.List;

/**
 * The sources file cannot be used. The message lists every problem found, each naming the entry (its
 * position and id) and the field, so an operator can fix them all at once.
 */
public final class SourcesFileException extends RuntimeException {

    private final List<String> problems;

    public SourcesFileException(String origin, List<String> problems) {
        super("invalid sources file " + origin + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem. */
    public List<String> problems() {
        return problems;
    }
}

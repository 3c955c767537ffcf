package io.duecall.domain.compliance;

import java.util.List;

/** Contact rules that cannot be used; lists every problem found, each naming its key. */
public final class InvalidContactRulesException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidContactRulesException(List<String> problems) {
        super("invalid contact rules: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

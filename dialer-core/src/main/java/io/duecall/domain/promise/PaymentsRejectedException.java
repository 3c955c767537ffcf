package io.duecall.domain.promise;

import java.util.List;
import java.util.stream.Collectors;

/** A payment feed that failed its checks; nothing of it was recorded. Lists every problem found. */
public final class PaymentsRejectedException extends RuntimeException {
    private final transient List<PaymentProblem> problems;

    public PaymentsRejectedException(List<PaymentProblem> problems) {
        super("payments rejected, nothing recorded: " + problems.stream()
                .map(p -> "payments[" + p.entry() + "] " + p.field() + ": " + p.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PaymentProblem> problems() {
        return problems;
    }
}

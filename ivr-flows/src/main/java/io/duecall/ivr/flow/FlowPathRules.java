package io.duecall.ivr.flow;

import io.duecall.domain.attempt.Disposition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules a well-formed flow must also keep on every path, for what the person called may hear: every step is
 * reachable, nothing about the debt is said or done before the right-party check or after a failed second factor,
 * the right-party question comes after the debtor's name, and a third-party flow says nothing about the debt at all.
 */
final class FlowPathRules {
    private static final String FAILED = "failed";
    private static final Set<FlowAction> THIRD_PARTY_ACTIONS = Set.of(FlowAction.SCREEN_MACHINE, FlowAction.WAIT_FOR_BEEP);
    private static final Set<String> THIRD_PARTY_ENDS = Set.of(Disposition.THIRD_PARTY.name(), Disposition.MACHINE.name(),
            Disposition.NO_INPUT.name(), Disposition.HUNG_UP.name());

    private final FlowDefinition flow;
    private final List<String> problems = new ArrayList<>();

    private FlowPathRules(FlowDefinition flow) {
        this.flow = flow;
    }

    /** What the flow breaks of these rules; it must already name only steps it has. */
    static List<String> problems(FlowDefinition flow) {
        var rules = new FlowPathRules(flow);
        rules.checkReachability();
        rules.checkNothingAboutTheDebtBeforeVerification();
        rules.checkTheNameBeforeTheRightPartyQuestion();
        rules.checkNothingAboutTheDebtAfterAFailedSecondFactor();
        if (flow.forThirdParties()) {
            rules.checkLocationOnly();
        }
        return rules.problems;
    }

    /** A third party hears who called and whom to have call back: every step is checked, reachable or not. */
    private void checkLocationOnly() {
        flow.steps().forEach((id, step) -> {
            var where = "step '" + id + "' of a third-party flow";
            step.say().stream().filter(Speaker.ABOUT_THE_DEBT::contains)
                    .forEach(item -> problems.add(where + ": says " + item + " (expected nothing about the debt)"));
            if (step.ask() != null) {
                problems.add(where + ": asks " + step.ask() + " (expected no question or menu)");
            }
            FlowAction.named(step.action()).filter(a -> !THIRD_PARTY_ACTIONS.contains(a)).ifPresent(a -> problems.add(
                    where + ": action " + a.yamlName() + " (expected only screen-machine or wait-for-beep)"));
            if (step.end() != null && !THIRD_PARTY_ENDS.contains(step.end())) {
                problems.add(where + ": end " + step.end() + " (expected one of " + new TreeSet<>(THIRD_PARTY_ENDS) + ")");
            }
        });
    }

    private void checkReachability() {
        var reached = reachableFrom(flow.start(), false);
        flow.steps().keySet().stream().filter(id -> !reached.contains(id))
                .forEach(id -> problems.add("step '" + id + "': unreachable from start '" + flow.start() + "'"));
    }

    private void checkNothingAboutTheDebtBeforeVerification() {
        for (var id : reachableFrom(flow.start(), true)) {
            var step = flow.step(id);
            var debtItem = step.say().stream().filter(Speaker.ABOUT_THE_DEBT::contains).findFirst();
            if (debtItem.isPresent()) {
                problems.add("step '" + id + "': says " + debtItem.get() + " on a path without the right-party check");
            }
            if (FlowAction.named(step.action()).filter(FlowAction::aboutTheDebt).isPresent()) {
                problems.add("step '" + id + "': action " + step.action() + " on a path without the right-party check");
            }
        }
    }

    /**
     * A key pressed before the caller has heard whom we are calling for confirms nothing, so a menu leading to
     * {@code verified} must come after {@code first-name} on every path (in its own {@code say} or a step before it).
     */
    private void checkTheNameBeforeTheRightPartyQuestion() {
        var seen = new LinkedHashSet<String>();
        var queue = new ArrayDeque<String>();
        queue.add(flow.start());
        while (!queue.isEmpty()) {
            var id = queue.poll();
            if (!seen.add(id)) {
                continue;
            }
            var step = flow.step(id);
            if (step.say().contains("first-name")) {
                continue;
            }
            if (step.ask() != null && step.action() == null && step.on().values().stream()
                    .anyMatch(next -> FlowAction.VERIFIED.yamlName().equals(flow.step(next).action()))) {
                problems.add("step '" + id + "': asks the right-party question on a path where the debtor's name was"
                        + " not said (expected first-name in its say or in a step before it)");
            }
            queue.addAll(targets(step));
        }
    }

    /** A caller who could not give the second factor may be the wrong person: no path from there discloses. */
    private void checkNothingAboutTheDebtAfterAFailedSecondFactor() {
        flow.steps().forEach((id, step) -> {
            if (!FlowAction.SECOND_FACTOR.yamlName().equals(step.action()) || !step.on().containsKey(FAILED)) {
                return;
            }
            for (var reached : reachableFrom(step.on().get(FAILED), false)) {
                var later = flow.step(reached);
                var debtItem = later.say().stream().filter(Speaker.ABOUT_THE_DEBT::contains).findFirst();
                if (debtItem.isPresent() || FlowAction.named(later.action()).filter(FlowAction::aboutTheDebt).isPresent()) {
                    problems.add("step '" + reached + "': " + debtItem.map(item -> "says " + item)
                            .orElse("action " + later.action()) + " after the second factor of step '" + id + "' failed");
                }
            }
        });
    }

    /** Steps reachable from {@code start}; with {@code stopAtVerified}, paths end at a {@code verified} step. */
    private Set<String> reachableFrom(String start, boolean stopAtVerified) {
        var seen = new LinkedHashSet<String>();
        var queue = new ArrayDeque<String>();
        queue.add(start);
        while (!queue.isEmpty()) {
            var id = queue.poll();
            if (!seen.add(id)) {
                continue;
            }
            var step = flow.step(id);
            if (stopAtVerified && FlowAction.VERIFIED.yamlName().equals(step.action())) {
                continue;
            }
            queue.addAll(targets(step));
        }
        return seen;
    }

    static List<String> targets(FlowStep step) {
        var targets = new ArrayList<String>(step.on().values());
        if (step.next() != null) {
            targets.add(step.next());
        }
        return targets;
    }
}

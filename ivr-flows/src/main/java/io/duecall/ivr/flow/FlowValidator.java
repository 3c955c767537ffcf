package io.duecall.ivr.flow;

import io.duecall.domain.attempt.Disposition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a flow before it may serve a call: every step it names exists, every question has a prompt, every step
 * leads somewhere or ends; then, on a well-formed flow, the rules of every path ({@link FlowPathRules}: reachable,
 * nothing about the debt before the right-party check, a third-party flow saying nothing about the debt at all).
 * Every problem is reported at once.
 */
final class FlowValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,20}");
    /** Sound file names go into AGI commands, so no spaces, quotes, line breaks or parent directories. */
    static final Pattern SOUND = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*){0,4}");
    private static final Set<String> KEYS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#");
    private static final String FAILED = "failed";
    /** A prompt set's directory under {@code duecall/}: a language, optionally with a region, in lower case. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");

    private final FlowDefinition flow;
    private final List<String> problems = new ArrayList<>();

    private FlowValidator(FlowDefinition flow) {
        this.flow = flow;
    }

    static List<String> problems(FlowDefinition flow) {
        var validator = new FlowValidator(flow);
        validator.check();
        return validator.problems;
    }

    private void check() {
        if (flow.id() == null || !ID.matcher(flow.id()).matches()) {
            problems.add("id: '" + flow.id() + "' (expected 1-40 of a-z 0-9 -)");
        }
        if (flow.version() == null || !VERSION.matcher(flow.version()).matches()) {
            problems.add("version: '" + flow.version() + "' (expected 1-20 of A-Z a-z 0-9 . _ -)");
        }
        if (!FlowDefinition.DEBTOR.equals(flow.audience()) && !flow.forThirdParties()) {
            problems.add("audience: '" + flow.audience() + "' (expected " + FlowDefinition.DEBTOR + " or "
                    + FlowDefinition.THIRD_PARTY + ")");
        }
        if (flow.steps().isEmpty()) {
            problems.add("steps: none (expected at least one)");
            return;
        }
        for (var language : flow.languages()) {
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                problems.add("languages: '" + language + "' (expected a lower-case language tag such as es or es-mx)");
            }
        }
        if (!flow.steps().containsKey(flow.start())) {
            problems.add("start: '" + flow.start() + "' is not a step");
        }
        flow.steps().forEach(this::checkStep);
        if (problems.isEmpty()) {
            problems.addAll(FlowPathRules.problems(flow));
        }
    }

    private void checkStep(String id, FlowStep step) {
        var where = "step '" + id + "'";
        if (!ID.matcher(id).matches()) {
            problems.add(where + ": id (expected 1-40 of a-z 0-9 -)");
        }
        step.say().forEach(item -> checkSayItem(where, item));
        if (step.ask() != null && !SOUND.matcher(step.ask()).matches()) {
            problems.add(where + ": ask '" + step.ask() + "' (expected a sound file such as duecall/menu)");
        }
        if (step.timeoutSeconds() != null && (step.timeoutSeconds() < 1 || step.timeoutSeconds() > 60)) {
            problems.add(where + ": timeoutSeconds " + step.timeoutSeconds() + " (expected 1 to 60)");
        }
        if (step.retries() != null && (step.retries() < 1 || step.retries() > 9)) {
            problems.add(where + ": retries " + step.retries() + " (expected 1 to 9)");
        }
        if (step.action() != null) {
            checkAction(where, step);
        } else if (step.ask() != null) {
            checkMenu(where, step);
        } else if (step.end() != null) {
            checkEnd(where, step);
        } else if (step.next() != null) {
            requireNoOn(where, step);
        } else {
            problems.add(where + ": dead end (expected one of action, ask, end or next)");
        }
        FlowPathRules.targets(step).forEach(target -> {
            if (!flow.steps().containsKey(target)) {
                problems.add(where + ": goes to unknown step '" + target + "'");
            }
        });
    }

    private void checkSayItem(String where, String item) {
        if (item != null && item.startsWith("prompt:")) {
            if (!SOUND.matcher(item.substring("prompt:".length())).matches()) {
                problems.add(where + ": say '" + item + "' (expected prompt:<sound file> such as prompt:duecall/goodbye)");
            }
        } else if (!Speaker.ITEMS.contains(item)) {
            problems.add(where + ": say '" + item + "' (expected prompt:<sound file> or one of " + Speaker.ITEMS + ")");
        }
    }

    private void checkAction(String where, FlowStep step) {
        var action = FlowAction.named(step.action());
        if (action.isEmpty()) {
            problems.add(where + ": action '" + step.action() + "' (expected one of "
                    + Arrays.stream(FlowAction.values()).map(FlowAction::yamlName).toList() + ")");
            return;
        }
        if (action.get().asksQuestion() && step.ask() == null) {
            problems.add(where + ": action " + step.action() + " has no ask prompt");
        }
        if (step.next() != null || step.end() != null) {
            problems.add(where + ": an action step routes through 'on', not next or end");
        }
        for (var event : action.get().events()) {
            if (!step.on().containsKey(event)) {
                problems.add(where + ": dead end, action " + step.action() + " has no step for event '" + event + "'");
            }
        }
        for (var event : step.on().keySet()) {
            if (!action.get().events().contains(event)) {
                problems.add(where + ": action " + step.action() + " has no event '" + event + "' (expected "
                        + action.get().events() + ")");
            }
        }
    }

    private void checkMenu(String where, FlowStep step) {
        if (step.next() != null || step.end() != null) {
            problems.add(where + ": a menu routes through 'on', not next or end");
        }
        if (step.menuKeys().isEmpty()) {
            problems.add(where + ": menu accepts no key (expected keys 0-9 * # in 'on')");
        }
        if (!step.on().containsKey(FAILED)) {
            problems.add(where + ": dead end, menu has no step for 'failed' (retries spent)");
        }
        step.on().keySet().stream().filter(k -> !KEYS.contains(k) && !FAILED.equals(k))
                .forEach(k -> problems.add(where + ": menu key '" + k + "' (expected 0-9, *, # or failed)"));
    }

    private void checkEnd(String where, FlowStep step) {
        requireNoOn(where, step);
        if (step.next() != null) {
            problems.add(where + ": has both end and next");
        }
        if (!"auto".equals(step.end()) && Arrays.stream(Disposition.values()).noneMatch(d -> d.name().equals(step.end()))) {
            problems.add(where + ": end '" + step.end() + "' (expected auto or one of "
                    + Arrays.toString(Disposition.values()) + ")");
        }
    }

    private void requireNoOn(String where, FlowStep step) {
        if (!step.on().isEmpty()) {
            problems.add(where + ": 'on' is only for actions and menus");
        }
    }
}

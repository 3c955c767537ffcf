package io.duecall.ivr.flow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake channel driven by caller actions. A plain key is pressed by a caller who waits to be asked: it answers the
 * next wait for a key or digit entry, after the question has been played. {@code ~k} is pressed while the next
 * command runs, whatever it is: that command hears it if it reads digits and lets {@code k} escape, otherwise the key
 * is lost (noted as {@code lost:k at <command>}), as on Asterisk. {@code t} is one silent wait; {@code h} hangs up at
 * the next command. Everything the flow does is noted in {@code events}.
 */
final class ScriptedIvrChannel implements IvrChannel {
    private final Deque<String> actions = new ArrayDeque<>();
    private final Map<String, String> variables;
    private final List<String> events;

    ScriptedIvrChannel(String script, Map<String, String> variables, List<String> events) {
        for (var action : script.trim().split("\\s+")) {
            if (!action.isEmpty()) {
                actions.add(action);
            }
        }
        this.variables = variables;
        this.events = events;
    }

    @Override
    public void answer() {
        command("answer", "");
    }

    @Override
    public Optional<String> variable(String name) {
        command("variable:" + name, "");
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public Optional<Character> play(String prompt, String escapeDigits) {
        return command("play:" + prompt, escapeDigits);
    }

    @Override
    public Optional<Character> waitForDigit(Duration timeout) {
        var barged = command("wait", FlowRun.ANY_KEY);
        if (barged.isPresent()) {
            return barged;
        }
        var next = actions.peek();
        if ("t".equals(next)) {
            actions.poll();
        } else if (next != null && next.length() == 1 && !"h".equals(next)) {
            return Optional.of(actions.poll().charAt(0));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Character> sayNumber(long number, String escapeDigits) {
        return command("sayNumber:" + number, escapeDigits);
    }

    @Override
    public Optional<Character> sayDigits(String digits, String escapeDigits) {
        return command("sayDigits:" + digits, escapeDigits);
    }

    @Override
    public Optional<Character> sayAlpha(String text, String escapeDigits) {
        return command("sayAlpha:" + text, escapeDigits);
    }

    @Override
    public Optional<Character> sayDate(LocalDate date, String escapeDigits) {
        return command("sayDate:" + date, escapeDigits);
    }

    @Override
    public Optional<String> readDigits(String prompt, int maxDigits, Duration timeout) {
        var digits = new StringBuilder();
        command("readDigits:" + prompt, FlowRun.ANY_KEY).ifPresent(digits::append);
        while (digits.length() < maxDigits && digits.indexOf("#") < 0) {
            var next = actions.peek();
            if (next == null || "h".equals(next)) {
                break;
            }
            actions.poll();
            var key = next.charAt(next.length() - 1);
            if (key == 't' || key == '#') {
                break;
            }
            digits.append(key);
        }
        var keyed = digits.toString().replace("#", "");
        events.add("keyed:" + keyed);
        return keyed.isEmpty() || !keyed.chars().allMatch(Character::isDigit)
                ? Optional.empty() : Optional.of(keyed);
    }

    @Override
    public void waitForSilence(Duration silence, Duration max) {
        command("waitForSilence", "");
    }

    @Override
    public void hangup() {
        command("hangup", "");
    }

    /** Notes the command; a pending hang-up happens now, and a key pressed now is heard only if it may escape. */
    private Optional<Character> command(String event, String escapeDigits) {
        var next = actions.peek();
        if ("h".equals(next)) {
            actions.poll();
            events.add("caller hung up at " + event);
            throw new CallerHungUpException();
        }
        events.add(event);
        if (next != null && next.startsWith("~")) {
            actions.poll();
            var key = next.charAt(1);
            if (escapeDigits.indexOf(key) >= 0) {
                return Optional.of(key);
            }
            events.add("lost:" + key + " at " + event);
        }
        return Optional.empty();
    }
}

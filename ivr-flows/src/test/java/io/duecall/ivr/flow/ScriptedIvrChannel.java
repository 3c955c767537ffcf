package io.duecall.ivr.flow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake channel driven by caller actions as in the PBX simulator's caller scripts: a key interrupts a prompt whose
 * escape digits include it, or answers the next wait; {@code t} is one silent wait; {@code h} hangs up at the next
 * command. Everything the flow does is noted in {@code events}.
 */
final class ScriptedIvrChannel implements IvrChannel {
    private final Deque<Character> actions = new ArrayDeque<>();
    private final Map<String, String> variables;
    private final List<String> events;

    ScriptedIvrChannel(String script, Map<String, String> variables, List<String> events) {
        for (var action : script.trim().split("\\s+")) {
            if (!action.isEmpty()) {
                actions.add(action.charAt(0));
            }
        }
        this.variables = variables;
        this.events = events;
    }

    @Override
    public void answer() {
        command("answer");
    }

    @Override
    public Optional<String> variable(String name) {
        command("variable:" + name);
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public Optional<Character> play(String prompt, String escapeDigits) {
        command("play:" + prompt);
        return takeKeyIn(escapeDigits);
    }

    @Override
    public Optional<Character> waitForDigit(Duration timeout) {
        command("wait");
        var key = takeKeyIn(FlowRun.ANY_KEY);
        if (key.isEmpty() && Character.valueOf('t').equals(actions.peek())) {
            actions.poll();
        }
        return key;
    }

    @Override
    public Optional<Character> sayNumber(long number, String escapeDigits) {
        command("sayNumber:" + number);
        return takeKeyIn(escapeDigits);
    }

    @Override
    public void sayDigits(String digits) {
        command("sayDigits:" + digits);
    }

    @Override
    public void sayAlpha(String text) {
        command("sayAlpha:" + text);
    }

    @Override
    public void sayDate(LocalDate date) {
        command("sayDate:" + date);
    }

    @Override
    public Optional<String> readDigits(String prompt, int maxDigits, Duration timeout) {
        command("readDigits:" + prompt);
        var digits = new StringBuilder();
        while (digits.length() < maxDigits) {
            var next = actions.peek();
            if (next == null || next == 'h') {
                break;
            }
            actions.poll();
            if (next == 't' || next == '#') {
                break;
            }
            digits.append(next);
        }
        events.add("keyed:" + digits);
        return digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)
                ? Optional.empty() : Optional.of(digits.toString());
    }

    @Override
    public void waitForSilence(Duration silence, Duration max) {
        command("waitForSilence");
    }

    @Override
    public void hangup() {
        command("hangup");
    }

    private void command(String event) {
        if (Character.valueOf('h').equals(actions.peek())) {
            actions.poll();
            events.add("caller hung up at " + event);
            throw new CallerHungUpException();
        }
        events.add(event);
    }

    private Optional<Character> takeKeyIn(String escapeDigits) {
        var next = actions.peek();
        if (next != null && next != 't' && next != 'h' && escapeDigits.indexOf(next) >= 0) {
            return Optional.of(actions.poll());
        }
        return Optional.empty();
    }
}

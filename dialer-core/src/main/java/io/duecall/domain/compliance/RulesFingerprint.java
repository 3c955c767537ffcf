package io.duecall.domain.compliance;

import io.duecall.domain.window.CallingWindow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A short, stable name for a rule set: the same rules give the same fingerprint on every node and every run, and any
 * change to a window, cap, delay or overlay gives a new one. The ledger records it with each dial.
 */
public final class RulesFingerprint {
    private RulesFingerprint() {}

    public static String of(ContactRules rules) {
        var text = canonical(rules);
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "rules-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Every setting in a fixed order; sets and maps are sorted so their iteration order cannot leak in. */
    static String canonical(ContactRules rules) {
        var w = rules.window();
        var days = new TreeMap<>(w.days()).entrySet().stream()
                .map(e -> e.getKey() + "=" + window(e.getValue())).collect(Collectors.joining(","));
        var closed = w.closed().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        var p = rules.peaks();
        var peaks = p.windows().stream().map(Object::toString).collect(Collectors.joining(","));
        var l = rules.limits();
        var regions = new TreeMap<>(rules.regions()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        return String.join("|",
                "window=" + window(w.standard()), "days=" + days, "closed=" + closed,
                "peaks=" + peaks, "peakRetriesOnly=" + p.peakRetriesOnly(), "peakOnly=" + p.peakOnly(),
                "max7=" + l.maxAttemptsPer7Days(), "counted=" + sorted(l.countedOutcomes()),
                "quiet=" + l.quietAfterConversation(), "conversations=" + sorted(l.conversations()),
                "conversationEvidence=" + sorted(l.conversationEvidence()), "jurisdiction=" + l.jurisdiction(),
                "connectedPerDay=" + l.maxConnectedPerDay(), "unansweredPerNumber=" + l.maxUnansweredPerNumberPerDay(),
                "gap=" + l.minimumGap(), "delays=" + sortedMap(l.retryDelays()), "abandon=" + l.abandonLockout(),
                "regions=" + regions, "holidays=" + rules.honourHolidays(), "contacts=" + rules.contacts());
    }

    private static String window(CallingWindow w) {
        return w.opens() + "-" + w.closes() + "/" + w.closingMargin();
    }

    private static String sorted(java.util.Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static String sortedMap(Map<? extends Enum<?>, ?> map) {
        return map.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue()).sorted()
                .collect(Collectors.joining(","));
    }
}

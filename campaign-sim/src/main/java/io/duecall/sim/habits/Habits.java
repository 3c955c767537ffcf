package io.duecall.sim.habits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.duecall.domain.account.PhoneType;
import io.duecall.domain.besttime.ContactSlot;
import io.duecall.domain.besttime.ContactSlot.DayKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The hidden contact habits of a simulated population ({@code sim/habits.yaml}): kinds of people with their chance of
 * answering by local hour and kind of day, and how much each phone type scales it. Every simulated debtor is one
 * kind, drawn by weight from a seed and their account id; only the simulated PBX knows which.
 */
public final class Habits {
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})-(\\d{1,2})");

    private final List<HabitProfile> profiles;
    private final double totalWeight;
    private final Map<PhoneType, Double> phoneTypes;

    Habits(List<HabitProfile> profiles, Map<PhoneType, Double> phoneTypes) {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("profiles: none (expected at least one)");
        }
        this.profiles = List.copyOf(profiles);
        this.totalWeight = profiles.stream().mapToDouble(HabitProfile::weight).sum();
        this.phoneTypes = Map.copyOf(phoneTypes);
    }

    /** The population shipped with the simulator. */
    public static Habits defaults() {
        try (var in = Habits.class.getResourceAsStream("/sim/habits.yaml")) {
            return read(in, "sim/habits.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Habits read(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a mapping with profiles");
        }
        double otherwise = share(source + ": otherwise", root.path("otherwise").asDouble(0.05));
        var types = new EnumMap<PhoneType, Double>(PhoneType.class);
        for (var type : PhoneType.values()) {
            types.put(type, 1.0);
        }
        root.path("phoneTypes").fields().forEachRemaining(e -> types.put(phoneType(source, e.getKey()),
                share(source + ": phoneTypes." + e.getKey(), e.getValue().asDouble(-1))));
        var profiles = new ArrayList<HabitProfile>();
        root.path("profiles").fields().forEachRemaining(e -> profiles.add(profile(source + ": profiles." + e.getKey(),
                e.getKey(), e.getValue(), otherwise)));
        return new Habits(profiles, types);
    }

    public List<HabitProfile> profiles() {
        return profiles;
    }

    /** The kind of person behind an account, the same for a seed and an account id in every run. */
    public HabitProfile profileOf(String accountId, long seed) {
        long h = seed * 0x9E3779B97F4A7C15L ^ accountId.hashCode() * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        double u = (h >>> 11) * 0x1.0p-53 * totalWeight;
        for (var p : profiles) {
            u -= p.weight();
            if (u < 0) {
                return p;
            }
        }
        return profiles.getLast();
    }

    /** The chance that a person of this kind answers this type of phone in this slot of their week. */
    public double answer(HabitProfile profile, PhoneType type, ContactSlot slot) {
        return profile.answer(slot) * phoneTypes.getOrDefault(type, 1.0);
    }

    private static HabitProfile profile(String where, String name, JsonNode node, double otherwise) {
        double weight = node.path("weight").asDouble(-1);
        if (!(weight > 0)) {
            throw new IllegalArgumentException(where + ".weight: " + node.path("weight") + " (expected > 0)");
        }
        var table = new double[ContactSlot.COUNT];
        java.util.Arrays.fill(table, otherwise);
        for (var day : DayKind.values()) {
            var key = day.name().toLowerCase(Locale.ROOT);
            node.path(key).fields().forEachRemaining(e -> {
                var m = RANGE.matcher(e.getKey());
                if (!m.matches()) {
                    throw new IllegalArgumentException(where + "." + key + ": '" + e.getKey()
                            + "' (expected hours like 09-12)");
                }
                int from = Integer.parseInt(m.group(1));
                int to = Integer.parseInt(m.group(2));
                if (from >= to || to > 24) {
                    throw new IllegalArgumentException(where + "." + key + ": '" + e.getKey()
                            + "' (expected a start hour before the end, within 0-24)");
                }
                double p = share(where + "." + key + "." + e.getKey(), e.getValue().asDouble(-1));
                for (int h = from; h < to; h++) {
                    table[new ContactSlot(day, h).index()] = p;
                }
            });
        }
        return new HabitProfile(name, weight, table);
    }

    private static PhoneType phoneType(String source, String name) {
        try {
            return PhoneType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": phoneTypes." + name + " (expected one of "
                    + java.util.Arrays.toString(PhoneType.values()) + ")");
        }
    }

    private static double share(String where, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(where + ": " + value + " (expected a probability from 0 to 1)");
        }
        return value;
    }
}

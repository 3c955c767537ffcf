package io.duecall.domain.compliance;

import io.duecall.domain.account.AccountFlag;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.domain.account.Phone;
import io.duecall.domain.attempt.CallOutcome;
import io.duecall.domain.attempt.Disposition;
import io.duecall.domain.dial.DialDecision;
import io.duecall.domain.window.CallingWindow;
import io.duecall.domain.window.FixedHolidays;
import io.duecall.domain.window.PeakWindow;
import io.duecall.domain.window.WeeklyWindows;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Properties of the dial decision over random histories, zones (half-hour and quarter-hour offsets, DST) and years. */
class ContactPolicyPropertiesTest {
    private static final List<ZoneId> ZONES = List.of("America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
            "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/London", "America/St_Johns",
            "Pacific/Chatham").stream().map(ZoneId::of).toList();
    private static final List<Phone> PHONES = List.of(Debtors.MOBILE, Debtors.HOME, Debtors.WORK);
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2029-01-01T00:00:00Z");
    private static final List<ContactPolicy> POLICIES = policies();
    private static final LocalTime LAST_ORIGINATE = LocalTime.of(20, 50);

    record Scenario(Set<ZoneId> zones, Instant now, ContactHistory history, int policy, Phone phone) {}

    @Property(tries = 1500)
    void dialsOnlyInsideTheWindowInEveryZone(@ForAll("scenarios") Scenario s) {
        var policy = POLICIES.get(s.policy());

        var decision = policy.decide(Debtors.account(), s.phone(), s.history(), s.zones(), s.now());

        if (decision instanceof DialDecision.Dial) {
            for (var zone : s.zones()) {
                var local = s.now().atZone(zone);
                assertFalse(local.toLocalTime().isBefore(CallingWindow.defaults().opens()), local.toString());
                assertTrue(local.toLocalTime().isBefore(LAST_ORIGINATE), local.toString());
                assertTrue(policy.rules().window().permits(local), local.toString());
            }
        }
    }

    @Property(tries = 1500)
    void nextEligibleIsNeverInThePastAndDialsWhenReached(@ForAll("scenarios") Scenario s) {
        var policy = POLICIES.get(s.policy());

        var decision = policy.decide(Debtors.account(), s.phone(), s.history(), s.zones(), s.now());

        Statistics.collect(kind(decision));
        Statistics.coverage(c -> {
            c.check("dial").percentage(p -> p > 5);
            c.check("skip until later").percentage(p -> p > 30);
            c.check("skip for good").percentage(p -> p > 1);
        });
        if (decision instanceof DialDecision.Skip skip && skip.nextEligible() != null) {
            var next = skip.nextEligible();
            assertFalse(next.isBefore(s.now()), skip.toString());
            var then = policy.decide(Debtors.account(), s.phone(), s.history(), s.zones(), next);
            assertInstanceOf(DialDecision.Dial.class, then, () -> skip + " then " + then);
        }
    }

    @Property(tries = 1000)
    void nothingBeforeNextEligibleDials(@ForAll("scenarios") Scenario s, @ForAll("fractions") double fraction) {
        var policy = POLICIES.get(s.policy());

        var decision = policy.decide(Debtors.account(), s.phone(), s.history(), s.zones(), s.now());

        if (decision instanceof DialDecision.Skip skip && skip.nextEligible() != null) {
            var span = Duration.between(s.now(), skip.nextEligible()).toSeconds();
            var between = s.now().plusSeconds((long) (span * fraction));
            var earlier = policy.decide(Debtors.account(), s.phone(), s.history(), s.zones(), between);
            assertFalse(earlier instanceof DialDecision.Dial && between.isBefore(skip.nextEligible()),
                    () -> skip + " but dials at " + between);
        }
    }

    private static String kind(DialDecision decision) {
        return switch (decision) {
            case DialDecision.Dial dial -> "dial";
            case DialDecision.Skip skip -> skip.nextEligible() == null ? "skip for good" : "skip until later";
        };
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        var zones = Arbitraries.of(ZONES).set().ofMinSize(1).ofMaxSize(2);
        var attempts = Combinators.combine(Arbitraries.longs().between(60, Duration.ofDays(10).toSeconds()),
                Arbitraries.of(PHONES), Arbitraries.of(CallOutcome.class), Arbitraries.of(Disposition.class),
                Arbitraries.frequency(weighted(9, false), weighted(1, true))).as(AttemptSpec::new).list().ofMaxSize(12);
        var suppression = Arbitraries.frequencyOf(
                weighted(12, Arbitraries.just(Suppression.none())),
                weighted(1, Arbitraries.of(AccountFlag.class).map(Suppression::flagged)),
                weighted(1, Arbitraries.of(PHONES).map(p -> new Suppression(Set.of(p.number()), Set.of(), Set.of()))));
        return Combinators.combine(zones, instants(), attempts, suppression, Arbitraries.integers().between(0, POLICIES.size() - 1),
                Arbitraries.of(PHONES)).as((z, now, specs, supp, policy, phone) -> new Scenario(z, now,
                        new ContactHistory(specs.stream().map(a -> a.at(now)).toList(), supp), policy, phone));
    }

    private static <T> net.jqwik.api.Tuple.Tuple2<Integer, T> weighted(int weight, T value) {
        return net.jqwik.api.Tuple.of(weight, value);
    }

    /** Anywhere in five years, or within three days of a zone's offset change (clocks forward and back). */
    private static Arbitrary<Instant> instants() {
        var anywhere = Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond()).map(Instant::ofEpochSecond);
        var nearTransition = Combinators.combine(Arbitraries.of(ZONES), Arbitraries.integers().between(0, 9),
                Arbitraries.longs().between(-Duration.ofDays(3).toSeconds(), Duration.ofDays(3).toSeconds()))
                .as((zone, k, offset) -> nearTransition(zone, k, offset));
        return Arbitraries.oneOf(anywhere, nearTransition);
    }

    private static Instant nearTransition(ZoneId zone, int k, long offsetSeconds) {
        var at = FROM;
        for (int i = 0; i <= k; i++) {
            var transition = zone.getRules().nextTransition(at);
            if (transition == null || transition.getInstant().isAfter(TO)) {
                break;
            }
            at = transition.getInstant();
        }
        return at.plusSeconds(offsetSeconds);
    }

    record AttemptSpec(long secondsAgo, Phone phone, CallOutcome outcome, Disposition disposition, boolean abandoned) {
        PastAttempt at(Instant now) {
            var d = outcome.answered() ? disposition : Disposition.NOT_CONNECTED;
            return new PastAttempt(now.minusSeconds(secondsAgo), phone.number(), outcome, d, abandoned && outcome.answered());
        }
    }

    private static List<ContactPolicy> policies() {
        var sundayAfternoons = WeeklyWindows.defaults()
                .withDay(DayOfWeek.SUNDAY, new CallingWindow(LocalTime.of(13, 30), LocalTime.of(21, 0), Duration.ofMinutes(10)))
                .closedOn(DayOfWeek.SATURDAY);
        var nevada = WeeklyWindows.every(new CallingWindow(LocalTime.of(9, 0), LocalTime.of(20, 0), Duration.ofMinutes(10)));
        var regional = ContactRules.defaults().withWindow(sundayAfternoons)
                .withRegions(Map.of("NV", new RegionOverlay(Optional.of(nevada), java.util.OptionalInt.of(2))));
        var holidays = FixedHolidays.of(LocalDate.of(2024, 12, 25), LocalDate.of(2025, 12, 25), LocalDate.of(2026, 12, 25),
                LocalDate.of(2027, 12, 25), LocalDate.of(2028, 12, 25), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2));
        return List.of(
                ContactPolicy.defaults(),
                new ContactPolicy(regional, holidays, a -> Optional.of("NV")),
                ContactPolicy.of(ContactRules.defaults().withPeaks(new PeakRules(PeakWindow.defaults(), true, true))),
                new ContactPolicy(ContactRules.defaults(), holidays, a -> Optional.empty()));
    }
}

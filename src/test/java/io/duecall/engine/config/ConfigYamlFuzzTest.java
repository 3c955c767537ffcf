package io.duecall.engine.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duecall.sipconfig.Secrets;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Configuration files of every shape, grown from a valid one by random edits (values of the wrong kind, keys given
 * twice or dropped, nulls in lists, junk bytes, deep nesting, alias bombs): loading and checking either succeed or
 * fail with one {@link ConfigException}, whose message never holds a secret; nothing else escapes, and heap after
 * GC stays within a fixed bound. The figures are printed at the end.
 */
class ConfigYamlFuzzTest {
    private static final String SECRET = "fuzz-s3cret-token-0123456789";
    private static final Secrets SECRETS = new Secrets(Map.of("OPS", SECRET, "AGENT", SECRET + "-agent", "AMI", SECRET, "PG", SECRET)::get);
    private static final long HEAP_BOUND = 64L * 1024 * 1024;
    private static final List<String> BASE = """
            redis:
              url: redis://10.0.0.8:6379
              keyPrefix: fuzz
              poolSize: 16
            ami:
              host: 10.0.0.5
              secret: env:AMI
              dialTemplate: "PJSIP/{number}@carrier"
            agi:
              bindHost: 0.0.0.0
              port: 4573
              readTimeout: PT60S
              allowFrom: [10.0.0.5, 10.0.1.0/24]
              maxSessions: 500
              headerTimeout: PT10S
            scheduler:
              tickInterval: PT0.5S
              maxOriginatesPerTick: 20
              holidays: [2026-12-25, 2027-01-01]
              holidayZone: America/New_York
              clustered: { jdbcUrl: "jdbc:postgresql://db:5432/duecall", user: duecall, password: env:PG }
            promises:
              sweepAt: "06:00"
              zone: America/New_York
            agents:
              wrapUp: PT20S
              seats:
                - { id: "101", campaigns: [reminders], skills: [es] }
                - { id: "102", campaigns: [reminders, desk] }
            http:
              bindHost: 0.0.0.0
              port: 8080
              tokens:
                - { token: env:OPS, role: OPERATIONS }
                - { token: env:AGENT, role: AGENT, agent: "101" }
            campaigns:
              - id: reminders
                companyName: Northwind Lending
                callbackNumber: "18005550199"
                channelLimit: 30
                opens: "09:00"
                closes: "21:00"
                rules: { maxAttemptsPer7Days: 3, closedDays: [SUNDAY], regions: { NV: { opens: "09:00" } } }
                pacing: { mode: agentless }
              - { id: desk, mode: AGENT, companyName: Acme, callbackNumber: "18005550100", requiredSkills: [es] }
            """.lines().toList();
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger LOADED = new AtomicInteger();
    private static final AtomicInteger VALID = new AtomicInteger();
    private static Path dir;
    private static long heapBefore;

    /** One edit of the base file: at a line, a kind of change, and the text it brings. */
    record Edit(int line, int kind, String text) {}

    @BeforeContainer
    static void prepare() throws IOException {
        dir = Files.createTempDirectory("duecall-config-fuzz-");
        heapBefore = heapAfterGc();
    }

    @AfterContainer
    static void report() throws IOException {
        long grown = heapAfterGc() - heapBefore;
        System.out.printf("configuration YAML fuzz: %d files tried, 0 failures (%d loaded, %d valid, the rest refused"
                + " with a ConfigException naming the problem); heap after GC %+.1f MiB (bound %d MiB)%n", TRIED.get(),
                LOADED.get(), VALID.get(), grown / 1048576.0, HEAP_BOUND / 1048576);
        try (var files = Files.list(dir)) {
            for (var file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
        assertTrue(grown < HEAP_BOUND, "heap after GC grew by " + grown);
    }

    @Example
    void theFileTheEditsStartFromIsValid() throws IOException {
        var file = dir.resolve("base.yaml");
        Files.writeString(file, String.join("\n", BASE));

        var resolved = EngineConfig.load(file).validate(SECRETS);

        assertTrue(resolved.http().tokens().size() == 2 && resolved.campaigns().list().size() == 2);
    }

    @Property(tries = 1000)
    void anyFileLoadsOrIsRefusedWithOneConfigException(@ForAll("files") String yaml) throws IOException {
        TRIED.incrementAndGet();
        var file = dir.resolve("duecall.yaml");
        Files.write(file, yaml.getBytes(StandardCharsets.UTF_8));

        try {
            var config = EngineConfig.load(file);
            LOADED.incrementAndGet();
            config.validate(SECRETS);
            VALID.incrementAndGet();
        } catch (ConfigException e) {
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Provide
    Arbitrary<String> files() {
        return edit().list().ofMinSize(1).ofMaxSize(6).map(ConfigYamlFuzzTest::apply);
    }

    private static Arbitrary<Edit> edit() {
        var line = Arbitraries.integers().between(0, BASE.size() - 1);
        var kind = Arbitraries.frequency(Tuple.of(8, 0), Tuple.of(1, 1), Tuple.of(2, 2), Tuple.of(1, 3), Tuple.of(2, 4),
                Tuple.of(1, 5), Tuple.of(1, 6), Tuple.of(4, 7), Tuple.of(4, 8));
        return Combinators.combine(line, kind, fragment()).as(Edit::new);
    }

    private static Arbitrary<String> fragment() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("0", "-1", "99999999999999999999", "1e309", "NaN", "true", "null", "~", "''",
                        "\"\"", "[]", "{}", "[null]", "[~, ~]", "{ a: b }", "PT-5S", "P999999999D", "25:61",
                        "2026-02-30", "Mars/Base", "env:UNSET", "env:OPS", "file:/nonexistent", "hunter2",
                        "\"env:OPS\"", "0.0.0.0", "::", "127.0.0.1", "999.1.1.1/40", "\"\\u0000\"", "!!binary AAAA",
                        "&a [1, 2]", "*a", "*undefined", "!!java.lang.Runtime []", "\"${jndi:ldap://x/a}\"")),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(80)),
                Tuple.of(1, Arbitraries.integers().between(1, 400).map(d -> "[".repeat(d) + "]".repeat(d))),
                Tuple.of(1, Arbitraries.just(aliasBomb())),
                Tuple.of(1, Arbitraries.integers().between(1, 100_000).map("x"::repeat)));
    }

    /**
     * The kinds: replace the value, replace the line, insert a line, delete, duplicate, indent oddly, append text, add
     * an item to the nearest block list, and put an item into a flow list ({@code [a, b]}) on the line.
     */
    private static String apply(List<Edit> edits) {
        var lines = new ArrayList<>(BASE);
        for (var edit : edits) {
            int at = Math.min(edit.line(), lines.size() - 1);
            if (at < 0) {
                lines.add(edit.text());
                continue;
            }
            var line = lines.get(at);
            switch (edit.kind()) {
                case 0 -> {
                    int colon = line.indexOf(':');
                    lines.set(at, colon < 0 ? line + " " + edit.text() : line.substring(0, colon + 1) + " " + edit.text());
                }
                case 1 -> lines.set(at, edit.text());
                case 2 -> lines.add(at, line.replaceAll("\\S.*", "") + "fuzzKey: " + edit.text());
                case 3 -> lines.remove(at);
                case 4 -> lines.add(at, line);
                case 5 -> lines.set(at, "  ".repeat(edit.text().length() % 5) + line.strip());
                case 7 -> {
                    int item = at;
                    while (item > 0 && !lines.get(item).strip().startsWith("- ")) {
                        item--;
                    }
                    var indent = lines.get(item).replaceAll("-.*", "");
                    lines.add(item, indent + "- " + (edit.text().length() % 3 == 0 ? "null" : edit.text()));
                }
                case 8 -> lines.set(at, line.replaceFirst("\\[", "[" + (edit.text().length() % 2 == 0 ? "null, " : edit.text() + ", ")));
                default -> lines.set(at, line + edit.text());
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static String aliasBomb() {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            var previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
        }
        return bomb.toString();
    }

    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

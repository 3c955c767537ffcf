package io.duecall.sim.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyBenchmarkTest {
    @TempDir
    Path out;

    @Test
    void everyStrategyRunsTheSamePortfolioWithinTheRulesAndIsReported() throws Exception {
        var options = new StrategyBenchmark.Options(7, 1, 80, 5, 10, out);
        var progress = new ByteArrayOutputStream();

        var runs = StrategyBenchmark.run(options, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertEquals(List.of(Strategy.values()), List.copyOf(runs.keySet()));
        for (var list : runs.values()) {
            var run = list.getFirst();
            assertEquals(0, run.violations(), run.toString());
            assertTrue(run.dials() > 80 && run.rightParty() > 0 && run.rightParty() <= run.personAnswers()
                    && run.personAnswers() <= run.dials(), run.toString());
            assertTrue(run.reachedIn7Days() > 0 && run.reachedIn7Days() <= 1, run.toString());
        }
        var rows = StrategyReport.rows(runs);
        StrategyReport.writeCsv(rows, out.resolve("s.csv"));
        StrategyReport.writePlot(rows, out.resolve("s.png"));
        var csv = Files.readAllLines(out.resolve("s.csv"));
        assertEquals(1 + Strategy.values().length, csv.size());
        assertTrue(csv.get(1).startsWith("first_permitted,1,"), csv.get(1));
        assertTrue(Files.size(out.resolve("s.png")) > 1000);
        var table = new ByteArrayOutputStream();
        StrategyReport.print(rows, new PrintStream(table, true, StandardCharsets.UTF_8));
        assertTrue(table.toString(StandardCharsets.UTF_8).contains("Learned best time:"), table.toString());
        assertTrue(table.toString(StandardCharsets.UTF_8).contains("Known shapes ("), table.toString());
    }

    @Test
    void optionsOutsideTheirRangeAreRefusedNamingThem() {
        var e = assertThrows(IllegalArgumentException.class, () -> StrategyBenchmark.parse(new String[] {"--days", "3"}));
        assertTrue(e.getMessage().contains("--days 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StrategyBenchmark.parse(new String[] {"--speed", "3"}));
        assertEquals("unknown option --speed (expected --days, --seeds, --accounts or --out)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StrategyBenchmark.parse(new String[] {"--seeds"}));
        assertEquals("--seeds: missing its value", e.getMessage());
    }
}

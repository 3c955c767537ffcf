package io.duecall.sim.strategy;

import io.duecall.adapter.csv.CsvFiles;
import io.duecall.sim.PlotCanvas;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** The strategy benchmark's table, CSV file and plot of right-party contacts per dial. */
final class StrategyReport {
    /** One strategy's figures over the seeds. */
    record Row(Strategy strategy, int seeds, Interval rightPartyPerDial, Interval reachedIn7Days,
            Interval promisesPer1000Dials, Interval attemptsPerRightParty, Interval abandonRate, Interval dials,
            long violations) {}

    private StrategyReport() {}

    static List<Row> rows(Map<Strategy, List<StrategyRun>> runs) {
        var rows = new ArrayList<Row>();
        runs.forEach((strategy, list) -> rows.add(new Row(strategy, list.size(),
                Interval.of(list, StrategyRun::rightPartyPerDial), Interval.of(list, StrategyRun::reachedIn7Days),
                Interval.of(list, StrategyRun::promisesPer1000Dials), Interval.of(list, StrategyRun::attemptsPerRightParty),
                Interval.of(list, StrategyRun::abandonRate), Interval.of(list, StrategyRun::dials),
                list.stream().mapToLong(StrategyRun::violations).sum())));
        return rows;
    }

    static void print(List<Row> rows, PrintStream out) {
        out.printf(Locale.ROOT, "%-24s %17s %17s %17s %15s %11s %8s %10s%n", "strategy", "RPC per dial %",
                "reached in 7 d %", "promises/1000", "dials per RPC", "abandon %", "dials", "violations");
        Row peaks = rows.stream().filter(r -> r.strategy() == Strategy.FIXED_PEAKS).findFirst().orElse(null);
        Row oracle = rows.stream().filter(r -> r.strategy() == Strategy.ORACLE).findFirst().orElse(null);
        for (var r : rows) {
            out.printf(Locale.ROOT, "%-24s %8.2f ± %5.2f %8.1f ± %5.1f %8.1f ± %5.1f %7.2f ± %4.2f %5.2f ± %3.2f %8.0f %10d%n",
                    r.strategy().label(), 100 * r.rightPartyPerDial().mean(), 100 * r.rightPartyPerDial().half(),
                    100 * r.reachedIn7Days().mean(), 100 * r.reachedIn7Days().half(), r.promisesPer1000Dials().mean(),
                    r.promisesPer1000Dials().half(), r.attemptsPerRightParty().mean(), r.attemptsPerRightParty().half(),
                    100 * r.abandonRate().mean(), 100 * r.abandonRate().half(), r.dials().mean(), r.violations());
        }
        if (peaks != null && oracle != null) {
            for (var r : rows) {
                if (r.strategy() == Strategy.LEARNED) {
                    out.printf(Locale.ROOT, "%nLearned best time: %.2fx the fixed peaks' right-party contacts per dial"
                            + " (target 1.3x), %.0f%% of the oracle's (target 90%%); reached within 7 days %.1f%% against"
                            + " the fixed peaks' %.1f%% (target: at least as many)%n",
                            r.rightPartyPerDial().mean() / peaks.rightPartyPerDial().mean(),
                            100 * r.rightPartyPerDial().mean() / oracle.rightPartyPerDial().mean(),
                            100 * r.reachedIn7Days().mean(), 100 * peaks.reachedIn7Days().mean());
                }
                if (r.strategy() == Strategy.SHAPES) {
                    out.printf(Locale.ROOT, "Known shapes (the kinds' true habits, each account's kind inferred from its"
                            + " calls): %.2fx the fixed peaks', %.0f%% of the oracle's%n",
                            r.rightPartyPerDial().mean() / peaks.rightPartyPerDial().mean(),
                            100 * r.rightPartyPerDial().mean() / oracle.rightPartyPerDial().mean());
                }
            }
        }
    }

    static void writeCsv(List<Row> rows, Path file) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("strategy,seeds,rpc_per_dial,rpc_per_dial_ci95,reached_in_7_days,reached_in_7_days_ci95,"
                + "promises_per_1000_dials,promises_per_1000_dials_ci95,dials_per_rpc,dials_per_rpc_ci95,abandon,"
                + "abandon_ci95,dials,violations");
        for (var r : rows) {
            lines.add(String.format(Locale.ROOT, "%s,%d,%.5f,%.5f,%.5f,%.5f,%.3f,%.3f,%.4f,%.4f,%.5f,%.5f,%.1f,%d",
                    r.strategy().name().toLowerCase(Locale.ROOT), r.seeds(), r.rightPartyPerDial().mean(),
                    r.rightPartyPerDial().half(), r.reachedIn7Days().mean(), r.reachedIn7Days().half(),
                    r.promisesPer1000Dials().mean(), r.promisesPer1000Dials().half(), r.attemptsPerRightParty().mean(),
                    r.attemptsPerRightParty().half(), r.abandonRate().mean(), r.abandonRate().half(),
                    r.dials().mean(), r.violations()));
        }
        CsvFiles.writeLinesAtomically(file, lines);
    }

    /** Right-party contacts per dial (bars) and accounts reached within 7 days (dots), with 95% intervals. */
    static void writePlot(List<Row> rows, Path file) throws IOException {
        int w = 900;
        int h = 520;
        int m = 70;
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = PlotCanvas.blank(image);
        int top = m / 2;
        int bottom = h - m;
        g.drawRect(m, top, w - 2 * m, bottom - top);
        double max = 1.0;
        for (int i = 0; i <= 10; i++) {
            int y = bottom - (bottom - top) * i / 10;
            g.drawString(String.format(Locale.ROOT, "%.0f%%", 100 * max * i / 10), m - 40, y + 4);
        }
        g.drawString("bars: right-party contacts per dial; dots: accounts reached within 7 days (95% intervals)", m, h - 15);
        int slot = (w - 2 * m) / Math.max(1, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            int x = m + slot * i + slot / 4;
            int barW = slot / 2;
            g.setColor(new Color(70, 110, 180));
            int y = y(r.rightPartyPerDial().mean(), max, top, bottom);
            g.fillRect(x, y, barW, bottom - y);
            g.setColor(Color.BLACK);
            whisker(g, x + barW / 2, r.rightPartyPerDial(), max, top, bottom);
            g.setColor(new Color(200, 80, 40));
            int dy = y(r.reachedIn7Days().mean(), max, top, bottom);
            g.fillOval(x + barW / 2 + 7, dy - 5, 10, 10);
            whisker(g, x + barW / 2 + 12, r.reachedIn7Days(), max, top, bottom);
            g.setColor(Color.BLACK);
            g.drawString(r.strategy().label(), x - 10, bottom + 18);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void whisker(Graphics2D g, int x, Interval v, double max, int top, int bottom) {
        int hi = y(v.mean() + v.half(), max, top, bottom);
        int lo = y(v.mean() - v.half(), max, top, bottom);
        g.drawLine(x, hi, x, lo);
        g.drawLine(x - 4, hi, x + 4, hi);
        g.drawLine(x - 4, lo, x + 4, lo);
    }

    private static int y(double value, double max, int top, int bottom) {
        return bottom - (int) ((bottom - top) * Math.max(0, Math.min(max, value)) / max);
    }
}

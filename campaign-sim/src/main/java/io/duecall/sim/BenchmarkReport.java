package io.duecall.sim;

import io.duecall.adapter.csv.CsvFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The benchmark's table line, CSV file and occupancy-versus-abandonment plot. */
final class BenchmarkReport {
    private static final Color[] COLOURS = {Color.GRAY, Color.ORANGE, Color.MAGENTA, Color.RED, Color.BLUE,
        Color.GREEN.darker(), Color.BLACK};

    private BenchmarkReport() {}

    static String header() {
        return String.format(Locale.ROOT, "%4s %5s %5s  %-24s %15s %15s %8s %8s %6s", "N", "live", "talk", "pacer",
                "occupancy %", "abandon %", "worst %", "idle/ct", "gap %");
    }

    static String line(BenchmarkRow r) {
        return String.format(Locale.ROOT, "%4d %5.2f %5.0f  %-24s %7.2f ± %5.2f %7.2f ± %5.2f %8.2f %8.1f %6.1f",
                r.agents(), r.live(), r.talk(), r.pacer(), 100 * r.occupancy().mean(), 100 * r.occupancy().half(),
                100 * r.abandon().mean(), 100 * r.abandon().half(), 100 * r.worstDayAbandon(),
                r.idlePerContact().mean(), 100 * r.gapClosed());
    }

    static void writeCsv(List<BenchmarkRow> rows, Path file) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("agents,live,talk,pacer,occupancy,occupancy_ci95,abandon,abandon_ci95,worst_day_abandon,"
                + "idle_per_contact,contacts_per_agent_hour,mean_lines,peak_lines,gap_closed");
        for (var r : rows) {
            lines.add(String.format(Locale.ROOT, "%d,%.2f,%.0f,\"%s\",%.5f,%.5f,%.5f,%.5f,%.5f,%.3f,%.3f,%.3f,%d,%.4f",
                    r.agents(), r.live(), r.talk(), CsvFiles.neutralize(r.pacer()).replace("\"", "\"\""), r.occupancy().mean(), r.occupancy().half(),
                    r.abandon().mean(), r.abandon().half(), r.worstDayAbandon(), r.idlePerContact().mean(),
                    r.contactsPerAgentHour().mean(), r.meanLines().mean(), r.peakLines(), r.gapClosed()));
        }
        CsvFiles.writeLinesAtomically(file, lines);
    }

    /** Occupancy (y) against abandon rate (x), one colour per pacer, the 3% limit as a dashed line. */
    static void writePlot(List<BenchmarkRow> rows, Path file) throws IOException {
        int w = 900;
        int h = 600;
        int m = 70;
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = PlotCanvas.blank(image);
        g.drawRect(m, m / 2, w - 2 * m, h - m - m / 2);
        double maxX = 0.10;
        for (int i = 0; i <= 10; i++) {
            int x = m + (w - 2 * m) * i / 10;
            g.drawString(String.format(Locale.ROOT, "%.0f%%", 100 * maxX * i / 10), x - 10, h - m + 18);
            int y = h - m - (h - m - m / 2) * i / 10;
            g.drawString(String.format(Locale.ROOT, "%.0f%%", 10.0 * i), m - 40, y + 4);
        }
        g.drawString("abandoned calls (% of live answers)", w / 2 - 100, h - 20);
        g.drawString("agent occupancy", 5, m / 2 - 10);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 6}, 0));
        int limitX = m + (int) ((w - 2 * m) * 0.03 / maxX);
        g.drawLine(limitX, m / 2, limitX, h - m);
        g.setStroke(new BasicStroke(1));
        var names = rows.stream().map(r -> r.pacer().startsWith("fixed ") && !r.pacer().equals("fixed 1/p")
                ? "fixed (hindsight)" : r.pacer()).distinct().toList();
        for (var r : rows) {
            String name = r.pacer().startsWith("fixed ") && !r.pacer().equals("fixed 1/p") ? "fixed (hindsight)" : r.pacer();
            g.setColor(COLOURS[names.indexOf(name) % COLOURS.length]);
            int x = m + (int) ((w - 2 * m) * Math.min(maxX, r.abandon().mean()) / maxX);
            int y = h - m - (int) ((h - m - m / 2) * r.occupancy().mean());
            g.fillOval(x - 4, y - 4, 8, 8);
        }
        for (int i = 0; i < names.size(); i++) {
            g.setColor(COLOURS[i % COLOURS.length]);
            g.fillOval(w - m - 150, m + 20 * i, 8, 8);
            g.drawString(names.get(i), w - m - 135, m + 20 * i + 9);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}

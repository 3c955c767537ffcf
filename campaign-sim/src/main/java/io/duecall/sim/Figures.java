package io.duecall.sim;

/** Running totals of one simulated day, turned into a {@link DayResult} at the end. */
final class Figures {
    long live;
    long abandons;
    long contacts;
    long dials;
    long skipped;
    long originatesWithNoAgent;
    long originatesOutsideWindow;
    private final double shift;
    private final long[] liveByHour;
    private final long[] abandonsByHour;
    private final int[] originatesBySecond;
    private double talkTime;
    private double wrapTime;
    private double linesArea;
    private double lastT;
    private int lastLines;
    private int peakLines;
    private int peakLinesPerAgent100;
    private double liveRingSum;
    private double failedHoldSum;
    private long failed;

    Figures(SimConfig c) {
        shift = c.shiftSeconds();
        int hours = (int) Math.ceil(shift / 3600) + 1;
        liveByHour = new long[hours];
        abandonsByHour = new long[hours];
        originatesBySecond = new int[(int) Math.ceil(shift) + 1];
    }

    void lines(double now, int lines) {
        double t = Math.min(now, shift);
        if (t > lastT) {
            linesArea += lastLines * (t - lastT);
            lastT = t;
        }
        lastLines = lines;
    }

    void originated(double now, int linesNow, int loggedIn) {
        dials++;
        originatesBySecond[(int) now]++;
        peakLines = Math.max(peakLines, linesNow);
        peakLinesPerAgent100 = Math.max(peakLinesPerAgent100, (int) Math.ceil(100.0 * linesNow / loggedIn));
        lastLines = linesNow;
    }

    void live(double now, double ring) {
        live++;
        liveByHour[hour(now)]++;
        liveRingSum += ring;
    }

    void failed(double hold) {
        failed++;
        failedHoldSum += hold;
    }

    void abandoned(double answeredAt) {
        abandons++;
        abandonsByHour[hour(answeredAt)]++;
    }

    void contact(double waited) {
        contacts++;
    }

    void busy(double from, double to, boolean talking) {
        double span = Math.max(0, Math.min(to, shift) - Math.min(from, shift));
        if (talking) {
            talkTime += span;
        } else {
            wrapTime += span;
        }
    }

    private int hour(double t) {
        return Math.min(liveByHour.length - 1, (int) (t / 3600));
    }

    DayResult result(SimConfig c, long accounts) {
        double loggedIn = c.agents() * (shift - c.breakSeconds());
        double busy = talkTime + wrapTime;
        double worst = 0;
        for (int h = 0; h < liveByHour.length; h++) {
            if (liveByHour[h] > 0) {
                worst = Math.max(worst, (double) abandonsByHour[h] / liveByHour[h]);
            }
        }
        int peakRate = 0;
        for (int n : originatesBySecond) {
            peakRate = Math.max(peakRate, n);
        }
        double agentHours = loggedIn / 3600;
        return new DayResult(dials, live, abandons, contacts, skipped, loggedIn == 0 ? 0 : busy / loggedIn,
                loggedIn == 0 ? 0 : talkTime / loggedIn, live == 0 ? 0 : (double) abandons / live, worst,
                contacts == 0 ? 0 : (loggedIn - busy) / contacts, agentHours == 0 ? 0 : contacts / agentHours,
                agentHours == 0 ? 0 : dials / agentHours, linesArea / shift, peakLines, dials / shift, peakRate,
                live == 0 ? 0 : liveRingSum / live, failed == 0 ? 0 : failedHoldSum / failed, peakLinesPerAgent100,
                originatesWithNoAgent, originatesOutsideWindow);
    }
}

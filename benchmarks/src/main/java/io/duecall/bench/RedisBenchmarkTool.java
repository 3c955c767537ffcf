package io.duecall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code redis-benchmark} (from PATH) against the benchmark's own Redis: ZADD then ZPOPMIN over a million
 * random members, 50 connections, no pipelining. ZPOPMIN is the least work Redis can do to hand out the head of an
 * ordered queue, so half its rate is a fair bar for a claim, which also leases, tokens and reads the account.
 */
final class RedisBenchmarkTool {
    static final int REQUESTS = 200_000;
    static final int CLIENTS = 50;

    /** Requests per second of each command, NaN when redis-benchmark could not be run. */
    record Rates(double zadd, double zpopmin, String note) {
        static final Rates NOT_RUN = new Rates(Double.NaN, Double.NaN, "not run");
    }

    private RedisBenchmarkTool() {}

    static Rates run(int port) {
        var command = new String[] {"redis-benchmark", "-h", "127.0.0.1", "-p", Integer.toString(port),
            "-n", Integer.toString(REQUESTS), "-c", Integer.toString(CLIENTS), "-r", "1000000", "-t", "zadd,zpopmin",
            "--csv"};
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                return new Rates(Double.NaN, Double.NaN, "redis-benchmark failed: " + output.strip());
            }
            return new Rates(rate(output, "ZADD"), rate(output, "ZPOPMIN"), String.join(" ", command));
        } catch (IOException e) {
            return new Rates(Double.NaN, Double.NaN, "redis-benchmark not runnable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Rates(Double.NaN, Double.NaN, "interrupted");
        }
    }

    /** The rps column of the CSV line {@code "ZPOPMIN","81234.56",...}. */
    private static double rate(String csv, String test) {
        for (var line : csv.split("\r?\n")) {
            var cells = line.split(",");
            if (cells.length > 1 && cells[0].replace("\"", "").equals(test)) {
                return Double.parseDouble(cells[1].replace("\"", ""));
            }
        }
        return Double.NaN;
    }
}

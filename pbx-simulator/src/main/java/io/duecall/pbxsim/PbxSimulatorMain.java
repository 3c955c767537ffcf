package io.duecall.pbxsim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone until killed: {@code --ami-port 5038 --agi agi://127.0.0.1:4573/reminder
 * --time-scale 1.0 --seed 42 --population file.yaml --sounds DIR}; every option is optional. With {@code --sounds},
 * only the sound files under DIR exist (as {@code prompts generate --out DIR} lays them out), otherwise every file.
 */
public final class PbxSimulatorMain {
    private PbxSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config;
        Path sounds = null;
        try {
            var rest = new java.util.ArrayList<>(java.util.List.of(args));
            var at = rest.indexOf("--sounds");
            if (at >= 0) {
                if (at + 1 >= rest.size()) {
                    throw new IllegalArgumentException("--sounds: missing value");
                }
                sounds = Path.of(rest.remove(at + 1));
                rest.remove(at);
                if (!Files.isDirectory(sounds)) {
                    throw new IllegalArgumentException("--sounds: " + sounds + " is not a directory");
                }
            }
            config = parse(rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("pbx-simulator: " + e.getMessage());
            System.err.println("usage: PbxSimulatorMain [--ami-port N] [--agi agi://host:port/script] "
                    + "[--time-scale X] [--seed N] [--population file.yaml] [--sounds DIR]");
            System.exit(2);
            return;
        }
        var sim = PbxSimulator.start(config);
        if (sounds != null) {
            sim.soundsFrom(sounds);
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }));
        System.out.println("pbx-simulator: AMI on " + config.bindHost() + ":" + sim.amiPort() + ", AGI "
                + config.agiByContext());
        stopped.await();
    }

    static SimulatorConfig parse(String[] args) {
        var agi = URI.create("agi://127.0.0.1:4573/reminder");
        Integer port = null;
        Double scale = null;
        Long seed = null;
        Population population = null;
        for (var i = 0; i < args.length; i++) {
            var name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + ": missing value");
            }
            var value = args[++i];
            try {
                switch (name) {
                    case "--ami-port" -> port = Integer.parseInt(value);
                    case "--agi" -> agi = URI.create(value);
                    case "--time-scale" -> scale = Double.parseDouble(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--population" -> population = readPopulation(Path.of(value));
                    default -> throw new IllegalArgumentException(name + ": unknown option");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": '" + value + "' is not a number", e);
            }
        }
        var config = SimulatorConfig.defaults(agi);
        config = port == null ? config : config.withAmiPort(port);
        config = scale == null ? config : config.withTimeScale(scale);
        config = seed == null ? config : config.withSeed(seed);
        return population == null ? config : config.withPopulation(population);
    }

    private static Population readPopulation(Path file) {
        try (var in = Files.newInputStream(file)) {
            return Population.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("--population: cannot read " + file, e);
        } catch (InvalidPopulationException e) {
            throw new IllegalArgumentException("--population " + file + ": " + e.getMessage(), e);
        }
    }
}

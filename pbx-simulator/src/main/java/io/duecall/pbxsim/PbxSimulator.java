package io.duecall.pbxsim;

import io.duecall.pbxsim.ami.AmiConnections;
import io.duecall.pbxsim.ami.AmiCredentials;
import io.duecall.pbxsim.ami.AmiServerInitializer;
import io.duecall.pbxsim.ami.SystemFunctions;
import io.duecall.pbxsim.agi.SoundFiles;
import io.duecall.pbxsim.call.AgiRunner;
import io.duecall.pbxsim.call.CallEngine;
import io.duecall.pbxsim.call.StatsCounters;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * The embedded stand-in for Asterisk 22: an AMI server on {@code bindHost:amiPort} whose Originate actions become
 * simulated calls, answered ones running a FastAGI session against the dialer as the debtor would.
 */
public final class PbxSimulator implements AutoCloseable {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel server;
    private final CallEngine engine;
    private final StatsCounters stats;
    private final AmiConnections connections;
    private final SystemFunctions functions;
    private final SoundFiles sounds;

    private PbxSimulator(EventLoopGroup boss, EventLoopGroup workers, Channel server, CallEngine engine,
                         StatsCounters stats, AmiConnections connections, SystemFunctions functions,
                         SoundFiles sounds) {
        this.connections = connections;
        this.sounds = sounds;
        this.functions = functions;
        this.boss = boss;
        this.workers = workers;
        this.server = server;
        this.engine = engine;
        this.stats = stats;
    }

    /** Starts the simulator with the FastAGI caller as the debtor on answered calls. */
    public static PbxSimulator start(SimulatorConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(SimulatorConfig)}, stamping events and the call log with {@code clock}. */
    public static PbxSimulator start(SimulatorConfig config, Clock clock) {
        var sounds = SoundFiles.all();
        return start(config, new FastAgiRunner(sounds), clock, sounds);
    }

    /** Starts the simulator with the given AGI runner (tests supply their own caller). */
    public static PbxSimulator start(SimulatorConfig config, AgiRunner agi) {
        return start(config, agi, Clock.systemUTC());
    }

    /**
     * As above, stamping events and the call log with {@code clock} (a test's virtual clock); the simulated waits
     * still run in real time, scaled by the configuration's time scale.
     */
    public static PbxSimulator start(SimulatorConfig config, AgiRunner agi, Clock clock) {
        return start(config, agi, clock, SoundFiles.all());
    }

    private static PbxSimulator start(SimulatorConfig config, AgiRunner agi, Clock clock, SoundFiles sounds) {
        var stats = new StatsCounters();
        var connections = new AmiConnections();
        var functions = new SystemFunctions();
        var engine = new CallEngine(config, connections, agi, stats, clock, functions::loaded);
        var boss = new NioEventLoopGroup(1);
        var workers = new NioEventLoopGroup(2);
        try {
            var server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new AmiServerInitializer(new AmiCredentials(config.amiUsername(),
                            config.amiSecret()), connections, engine, clock, functions, config.latency().action()))
                    .bind(config.bindHost(), config.amiPort()).syncUninterruptibly().channel();
            return new PbxSimulator(boss, workers, server, engine, stats, connections, functions, sounds);
        } catch (RuntimeException e) {
            engine.close();
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            throw new IllegalStateException("cannot bind AMI on " + config.bindHost() + ":" + config.amiPort(), e);
        }
    }

    public int amiPort() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public SimulatorStats stats() {
        return stats.snapshot();
    }

    /**
     * The calls (by their CALL_ID) whose simulated caller keyed a promise and heard what became of it: true for
     * "your promise is recorded", false for "it could not be recorded". Read once their FastAGI session is over.
     */
    public java.util.Map<String, Boolean> promisesTold() {
        return engine.promisesTold();
    }

    /** Every call placed so far, ended or still up, as the PBX saw it. */
    public java.util.List<PlacedCall> placedCalls() {
        return engine.placedCalls();
    }

    /**
     * Cuts the manager interface off while calls go on: every AMI connection is closed and new ones are closed at
     * once until {@link #restoreAmi()}. Events of the meantime reach nobody, as on a real network outage.
     */
    public void cutAmi() {
        connections.refuseAndCloseAll();
    }

    /** Accepts AMI connections again after {@link #cutAmi()}. */
    public void restoreAmi() {
        connections.accept();
    }

    /** Unloads a module, so {@code IFMODULE(module)} reads 0 (as after {@code module unload} on Asterisk). */
    public void unloadModule(String module) {
        functions.unload(module);
    }

    /** Sets what {@code DEVICE_STATE(device)} reads, such as {@code UNAVAILABLE} for an unregistered phone. */
    public void deviceState(String device, String state) {
        functions.deviceState(device, state);
    }

    /**
     * The sound file {@code name} (such as {@code duecall/greeting-morning}) is gone: {@code STREAM FILE} of it gets
     * Asterisk's reply for a file it cannot open. Only calls running the built-in FastAGI caller see it.
     */
    public void removeSound(String name) {
        sounds.remove(name);
    }

    /** From now on only the sound files under {@code dir} exist (laid out as Asterisk's sounds directory). */
    public void soundsFrom(java.nio.file.Path dir) {
        sounds.folder(dir);
    }

    /** The far end of the call with this CALL_ID hangs up; false if no such call is up. */
    public boolean hangUpFromFarEnd(String callId) {
        return engine.hangUpFromFarEnd(callId);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        engine.close();
        workers.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}

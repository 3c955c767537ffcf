package io.duecall.web.http;

import io.duecall.web.OpsParts;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations HTTP server (Netty): the JSON API, the dashboard and agent desk pages, server-sent events,
 * health and metrics. A publisher thread samples the figures once a second and pushes them to listeners.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(2);
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "ops-web-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private final OpsWeb web;
    private final Channel channel;

    private OpsServer(OpsWeb web) throws InterruptedException {
        this.web = web;
        var config = web.config();
        int pending = config.limits().maxPendingEventBytes();
        channel = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(pending / 2, pending))
                .childHandler(new OpsInitializer(web))
                .bind(config.bindHost(), config.port()).sync().channel();
        publisher.scheduleWithFixedDelay(() -> {
            try {
                web.events().publish();
            } catch (RuntimeException e) {
                LOG.warn("live figures could not be published: {}", e.getMessage());
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    /** Binds the server; port 0 picks a free one (see {@link #port()}). */
    public static OpsServer start(OpsWebConfig config, OpsParts parts) {
        try {
            return new OpsServer(OpsWeb.assemble(config, parts));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("http server start interrupted", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("http server could not listen on " + config.bindHost() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The server's parts, for tests that drive the event stream or read the figures directly. */
    public OpsWeb web() {
        return web;
    }

    @Override
    public void close() {
        publisher.shutdownNow();
        channel.close().syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

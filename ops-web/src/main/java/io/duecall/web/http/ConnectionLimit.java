package io.duecall.web.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the connections open at once, for the whole server and per client address. A connection over either cap is
 * answered 503 naming the key and closed before any of its bytes are read. Shared by every connection of a server.
 */
@ChannelHandler.Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);
    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("duecall.connection.counted");
    private final int maxConnections;
    private final int maxPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    /** Logs the first refusal of a burst only, so that an attack does not fill the log. */
    private final AtomicBoolean refusing = new AtomicBoolean();

    ConnectionLimit(int maxConnections, int maxPerAddress) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        var address = ctx.channel().remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
        var refusal = admit(address);
        if (refusal != null) {
            if (refusing.compareAndSet(false, true)) {
                LOG.warn("http: refusing connections: {}", refusal);
            }
            ctx.channel().config().setAutoRead(false);
            Responses.send(ctx.channel(), Responses.error(503, refusal), /* keepAlive= */ false);
            return;
        }
        refusing.set(false);
        ctx.channel().attr(COUNTED).set(address);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ctx.channel().hasAttr(COUNTED)) {
            var address = ctx.channel().attr(COUNTED).getAndSet(null);
            open.decrementAndGet();
            if (address != null) {
                perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
            }
            ctx.fireChannelInactive();
        }
    }

    /** Counts the connection in, or says why not. */
    private String admit(InetAddress address) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return maxConnections + " connections are open, the most the server takes (http.maxConnections)";
        }
        if (address == null) {
            return null;
        }
        var refused = new boolean[1];
        perAddress.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            refused[0] = count >= maxPerAddress;
            return refused[0] ? n : count + 1;
        });
        if (refused[0]) {
            open.decrementAndGet();
            return maxPerAddress + " connections are open from this address, the most it may have "
                    + "(http.maxConnectionsPerAddress)";
        }
        return null;
    }

    int open() {
        return open.get();
    }
}

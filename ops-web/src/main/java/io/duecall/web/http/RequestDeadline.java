package io.duecall.web.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Times each request from its first byte: a request not read whole (line, headers and body) within
 * {@code http.requestTimeout} is answered 408 and its connection closed, however slowly its bytes trickle in. Also
 * acts on the idle timer placed before it: a connection silent for {@code http.idleTimeout} is closed, with a 408 if
 * it was mid-request. Sits before the HTTP codec, so it sees a request's bytes before they make a message.
 */
final class RequestDeadline extends ChannelDuplexHandler {
    private final Duration timeout;
    private final Duration idleTimeout;
    private ScheduledFuture<?> deadline;
    private boolean reading;

    RequestDeadline(Duration timeout, Duration idleTimeout) {
        this.timeout = timeout;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!reading && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            reading = true;
            deadline = ctx.executor().schedule(() -> expire(ctx, "a request must arrive whole within " + timeout
                    + " (http.requestTimeout)"), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** The request has been read whole (or refused); the next byte starts the next request's time. */
    void requestRead() {
        reading = false;
        if (deadline != null) {
            deadline.cancel(/* mayInterruptIfRunning= */ false);
            deadline = null;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            if (reading) {
                expire(ctx, "nothing arrived for " + idleTimeout + " in the middle of a request (http.idleTimeout)");
            } else {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    private void expire(ChannelHandlerContext ctx, String why) {
        requestRead();
        ctx.channel().config().setAutoRead(false);
        Responses.send(ctx.channel(), Responses.error(408, why), /* keepAlive= */ false);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        requestRead();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        requestRead();
        ctx.fireChannelInactive();
    }
}

package io.duecall.web;

import io.duecall.domain.agent.ScreenPop;
import io.duecall.domain.agent.AgentId;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-sent events: operations staff receive the live figures every second; an agent receives their own state and
 * current call every second and at once when a call is bridged to them.
 */
final class EventStream {
    private final Map<Channel, Principal> listeners = new ConcurrentHashMap<>();
    private final LiveFigures figures;
    private final OpsService service;

    EventStream(LiveFigures figures, OpsService service) {
        this.figures = figures;
        this.service = service;
    }

    void open(ChannelHandlerContext ctx, Principal principal) {
        var response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        HttpUtil.setTransferEncodingChunked(response, true);
        ctx.writeAndFlush(response);
        var channel = ctx.channel();
        listeners.put(channel, principal);
        channel.closeFuture().addListener(f -> listeners.remove(channel));
        if (principal.role() == Principal.Role.AGENT) {
            send(channel, "agent", agentView(principal.agent()));
        }
    }

    /** Sends every listener its update; called once a second by the server's publisher. */
    void publish() {
        if (listeners.isEmpty()) {
            figures.sample();
            return;
        }
        var snapshot = figures.sample();
        listeners.forEach((channel, principal) -> {
            if (principal.role() == Principal.Role.OPERATIONS) {
                send(channel, "figures", snapshot);
            } else {
                send(channel, "agent", agentView(principal.agent()));
            }
        });
    }

    void screenPop(ScreenPop pop) {
        listeners.forEach((channel, principal) -> {
            if (pop.agent().equals(principal.agent())) {
                send(channel, "agent", agentView(pop.agent()));
            }
        });
    }

    int listening() {
        return listeners.size();
    }

    private Map<String, Object> agentView(AgentId agent) {
        var who = Principal.agent(agent);
        var view = new LinkedHashMap<String, Object>();
        view.put("status", AgentRoutes.status(service.status(agent)));
        var pop = service.currentCall(who, agent.value());
        view.put("call", pop == null ? null : AgentRoutes.view(pop));
        view.put("history", service.history(who, agent.value()).stream().limit(20).map(AgentRoutes::record).toList());
        return view;
    }

    private static void send(Channel channel, String event, Object data) {
        if (!channel.isActive()) {
            return;
        }
        var text = "event: " + event + "\ndata: " + new String(Json.write(data), StandardCharsets.UTF_8) + "\n\n";
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
    }
}

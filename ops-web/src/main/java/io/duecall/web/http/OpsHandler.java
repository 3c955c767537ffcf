package io.duecall.web.http;

import io.duecall.app.AgentDesk;
import io.duecall.web.AccountImports;
import io.duecall.web.ApiException;
import io.duecall.web.CampaignEditor;
import io.duecall.web.ImportProblems;
import io.duecall.web.routes.ApiRequest;
import io.duecall.web.routes.ApiResponse;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an admitted request: runs its route, or opens the event stream, and turns refusals into JSON errors with a
 * 4xx status. An unexpected failure is a 500 that names an incident id, and only the log has the details. Logs
 * neither tokens nor request bodies.
 */
final class OpsHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(OpsHandler.class);
    private final OpsWeb web;

    OpsHandler(OpsWeb web) {
        this.web = web;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        var admission = ctx.channel().attr(RequestGate.ADMISSION).getAndSet(null);
        var keepAlive = HttpUtil.isKeepAlive(request);
        ApiResponse response;
        try {
            // A body whose chunks Netty could not decode reaches here with the failure in its decoder result.
            RequestGate.undecodable(request);
            if (admission.route().opensEventStream() && !request.method().equals(HttpMethod.HEAD)) {
                openEventStream(ctx, admission);
                return;
            }
            if (admission.route().opensEventStream()) {
                Responses.send(ctx.channel(), Responses.eventStreamHeadOnly(), keepAlive);
                return;
            }
            var api = new ApiRequest(request.method().name(), admission.parameters(), admission.query(),
                    request.content().toString(StandardCharsets.UTF_8),
                    request.headers().get(HttpHeaderNames.CONTENT_TYPE), admission.principal());
            response = admission.route().handler().handle(api);
        } catch (ApiException e) {
            response = ApiResponse.error(e.status(), e.getMessage());
            keepAlive &= request.decoderResult().isSuccess();
        } catch (AgentDesk.NotYourCallException e) {
            response = ApiResponse.error(403, e.getMessage());
        } catch (CampaignEditor.CampaignRejectedException e) {
            response = ApiResponse.json(422, Map.of("status", 422, "error", "campaign rejected; nothing was stored",
                    "problems", e.problems()));
        } catch (AccountImports.ImportRejectedException e) {
            response = ApiResponse.json(422, Map.of("status", 422, "error", "import rejected; nothing was stored",
                    "problems", e.problems(), "count", e.count(),
                    "errors", e.errors().stream().map(ImportProblems::view).toList()));
        } catch (IllegalStateException e) {
            response = ApiResponse.error(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            response = ApiResponse.error(400, e.getMessage());
        } catch (RuntimeException e) {
            var incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.warn("{} {} failed (incident {})", request.method(), admission == null ? "?" : admission.route()
                    .template(), incident, e);
            response = ApiResponse.error(500, "the server could not complete the request (incident " + incident
                    + " in the server's log)");
        }
        Responses.send(ctx.channel(), response, keepAlive);
    }

    /** The connection now carries events, for as long as the client reads them: no idle or request timer. */
    private void openEventStream(ChannelHandlerContext ctx, RequestGate.Admission admission) {
        var pipeline = ctx.pipeline();
        pipeline.remove(OpsInitializer.IDLE);
        pipeline.remove(OpsInitializer.DEADLINE);
        ctx.writeAndFlush(Responses.eventStreamHead());
        web.events().open(ctx.channel(), admission.principal());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection closed after an error: {}", cause.toString());
        ctx.close();
    }
}

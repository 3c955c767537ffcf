package io.duecall.pbxsim.ami;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMI client connection: answers Login (plain or MD5 challenge), the version probes asterisk-java sends after
 * it, Ping, Logoff and Events itself, and hands call control to {@link CallActions}. Bad input gets an error
 * response; only an unexpected failure closes the connection.
 */
public final class AmiSessionHandler extends SimpleChannelInboundHandler<AmiMessage> {
    static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";
    static final String VERSION = "22.10.1";
    private static final Logger log = LoggerFactory.getLogger(AmiSessionHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AmiCredentials credentials;
    private final AmiConnections connections;
    private final CallActions calls;
    private final SystemFunctions functions;
    private final Clock clock;
    private final long actionLatencyNanos;
    /** When this session is done with the actions it has been sent (System.nanoTime); only its event loop reads it. */
    private long busyUntil;
    private String challenge;
    private boolean authenticated;

    public AmiSessionHandler(AmiCredentials credentials, AmiConnections connections, CallActions calls,
                             Clock clock, SystemFunctions functions) {
        this(credentials, connections, calls, clock, functions, java.time.Duration.ZERO);
    }

    /**
     * As above, each action taking {@code actionLatency} before it is carried out and answered, one after another
     * as an Asterisk manager session handles them: an action sent while others wait is served after them.
     */
    public AmiSessionHandler(AmiCredentials credentials, AmiConnections connections, CallActions calls,
                             Clock clock, SystemFunctions functions, java.time.Duration actionLatency) {
        this.actionLatencyNanos = actionLatency.toNanos();
        this.functions = functions;
        this.credentials = credentials;
        this.connections = connections;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!connections.opened(ctx.channel())) {
            ctx.close();
            return;
        }
        ctx.writeAndFlush(BANNER);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AmiMessage action) {
        if (actionLatencyNanos <= 0) {
            handle(ctx, action);
            return;
        }
        long now = System.nanoTime();
        busyUntil = Math.max(now, busyUntil) + actionLatencyNanos;
        // Tasks due at the same instant run in the order they were scheduled, so actions keep their order.
        ctx.executor().schedule(() -> handle(ctx, action), busyUntil - now, TimeUnit.NANOSECONDS);
    }

    private void handle(ChannelHandlerContext ctx, AmiMessage action) {
        if (!ctx.channel().isActive()) {
            return;
        }
        var actionId = action.get("ActionID").orElse(null);
        if (!action.malformed().isEmpty()) {
            reply(ctx, actionId, false, "Malformed request: " + action.malformed().getFirst());
            return;
        }
        var name = action.get("Action").orElse("").trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            reply(ctx, actionId, false, "Missing action in request");
            return;
        }
        switch (name) {
            case "login" -> login(ctx, action, actionId);
            case "challenge" -> challenge(ctx, action, actionId);
            case "logoff" -> {
                connections.loggedOff(ctx.channel());
                ctx.writeAndFlush(response(actionId, "Goodbye", "Thanks for all the fish.").build().toWire())
                        .addListener(ChannelFutureListener.CLOSE);
            }
            case "ping" -> ctx.writeAndFlush(AmiMessage.builder().add("Response", "Success")
                    .add("ActionID", actionId).add("Ping", "Pong").add("Timestamp", timestamp()).build().toWire());
            default -> {
                if (!authenticated) {
                    reply(ctx, actionId, false, "Permission denied");
                } else {
                    loggedInAction(ctx, name, action, actionId);
                }
            }
        }
    }

    private void loggedInAction(ChannelHandlerContext ctx, String name, AmiMessage action, String actionId) {
        switch (name) {
            case "coresettings" -> ctx.writeAndFlush(response(actionId, "Success", null)
                    .add("AMIversion", "11.0.0").add("AsteriskVersion", VERSION).add("SystemName", "")
                    .add("CoreMaxCalls", "0").add("CoreRunUser", "asterisk").add("CoreRunGroup", "asterisk")
                    .build().toWire());
            case "command" -> command(ctx, action, actionId);
            case "events" -> {
                connections.loggedIn(ctx.channel(), action.get("EventMask").orElse("on"));
                reply(ctx, actionId, true, "Events On");
            }
            case "originate" -> calls.originate(action).whenComplete((r, e) -> {
                if (e != null) {
                    log.error("originate failed unexpectedly", e);
                    reply(ctx, actionId, false, "Originate failed");
                } else {
                    reply(ctx, actionId, r.success(), r.message());
                }
            });
            case "hangup" -> send(ctx, actionId, calls.hangup(action));
            case "redirect" -> send(ctx, actionId, calls.redirect(action));
            case "coreshowchannels" -> CoreShowChannels.answer(calls.liveChannels(), actionId)
                    .forEach(m -> ctx.write(m.toWire()));
            case "getvar" -> getvar(ctx, action, actionId);
            case "status" -> CoreShowChannels.status(calls.liveChannels(), action.getOr("Channel", ""), actionId)
                    .forEach(m -> ctx.write(m.toWire()));
            case "showdialplan" -> ShowDialPlan.answer(calls.dialplan(), action, actionId)
                    .forEach(m -> ctx.write(m.toWire()));
            default -> reply(ctx, actionId, false, "Invalid/unknown command");
        }
        ctx.flush();
    }

    private void login(ChannelHandlerContext ctx, AmiMessage action, String actionId) {
        var user = action.get("Username").orElse("");
        var ok = user.equals(credentials.username()) && secretMatches(action);
        if (!ok) {
            reply(ctx, actionId, false, "Authentication failed");
            return;
        }
        authenticated = true;
        connections.loggedIn(ctx.channel(), action.get("Events").orElse(null));
        reply(ctx, actionId, true, "Authentication accepted");
    }

    private boolean secretMatches(AmiMessage action) {
        var authType = action.get("AuthType").orElse("");
        if (authType.equalsIgnoreCase("md5")) {
            return challenge != null && action.get("Key").orElse("").equalsIgnoreCase(md5Hex(challenge
                    + credentials.secret()));
        }
        return MessageDigest.isEqual(action.get("Secret").orElse("").getBytes(StandardCharsets.UTF_8),
                credentials.secret().getBytes(StandardCharsets.UTF_8));
    }

    private void challenge(ChannelHandlerContext ctx, AmiMessage action, String actionId) {
        if (!action.get("AuthType").orElse("").equalsIgnoreCase("md5")) {
            reply(ctx, actionId, false, "Must specify AuthType");
            return;
        }
        challenge = Integer.toString(RANDOM.nextInt(1_000_000_000));
        ctx.writeAndFlush(response(actionId, "Success", null).add("Challenge", challenge).build().toWire());
    }

    private void command(ChannelHandlerContext ctx, AmiMessage action, String actionId) {
        var cmd = action.get("Command").orElse("").trim();
        var b = response(actionId, "Success", "Command output follows");
        if (cmd.equals("core show version") || cmd.equals("show version")) {
            b.add("Output", "Asterisk " + VERSION + " built by duecall @ pbxsim on a x86_64 running Linux");
        } else {
            b = response(actionId, "Error", "Command output follows")
                    .add("Output", "No such command '" + cmd + "' (type 'core show help " + cmd
                            + "' for other possible commands)");
        }
        ctx.writeAndFlush(b.build().toWire());
    }

    /**
     * Getvar without a channel reads a global variable or a dialplan function; the simulator knows the functions
     * of {@link SystemFunctions} and answers every other name with an empty value, as Asterisk does for an unset one.
     */
    private void getvar(ChannelHandlerContext ctx, AmiMessage action, String actionId) {
        var variable = action.get("Variable").orElse("").trim();
        if (variable.isEmpty()) {
            reply(ctx, actionId, false, "No variable specified");
            return;
        }
        if (action.get("Channel").filter(c -> !c.isBlank()).isPresent()) {
            reply(ctx, actionId, false, "No such channel");
            return;
        }
        ctx.writeAndFlush(response(actionId, "Success", null).add("Variable", variable)
                .add("Value", functions.evaluate(variable).orElse("")).build().toWire());
    }

    private void send(ChannelHandlerContext ctx, String actionId, CallActions.Reply r) {
        reply(ctx, actionId, r.success(), r.message());
    }

    private void reply(ChannelHandlerContext ctx, String actionId, boolean success, String message) {
        ctx.writeAndFlush(response(actionId, success ? "Success" : "Error", message).build().toWire());
    }

    private static AmiMessage.Builder response(String actionId, String response, String message) {
        var b = AmiMessage.builder().add("Response", response).actionId(actionId);
        if (message != null) {
            b.add("Message", message);
        }
        return b;
    }

    private String timestamp() {
        var now = clock.instant();
        return now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
    }

    private static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException) {
            reply(ctx, null, false, "Line too long (more than " + AmiServerInitializer.MAX_LINE + " bytes)");
            return;
        }
        log.warn("closing AMI connection {} after an unexpected error", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }
}

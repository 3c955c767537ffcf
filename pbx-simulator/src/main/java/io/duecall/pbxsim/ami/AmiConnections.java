package io.duecall.pbxsim.ami;

import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open AMI connections, the logged-in ones with the event classes each asked for (events go only to those), and
 * whether new connections are accepted at all.
 */
public final class AmiConnections {
    private final Map<Channel, Set<String>> subscribers = new ConcurrentHashMap<>();
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    /** Registers a new connection; false (and the caller closes it) while connections are refused. */
    boolean opened(Channel channel) {
        if (!accepting) {
            return false;
        }
        open.add(channel);
        channel.closeFuture().addListener(f -> open.remove(channel));
        return true;
    }

    /** Closes every connection and refuses new ones until {@link #accept()}, as when the manager port is cut off. */
    public void refuseAndCloseAll() {
        accepting = false;
        for (var channel : open) {
            subscribers.remove(channel);
            channel.close().syncUninterruptibly();
        }
    }

    /** Accepts connections again. */
    public void accept() {
        accepting = true;
    }

    /**
     * Registers a logged-in connection. {@code eventMask} is the Login {@code Events:} header: absent, {@code on}
     * or {@code all} means every event, {@code off} none, otherwise a comma list of classes such as
     * {@code call,user,agent}.
     */
    public void loggedIn(Channel channel, String eventMask) {
        var mask = eventMask == null ? "on" : eventMask.trim().toLowerCase(Locale.ROOT);
        if (mask.equals("off") || mask.equals("no") || mask.equals("false") || mask.equals("0")) {
            subscribers.remove(channel);
            return;
        }
        Set<String> classes = mask.isEmpty() || Set.of("on", "yes", "true", "1", "all").contains(mask)
                ? Set.of("all")
                : Set.of(mask.split("\\s*,\\s*"));
        subscribers.put(channel, classes);
        channel.closeFuture().addListener(f -> subscribers.remove(channel));
    }

    public void loggedOff(Channel channel) {
        subscribers.remove(channel);
    }

    /** Sends an event to every connection whose mask shares a class with the event's {@code Privilege}. */
    public void broadcast(AmiMessage event) {
        var privilege = event.getOr("Privilege", "all").toLowerCase(Locale.ROOT).split(",");
        var wire = event.toWire();
        subscribers.forEach((channel, classes) -> {
            if (wants(classes, privilege) && channel.isActive()) {
                channel.writeAndFlush(wire);
            }
        });
    }

    /** Whether some logged-in connection takes events of {@code eventClass}. */
    public boolean anyoneWants(String eventClass) {
        var privilege = new String[] {eventClass};
        for (var classes : subscribers.values()) {
            if (wants(classes, privilege)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wants(Set<String> classes, String[] privilege) {
        if (classes.contains("all")) {
            return true;
        }
        for (var p : privilege) {
            if (!p.equals("all") && classes.contains(p)) {
                return true;
            }
        }
        return false;
    }
}

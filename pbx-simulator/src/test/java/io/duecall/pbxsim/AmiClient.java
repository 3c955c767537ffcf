package io.duecall.pbxsim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.ManagerEvent;

/** A logged-in asterisk-java connection to the simulator that queues every event it receives. */
final class AmiClient implements AutoCloseable {
    final ManagerConnection connection;
    final LinkedBlockingQueue<ManagerEvent> events = new LinkedBlockingQueue<>();

    AmiClient(int port) throws Exception {
        connection = new ManagerConnectionFactory("127.0.0.1", port, "dialer", "secret").createManagerConnection();
        connection.registerUserEventClass(AmdResultEvent.class);
        connection.addEventListener(events::add);
        connection.login();
    }

    /** Collects events up to and including the first that matches, failing after 30 s (a generous deadline for a busy machine). */
    List<ManagerEvent> until(Predicate<ManagerEvent> last) throws InterruptedException {
        var seen = new ArrayList<ManagerEvent>();
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            var e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("event not seen within 30 s; got " + names(seen));
            }
            seen.add(e);
            if (last.test(e)) {
                return seen;
            }
        }
    }

    /** Event names in order, without asterisk-java's own ConnectEvent and the legacy DialEvent it derives. */
    static List<String> names(List<ManagerEvent> events) {
        return events.stream().map(e -> e.getClass().getSimpleName().replace("Event", ""))
                .filter(n -> !n.equals("Connect") && !n.equals("Dial")).toList();
    }

    @Override
    public void close() {
        connection.logoff();
    }
}

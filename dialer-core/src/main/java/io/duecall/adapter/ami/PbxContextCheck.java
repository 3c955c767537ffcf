package io.duecall.adapter.ami;

import io.duecall.port.TelephonyUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.ShowDialplanAction;
import org.asteriskjava.manager.event.ListDialplanEvent;
import org.asteriskjava.manager.response.ManagerError;

/**
 * Asks the PBX for its dialplan (AMI ShowDialPlan, which needs the {@code reporting} write class) and says which
 * of the contexts the engine originates and redirects into it lacks, so a PBX without them fails at start-up
 * rather than on the first answered call.
 */
public final class PbxContextCheck {
    private PbxContextCheck() {}

    /** The required contexts the PBX behind {@code connection} does not have, in the order given. */
    static List<String> missing(ManagerConnection connection, Collection<String> required, Duration timeout)
            throws TelephonyUnavailableException {
        return missing(required, contexts(dialplan(connection, timeout)));
    }

    /** The applications the PBX's dialplan runs in {@code context} (such as {@code AMD}, {@code MixMonitor}). */
    static Set<String> applications(ManagerConnection connection, String context, Duration timeout)
            throws TelephonyUnavailableException {
        var apps = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        for (var event : dialplan(connection, timeout).getEvents()) {
            if (event instanceof ListDialplanEvent entry && context.equalsIgnoreCase(entry.getContext())
                    && entry.getApplication() != null) {
                apps.add(entry.getApplication());
            }
        }
        return apps;
    }

    /** The data of the first {@code app} priority of {@code context} (such as the AGI address), if it runs one. */
    static java.util.Optional<String> applicationData(ManagerConnection connection, String context, String app,
            Duration timeout) throws TelephonyUnavailableException {
        for (var event : dialplan(connection, timeout).getEvents()) {
            if (event instanceof ListDialplanEvent entry && context.equalsIgnoreCase(entry.getContext())
                    && app.equalsIgnoreCase(entry.getApplication())) {
                return java.util.Optional.ofNullable(entry.getAppData());
            }
        }
        return java.util.Optional.empty();
    }

    private static ResponseEvents dialplan(ManagerConnection connection, Duration timeout)
            throws TelephonyUnavailableException {
        ResponseEvents answer;
        try {
            answer = connection.sendEventGeneratingAction(new ShowDialplanAction(), timeout.toMillis());
        } catch (EventTimeoutException e) {
            throw new TelephonyUnavailableException("ShowDialPlan: the PBX did not list its dialplan within "
                    + timeout.toMillis() + " ms", e);
        } catch (IOException | IllegalStateException e) {
            throw new TelephonyUnavailableException("ShowDialPlan failed: " + e.getMessage(), e);
        }
        if (answer.getResponse() instanceof ManagerError error) {
            throw new TelephonyUnavailableException("ShowDialPlan refused by the PBX: " + error.getMessage()
                    + " (the AMI user needs write = reporting to list the dialplan)");
        }
        return answer;
    }

    /** The required contexts not among {@code present}; Asterisk compares context names ignoring case. */
    static List<String> missing(Collection<String> required, Set<String> present) {
        var known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(present);
        return required.stream().filter(c -> !known.contains(c)).distinct().toList();
    }

    private static Set<String> contexts(ResponseEvents answer) {
        var names = new TreeSet<String>();
        for (var event : answer.getEvents()) {
            if (event instanceof ListDialplanEvent entry && entry.getContext() != null) {
                names.add(entry.getContext());
            }
        }
        return names;
    }
}

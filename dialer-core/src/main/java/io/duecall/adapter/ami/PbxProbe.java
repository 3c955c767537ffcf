package io.duecall.adapter.ami;

import io.duecall.port.TelephonyUnavailableException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.GetVarResponse;
import org.asteriskjava.manager.response.ManagerError;

/**
 * A short AMI session that asks a PBX what the engine relies on, for {@code doctor}: the dialplan contexts, whether
 * a module is loaded ({@code IFMODULE}) and a device's state ({@code DEVICE_STATE}), and places the loop-back call. Both functions are read with
 * {@code Getvar} without a channel, which the least-privilege AMI user (write {@code call,reporting}) may send.
 */
public final class PbxProbe implements AutoCloseable {
    private static final Pattern MODULE = Pattern.compile("[a-z_]+\\.so");
    /** asterisk-java warns of any Originate timeout under 100 s; a Local channel answers long before. */
    private static final long LOCAL_RING_MILLIS = 100_000;
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z]+/[A-Za-z0-9@._-]+");
    private final AmiConfig config;
    private final ManagerConnection connection;

    private PbxProbe(AmiConfig config, ManagerConnection connection) {
        this.config = config;
        this.connection = connection;
    }

    /** Logs in without asking for events; the failure says where and as whom. */
    public static PbxProbe login(AmiConfig config) throws TelephonyUnavailableException {
        var connection = new ManagerConnectionFactory(config.host(), config.port(), config.username(), config.secret())
                .createManagerConnection();
        connection.setSocketTimeout((int) config.actionTimeout().toMillis());
        try {
            connection.login("off");
        } catch (IOException | AuthenticationFailedException | TimeoutException | IllegalStateException e) {
            logoff(connection);
            throw new TelephonyUnavailableException("AMI login to " + config.host() + ":" + config.port() + " as '"
                    + config.username() + "' failed: " + e.getMessage(), e);
        }
        return new PbxProbe(config, connection);
    }

    /** What the PBX says it is, from its banner (such as {@code Asterisk 22}). */
    public String version() {
        var version = connection.getVersion();
        return version == null ? "unknown" : version.toString();
    }

    /** The required contexts the PBX's dialplan lacks (ShowDialPlan, which needs write {@code reporting}). */
    public List<String> missingContexts(Collection<String> required) throws TelephonyUnavailableException {
        return PbxContextCheck.missing(connection, required, config.actionTimeout());
    }

    /** The applications the dialplan runs in {@code context} (ShowDialPlan), case-insensitively. */
    public java.util.Set<String> applications(String context) throws TelephonyUnavailableException {
        return PbxContextCheck.applications(connection, context, config.actionTimeout());
    }

    /** Where the dialplan's {@code context} sends its FastAGI session: the AGI application's address, if it runs one. */
    public Optional<String> agiAddress(String context) throws TelephonyUnavailableException {
        return PbxContextCheck.applicationData(connection, context, "AGI", config.actionTimeout())
                .map(data -> data.split(",", 2)[0].strip());
    }

    /** Whether {@code module} (such as {@code app_amd.so}) is loaded. */
    public boolean moduleLoaded(String module) throws TelephonyUnavailableException {
        if (!MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("module: '" + module + "' (expected a name such as app_amd.so)");
        }
        return "1".equals(function("IFMODULE(" + module + ")").orElse(""));
    }

    /** The device's state as Asterisk names it ({@code NOT_INUSE}, {@code UNAVAILABLE}, {@code INVALID}, ...). */
    public String deviceState(String device) throws TelephonyUnavailableException {
        if (!DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("device: '" + device + "' (expected a device such as PJSIP/901)");
        }
        return function("DEVICE_STATE(" + device + ")").filter(s -> !s.isBlank()).orElse("UNKNOWN");
    }

    private Optional<String> function(String expression) throws TelephonyUnavailableException {
        try {
            var response = connection.sendAction(new GetVarAction(expression), config.actionTimeout().toMillis());
            if (response instanceof ManagerError error) {
                throw new TelephonyUnavailableException("Getvar " + expression + " refused by the PBX: "
                        + error.getMessage() + " (the AMI user needs write = call or reporting)");
            }
            return response instanceof GetVarResponse value ? Optional.ofNullable(value.getValue())
                    : Optional.ofNullable(response.getAttribute("value"));
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw new TelephonyUnavailableException("Getvar " + expression + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Originates a call from {@code Local/hold@context} into {@code context,s,1} with the channel variable {@code
     * CALL_ID} set, and waits for the PBX's answer (a synchronous Originate, which Asterisk answers once the call is
     * up): empty when it is up, else the PBX's reason for refusing it.
     */
    public Optional<String> originateLocal(String context, String callId, java.time.Duration wait)
            throws TelephonyUnavailableException {
        var action = new OriginateAction();
        action.setChannel("Local/hold@" + context);
        action.setContext(context);
        action.setExten("s");
        action.setPriority(1);
        // Only its ring time: a Local channel in the PBX's own dialplan answers at once or fails at once.
        action.setTimeout(LOCAL_RING_MILLIS);
        action.setAsync(false);
        action.setVariable("CALL_ID", callId);
        try {
            var response = connection.sendAction(action, wait.toMillis());
            return response instanceof ManagerError error
                    ? Optional.of(error.getMessage() == null ? "refused" : error.getMessage()) : Optional.empty();
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw new TelephonyUnavailableException("Originate into " + context + " got no answer within "
                    + wait.toSeconds() + " s: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        logoff(connection);
    }

    /** Logs off if still logged in; a connection the PBX already closed needs nothing more. */
    private static void logoff(ManagerConnection connection) {
        try {
            connection.logoff();
        } catch (IllegalStateException alreadyClosed) {
            // asterisk-java refuses a logoff once disconnected; the socket is already gone.
        }
    }
}

package io.duecall.pbxsim.ami;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The dialplan functions a channel-less {@code Getvar} can read from the simulated PBX, as Asterisk 22 answers
 * them: {@code IFMODULE(name.so)} is {@code 1} or {@code 0}, and {@code DEVICE_STATE(tech/resource)} is the
 * device's state ({@code NOT_INUSE} for every agent phone unless a test says otherwise).
 */
public final class SystemFunctions {
    /** The modules a stock Asterisk 22 with PJSIP loads that the dialer relies on. */
    public static final Set<String> STOCK_MODULES = Set.of("res_agi.so", "app_amd.so", "app_mixmonitor.so",
            "chan_pjsip.so", "res_pjsip.so", "app_dial.so", "app_playback.so", "func_channel.so", "pbx_config.so");
    private static final Pattern IFMODULE = Pattern.compile("IFMODULE\\(([a-z_]+\\.so)\\)");
    private static final Pattern DEVICE_STATE = Pattern.compile("DEVICE_STATE\\(([A-Za-z]+/[A-Za-z0-9@._-]+)\\)");
    private static final Pattern PJSIP_EXTENSION = Pattern.compile("PJSIP/[0-9]{2,8}");

    private final Set<String> modules = ConcurrentHashMap.newKeySet();
    private final Map<String, String> devices = new ConcurrentHashMap<>();

    public SystemFunctions() {
        modules.addAll(STOCK_MODULES);
    }

    public void unload(String module) {
        modules.remove(module);
    }

    /** Whether the module is loaded (every stock module is until {@link #unload}). */
    public boolean loaded(String module) {
        return modules.contains(module);
    }

    public void deviceState(String device, String state) {
        devices.put(device, state);
    }

    /** The value of {@code expression}, or empty when it is not one of the functions the simulator knows. */
    Optional<String> evaluate(String expression) {
        var module = IFMODULE.matcher(expression);
        if (module.matches()) {
            return Optional.of(modules.contains(module.group(1)) ? "1" : "0");
        }
        var device = DEVICE_STATE.matcher(expression);
        if (device.matches()) {
            var name = device.group(1);
            return Optional.of(devices.getOrDefault(name, PJSIP_EXTENSION.matcher(name).matches() ? "NOT_INUSE"
                    : "INVALID"));
        }
        return Optional.empty();
    }
}

package io.duecall.pbxsim.agi;

import java.util.concurrent.atomic.AtomicLong;

/** The {@code agi_*} block Asterisk 22 sends first on a FastAGI connection, in Asterisk's order, ending in a blank line. */
final class AgiEnvironment {
    static final String ASTERISK_VERSION = "22.10.1";
    private static final AtomicLong THREAD_IDS = new AtomicLong(139650568521408L);

    private AgiEnvironment() {}

    static String render(AgiCallSpec spec) {
        var url = spec.agiUrl();
        var script = url.getRawPath() == null ? "" : url.getRawPath().replaceFirst("^/", "");
        var channel = spec.channel();
        var type = channel.contains("/") ? channel.substring(0, channel.indexOf('/')) : channel;
        var env = new StringBuilder()
                .append("agi_network: yes\n")
                .append("agi_network_script: ").append(script).append('\n')
                .append("agi_request: ").append(url).append('\n')
                .append("agi_channel: ").append(channel).append('\n')
                .append("agi_language: en\n")
                .append("agi_type: ").append(type).append('\n')
                .append("agi_uniqueid: ").append(spec.uniqueId()).append('\n')
                .append("agi_version: ").append(ASTERISK_VERSION).append('\n')
                .append("agi_callerid: unknown\n")
                .append("agi_calleridname: unknown\n")
                .append("agi_callingpres: 67\n")
                .append("agi_callingani2: 0\n")
                .append("agi_callington: 0\n")
                .append("agi_callingtns: 0\n")
                .append("agi_dnid: unknown\n")
                .append("agi_rdnis: unknown\n")
                .append("agi_context: ").append(spec.context()).append('\n')
                // The outbound context runs Answer and AMD at priority 1 and the AGI at 2, on the s extension.
                .append("agi_extension: s\n")
                .append("agi_priority: 2\n")
                .append("agi_enhanced: 0.0\n")
                .append("agi_accountcode: \n")
                .append("agi_threadid: ").append(THREAD_IDS.incrementAndGet()).append('\n');
        for (var i = 0; i < spec.args().size(); i++) {
            env.append("agi_arg_").append(i + 1).append(": ").append(spec.args().get(i)).append('\n');
        }
        return env.append('\n').toString();
    }
}

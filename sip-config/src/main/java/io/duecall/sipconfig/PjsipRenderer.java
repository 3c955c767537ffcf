package io.duecall.sipconfig;

/**
 * Renders pjsip.conf: a UDP transport (and a WSS one when any agent uses WebRTC), one endpoint, AOR, outbound
 * auth and identify per trunk, and one endpoint, AOR and auth per agent phone. Every endpoint's own context is the
 * abandon-message context, so nothing that calls in can dial out through the dialer's PBX.
 */
public final class PjsipRenderer {
    private PjsipRenderer() {}

    public static String render(Deployment d, Secrets secrets) {
        var inbound = d.contextsOrDefaults().abandon();
        var out = new StringBuilder(ExtensionsRenderer.HEADER);
        out.append("\n[transport-udp]\ntype=transport\nprotocol=udp\nbind=0.0.0.0:5060\n");
        if (d.agentsOrEmpty().stream().anyMatch(a -> a.kindOrDefault() == Deployment.AgentKind.WEBRTC)) {
            // WSS rides on Asterisk's HTTPS server (http.conf tlsenable); the bind here is not used for it.
            out.append("\n[transport-wss]\ntype=transport\nprotocol=wss\nbind=0.0.0.0\n");
        }
        for (int i = 0; i < d.trunks().size(); i++) {
            trunk(out, d.trunks().get(i), secrets.resolve("trunks[" + i + "].password", d.trunks().get(i).password()),
                    inbound);
        }
        var agents = d.agentsOrEmpty();
        for (int i = 0; i < agents.size(); i++) {
            agent(out, agents.get(i), secrets.resolve("agents[" + i + "].password", agents.get(i).password()), inbound);
        }
        return out.toString();
    }

    private static void trunk(StringBuilder out, Deployment.Trunk t, String password, String inbound) {
        var n = t.name();
        out.append("\n[").append(n).append("]\ntype=endpoint\ntransport=transport-udp\n");
        out.append("context=").append(inbound).append('\n');
        out.append("disallow=all\nallow=").append(String.join(",", t.codecsOrDefault())).append('\n');
        out.append("outbound_auth=").append(n).append("-auth\naors=").append(n).append('\n');
        out.append("from_user=").append(t.username()).append('\n');
        out.append("callerid=<").append(t.callerId()).append(">\n");
        out.append("direct_media=no\n");
        // Advisory in Asterisk; the engine's campaign channel limits are what keep calls under the carrier's cap.
        out.append("device_state_busy_at=").append(t.channelLimit()).append('\n');
        out.append("\n[").append(n).append("]\ntype=aor\n");
        out.append("contact=sip:").append(t.host()).append(':').append(t.portOrDefault()).append('\n');
        out.append("qualify_frequency=60\n");
        out.append("\n[").append(n).append("-auth]\ntype=auth\nauth_type=userpass\n");
        out.append("username=").append(t.username()).append("\npassword=").append(password).append('\n');
        out.append("\n[").append(n).append("-identify]\ntype=identify\nendpoint=").append(n).append('\n');
        out.append("match=").append(t.host()).append('\n');
    }

    private static void agent(StringBuilder out, Deployment.AgentEndpoint a, String password, String inbound) {
        var ext = a.extension();
        var webrtc = a.kindOrDefault() == Deployment.AgentKind.WEBRTC;
        out.append("\n[").append(ext).append("]\ntype=endpoint\n");
        out.append("transport=").append(webrtc ? "transport-wss" : "transport-udp").append('\n');
        out.append("context=").append(inbound).append('\n');
        out.append("disallow=all\nallow=").append(webrtc ? "opus,ulaw" : "ulaw,alaw").append('\n');
        out.append("auth=").append(ext).append("-auth\naors=").append(ext).append('\n');
        out.append("callerid=\"Agent ").append(ext).append("\" <").append(ext).append(">\n");
        if (webrtc) {
            out.append("webrtc=yes\ndtls_auto_generate_cert=yes\n");
        }
        out.append("\n[").append(ext).append("]\ntype=aor\nmax_contacts=1\nremove_existing=yes\n");
        out.append("\n[").append(ext).append("-auth]\ntype=auth\nauth_type=userpass\n");
        out.append("username=").append(ext).append("\npassword=").append(password).append('\n');
    }
}

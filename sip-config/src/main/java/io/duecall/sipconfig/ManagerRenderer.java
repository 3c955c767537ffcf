package io.duecall.sipconfig;

/**
 * Renders manager.conf with the one AMI user the dialer logs in as, accepted only from the deployment's addresses,
 * listening on the deployment's AMI address ({@code ami.bindAddress}, or {@code ami.host} when that is an address).
 * Its classes are the narrowest that work: it writes {@code originate} (Originate), {@code call} (Redirect,
 * Hangup) and {@code reporting} (ShowDialPlan at start-up, CoreSettings for the version), and reads {@code call}
 * and {@code user} events (Originate, bridge and hangup events; the AMDResult user event). Ping needs no class.
 */
public final class ManagerRenderer {
    static final String READ = "call,user";
    static final String WRITE = "originate,call,reporting";

    private ManagerRenderer() {}

    public static String render(Deployment d, Secrets secrets) {
        var ami = d.ami();
        var out = new StringBuilder(ExtensionsRenderer.HEADER);
        out.append("\n[general]\nenabled = yes\nport = ").append(ami.portOrDefault()).append('\n');
        // The deployment's own AMI address: listening on every interface is something a deployment must ask for.
        out.append("bindaddr = ").append(ami.bindAddressOrDefault()).append("\ndisplayconnects = no\n");
        out.append("\n[").append(ami.username()).append("]\n");
        out.append("secret = ").append(secrets.resolve("ami.secret", ami.secret())).append('\n');
        out.append("deny = 0.0.0.0/0.0.0.0\n");
        for (var permit : ami.permit()) {
            var network = Ipv4Network.parse(permit);
            out.append("permit = ").append(network.address()).append('/').append(network.mask()).append('\n');
        }
        out.append("read = ").append(READ).append('\n');
        out.append("write = ").append(WRITE).append('\n');
        out.append("writetimeout = 5000\n");
        return out.toString();
    }
}

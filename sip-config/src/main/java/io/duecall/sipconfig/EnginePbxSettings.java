package io.duecall.sipconfig;

/**
 * What the engine takes from a deployment to drive the PBX: where and as whom to log in to AMI, how to dial a
 * number on the dialer's trunk, the two contexts it originates and redirects into, and where its FastAGI server
 * listens. The secret is never printed.
 *
 * @param dialTemplate the channel for a number, {@code {number}} standing for the E.164 number
 */
public record EnginePbxSettings(String amiHost, int amiPort, String amiUsername, String amiSecret,
        String dialTemplate, String outboundContext, String agentContext, String agiBindHost, int agiPort) {

    /** The settings of a checked deployment, with the AMI secret resolved. */
    public static EnginePbxSettings of(Deployment d, Secrets secrets) {
        var contexts = d.contextsOrDefaults();
        return new EnginePbxSettings(d.ami().host(), d.ami().portOrDefault(), d.ami().username(),
                secrets.resolve("ami.secret", d.ami().secret()), d.dialTrunk().dialTemplate(),
                contexts.outbound(), contexts.agents(), d.agi().bindHostOrDefault(), d.agi().portOrDefault());
    }

    @Override
    public String toString() {
        return "EnginePbxSettings[amiHost=" + amiHost + ", amiPort=" + amiPort + ", amiUsername=" + amiUsername
                + ", amiSecret=****, dialTemplate=" + dialTemplate + ", outboundContext=" + outboundContext
                + ", agentContext=" + agentContext + ", agiBindHost=" + agiBindHost + ", agiPort=" + agiPort + "]";
    }
}

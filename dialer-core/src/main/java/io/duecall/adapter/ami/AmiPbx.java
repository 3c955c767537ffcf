package io.duecall.adapter.ami;

import io.duecall.domain.pbx.PbxLimits;
import io.duecall.domain.pbx.TrunkLimits;
import java.util.Map;
import java.util.Objects;

/**
 * One PBX of the pool as the AMI adapter reaches it: its limits, its manager interface and, for each of its
 * trunks, the dial template that sends a number out on that trunk.
 */
public record AmiPbx(PbxLimits limits, AmiConfig ami, Map<String, String> dialTemplates) {
    /** The one trunk of a PBX configured without trunks, dialing with the AMI settings' own template. */
    public static final String DEFAULT_TRUNK = "default";

    public AmiPbx {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(ami, "ami");
        dialTemplates = Map.copyOf(dialTemplates);
        for (var trunk : limits.trunks()) {
            var template = dialTemplates.get(trunk.name());
            if (!AmiConfig.validDialTemplate(template)) {
                throw new IllegalArgumentException("trunks." + trunk.name() + ".dialTemplate: '" + template
                        + "' (expected one line holding " + AmiConfig.NUMBER_PLACEHOLDER + ")");
            }
        }
        if (!limits.trunks().stream().map(t -> t.name()).toList().containsAll(dialTemplates.keySet())) {
            throw new IllegalArgumentException("dialTemplates: " + dialTemplates.keySet() + " name a trunk not in "
                    + limits.trunks());
        }
    }

    /** A single PBX with no limits of its own, dialing with {@code ami}'s template: the pool of one. */
    public static AmiPbx single(String name, AmiConfig ami) {
        return new AmiPbx(PbxLimits.unlimited(name, DEFAULT_TRUNK), ami, Map.of(DEFAULT_TRUNK, ami.dialTemplate()));
    }

    /** A PBX with no limits of its own whose trunks, in order of preference, dial with the given templates. */
    public static AmiPbx unlimited(String name, AmiConfig ami, java.util.SequencedMap<String, String> templates) {
        var trunks = templates.keySet().stream().map(TrunkLimits::unlimited).toList();
        return new AmiPbx(new PbxLimits(name, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                trunks), ami, templates);
    }

    /** The same PBX reached at another AMI endpoint (an embedded simulator, a test). */
    public AmiPbx withAmi(AmiConfig newAmi) {
        return new AmiPbx(limits, newAmi, dialTemplates);
    }

    public String name() {
        return limits.name();
    }
}

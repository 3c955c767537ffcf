package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.pacing.PacingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A campaign's {@code pacing:} block. Every key is optional: agent campaigns dial progressive and IVR campaigns
 * agentless unless {@code mode} says otherwise, and the limits take {@link PacingPolicy#of}'s defaults.
 */
public record PacingSettings(String mode, Double linesPerAgent, Integer maxLinesPerAgent, Double maxOriginatesPerSecond,
        Double targetAbandonRate) {

    /** The campaign's policy; each problem is added to {@code errors} under {@code key} (such as campaigns[0].pacing). */
    static PacingPolicy resolve(PacingSettings settings, CampaignMode campaign, String key, List<String> errors) {
        var fallback = PacingPolicy.defaultsFor(campaign);
        if (settings == null) {
            return fallback;
        }
        var mode = fallback.mode();
        if (settings.mode() != null) {
            try {
                mode = PacingPolicy.Mode.valueOf(settings.mode().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(key + ".mode was '" + settings.mode()
                        + "' but it must be one of progressive, power, predictive, agentless");
                return fallback;
            }
        }
        var d = PacingPolicy.of(mode);
        var problems = new ArrayList<String>();
        try {
            var policy = new PacingPolicy(mode, or(settings.linesPerAgent(), d.linesPerAgent()),
                    or(settings.maxLinesPerAgent(), d.maxLinesPerAgent()),
                    or(settings.maxOriginatesPerSecond(), d.maxOriginatesPerSecond()),
                    or(settings.targetAbandonRate(), d.targetAbandonRate()));
            var mismatch = policy.mismatch(campaign);
            if (mismatch == null) {
                return policy;
            }
            problems.add(mismatch);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        // the policy's messages start with "pacing."; the key already ends with it
        problems.forEach(p -> errors.add(key.substring(0, key.length() - "pacing".length()) + p));
        return fallback;
    }
}

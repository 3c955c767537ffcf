package io.duecall.engine.config;

import static io.duecall.engine.config.Defaults.or;

import io.duecall.domain.agent.AgentSeat;
import io.duecall.domain.campaign.Campaign;
import io.duecall.domain.campaign.CampaignId;
import io.duecall.domain.campaign.CampaignMode;
import io.duecall.domain.compliance.ContactRules;
import io.duecall.domain.compliance.InvalidContactRulesException;
import io.duecall.domain.window.CallingWindow;
import io.duecall.ivr.flow.MachinePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;

/**
 * One {@code campaigns[]} entry, and a campaign definition sent to the operations API (the same keys). {@code id},
 * {@code companyName} and {@code callbackNumber} are required; every other key has the default of {@link #defaults()}
 * ({@code name} defaults to the id, {@code maxCallDuration} to what the lease leaves after the ring time).
 */
public record CampaignSettings(String id, String name, CampaignMode mode, LocalTime opens, LocalTime closes,
        Duration closingMargin, String companyName, String callbackNumber, Integer channelLimit,
        Duration ringTimeout, Duration agentWait, Duration lease, Integer promiseHorizonDays, Instant startAt,
        Instant endAt, RulesSettings rules, PacingSettings pacing, MachinePolicy machine,
        List<String> requiredSkills, Duration maxCallDuration, BestTimeSettings bestTime) {
    public CampaignSettings(String id, String name, CampaignMode mode, LocalTime opens, LocalTime closes,
            Duration closingMargin, String companyName, String callbackNumber, Integer channelLimit,
            Duration ringTimeout, Duration agentWait, Duration lease, Integer promiseHorizonDays, Instant startAt,
            Instant endAt, RulesSettings rules, PacingSettings pacing, MachinePolicy machine,
            List<String> requiredSkills, Duration maxCallDuration) {
        this(id, name, mode, opens, closes, closingMargin, companyName, callbackNumber, channelLimit, ringTimeout,
                agentWait, lease, promiseHorizonDays, startAt, endAt, rules, pacing, machine, requiredSkills,
                maxCallDuration, null);
    }

    public CampaignSettings(String id, String name, CampaignMode mode, LocalTime opens, LocalTime closes,
            Duration closingMargin, String companyName, String callbackNumber, Integer channelLimit,
            Duration ringTimeout, Duration agentWait, Duration lease, Integer promiseHorizonDays, Instant startAt,
            Instant endAt, RulesSettings rules, PacingSettings pacing, MachinePolicy machine,
            List<String> requiredSkills) {
        this(id, name, mode, opens, closes, closingMargin, companyName, callbackNumber, channelLimit, ringTimeout,
                agentWait, lease, promiseHorizonDays, startAt, endAt, rules, pacing, machine, requiredSkills, null);
    }

    public CampaignSettings(String id, String name, CampaignMode mode, LocalTime opens, LocalTime closes,
            Duration closingMargin, String companyName, String callbackNumber, Integer channelLimit,
            Duration ringTimeout, Duration agentWait, Duration lease, Integer promiseHorizonDays, Instant startAt,
            Instant endAt, RulesSettings rules, PacingSettings pacing, MachinePolicy machine) {
        this(id, name, mode, opens, closes, closingMargin, companyName, callbackNumber, channelLimit, ringTimeout,
                agentWait, lease, promiseHorizonDays, startAt, endAt, rules, pacing, machine, null);
    }

    /**
     * The optional keys' defaults: an IVR reminder campaign in the default calling window, 30 channels, 25 s of
     * ringing, 2 s of waiting for an agent, a 10-minute lease, promises within 3 days, a message on machines, no
     * required skills, dialing from the start until stopped.
     */
    public static CampaignSettings defaults() {
        var window = CallingWindow.defaults();
        return new CampaignSettings(null, null, CampaignMode.IVR_REMINDER, window.opens(), window.closes(),
                window.closingMargin(), null, null, 30, Duration.ofSeconds(25), Duration.ofSeconds(2),
                Duration.ofMinutes(10), 3, null, null, null, null, MachinePolicy.MESSAGE, List.of(), null,
                BestTimeSettings.defaults());
    }

    /** This definition with {@code id} as its id. */
    public CampaignSettings withId(CampaignId newId) {
        return new CampaignSettings(newId.value(), name, mode, opens, closes, closingMargin, companyName,
                callbackNumber, channelLimit, ringTimeout, agentWait, lease, promiseHorizonDays, startAt, endAt, rules,
                pacing, machine, requiredSkills, maxCallDuration, bestTime);
    }

    /**
     * Resolves this entry, adding each problem to {@code errors} under {@code key} (e.g. {@code campaigns[0]}; empty
     * for no prefix). Returns null when the campaign itself cannot be built. The configuration file and the
     * operations API's campaign definitions both go through here.
     */
    public ConfiguredCampaign resolve(String key, List<String> errors) {
        var prefix = key.isEmpty() ? "" : key + ": ";
        var dotted = key.isEmpty() ? "" : key + ".";
        var d = defaults();
        try {
            var window = new CallingWindow(or(opens, d.opens()), or(closes, d.closes()),
                    or(closingMargin, d.closingMargin()));
            var ring = or(ringTimeout, d.ringTimeout());
            var leaseTime = or(lease, d.lease());
            var campaign = new Campaign(new CampaignId(id), or(name, id), or(mode, d.mode()), window, companyName,
                    callbackNumber, or(channelLimit, d.channelLimit()), ring, or(agentWait, d.agentWait()), leaseTime,
                    or(promiseHorizonDays, d.promiseHorizonDays()),
                    or(maxCallDuration, Campaign.longestCall(leaseTime, ring)));
            if (startAt != null && endAt != null && !endAt.isAfter(startAt)) {
                errors.add(dotted + "endAt was '" + endAt + "' but it must be after startAt " + startAt);
            }
            ContactRules contactRules = null;
            try {
                contactRules = RulesSettings.resolve(rules, window);
            } catch (InvalidContactRulesException e) {
                e.problems().forEach(problem -> errors.add(dotted + problem));
            }
            var policy = PacingSettings.resolve(pacing, campaign.mode(), dotted + "pacing", errors);
            var skills = AgentSeat.validSkills(requiredSkills == null ? null : new HashSet<>(requiredSkills),
                    "requiredSkills");
            var learned = BestTimeSettings.resolve(bestTime, dotted, errors);
            return new ConfiguredCampaign(campaign, new RunDates(startAt, endAt), contactRules, policy,
                    or(machine, d.machine()), skills, learned, this);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(prefix + e.getMessage());
            return null;
        }
    }
}

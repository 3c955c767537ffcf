package io.duecall.domain.agent;

import io.duecall.domain.campaign.CampaignId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which agent takes a call, decided from the agents' records alone: the ready agent who has been idle longest
 * (ties by id) among those whose seat is reachable; and, while an agent who could take the call is logged in and
 * speaks the debtor's language (its code among their skills), only those who speak it. When none who could take it
 * speaks it, the debtor is better served by anyone than by nobody.
 */
public final class AgentChooser {
    /** An agent who could take the call, with their record as of the decision. */
    public record Candidate(AgentSeat seat, AgentRecord record) {}

    private AgentChooser() {}

    /** The seats of {@code campaign} having every one of {@code skills}, in seat order. */
    public static List<AgentSeat> members(Collection<AgentSeat> seats, CampaignId campaign, Set<String> skills) {
        return seats.stream().filter(s -> s.campaigns().contains(campaign) && s.skills().containsAll(skills)).toList();
    }

    /** The candidate to reserve, if any; {@code language} is a language code such as {@code es}. */
    public static Optional<Candidate> choose(List<Candidate> candidates, Optional<String> language,
            Predicate<AgentSeat> reachable) {
        var speaker = language.filter(code -> candidates.stream().anyMatch(c ->
                c.seat().skills().contains(code) && c.record().state() != AgentState.LOGGED_OUT));
        return candidates.stream()
                .filter(c -> c.record().state() == AgentState.READY && reachable.test(c.seat())
                        && speaker.map(code -> c.seat().skills().contains(code)).orElse(true))
                .min(Comparator.comparing((Candidate c) -> c.record().idleSince())
                        .thenComparing(c -> c.seat().id().value()));
    }
}

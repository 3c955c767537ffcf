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
        var i = chooseIndex(candidates.stream().map(Candidate::seat).toList(),
                candidates.stream().map(Candidate::record).toList(), language, reachable);
        return i < 0 ? Optional.empty() : Optional.of(candidates.get(i));
    }

    /**
     * As {@link #choose}, over {@code seats} and their {@code records} (the same order): the index of the agent to
     * reserve, or -1. Two passes over the lists and nothing allocated per agent, since it runs for every call that
     * asks for an agent, under the pool's lock, over every agent of the campaign.
     */
    public static int chooseIndex(List<AgentSeat> seats, List<AgentRecord> records, Optional<String> language,
            Predicate<AgentSeat> reachable) {
        if (seats.size() != records.size()) {
            throw new IllegalArgumentException("seats and records differ in number: " + seats.size() + " and "
                    + records.size());
        }
        String speaker = null;
        if (language.isPresent()) {
            var code = language.get();
            for (int i = 0; i < seats.size(); i++) {
                if (seats.get(i).skills().contains(code) && records.get(i).state() != AgentState.LOGGED_OUT) {
                    speaker = code;
                    break;
                }
            }
        }
        int best = -1;
        for (int i = 0; i < seats.size(); i++) {
            var record = records.get(i);
            var seat = seats.get(i);
            if (record.state() != AgentState.READY || speaker != null && !seat.skills().contains(speaker)) {
                continue;
            }
            if (best >= 0) {
                int c = record.idleSince().compareTo(records.get(best).idleSince());
                if (c > 0 || c == 0 && seat.id().value().compareTo(seats.get(best).id().value()) >= 0) {
                    continue;
                }
            }
            // Asked last: the reachability test may ask the telephony about the seat's PBX.
            if (reachable.test(seat)) {
                best = i;
            }
        }
        return best;
    }
}

package io.duecall.domain.archfixture;

import io.duecall.adapter.memory.InMemoryAgentRoster;

/** Deliberately wrong, for {@code LayersTest}: the domain reaching into an adapter. */
public class DomainHoldingRoster {
    final InMemoryAgentRoster roster = new InMemoryAgentRoster();
}

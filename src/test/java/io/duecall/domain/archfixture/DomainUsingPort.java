package io.duecall.domain.archfixture;

import io.duecall.port.AgentRoster;

/** Deliberately wrong, for {@code LayersTest}: the domain depending on a port. */
public class DomainUsingPort {
    AgentRoster roster;
}

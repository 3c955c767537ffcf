package io.duecall.port.archfixture;

import io.duecall.app.DialerEngine;

/** Deliberately wrong, for {@code LayersTest}: a port depending on a use case. */
public interface PortCallingApp {
    DialerEngine engine();
}

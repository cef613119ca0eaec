package org.memnav.tests.bridge;

import java.time.Duration;

/** Misbehaviour to build into a server under test: how long every step takes at least (zero = normal). */
record ServerFaults(Duration stepDelay) {

    static ServerFaults none() {
        return new ServerFaults(Duration.ZERO);
    }

    static ServerFaults slowSteps(Duration delay) {
        return new ServerFaults(delay);
    }
}

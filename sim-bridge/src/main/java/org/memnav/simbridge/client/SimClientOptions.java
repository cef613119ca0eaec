package org.memnav.simbridge.client;

import java.time.Duration;
import java.util.Objects;
import org.memnav.simbridge.protocol.FrameLimits;

/**
 * How a {@link SimClient} talks to its server: how long to wait for the TCP connection and for each
 * response, which frames it accepts, and the name it gives in hello.
 */
public record SimClientOptions(Duration connectTimeout, Duration requestTimeout, FrameLimits limits, String clientName) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final String DEFAULT_CLIENT_NAME = "memnav-sim-bridge-java";

    public SimClientOptions {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clientName, "clientName");
        if (connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connectTimeout is too long: " + connectTimeout);
        }
    }

    public static SimClientOptions defaults() {
        return new SimClientOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, FrameLimits.defaults(), DEFAULT_CLIENT_NAME);
    }

    public SimClientOptions withConnectTimeout(Duration timeout) {
        return new SimClientOptions(timeout, requestTimeout, limits, clientName);
    }

    public SimClientOptions withRequestTimeout(Duration timeout) {
        return new SimClientOptions(connectTimeout, timeout, limits, clientName);
    }

    public SimClientOptions withLimits(FrameLimits newLimits) {
        return new SimClientOptions(connectTimeout, requestTimeout, newLimits, clientName);
    }

    public SimClientOptions withClientName(String name) {
        return new SimClientOptions(connectTimeout, requestTimeout, limits, name);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}

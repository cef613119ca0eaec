package org.memnav.simbridge.server;

import java.util.Objects;
import org.memnav.simbridge.protocol.FrameLimits;

/**
 * How a {@link SimServer} listens. Defaults: loopback only (127.0.0.1), an ephemeral port, the
 * protocol's default frame limits. Bind to "0.0.0.0" only on a trusted network: the protocol has no
 * authentication.
 */
public record SimServerOptions(String bindAddress, int port, FrameLimits limits, String serverName) {
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final String DEFAULT_SERVER_NAME = "memnav-sim-bridge-java";

    public SimServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(serverName, "serverName");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = ephemeral), got " + port);
        }
    }

    public static SimServerOptions defaults() {
        return new SimServerOptions(DEFAULT_BIND_ADDRESS, 0, FrameLimits.defaults(), DEFAULT_SERVER_NAME);
    }

    public SimServerOptions withBindAddress(String address) {
        return new SimServerOptions(address, port, limits, serverName);
    }

    public SimServerOptions withPort(int newPort) {
        return new SimServerOptions(bindAddress, newPort, limits, serverName);
    }

    public SimServerOptions withLimits(FrameLimits newLimits) {
        return new SimServerOptions(bindAddress, port, newLimits, serverName);
    }

    public SimServerOptions withServerName(String name) {
        return new SimServerOptions(bindAddress, port, limits, name);
    }
}

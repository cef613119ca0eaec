package org.memnav.simbridge.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/** Where a simulator server listens, written {@code tcp://host:port} ({@code tcp://[::1]:5555} for IPv6). */
public record SimEndpoint(String host, int port) {
    public static final String SCHEME = "tcp";

    public SimEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("simulator endpoint needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("simulator port must be 1..65535, got " + port);
        }
    }

    public static SimEndpoint loopback(int port) {
        return new SimEndpoint("127.0.0.1", port);
    }

    /** Parses {@code tcp://host:port}; a bare {@code host:port} is read the same way. */
    public static SimEndpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        String withScheme = trimmed.contains("://") ? trimmed : SCHEME + "://" + trimmed;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a simulator endpoint: '" + text + "'; expected tcp://host:port", e);
        }
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("simulator endpoint '" + text + "' must use tcp://, not " + uri.getScheme() + "://");
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("simulator endpoint '" + text + "' needs a host and a port, as in tcp://127.0.0.1:5555");
        }
        boolean onlyHostAndPort = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!onlyHostAndPort) {
            throw new IllegalArgumentException("simulator endpoint '" + text + "' may hold only tcp://host:port");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new SimEndpoint(host, uri.getPort());
    }

    /** {@code host:port}, as used in messages. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return SCHEME + "://" + address();
    }
}

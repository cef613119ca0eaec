package org.memnav.simbridge.protocol.message;

/** hello params: the client's protocol version ("1.0", required) and a free-form name for logs (optional). */
public record HelloParams(String protocol, String client) {
}

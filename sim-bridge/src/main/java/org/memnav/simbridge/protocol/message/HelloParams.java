package org.memnav.simbridge.protocol.message;

/** hello params: the client's protocol version ("1.0") and a free-form name for logs. */
public record HelloParams(String protocol, String client) {
}

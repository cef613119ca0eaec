package org.memnav.simbridge.protocol.message;

import org.memnav.simbridge.api.Capabilities;

/**
 * hello result: the agreed protocol version, the server's name, the simulator's capabilities and the
 * frame sizes the server accepts.
 */
public record HelloResult(String protocol, String server, Capabilities capabilities, long maxHeaderBytes,
                          long maxPayloadBytes) {
}

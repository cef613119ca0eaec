package org.memnav.simbridge.client;

import org.memnav.simbridge.api.SimException;

/**
 * Why a connection became unusable, worded for a call that was waiting when it happened ("closed
 * the connection during step") and for a call made afterwards ("...; step was not sent").
 *
 * @param what     the event, e.g. "simulator at 127.0.0.1:5555 closed the connection"
 * @param detail   appended after the method, e.g. " (Connection reset)"; may be empty
 * @param byClient true when this client closed it, so there is nothing to advise
 */
record ConnectionFailure(String code, String what, String detail, boolean byClient, Throwable cause) {

    SimException inFlight(String method) {
        return new SimException(code, what + " during " + method + detail + advice(), cause);
    }

    SimException afterwards(String method) {
        return new SimException(code, what + detail + "; " + method + " was not sent" + advice(), cause);
    }

    private String advice() {
        return byClient ? "" : "; call reconnect() to open a new connection";
    }
}

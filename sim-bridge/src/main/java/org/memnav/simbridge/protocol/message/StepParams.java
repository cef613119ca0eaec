package org.memnav.simbridge.protocol.message;

import org.memnav.simbridge.api.Action;

/** step params: one action by wire name. */
public record StepParams(Action action) {
}

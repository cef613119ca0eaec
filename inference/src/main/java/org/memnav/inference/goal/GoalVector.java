package org.memnav.inference.goal;

import org.memnav.simbridge.api.GoalModality;

/** A goal in the policy's goal space, with how it was made and how long that took. */
public record GoalVector(float[] values, GoalModality modality, String encoder, double latencyMs) {
}

package org.memnav.app.replay;

import org.memnav.simbridge.api.Pose;

/**
 * One frame in the agent's memory at the playhead.
 *
 * @param ageSteps    steps since it was seen
 * @param policyScore the policy's score for "the goal is where this frame saw it" at the latest decision
 *                    (higher is better), or NaN when that decision did not score it
 * @param chosen      true when that decision headed for this frame
 */
public record RememberedFrame(long id, int frameStep, Pose pose, long tokens, long bytes, int ageSteps, double policyScore,
                              boolean chosen) {
}

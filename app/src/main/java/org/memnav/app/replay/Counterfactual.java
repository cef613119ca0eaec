package org.memnav.app.replay;

import org.memnav.recordings.PolicyDecision;
import org.memnav.simbridge.api.Vec3;

import java.util.List;

/**
 * What the shipped policy chooses at a recorded decision with a different compression rate and memory
 * length, next to what the agent did.
 *
 * @param available   false when it cannot be computed (then only {@code reason} is meaningful)
 * @param reason      why not, or how the inputs were obtained
 * @param framesUsed  memory frames fed to the policy
 * @param tokens      their compressed tokens in total
 * @param bytes       their bytes (float32)
 * @param candidates  every candidate with its policy score (higher is better)
 * @param chosenIndex index of the best candidate
 * @param policyMs    the policy's run time for this counterfactual
 */
public record Counterfactual(boolean available, String reason, int decisionStep, int rate, int memoryLength, int framesUsed,
                             long tokens, long bytes, PolicyDecision.Mode mode, Vec3 target, List<PolicyDecision.Candidate> candidates,
                             int chosenIndex, double policyMs) {

    public Counterfactual {
        candidates = List.copyOf(candidates);
    }

    public static Counterfactual unavailable(String reason, int rate, int memoryLength) {
        return new Counterfactual(false, reason, -1, rate, memoryLength, 0, 0, 0, null, null, List.of(), -1, 0);
    }

    public String chosenKind() {
        return chosenIndex < 0 ? "—" : candidates.get(chosenIndex).kind();
    }
}

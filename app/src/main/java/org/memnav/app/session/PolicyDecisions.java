package org.memnav.app.session;

import java.util.ArrayList;
import java.util.List;
import org.memnav.inference.agent.Decision;
import org.memnav.inference.agent.NavigationMode;
import org.memnav.recordings.PolicyDecision;

/** The agent's decision as the recording (and the window's history of a live run) stores it. */
public final class PolicyDecisions {
    private PolicyDecisions() {
    }

    /** {@code d} on a step clock shifted by {@code stepOffset}; the chosen candidate is the first at the target. */
    public static PolicyDecision of(Decision d, int stepOffset) {
        List<PolicyDecision.Candidate> candidates = new ArrayList<>();
        int chosen = -1;
        for (Decision.Candidate c : d.candidates()) {
            if (chosen < 0 && d.target() != null && c.point().equals(d.target())) {
                chosen = candidates.size();
            }
            candidates.add(new PolicyDecision.Candidate(c.kind(), c.point(), c.score()));
        }
        PolicyDecision.Mode mode = d.mode() == NavigationMode.MEMORY_GUIDED
                ? PolicyDecision.Mode.MEMORY_GUIDED : PolicyDecision.Mode.EXPLORATION;
        return new PolicyDecision(stepOffset + d.step(), mode, d.target(), chosen, d.reason(), candidates);
    }
}

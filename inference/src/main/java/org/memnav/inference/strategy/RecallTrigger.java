package org.memnav.inference.strategy;

/**
 * MemGen's memory trigger as a rule (MemGen trains it with RL): at a decision it consults long-term memory only
 * when (1) long-term memory holds frames the short-term window does not, (2) the short-term window alone does not
 * already lead the policy to a remembered frame, and (3) there is something new to find since the last
 * consultation: a new subtask (a new goal), or at least {@code refreshWrites} frames written since.
 */
public final class RecallTrigger {

    private final int refreshWrites;
    private int consultedSubtask = -1;
    private long writesAtConsult;

    public RecallTrigger(int refreshWrites) {
        if (refreshWrites < 1) {
            throw new IllegalArgumentException("the trigger's refresh interval is at least 1 write, got " + refreshWrites);
        }
        this.refreshWrites = refreshWrites;
    }

    /** Whether to consult long-term memory now; when it says yes it remembers this moment as the last consult. */
    public boolean fires(int subtask, long writes, int longTermOnly, boolean shortTermFindsGoal) {
        if (longTermOnly == 0 || shortTermFindsGoal) {
            return false;
        }
        boolean fresh = subtask != consultedSubtask || writes - writesAtConsult >= refreshWrites;
        if (fresh) {
            consultedSubtask = subtask;
            writesAtConsult = writes;
        }
        return fresh;
    }

    public void reset() {
        consultedSubtask = -1;
        writesAtConsult = 0;
    }
}

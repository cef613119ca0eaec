package org.memnav.app.eval;

/**
 * One episode's figures, the unit the confidence intervals are taken over. First-visit and revisit SPL are NaN
 * when the episode had no such subtask; {@code triggerFires} counts MemGen trigger firings (0 for other arms).
 */
public record EpisodeSummary(double successRate, double spl, double firstVisitSpl, double revisitSpl, double writesPerSubtask,
                             long memoryBytesAtEnd, long steps, long writes, long decisions, long triggerFires) {
}

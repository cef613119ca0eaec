package org.memnav.app.session;

import org.memnav.inference.agent.StepListener;

import java.util.List;

/** A step listener that also hears when a run starts and ends (the UI, the recorder, the CLI table). */
public interface RunListener extends StepListener {

    default void onRunStart(RunContext context) {
    }

    default void onRunEnd() {
    }

    /** Fans one run out to several listeners, in order. */
    static RunListener all(RunListener... listeners) {
        return new RunListenerFanOut(List.of(listeners));
    }
}

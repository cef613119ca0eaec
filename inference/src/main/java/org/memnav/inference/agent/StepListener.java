package org.memnav.inference.agent;

import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Observation;

/** Receives a run as it happens (the recorder, the UI, the CLI table). Called on the loop's thread. */
public interface StepListener {

    default void onEpisodeStart(EpisodeSpec spec, Observation first) {
    }

    void onStep(StepEvent event);

    default void onEpisodeEnd(EpisodeResult result) {
    }
}

package org.memnav.app.session;

import org.memnav.inference.agent.EpisodeResult;
import org.memnav.inference.agent.StepEvent;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Observation;

import java.util.List;

/** Delivers each callback to every listener in order. */
final class RunListenerFanOut implements RunListener {

    private final List<RunListener> listeners;

    RunListenerFanOut(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onRunStart(RunContext context) {
        listeners.forEach(l -> l.onRunStart(context));
    }

    @Override
    public void onEpisodeStart(EpisodeSpec spec, Observation first) {
        listeners.forEach(l -> l.onEpisodeStart(spec, first));
    }

    @Override
    public void onStep(StepEvent event) {
        listeners.forEach(l -> l.onStep(event));
    }

    @Override
    public void onEpisodeEnd(EpisodeResult result) {
        listeners.forEach(l -> l.onEpisodeEnd(result));
    }

    @Override
    public void onRunEnd() {
        listeners.forEach(RunListener::onRunEnd);
    }
}

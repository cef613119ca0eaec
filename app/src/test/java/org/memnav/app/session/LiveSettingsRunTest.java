package org.memnav.app.session;

import org.junit.jupiter.api.Test;
import org.memnav.inference.agent.LiveSettings;
import org.memnav.inference.agent.StepEvent;
import org.memnav.inference.arms.AgentArms;
import org.memnav.inference.strategy.MemoryEvent;
import org.memnav.scenes.sim.SceneRef;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real astranav run (embedded simulator, shipped models) retuned at a fixed step, as the what-if sliders do on a
 * live run: from the agent's next step its memory holds the new length and its frames the new rate's tokens.
 */
class LiveSettingsRunTest {

    private static final int REQUEST_AT = 30;

    @Test
    void theRunningAgentTakesTheNewRateAndMemoryLengthFromItsNextStep() {
        RunSettings settings = new RunSettings(null, SceneRef.DEFAULT, 7, 1, 1, 20, ProjectPaths.defaultEncoderManifest(), null,
                AgentArms.ASTRANAV, 16);
        NavigationRun run = new NavigationRun(settings);
        List<StepEvent> steps = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        LiveSettings.Applied[] applied = new LiveSettings.Applied[1];
        AtomicBoolean stop = new AtomicBoolean();
        run.execute(new RunListener() {
            @Override
            public void onStep(StepEvent event) {
                steps.add(event);
                int step = event.observation().step();
                if (step == REQUEST_AT) {
                    refusals.add(String.valueOf(run.requestSettings(64, 3)));
                }
                applied[0] = run.appliedSettings() == null ? applied[0] : run.appliedSettings();
                if (step >= REQUEST_AT + 60) {
                    stop.set(true);
                }
            }
        }, stop::get);

        assertThat(refusals).containsExactly("null");
        // the event of observation REQUEST_AT came after the agent's act on it: the next act, on observation
        // REQUEST_AT, is where the request applies (its event carries the observation after it)
        assertThat(applied[0]).isEqualTo(new LiveSettings.Applied(REQUEST_AT, 64, 3));
        StepEvent first = steps.stream().filter(e -> e.observation().step() == REQUEST_AT + 1).findFirst().orElseThrow();
        assertThat(first.memoryEvents()).filteredOn(e -> e.kind() == MemoryEvent.Kind.EVICT)
                .isNotEmpty().extracting(MemoryEvent::detail).containsOnly("rate changed to 64x");
        assertThat(first.memoryEvents()).extracting(MemoryEvent::step).containsOnly(REQUEST_AT);
        List<MemoryEvent> writesBefore = writes(steps, 0, REQUEST_AT - 1);
        List<MemoryEvent> writesAfter = writes(steps, REQUEST_AT, Integer.MAX_VALUE);
        assertThat(writesBefore).isNotEmpty().allSatisfy(w -> assertThat(w.frame().tokens()).isEqualTo(256 / 16));
        assertThat(writesAfter).hasSizeGreaterThan(3).allSatisfy(w -> assertThat(w.frame().tokens()).isEqualTo(256 / 64));
        assertThat(steps).filteredOn(e -> e.observation().step() > REQUEST_AT)
                .allSatisfy(e -> assertThat(e.memory().frames()).isLessThanOrEqualTo(3));
        assertThat(steps.getLast().memory().frames()).isEqualTo(3);
        assertThat(steps.getLast().memory().tokens()).isEqualTo(3 * 4);
        assertThat(run.requestSettings(16, 20)).isEqualTo("the run has ended");
    }

    @Test
    void otherArmsSayTheLiveSlidersDoNotApply() {
        RunSettings settings = new RunSettings(null, SceneRef.DEFAULT, 7, 1, 1, 20, ProjectPaths.defaultEncoderManifest(), null,
                AgentArms.SEMANTIC_SENSOR, 16);
        NavigationRun run = new NavigationRun(settings);
        List<String> answers = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        run.execute(new RunListener() {
            @Override
            public void onStep(StepEvent event) {
                answers.add(run.requestSettings(4, 10));
                stop.set(true);
            }
        }, stop::get);
        assertThat(answers).containsExactly("apply to astranav and frontier live runs only");
    }

    private static List<MemoryEvent> writes(List<StepEvent> steps, int from, int to) {
        return steps.stream().flatMap(e -> e.memoryEvents().stream())
                .filter(e -> e.kind() == MemoryEvent.Kind.WRITE && e.step() >= from && e.step() <= to).toList();
    }
}

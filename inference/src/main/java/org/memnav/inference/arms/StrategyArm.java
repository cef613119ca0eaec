package org.memnav.inference.arms;

import org.memnav.inference.agent.MemoryAgentSettings;
import org.memnav.inference.agent.MemoryNavigationAgent;
import org.memnav.inference.agent.NavigationAgent;
import org.memnav.inference.pipeline.MemoryPipeline;
import org.memnav.inference.strategy.MemoryStrategy;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SimBackend;

import java.util.function.Function;

/**
 * An arm that is the learned agent with one memory strategy: same pipeline, exploration and follower as
 * {@code astranav}; only what is written, read and kept differs.
 */
record StrategyArm(String name, String description, boolean usesMemory, Function<ArmSettings, MemoryStrategy> strategy)
        implements AgentArm {

    @Override
    public NavigationAgent create(SimBackend sim, SceneInfo scene, MemoryPipeline pipeline, ArmSettings settings) {
        return new MemoryNavigationAgent(sim, pipeline, MemoryAgentSettings.lifelong(settings.memoryLength()),
                strategy.apply(settings));
    }
}

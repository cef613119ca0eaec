package org.memnav.inference.arms;

import org.memnav.inference.agent.NavigationAgent;
import org.memnav.inference.pipeline.MemoryPipeline;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SimBackend;

/**
 * One named way of running the agent, as the eval compares them (its "arms"): a memory strategy on
 * top of the shared exploration, pipeline and follower. New strategies (write gates, other stores)
 * implement this and are added to {@link AgentArms#standard()}.
 */
public interface AgentArm {

    String name();

    /** One line for --help and the eval table. */
    String description();

    /** Whether the arm's results depend on the memory length (the eval sweeps only those). */
    boolean usesMemory();

    /** An agent for one scene; {@code pipeline} is the worker's own, opened at {@code settings.rate()}. */
    NavigationAgent create(SimBackend sim, SceneInfo scene, MemoryPipeline pipeline, ArmSettings settings);
}

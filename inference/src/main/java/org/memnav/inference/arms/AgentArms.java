package org.memnav.inference.arms;

import org.memnav.inference.agent.MemoryAgentSettings;
import org.memnav.inference.agent.MemoryNavigationAgent;
import org.memnav.inference.agent.NavigationAgent;
import org.memnav.inference.agent.OnnxFrameEncoder;
import org.memnav.inference.agent.SemanticSensorAgent;
import org.memnav.inference.pipeline.MemoryPipeline;
import org.memnav.simbridge.api.SceneInfo;
import org.memnav.simbridge.api.SimBackend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of named arms; immutable, built once per command. */
public final class AgentArms {

    public static final String ASTRANAV = "astranav";
    public static final String FRONTIER = "frontier";
    public static final String SEMANTIC_SENSOR = "semantic-sensor";

    private final Map<String, AgentArm> arms;

    public AgentArms(List<AgentArm> arms) {
        Map<String, AgentArm> byName = new LinkedHashMap<>();
        for (AgentArm arm : arms) {
            if (byName.put(arm.name(), arm) != null) {
                throw new IllegalArgumentException("two arms are named '" + arm.name() + "'");
            }
        }
        this.arms = Map.copyOf(byName);
        this.order = List.copyOf(byName.keySet());
    }

    private final List<String> order;

    /** astranav (learned memory), frontier (same exploration, no memory), semantic-sensor (the skeleton's ground-truth reference). */
    public static AgentArms standard() {
        return new AgentArms(List.of(new LearnedMemoryArm(), new FrontierOnlyArm(), new SemanticSensorArm()));
    }

    public AgentArm get(String name) {
        AgentArm arm = arms.get(name);
        if (arm == null) {
            throw new IllegalArgumentException("unknown agent arm '" + name + "'; known arms: " + String.join(", ", order));
        }
        return arm;
    }

    public List<String> names() {
        return order;
    }

    /** The AstraNav-style learned agent: FIFO memory of compressed frames kept across the lifelong episode. */
    static final class LearnedMemoryArm implements AgentArm {
        @Override
        public String name() {
            return ASTRANAV;
        }

        @Override
        public String description() {
            return "learned policy over a FIFO memory of compressed frames, kept across subtasks";
        }

        @Override
        public boolean usesMemory() {
            return true;
        }

        @Override
        public NavigationAgent create(SimBackend sim, SceneInfo scene, MemoryPipeline pipeline, ArmSettings settings) {
            return new MemoryNavigationAgent(sim, pipeline, MemoryAgentSettings.lifelong(settings.memoryLength()));
        }
    }

    /** Same models and exploration, no memory: only the latest frame, map and frames dropped at every subtask. */
    static final class FrontierOnlyArm implements AgentArm {
        @Override
        public String name() {
            return FRONTIER;
        }

        @Override
        public String description() {
            return "same exploration and models, no memory: latest frame only, forgets at every subtask";
        }

        @Override
        public boolean usesMemory() {
            return false;
        }

        @Override
        public NavigationAgent create(SimBackend sim, SceneInfo scene, MemoryPipeline pipeline, ArmSettings settings) {
            return new MemoryNavigationAgent(sim, pipeline, MemoryAgentSettings.memoryless());
        }
    }

    /** The walking skeleton: recognises goals with the simulator's semantic sensor (privileged), a reference only. */
    static final class SemanticSensorArm implements AgentArm {
        @Override
        public String name() {
            return SEMANTIC_SENSOR;
        }

        @Override
        public String description() {
            return "reference: the skeleton agent, goals recognised by the simulator's semantic sensor (not learned)";
        }

        @Override
        public boolean usesMemory() {
            return false;
        }

        @Override
        public NavigationAgent create(SimBackend sim, SceneInfo scene, MemoryPipeline pipeline, ArmSettings settings) {
            return new SemanticSensorAgent(sim, scene, new OnnxFrameEncoder(pipeline.encoder()), settings.memoryLength());
        }
    }
}

package org.memnav.inference.arms;

import org.memnav.inference.agent.MemoryAgentSettings;
import org.memnav.inference.agent.MemoryNavigationAgent;
import org.memnav.inference.agent.NavigationAgent;
import org.memnav.inference.agent.OnnxFrameEncoder;
import org.memnav.inference.agent.SemanticSensorAgent;
import org.memnav.inference.memory.MemoryStore;
import org.memnav.inference.memory.RecurrentSlotMemory;
import org.memnav.inference.pipeline.MemoryPipeline;
import org.memnav.inference.strategy.ActionSurpriseGate;
import org.memnav.inference.strategy.AlwaysWrite;
import org.memnav.inference.strategy.GoalWeaver;
import org.memnav.inference.strategy.PeriodicWrite;
import org.memnav.inference.strategy.RandomWrite;
import org.memnav.inference.strategy.RecallTrigger;
import org.memnav.inference.strategy.TieredMemoryStrategy;
import org.memnav.inference.strategy.ToolMemoryStrategy;
import org.memnav.inference.strategy.TriggeredMemoryStrategy;
import org.memnav.inference.strategy.WindowMemoryStrategy;
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
    public static final String PERIODIC = "periodic";
    public static final String RANDOM = "random";
    public static final String GATE = "gate";
    public static final String RECURRENT = "recurrent";
    public static final String TOOLS = "tools";
    public static final String TIERS = "tiers";
    public static final String TRIGGER = "trigger";
    /** Seed of the random arm's draws: fixed, so a run repeats. */
    static final long RANDOM_WRITE_SEED = 8;

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

    /**
     * astranav (learned memory, always write), frontier (same exploration, no memory), the memory strategies of the
     * seed papers (periodic, random, gate, recurrent: AURA-Mem write policies; tools: AgeMem; tiers: Mem-alpha;
     * trigger: MemGen), and semantic-sensor (the skeleton's ground-truth reference).
     */
    public static AgentArms standard() {
        return new AgentArms(List.of(new LearnedMemoryArm(), new FrontierOnlyArm(),
                new StrategyArm(PERIODIC, "AURA-Mem periodic writes: one frame every 1/budget steps (rule), FIFO",
                        true, s -> new WindowMemoryStrategy(new MemoryStore(s.memoryLength()), new PeriodicWrite(s.writeEverySteps()), true)),
                new StrategyArm(RANDOM, "AURA-Mem random writes with a matched budget: p = budget per step (rule), FIFO",
                        true, s -> new WindowMemoryStrategy(new MemoryStore(s.memoryLength()),
                                new RandomWrite(s.writesPerStep(), RANDOM_WRITE_SEED), true)),
                new StrategyArm(GATE, "AURA-Mem action-surprise gate: write only if the frame changes the policy's choice (rule over the learned policy)",
                        true, s -> new WindowMemoryStrategy(new MemoryStore(s.memoryLength()),
                                new ActionSurpriseGate(ActionSurpriseGate.DEFAULT_THRESHOLD), true)),
                new StrategyArm(RECURRENT, "AURA-Mem constant-size recurrent state: " + RecurrentSlotMemory.DEFAULT_SLOTS
                        + " slots blended by pose (rule), bytes fixed", false,
                        s -> new WindowMemoryStrategy(new RecurrentSlotMemory(RecurrentSlotMemory.DEFAULT_SLOTS), new AlwaysWrite(), true)),
                new StrategyArm(TOOLS, "AgeMem tools by rule: landmarks ADD/UPDATE/DELETE, context RETRIEVE/SUMMARY/FILTER",
                        true, s -> new ToolMemoryStrategy(Math.max(2, s.memoryLength()), ToolMemoryStrategy.DEFAULT_LANDMARKS)),
                new StrategyArm(TIERS, "Mem-alpha tiers by rule: core, episodic frames+events, semantic goal->place facts",
                        true, s -> new TieredMemoryStrategy(s.memoryLength())),
                new StrategyArm(TRIGGER, "MemGen trigger+weaver by rule: consult long-term memory only when due, weave it to "
                        + TriggeredMemoryStrategy.DEFAULT_WOVEN + " goal-matching frames", true,
                        s -> new TriggeredMemoryStrategy(s.memoryLength(), TriggeredMemoryStrategy.DEFAULT_SHORT_TERM,
                                new RecallTrigger(TriggeredMemoryStrategy.DEFAULT_REFRESH_WRITES),
                                new GoalWeaver(TriggeredMemoryStrategy.DEFAULT_WOVEN))),
                new SemanticSensorArm()));
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
            return "AstraNav-Memory (default): learned policy over a FIFO of compressed frames, always write, kept across subtasks";
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

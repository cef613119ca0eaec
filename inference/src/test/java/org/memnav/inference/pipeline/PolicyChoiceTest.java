package org.memnav.inference.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memnav.inference.memory.MemoryFrame;
import org.memnav.inference.memory.MemoryStore;
import org.memnav.inference.model.InferenceRuntime;
import org.memnav.inference.model.ModelLocator;
import org.memnav.inference.model.PatchTokens;
import org.memnav.inference.model.RuntimeSettings;
import org.memnav.inference.policy.FrontierInput;
import org.memnav.inference.policy.LocalFrame;
import org.memnav.inference.policy.PolicyScores;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.Vec3;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped learned pipeline on a crafted memory: three frames rendered by the simulator in a scene
 * held back from training, the goal category visible (large and near) in the middle one only. The
 * policy must go to the remembered frame that shows the goal and put the target near the object;
 * for a category that no remembered frame shows it must explore a frontier instead.
 */
class PolicyChoiceTest {

    private static Path fixture(String name) throws URISyntaxException {
        var url = PolicyChoiceTest.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("fixture missing: " + name + " (written by inference/training/train_policy.py)");
        }
        return Path.of(url.toURI());
    }

    private static RgbImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        byte[] rgb = new byte[image.getWidth() * image.getHeight() * 3];
        for (int y = 0, i = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                rgb[i++] = (byte) (p >> 16);
                rgb[i++] = (byte) (p >> 8);
                rgb[i++] = (byte) p;
            }
        }
        return new RgbImage(image.getWidth(), image.getHeight(), rgb);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 16, 64})
    void goesToTheRememberedFrameThatShowsTheGoalAndExploresWhenNoneDoes(int rate) throws Exception {
        JsonNode spec = new ObjectMapper().readTree(fixture("policy_choice.json").toFile());
        PipelineManifests manifests = PipelineManifests.shipped(ModelLocator.inProjectRoot(Path.of("..")), rate);
        try (MemoryPipeline pipeline = MemoryPipeline.open(manifests, new InferenceRuntime(RuntimeSettings.defaults().cpuOnly()),
                () -> {
                    throw new AssertionError("no language goal here");
                })) {
            MemoryStore memory = new MemoryStore(10);
            List<Pose> poses = new ArrayList<>();
            for (JsonNode f : spec.get("frames")) {
                Pose pose = new Pose(new Vec3(f.get("x").asDouble(), 0, f.get("z").asDouble()), f.get("yaw").asDouble());
                PatchTokens t = pipeline.perceive(png(fixture(f.get("file").asText()))).compressed().tokens();
                memory.write(poses.size(), pose, t.tokenCount(), t.dim(), t.data());
                poses.add(pose);
            }
            Pose agent = poses.get(2);
            LocalFrame here = new LocalFrame(agent);
            List<FrontierInput> frontiers = new ArrayList<>();
            for (JsonNode f : spec.get("frontiers")) {
                frontiers.add(new FrontierInput(here.toWorld(f.get("forward_m").asDouble(), f.get("right_m").asDouble()),
                        f.get("geodesic_m").asDouble(), f.get("cells").asInt()));
            }
            List<MemoryFrame> frames = memory.frames();

            Goal present = Goal.category(spec.get("present_category").asText());
            PolicyScores seen = pipeline.policy().score(pipeline.goals().encode(present).values(), frames, agent, frontiers);
            PolicyScores.Choice choice = seen.best();
            assertThat(choice.memory()).as("goal '%s' is in frame 1: go there, scores %s", present.category(), seen).isTrue();
            assertThat(choice.index()).isEqualTo(1);
            double[] offset = seen.memoryOffsets()[1];
            Vec3 target = new LocalFrame(frames.get(1).pose()).toWorld(offset[0], offset[1]);
            Vec3 object = new Vec3(spec.get("object_x").asDouble(), 0, spec.get("object_z").asDouble());
            assertThat(target.horizontalDistanceTo(object)).as("target near the object").isLessThan(1.5);

            Goal absent = Goal.category(spec.get("absent_category").asText());
            PolicyScores unseen = pipeline.policy().score(pipeline.goals().encode(absent).values(), frames, agent, frontiers);
            assertThat(unseen.best().memory()).as("no frame shows '%s': explore", absent.category()).isFalse();
        }
    }
}

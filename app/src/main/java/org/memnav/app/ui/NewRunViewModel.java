package org.memnav.app.ui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import org.memnav.app.session.RunSettings;
import org.memnav.inference.arms.AgentArms;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "New run…" dialog's state: agent arm (from the {@link AgentArms} registry, never a fixed list), compression
 * rate, memory length, scene kind and seed. {@link #settings()} turns them into the run's {@link RunSettings}, the
 * rest (simulator, episodes, subtasks, encoder) taken from the run the window was started with.
 */
public final class NewRunViewModel {

    public static final List<Integer> RATES = List.of(1, 4, 16, 64);
    public static final List<String> SCENE_KINDS = List.of("apartment", "office");
    private static final Pattern PROCEDURAL = Pattern.compile("procedural:(\\w+)\\?seed=(-?\\d+)");

    /** One arm as the dialog lists it. */
    public record ArmChoice(String name, String description, boolean usesMemory) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final RunSettings template;
    private final List<ArmChoice> arms;
    private final ObjectProperty<ArmChoice> arm = new SimpleObjectProperty<>(this, "arm");
    private final ObjectProperty<Integer> rate = new SimpleObjectProperty<>(this, "rate");
    private final IntegerProperty memoryLength = new SimpleIntegerProperty(this, "memoryLength");
    private final StringProperty sceneKind = new SimpleStringProperty(this, "sceneKind", "apartment");
    private final IntegerProperty sceneSeed = new SimpleIntegerProperty(this, "sceneSeed", 7);
    private final ReadOnlyStringWrapper armDescription = new ReadOnlyStringWrapper(this, "armDescription", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public NewRunViewModel(RunSettings template, AgentArms registry) {
        this.template = template;
        this.arms = registry.names().stream().map(n -> {
            var a = registry.get(n);
            return new ArmChoice(a.name(), a.description(), a.usesMemory());
        }).toList();
        arm.addListener((o, a, b) -> armDescription.set(b == null ? "" : b.description()
                + (b.usesMemory() ? "" : " (rate and memory length do not apply: no memory)")));
        arm.set(arms.stream().filter(c -> c.name().equals(template.agent())).findFirst().orElse(arms.isEmpty() ? null : arms.getFirst()));
        rate.set(RATES.contains(template.rate()) ? template.rate() : RunSettings.DEFAULT_RATE);
        memoryLength.set(template.memoryLength());
        Matcher m = PROCEDURAL.matcher(template.sceneRef());
        if (m.matches() && SCENE_KINDS.contains(m.group(1))) {
            sceneKind.set(m.group(1));
            sceneSeed.set(Integer.parseInt(m.group(2)));
        }
        arm.addListener((o, a, b) -> validate());
        memoryLength.addListener((o, a, b) -> validate());
        rate.addListener((o, a, b) -> validate());
        validate();
    }

    private void validate() {
        if (arm.get() == null) {
            problem.set("no agent arm is registered");
        } else if (memoryLength.get() < 1) {
            problem.set("memory length must be at least 1 frame");
        } else if (!RATES.contains(rate.get())) {
            problem.set("compression rate must be one of " + RATES);
        } else {
            problem.set("");
        }
    }

    /** The scene reference the run will load. */
    public String sceneRef() {
        return "procedural:" + sceneKind.get() + "?seed=" + sceneSeed.get();
    }

    /** The new run's settings; throws with the reason shown by {@link #problemProperty()} when they are not valid. */
    public RunSettings settings() {
        validate();
        if (!problem.get().isEmpty()) {
            throw new IllegalStateException(problem.get());
        }
        return new RunSettings(template.simEndpoint(), sceneRef(), template.seed(), template.episodes(), template.subtasks(),
                memoryLength.get(), template.encoderManifest(), null, arm.get().name(), rate.get());
    }

    public List<ArmChoice> arms() {
        return arms;
    }

    public ObjectProperty<ArmChoice> armProperty() {
        return arm;
    }

    public ObjectProperty<Integer> rateProperty() {
        return rate;
    }

    public IntegerProperty memoryLengthProperty() {
        return memoryLength;
    }

    public StringProperty sceneKindProperty() {
        return sceneKind;
    }

    public IntegerProperty sceneSeedProperty() {
        return sceneSeed;
    }

    public ReadOnlyStringProperty armDescriptionProperty() {
        return armDescription.getReadOnlyProperty();
    }

    /** Why the settings cannot start a run ("" when they can). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}

package org.memnav.scenes.layout;

import java.util.List;
import java.util.Map;

/** The object categories and colour names the procedural generator draws from. */
public final class ObjectCatalogue {

    public static final List<ObjectCategory> CATEGORIES = List.of(
            new ObjectCategory("sofa", 2.0, 0.9, 0.85, true, List.of("living room")),
            new ObjectCategory("armchair", 0.9, 0.9, 0.9, false, List.of("living room", "bedroom", "office")),
            new ObjectCategory("tv", 1.2, 0.25, 1.2, true, List.of("living room", "bedroom")),
            new ObjectCategory("coffee table", 1.1, 0.6, 0.45, false, List.of("living room")),
            new ObjectCategory("bookshelf", 1.0, 0.35, 1.9, true, List.of("living room", "office", "bedroom")),
            new ObjectCategory("plant", 0.45, 0.45, 1.2, false, List.of("living room", "office", "hallway", "kitchen")),
            new ObjectCategory("lamp", 0.35, 0.35, 1.5, false, List.of("living room", "bedroom", "office")),
            new ObjectCategory("piano", 1.5, 0.6, 1.2, true, List.of("living room")),
            new ObjectCategory("fireplace", 1.4, 0.4, 1.1, true, List.of("living room")),
            new ObjectCategory("bed", 1.6, 2.0, 0.6, true, List.of("bedroom")),
            new ObjectCategory("nightstand", 0.45, 0.4, 0.55, true, List.of("bedroom")),
            new ObjectCategory("wardrobe", 1.2, 0.6, 2.0, true, List.of("bedroom")),
            new ObjectCategory("dresser", 1.0, 0.5, 0.9, true, List.of("bedroom")),
            new ObjectCategory("mirror", 0.6, 0.1, 1.6, true, List.of("bedroom", "bathroom", "hallway")),
            new ObjectCategory("toilet", 0.45, 0.7, 0.75, true, List.of("bathroom")),
            new ObjectCategory("sink", 0.6, 0.5, 0.9, true, List.of("bathroom", "kitchen")),
            new ObjectCategory("bathtub", 1.7, 0.8, 0.6, true, List.of("bathroom")),
            new ObjectCategory("shower", 0.9, 0.9, 2.0, true, List.of("bathroom")),
            new ObjectCategory("towel rack", 0.6, 0.2, 1.0, true, List.of("bathroom")),
            new ObjectCategory("fridge", 0.8, 0.7, 1.8, true, List.of("kitchen")),
            new ObjectCategory("oven", 0.7, 0.6, 0.9, true, List.of("kitchen")),
            new ObjectCategory("microwave", 0.5, 0.4, 1.1, true, List.of("kitchen")),
            new ObjectCategory("dishwasher", 0.6, 0.6, 0.85, true, List.of("kitchen")),
            new ObjectCategory("dining table", 1.6, 0.9, 0.75, false, List.of("kitchen", "living room")),
            new ObjectCategory("chair", 0.5, 0.5, 0.95, false, List.of("kitchen", "office", "living room", "bedroom")),
            new ObjectCategory("trash can", 0.35, 0.35, 0.6, false, List.of("kitchen", "office", "bathroom")),
            new ObjectCategory("desk", 1.4, 0.7, 0.75, true, List.of("office", "bedroom")),
            new ObjectCategory("office chair", 0.6, 0.6, 1.05, false, List.of("office")),
            new ObjectCategory("printer", 0.5, 0.45, 1.0, false, List.of("office")),
            new ObjectCategory("filing cabinet", 0.5, 0.6, 1.3, true, List.of("office")),
            new ObjectCategory("computer", 0.5, 0.3, 1.2, true, List.of("office")),
            new ObjectCategory("whiteboard", 1.5, 0.1, 1.8, true, List.of("office")),
            new ObjectCategory("shoe rack", 0.8, 0.35, 0.5, true, List.of("hallway")),
            new ObjectCategory("coat rack", 0.5, 0.5, 1.8, false, List.of("hallway")),
            new ObjectCategory("washing machine", 0.6, 0.6, 0.85, true, List.of("bathroom", "kitchen")));

    /** Colour names with their sRGB value, so a description ("the green armchair") matches the rendering. */
    public static final Map<String, Integer> COLOURS = Map.ofEntries(
            Map.entry("red", 0xC0392B), Map.entry("orange", 0xE67E22), Map.entry("yellow", 0xF1C40F),
            Map.entry("green", 0x27AE60), Map.entry("teal", 0x16A085), Map.entry("blue", 0x2E6DB4),
            Map.entry("purple", 0x8E44AD), Map.entry("pink", 0xE91E8C), Map.entry("brown", 0x7B4A2A),
            Map.entry("black", 0x222222), Map.entry("white", 0xEEEEEE), Map.entry("grey", 0x8A8A8A));

    public static final List<String> ROOM_TYPES = List.of("living room", "kitchen", "bedroom", "bathroom", "office", "hallway");

    private ObjectCatalogue() {
    }

    public static ObjectCategory category(String name) {
        return CATEGORIES.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown object category '" + name + "'"));
    }
}

package org.memnav.scenes.layout;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The object categories and colour names the procedural generators draw from. */
public final class ObjectCatalogue {

    private static final List<String> ANY = List.of("red", "orange", "yellow", "green", "teal", "blue", "purple", "pink",
            "brown", "black", "white", "grey");
    private static final List<String> UPHOLSTERY = List.of("red", "orange", "yellow", "green", "teal", "blue", "purple",
            "pink", "brown", "black", "grey", "white");
    private static final List<String> WOODY = List.of("brown", "black", "white", "grey", "red", "blue", "green");
    private static final List<String> SANITARY = List.of("white", "grey", "black", "blue", "pink", "teal");
    private static final List<String> APPLIANCE = List.of("white", "grey", "black", "red", "blue", "teal");

    public static final List<ObjectCategory> CATEGORIES = List.of(
            new ObjectCategory("sofa", 2.0, 0.9, 0.85, true, UPHOLSTERY),
            new ObjectCategory("armchair", 0.9, 0.9, 0.9, false, UPHOLSTERY),
            new ObjectCategory("tv", 1.2, 0.4, 1.2, true, WOODY),
            new ObjectCategory("coffee table", 1.1, 0.6, 0.45, false, WOODY),
            new ObjectCategory("bookshelf", 1.0, 0.35, 1.9, true, WOODY),
            new ObjectCategory("plant", 0.5, 0.5, 1.2, false, ANY),
            new ObjectCategory("lamp", 0.4, 0.4, 1.55, false, ANY),
            new ObjectCategory("piano", 1.5, 0.6, 1.2, true, List.of("black", "brown", "white", "red")),
            new ObjectCategory("fireplace", 1.4, 0.45, 1.15, true, List.of("red", "grey", "white", "brown", "black")),
            new ObjectCategory("bed", 1.6, 2.1, 1.0, true, UPHOLSTERY),
            new ObjectCategory("nightstand", 0.45, 0.4, 0.55, true, WOODY),
            new ObjectCategory("wardrobe", 1.2, 0.6, 2.0, true, WOODY),
            new ObjectCategory("dresser", 1.0, 0.5, 0.9, true, WOODY),
            new ObjectCategory("mirror", 0.7, 0.1, 1.7, true, List.of("black", "white", "brown", "yellow", "grey", "red")),
            new ObjectCategory("toilet", 0.45, 0.7, 0.8, true, SANITARY),
            new ObjectCategory("sink", 0.7, 0.5, 0.95, true, SANITARY),
            new ObjectCategory("bathtub", 1.7, 0.8, 0.6, true, SANITARY),
            new ObjectCategory("shower", 0.9, 0.9, 2.0, true, SANITARY),
            new ObjectCategory("towel rack", 0.6, 0.2, 1.0, true, ANY),
            new ObjectCategory("fridge", 0.8, 0.7, 1.8, true, APPLIANCE),
            new ObjectCategory("oven", 0.7, 0.6, 0.9, true, APPLIANCE),
            new ObjectCategory("microwave", 0.6, 0.45, 1.15, true, APPLIANCE),
            new ObjectCategory("dishwasher", 0.6, 0.6, 0.85, true, APPLIANCE),
            new ObjectCategory("dining table", 1.6, 0.9, 0.75, false, WOODY),
            new ObjectCategory("conference table", 2.4, 1.1, 0.75, false, WOODY),
            new ObjectCategory("chair", 0.5, 0.5, 0.95, false, ANY),
            new ObjectCategory("trash can", 0.35, 0.35, 0.6, false, ANY),
            new ObjectCategory("desk", 1.4, 0.7, 0.75, true, WOODY),
            new ObjectCategory("office chair", 0.6, 0.6, 1.05, false, UPHOLSTERY),
            new ObjectCategory("printer", 0.6, 0.5, 1.0, false, APPLIANCE),
            new ObjectCategory("filing cabinet", 0.5, 0.6, 1.3, true, List.of("grey", "black", "white", "blue", "green", "red")),
            new ObjectCategory("computer", 0.9, 0.6, 1.2, true, List.of("black", "white", "grey", "blue", "red")),
            new ObjectCategory("whiteboard", 1.5, 0.3, 1.9, true, List.of("grey", "black", "blue", "red", "green")),
            new ObjectCategory("shoe rack", 0.8, 0.35, 0.5, true, WOODY),
            new ObjectCategory("coat rack", 0.5, 0.5, 1.8, false, WOODY),
            new ObjectCategory("washing machine", 0.6, 0.6, 0.85, true, APPLIANCE),
            new ObjectCategory("water cooler", 0.4, 0.4, 1.3, true, List.of("white", "grey", "blue", "black")));

    /** Colour names with their sRGB value, so a description ("the green armchair") matches the rendering. */
    public static final SortedMap<String, Integer> COLOURS = Collections.unmodifiableSortedMap(new TreeMap<>(Map.ofEntries(
            Map.entry("red", 0xC0392B), Map.entry("orange", 0xE67E22), Map.entry("yellow", 0xF1C40F),
            Map.entry("green", 0x27AE60), Map.entry("teal", 0x16A085), Map.entry("blue", 0x2E6DB4),
            Map.entry("purple", 0x8E44AD), Map.entry("pink", 0xE91E8C), Map.entry("brown", 0x7B4A2A),
            Map.entry("black", 0x262626), Map.entry("white", 0xEDEDE8), Map.entry("grey", 0x8A8A8A))));

    private ObjectCatalogue() {
    }

    public static ObjectCategory category(String name) {
        return CATEGORIES.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown object category '" + name + "'"));
    }
}

package org.memnav.scenes.layout;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What produced a scene: one of the procedural generators, or an imported mesh. */
public enum SceneKind {
    APARTMENT("apartment"), OFFICE("office"), IMPORTED("imported");

    private final String wireName;

    SceneKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static SceneKind fromWireName(String name) {
        for (SceneKind k : values()) {
            if (k.wireName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown scene kind '" + name + "'; expected apartment, office or imported");
    }
}

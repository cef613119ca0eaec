package org.memnav.simbridge.api;

/** How a GOAT subtask names its goal. */
public enum GoalModality {
    OBJECT_CATEGORY("object"), LANGUAGE("description"), IMAGE("image");

    private final String wireName;

    GoalModality(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static GoalModality fromWireName(String name) {
        for (GoalModality m : values()) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown goal modality '" + name + "'");
    }
}

package org.memnav.simbridge.api;

import java.util.Arrays;

/** GOAT-Bench Stretch discrete action space; {@link #wireName()} is what goes over the socket. */
public enum Action {
    MOVE_FORWARD("move_forward"),
    TURN_LEFT("turn_left"),
    TURN_RIGHT("turn_right"),
    LOOK_UP("look_up"),
    LOOK_DOWN("look_down"),
    STOP("stop"),
    SUBTASK_STOP("subtask_stop");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Action fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown action '" + name + "'; expected one of "
                        + Arrays.stream(values()).map(Action::wireName).toList()));
    }
}

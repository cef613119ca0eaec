package org.memnav.simbridge.protocol;

/** The request methods of protocol 1.0, by wire name; each mirrors one {@code SimBackend} call. */
public enum Method {
    HELLO("hello"),
    LOAD_SCENE("load_scene"),
    NEW_EPISODE("new_episode"),
    STEP("step"),
    GET_AGENT_STATE("get_agent_state"),
    SET_AGENT_STATE("set_agent_state"),
    GEODESIC_DISTANCE("geodesic_distance"),
    SHORTEST_PATH("shortest_path"),
    SNAP_POINT("snap_point"),
    NAVIGABILITY_MAP("navigability_map"),
    CLOSE("close");

    private final String wireName;

    Method(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The method with this wire name, or null. */
    public static Method fromWireName(String name) {
        for (Method m : values()) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}

package org.memnav.inference.agent;

/** Why the agent is heading where it is: exploring a frontier, or going to a remembered goal. */
public enum NavigationMode {
    EXPLORATION("exploration"), MEMORY_GUIDED("memory-guided");

    private final String label;

    NavigationMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.memnav.simbridge.api;

import java.util.List;

/** The loaded scene: its id and semantic annotations. */
public record SceneInfo(String sceneId, List<SceneObject> objects) {
    public SceneInfo {
        objects = List.copyOf(objects);
    }

    public String categoryOf(int instanceId) {
        for (SceneObject o : objects) {
            if (o.instanceId() == instanceId) {
                return o.category();
            }
        }
        return null;
    }
}

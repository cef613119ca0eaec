package org.memnav.app.replay;

import org.memnav.renderers.map.MapStyle;
import org.memnav.renderers.orbit.OrbitOverlay;

import java.util.ArrayList;
import java.util.List;

/** The orbit view's overlay at a playhead moment: the path so far in the map's mode colours, remembered poses, the agent. */
public final class OrbitOverlays {

    /** Remembered poses: white posts; the frame the policy headed for: yellow; the agent: red, taller. */
    public static final int MEMORY_RGB = 0xF5F5F5;
    public static final int CHOSEN_RGB = 0xFFD54F;
    public static final int AGENT_RGB = 0xE53935;

    private OrbitOverlays() {
    }

    public static OrbitOverlay at(RunHistory history, RunMoment moment) {
        int n = moment.step() + 1;
        float[] xz = new float[2 * n];
        int[] rgb = new int[n];
        MapStyle style = MapStyle.defaults();
        int[] count = {0};
        history.forEachPosition(moment.step(), (s, x, z, mode) -> {
            int i = count[0]++;
            xz[2 * i] = (float) x;
            xz[2 * i + 1] = (float) z;
            rgb[i] = style.trajectoryColor(mode) & 0xFFFFFF;
        });
        List<OrbitOverlay.Marker> markers = new ArrayList<>();
        for (RememberedFrame f : moment.memory()) {
            markers.add(new OrbitOverlay.Marker(f.pose().position().x(), f.pose().position().z(), f.pose().yaw(),
                    f.chosen() ? CHOSEN_RGB : MEMORY_RGB, f.chosen() ? 0.7 : 0.45, 0.12));
        }
        markers.add(new OrbitOverlay.Marker(moment.pose().position().x(), moment.pose().position().z(), moment.pose().yaw(),
                AGENT_RGB, 1.0, 0.25));
        int used = count[0];
        return new OrbitOverlay(java.util.Arrays.copyOf(xz, 2 * used), java.util.Arrays.copyOf(rgb, used), markers);
    }
}

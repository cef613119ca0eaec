package org.memnav.scenes.episode;

import org.memnav.simbridge.api.RgbImage;

/** Takes the picture of an image goal: a camera at the agent's camera height, at a floor point, looking along yaw/pitch. */
public interface GoalCamera {

    /** The picture and the instance id behind each of its pixels (so the generator can check what it shows). */
    record Picture(RgbImage rgb, int[] instanceIds) {
    }

    Picture shoot(double x, double z, double yaw, double pitch);

    /** Height of the camera above the floor, metres. */
    double cameraHeight();

    /** Horizontal field of view, degrees. */
    double hfovDeg();
}

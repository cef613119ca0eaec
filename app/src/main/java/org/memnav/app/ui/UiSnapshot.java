package org.memnav.app.ui;

import org.memnav.renderers.map.ArgbImage;
import org.memnav.simbridge.api.RgbImage;

/** An immutable frame of the live run handed from the run's thread to the FX thread. */
record UiSnapshot(int step, String subtask, String action, double stepsPerSecond, String memory, ArgbImage map,
                  RgbImage egocentric, int trajectoryPoints) {
}

package org.memnav.app.ui;

import org.memnav.app.replay.MemoryInspection;
import org.memnav.app.replay.RunMoment;
import org.memnav.renderers.map.ArgbImage;

import java.util.List;
import java.util.Map;

/**
 * One rendered playhead moment handed from the render lane to the FX thread: the moment's data, the map
 * and egocentric pixels, the similarity overlay and memory thumbnails (by frame step; absent when not recorded).
 *
 * @param frameNote   which step the shown frame is from, or why the channel is missing
 * @param heatmapNote what the similarity overlay shows, or why there is none
 * @param comparedMoment the second run of a comparison at the same step (clamped to its end), or null
 * @param inspection  the memory strategy's state at the step (the Memory inspector)
 */
record MomentSnapshot(RunMoment moment, ArgbImage map, ArgbImage frame, String frameNote, ArgbImage heatmap,
                      String heatmapNote, float heatmapMin, float heatmapMax, Map<Integer, ArgbImage> thumbnails,
                      Map<FrameChannel, String> missingChannels, List<long[]> memorySeries,
                      RunMoment comparedMoment, MemoryInspection inspection) {
}

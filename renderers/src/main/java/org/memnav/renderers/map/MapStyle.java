package org.memnav.renderers.map;

/**
 * Colours (0xAARRGGBB) and marker sizes for the top-down map. Overlay colours may be
 * translucent; they are alpha-blended over the grid.
 *
 * @param trajectoryModeColors colour per trajectory segment mode; modes past the end use the last colour
 */
public record MapStyle(int blocked, int navigable, int unknownOverlay, int exploredFreeOverlay,
                       int exploredOccupied, int[] trajectoryModeColors, int trajectoryWidthPx,
                       int frontier, int frontierRadiusPx, int objectRadiusPx, int goalRadiusPx,
                       int agentFill, int agentOutline, int agentSizePx) {

    public static final int MODE_EXPLORATION = 0;
    public static final int MODE_MEMORY_GUIDED = 1;

    public MapStyle {
        if (trajectoryModeColors.length == 0) {
            throw new IllegalArgumentException("need at least one trajectory colour");
        }
        if (trajectoryWidthPx < 1 || agentSizePx < 1) {
            throw new IllegalArgumentException("line width and agent size must be at least 1 px");
        }
    }

    /** Light floor on dark walls; exploration blue, memory-guided green, further modes orange and purple. */
    public static MapStyle defaults() {
        return new MapStyle(
                0xFF3A3F47, 0xFFE6E6E6, 0x80202020, 0x403D8BFD, 0xFF8B2F2F,
                new int[] {0xFF1E88E5, 0xFF2E9E48, 0xFFF28C28, 0xFF8E44AD}, 1,
                0xFFFFB300, 3, 4, 6,
                0xFFD81B60, 0xFF000000, 13);
    }

    public MapStyle withTrajectoryWidthPx(int width) {
        return new MapStyle(blocked, navigable, unknownOverlay, exploredFreeOverlay, exploredOccupied,
                trajectoryModeColors, width, frontier, frontierRadiusPx, objectRadiusPx, goalRadiusPx,
                agentFill, agentOutline, agentSizePx);
    }

    public int trajectoryColor(int mode) {
        return trajectoryModeColors[Math.min(mode & 0xFF, trajectoryModeColors.length - 1)];
    }
}

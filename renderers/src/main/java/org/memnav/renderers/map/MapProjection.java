package org.memnav.renderers.map;

/**
 * World (x, z) to map pixels and back for a grid drawn at {@code pixelsPerCell}. Pixel (px, py)
 * covers x in [originX + px*m, originX + (px+1)*m) and z likewise, where m = metres per pixel;
 * +x is right, +z is down, so the map is the floor seen from above.
 */
public record MapProjection(double originX, double originZ, double metresPerPixel, int width, int height) {

    public static MapProjection of(NavigabilityGrid grid, int pixelsPerCell) {
        if (pixelsPerCell < 1) {
            throw new IllegalArgumentException("pixelsPerCell must be at least 1, got " + pixelsPerCell);
        }
        return new MapProjection(grid.originX(), grid.originZ(), grid.cellSizeM() / pixelsPerCell,
                Math.multiplyExact(grid.width(), pixelsPerCell), Math.multiplyExact(grid.height(), pixelsPerCell));
    }

    /** Continuous pixel x (pixel edges at integers). */
    public double pixelX(double x) {
        return (x - originX) / metresPerPixel;
    }

    /** Continuous pixel y (pixel edges at integers). */
    public double pixelY(double z) {
        return (z - originZ) / metresPerPixel;
    }

    /** The column of the pixel containing world x. */
    public int column(double x) {
        return (int) Math.floor(pixelX(x));
    }

    /** The row of the pixel containing world z. */
    public int row(double z) {
        return (int) Math.floor(pixelY(z));
    }

    /** World x of the centre of pixel column {@code px}. */
    public double worldX(int px) {
        return originX + (px + 0.5) * metresPerPixel;
    }

    /** World z of the centre of pixel row {@code py}. */
    public double worldZ(int py) {
        return originZ + (py + 0.5) * metresPerPixel;
    }
}

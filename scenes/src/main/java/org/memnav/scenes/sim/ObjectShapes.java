package org.memnav.scenes.sim;

import org.memnav.renderers.gl.RenderSceneBuilder;
import org.memnav.renderers.gl.SurfacePattern;
import org.memnav.scenes.layout.PlacedObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How each object category looks: a few boxes in the object's own frame (a sofa is a seat, a back,
 * two arms and legs; a lamp a base, a pole and a glowing shade), so that categories differ in shape
 * as well as colour and an image goal shows a recognisable thing. Every part carries the object's
 * instance id. Parts stay inside the object's footprint box, which is what navigation uses.
 */
final class ObjectShapes {

    /** Where a part's colour comes from. */
    private enum Tint { MAIN, DARK, LIGHT, WOOD, METAL, BLACK, WHITE, FOLIAGE, MIRROR, WATER, COAT }

    /**
     * A box in the object's frame: u across (-0.5 .. 0.5, the object's own left to right), v from back
     * to front (-0.5 back .. 0.5 front), y up (0 floor .. 1 top), all as fractions of the object's size.
     */
    private record Part(double u0, double u1, double v0, double v1, double y0, double y1, Tint tint, SurfacePattern pattern) {
    }

    private static Part p(double u0, double u1, double v0, double v1, double y0, double y1, Tint tint) {
        return new Part(u0, u1, v0, v1, y0, y1, tint, SurfacePattern.PLAIN);
    }

    private static Part p(double u0, double u1, double v0, double v1, double y0, double y1, Tint tint, SurfacePattern pattern) {
        return new Part(u0, u1, v0, v1, y0, y1, tint, pattern);
    }

    private static List<Part> legs(double y1, double inset, double size, Tint tint) {
        List<Part> out = new ArrayList<>();
        for (double su : new double[]{-1, 1}) {
            for (double sv : new double[]{-1, 1}) {
                double cu = su * (0.5 - inset);
                double cv = sv * (0.5 - inset);
                out.add(p(cu - size / 2, cu + size / 2, cv - size / 2, cv + size / 2, 0, y1, tint));
            }
        }
        return out;
    }

    private static List<Part> with(List<Part> a, Part... more) {
        List<Part> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }

    private static List<Part> seat(double seatTop) {
        return with(legs(0.12, 0.05, 0.06, Tint.WOOD),
                p(-0.5, 0.5, -0.5, 0.5, 0.12, seatTop, Tint.MAIN, SurfacePattern.FABRIC),
                p(-0.5, 0.5, -0.5, -0.22, seatTop, 1, Tint.MAIN, SurfacePattern.FABRIC),
                p(-0.5, -0.38, -0.22, 0.5, seatTop, seatTop + 0.27, Tint.DARK, SurfacePattern.FABRIC),
                p(0.38, 0.5, -0.22, 0.5, seatTop, seatTop + 0.27, Tint.DARK, SurfacePattern.FABRIC));
    }

    private static List<Part> table(double topFrom, Tint legs) {
        return with(legs(topFrom, 0.06, 0.06, legs), p(-0.5, 0.5, -0.5, 0.5, topFrom, 1, Tint.MAIN));
    }

    private static final Map<String, List<Part>> SHAPES = Map.ofEntries(
            Map.entry("sofa", seat(0.45)),
            Map.entry("armchair", seat(0.45)),
            Map.entry("tv", List.of(p(-0.5, 0.5, -0.5, 0.5, 0, 0.4, Tint.MAIN),
                    p(-0.06, 0.06, -0.2, -0.05, 0.4, 0.5, Tint.BLACK),
                    p(-0.48, 0.48, -0.2, 0.05, 0.5, 1, Tint.BLACK, SurfacePattern.SCREEN))),
            Map.entry("coffee table", table(0.82, Tint.DARK)),
            Map.entry("bookshelf", List.of(p(-0.5, -0.44, -0.5, 0.5, 0, 1, Tint.MAIN), p(0.44, 0.5, -0.5, 0.5, 0, 1, Tint.MAIN),
                    p(-0.44, 0.44, -0.5, -0.42, 0, 1, Tint.MAIN), p(-0.44, 0.44, -0.42, 0.5, 0, 0.04, Tint.MAIN),
                    p(-0.44, 0.44, -0.42, 0.5, 0.96, 1, Tint.MAIN), p(-0.44, 0.44, -0.42, 0.5, 0.33, 0.35, Tint.MAIN),
                    p(-0.44, 0.44, -0.42, 0.5, 0.65, 0.67, Tint.MAIN),
                    p(-0.43, 0.43, -0.42, 0.38, 0.04, 0.28, Tint.MAIN, SurfacePattern.BOOKS),
                    p(-0.43, 0.3, -0.42, 0.38, 0.35, 0.58, Tint.MAIN, SurfacePattern.BOOKS),
                    p(-0.2, 0.43, -0.42, 0.38, 0.67, 0.9, Tint.MAIN, SurfacePattern.BOOKS))),
            Map.entry("plant", List.of(p(-0.3, 0.3, -0.3, 0.3, 0, 0.32, Tint.MAIN),
                    p(-0.5, 0.5, -0.5, 0.5, 0.32, 0.8, Tint.FOLIAGE, SurfacePattern.CARPET),
                    p(-0.32, 0.32, -0.32, 0.32, 0.8, 1, Tint.FOLIAGE, SurfacePattern.CARPET))),
            Map.entry("lamp", List.of(p(-0.35, 0.35, -0.35, 0.35, 0, 0.04, Tint.METAL),
                    p(-0.05, 0.05, -0.05, 0.05, 0.04, 0.72, Tint.METAL),
                    p(-0.5, 0.5, -0.5, 0.5, 0.72, 1, Tint.MAIN, SurfacePattern.LIGHT))),
            Map.entry("piano", with(legs(0.5, 0.04, 0.06, Tint.MAIN), p(-0.5, 0.5, -0.5, 0.05, 0.5, 1, Tint.MAIN),
                    p(-0.5, 0.5, 0.05, 0.5, 0.5, 0.6, Tint.MAIN), p(-0.47, 0.47, 0.1, 0.45, 0.6, 0.63, Tint.WHITE))),
            Map.entry("fireplace", List.of(p(-0.5, 0.5, -0.5, 0.4, 0, 0.88, Tint.MAIN, SurfacePattern.BRICK),
                    p(-0.5, -0.28, 0.4, 0.5, 0, 0.88, Tint.MAIN, SurfacePattern.BRICK),
                    p(0.28, 0.5, 0.4, 0.5, 0, 0.88, Tint.MAIN, SurfacePattern.BRICK),
                    p(-0.28, 0.28, 0.4, 0.5, 0.62, 0.88, Tint.MAIN, SurfacePattern.BRICK),
                    p(-0.28, 0.28, 0.4, 0.44, 0, 0.62, Tint.BLACK), p(-0.5, 0.5, -0.5, 0.5, 0.88, 1, Tint.WOOD))),
            Map.entry("bed", List.of(p(-0.5, 0.5, -0.42, 0.5, 0, 0.3, Tint.WOOD),
                    p(-0.48, 0.48, -0.42, 0.48, 0.3, 0.5, Tint.WHITE, SurfacePattern.FABRIC),
                    p(-0.49, 0.49, -0.05, 0.49, 0.5, 0.56, Tint.MAIN, SurfacePattern.FABRIC),
                    p(-0.42, -0.04, -0.4, -0.22, 0.5, 0.62, Tint.WHITE, SurfacePattern.FABRIC),
                    p(0.04, 0.42, -0.4, -0.22, 0.5, 0.62, Tint.WHITE, SurfacePattern.FABRIC),
                    p(-0.5, 0.5, -0.5, -0.42, 0, 1, Tint.MAIN, SurfacePattern.FABRIC))),
            Map.entry("nightstand", List.of(p(-0.5, 0.5, -0.5, 0.44, 0, 1, Tint.MAIN),
                    p(-0.45, 0.45, 0.44, 0.5, 0.55, 0.92, Tint.LIGHT), p(-0.45, 0.45, 0.44, 0.5, 0.1, 0.5, Tint.LIGHT))),
            Map.entry("wardrobe", List.of(p(-0.5, 0.5, -0.5, 0.44, 0, 1, Tint.MAIN),
                    p(-0.48, -0.01, 0.44, 0.48, 0.02, 0.98, Tint.LIGHT), p(0.01, 0.48, 0.44, 0.48, 0.02, 0.98, Tint.LIGHT),
                    p(-0.08, -0.04, 0.48, 0.5, 0.45, 0.6, Tint.METAL), p(0.04, 0.08, 0.48, 0.5, 0.45, 0.6, Tint.METAL))),
            Map.entry("dresser", List.of(p(-0.5, 0.5, -0.5, 0.44, 0, 1, Tint.MAIN),
                    p(-0.47, 0.47, 0.44, 0.5, 0.68, 0.95, Tint.LIGHT), p(-0.47, 0.47, 0.44, 0.5, 0.37, 0.64, Tint.LIGHT),
                    p(-0.47, 0.47, 0.44, 0.5, 0.06, 0.33, Tint.LIGHT))),
            Map.entry("mirror", List.of(p(-0.35, 0.35, -0.5, 0.5, 0, 0.06, Tint.MAIN),
                    p(-0.5, 0.5, -0.5, 0.2, 0.06, 1, Tint.MAIN),
                    p(-0.42, 0.42, 0.2, 0.5, 0.12, 0.95, Tint.MIRROR, SurfacePattern.SCREEN))),
            Map.entry("toilet", List.of(p(-0.32, 0.32, -0.15, 0.5, 0, 0.45, Tint.MAIN),
                    p(-0.5, 0.5, -0.5, -0.15, 0.3, 1, Tint.MAIN), p(-0.36, 0.36, -0.1, 0.5, 0.45, 0.52, Tint.LIGHT))),
            Map.entry("sink", List.of(p(-0.5, 0.5, -0.5, 0.44, 0, 0.85, Tint.MAIN),
                    p(-0.46, 0.46, 0.44, 0.5, 0.06, 0.8, Tint.LIGHT), p(-0.5, 0.5, -0.5, 0.5, 0.85, 0.9, Tint.WHITE),
                    p(-0.05, 0.05, -0.45, -0.3, 0.9, 1, Tint.METAL))),
            Map.entry("bathtub", List.of(p(-0.5, 0.5, -0.5, 0.5, 0, 0.25, Tint.MAIN),
                    p(-0.5, 0.5, -0.5, -0.4, 0.25, 1, Tint.MAIN), p(-0.5, 0.5, 0.4, 0.5, 0.25, 1, Tint.MAIN),
                    p(-0.5, -0.44, -0.4, 0.4, 0.25, 1, Tint.MAIN), p(0.44, 0.5, -0.4, 0.4, 0.25, 1, Tint.MAIN),
                    p(-0.44, 0.44, -0.4, 0.4, 0.25, 0.3, Tint.WATER))),
            Map.entry("shower", List.of(p(-0.5, 0.5, -0.5, 0.5, 0, 0.04, Tint.WHITE),
                    p(-0.5, 0.5, -0.5, -0.44, 0.04, 1, Tint.MAIN, SurfacePattern.TILES),
                    p(-0.5, -0.47, -0.44, 0.5, 0.04, 0.96, Tint.MIRROR, SurfacePattern.SCREEN),
                    p(0.47, 0.5, -0.44, 0.5, 0.04, 0.96, Tint.MIRROR, SurfacePattern.SCREEN),
                    p(-0.1, 0.1, -0.44, -0.2, 0.9, 0.93, Tint.METAL))),
            Map.entry("towel rack", List.of(p(-0.5, -0.42, -0.4, 0.4, 0, 1, Tint.METAL), p(0.42, 0.5, -0.4, 0.4, 0, 1, Tint.METAL),
                    p(-0.42, 0.42, -0.1, 0.1, 0.86, 0.9, Tint.METAL),
                    p(-0.38, 0.38, -0.3, 0.3, 0.35, 0.86, Tint.MAIN, SurfacePattern.FABRIC))),
            Map.entry("fridge", List.of(p(-0.5, 0.5, -0.5, 0.44, 0, 1, Tint.MAIN),
                    p(-0.48, 0.48, 0.44, 0.47, 0.63, 0.99, Tint.LIGHT), p(-0.48, 0.48, 0.44, 0.47, 0.01, 0.61, Tint.LIGHT),
                    p(0.34, 0.4, 0.47, 0.5, 0.66, 0.85, Tint.METAL), p(0.34, 0.4, 0.47, 0.5, 0.4, 0.58, Tint.METAL))),
            Map.entry("oven", List.of(p(-0.5, 0.5, -0.5, 0.44, 0, 0.94, Tint.MAIN),
                    p(-0.4, 0.4, 0.44, 0.5, 0.12, 0.68, Tint.BLACK, SurfacePattern.SCREEN),
                    p(-0.4, 0.4, 0.44, 0.5, 0.72, 0.77, Tint.METAL), p(-0.5, 0.5, -0.5, 0.5, 0.94, 1, Tint.BLACK))),
            Map.entry("microwave", List.of(p(-0.5, 0.5, -0.5, 0.5, 0, 0.7, Tint.WOOD),
                    p(-0.45, 0.45, -0.4, 0.38, 0.7, 1, Tint.MAIN),
                    p(-0.4, 0.15, 0.38, 0.42, 0.74, 0.96, Tint.BLACK, SurfacePattern.SCREEN),
                    p(0.2, 0.42, 0.38, 0.42, 0.74, 0.96, Tint.DARK))),
            Map.entry("dishwasher", List.of(p(-0.5, 0.5, -0.5, 0.44, 0, 1, Tint.MAIN),
                    p(-0.48, 0.48, 0.44, 0.5, 0.84, 0.97, Tint.DARK), p(-0.3, 0.3, 0.44, 0.5, 0.76, 0.8, Tint.METAL))),
            Map.entry("dining table", table(0.93, Tint.DARK)),
            Map.entry("conference table", with(legs(0.93, 0.12, 0.05, Tint.METAL), p(-0.5, 0.5, -0.5, 0.5, 0.93, 1, Tint.MAIN),
                    p(-0.3, 0.3, -0.06, 0.06, 0, 0.93, Tint.DARK))),
            Map.entry("chair", with(legs(0.45, 0.06, 0.07, Tint.DARK), p(-0.5, 0.5, -0.44, 0.5, 0.45, 0.52, Tint.MAIN),
                    p(-0.5, 0.5, -0.5, -0.4, 0.52, 1, Tint.MAIN))),
            Map.entry("trash can", List.of(p(-0.5, 0.5, -0.5, 0.5, 0, 0.9, Tint.MAIN), p(-0.5, 0.5, -0.5, 0.5, 0.9, 1, Tint.DARK))),
            Map.entry("desk", List.of(p(-0.5, 0.5, -0.5, 0.5, 0.93, 1, Tint.MAIN), p(-0.5, -0.46, -0.45, 0.45, 0, 0.93, Tint.DARK),
                    p(0.46, 0.5, -0.45, 0.45, 0, 0.93, Tint.DARK), p(0.16, 0.46, -0.45, 0.42, 0.05, 0.93, Tint.LIGHT),
                    p(-0.46, 0.46, -0.5, -0.44, 0.4, 0.93, Tint.DARK))),
            Map.entry("office chair", List.of(p(-0.5, 0.5, -0.06, 0.06, 0, 0.07, Tint.BLACK), p(-0.06, 0.06, -0.5, 0.5, 0, 0.07, Tint.BLACK),
                    p(-0.05, 0.05, -0.05, 0.05, 0.07, 0.42, Tint.METAL),
                    p(-0.45, 0.45, -0.4, 0.45, 0.42, 0.5, Tint.MAIN, SurfacePattern.FABRIC),
                    p(-0.42, 0.42, -0.5, -0.38, 0.5, 1, Tint.MAIN, SurfacePattern.FABRIC))),
            Map.entry("printer", List.of(p(-0.45, 0.45, -0.45, 0.45, 0, 0.6, Tint.METAL), p(-0.5, 0.5, -0.5, 0.5, 0.6, 0.92, Tint.MAIN),
                    p(-0.5, 0.5, -0.5, 0.1, 0.92, 1, Tint.DARK), p(-0.35, 0.35, 0.1, 0.5, 0.92, 0.95, Tint.WHITE),
                    p(-0.3, 0.3, 0.44, 0.5, 0.66, 0.72, Tint.BLACK))),
            Map.entry("filing cabinet", List.of(p(-0.5, 0.5, -0.5, 0.44, 0, 1, Tint.MAIN),
                    p(-0.46, 0.46, 0.44, 0.47, 0.76, 0.98, Tint.LIGHT), p(-0.46, 0.46, 0.44, 0.47, 0.52, 0.74, Tint.LIGHT),
                    p(-0.46, 0.46, 0.44, 0.47, 0.28, 0.5, Tint.LIGHT), p(-0.46, 0.46, 0.44, 0.47, 0.03, 0.26, Tint.LIGHT),
                    p(-0.12, 0.12, 0.47, 0.5, 0.9, 0.93, Tint.METAL), p(-0.12, 0.12, 0.47, 0.5, 0.66, 0.69, Tint.METAL),
                    p(-0.12, 0.12, 0.47, 0.5, 0.42, 0.45, Tint.METAL), p(-0.12, 0.12, 0.47, 0.5, 0.18, 0.21, Tint.METAL))),
            Map.entry("computer", with(legs(0.58, 0.05, 0.05, Tint.METAL), p(-0.5, 0.5, -0.5, 0.5, 0.58, 0.62, Tint.WOOD),
                    p(-0.05, 0.05, -0.3, -0.18, 0.62, 0.7, Tint.BLACK), p(-0.4, 0.4, -0.3, -0.16, 0.7, 1, Tint.MAIN),
                    p(-0.37, 0.37, -0.16, -0.13, 0.73, 0.97, Tint.BLACK, SurfacePattern.SCREEN),
                    p(-0.3, 0.3, 0.05, 0.35, 0.62, 0.64, Tint.DARK))),
            Map.entry("whiteboard", List.of(p(-0.48, -0.44, -0.5, 0.5, 0, 0.03, Tint.METAL), p(0.44, 0.48, -0.5, 0.5, 0, 0.03, Tint.METAL),
                    p(-0.48, -0.44, -0.05, 0.05, 0.03, 0.42, Tint.METAL), p(0.44, 0.48, -0.05, 0.05, 0.03, 0.42, Tint.METAL),
                    p(-0.5, 0.5, -0.12, 0.08, 0.4, 1, Tint.MAIN), p(-0.47, 0.47, 0.08, 0.14, 0.43, 0.97, Tint.WHITE))),
            Map.entry("shoe rack", List.of(p(-0.5, -0.45, -0.5, 0.5, 0, 1, Tint.MAIN), p(0.45, 0.5, -0.5, 0.5, 0, 1, Tint.MAIN),
                    p(-0.45, 0.45, -0.5, 0.5, 0, 0.06, Tint.MAIN), p(-0.45, 0.45, -0.5, 0.5, 0.5, 0.56, Tint.MAIN),
                    p(-0.45, 0.45, -0.5, 0.5, 0.94, 1, Tint.MAIN), p(-0.42, -0.05, -0.4, 0.4, 0.06, 0.3, Tint.BLACK),
                    p(0.05, 0.42, -0.4, 0.4, 0.56, 0.8, Tint.COAT))),
            Map.entry("coat rack", List.of(p(-0.4, 0.4, -0.4, 0.4, 0, 0.03, Tint.DARK), p(-0.05, 0.05, -0.05, 0.05, 0.03, 1, Tint.MAIN),
                    p(-0.4, 0.4, -0.03, 0.03, 0.88, 0.91, Tint.MAIN), p(-0.03, 0.03, -0.4, 0.4, 0.91, 0.94, Tint.MAIN),
                    p(-0.38, -0.06, -0.25, 0.2, 0.45, 0.88, Tint.COAT, SurfacePattern.FABRIC))),
            Map.entry("washing machine", List.of(p(-0.5, 0.5, -0.5, 0.44, 0, 1, Tint.MAIN),
                    p(-0.3, 0.3, 0.44, 0.5, 0.2, 0.72, Tint.BLACK, SurfacePattern.SCREEN),
                    p(-0.48, 0.48, 0.44, 0.5, 0.82, 0.97, Tint.DARK))),
            Map.entry("water cooler", List.of(p(-0.5, 0.5, -0.5, 0.5, 0, 0.68, Tint.MAIN),
                    p(-0.35, 0.35, -0.35, 0.35, 0.68, 1, Tint.WATER, SurfacePattern.SCREEN),
                    p(-0.12, 0.12, 0.44, 0.5, 0.5, 0.56, Tint.METAL))));

    private ObjectShapes() {
    }

    static void addTo(RenderSceneBuilder b, PlacedObject o) {
        List<Part> parts = SHAPES.getOrDefault(o.category(), List.of(p(-0.5, 0.5, -0.5, 0.5, 0, 1, Tint.MAIN)));
        double yaw = Math.toRadians(o.facingDeg());
        double fx = -Math.sin(yaw);
        double fz = -Math.cos(yaw);
        double rx = -fz;
        double rz = fx;
        boolean sideways = Math.abs(fx) > Math.abs(fz);
        double across = sideways ? o.depth() : o.width();
        double along = sideways ? o.width() : o.depth();
        for (Part part : parts) {
            double[] a = local(o, part.u0 * across, part.v0 * along, rx, rz, fx, fz);
            double[] c = local(o, part.u1 * across, part.v1 * along, rx, rz, fx, fz);
            double x0 = Math.min(a[0], c[0]);
            double x1 = Math.max(a[0], c[0]);
            double z0 = Math.min(a[1], c[1]);
            double z1 = Math.max(a[1], c[1]);
            if (x1 - x0 < 1e-4 || z1 - z0 < 1e-4 || part.y1 <= part.y0) {
                continue;
            }
            b.addBox(x0, part.y0 * o.height(), z0, x1, part.y1 * o.height(), z1, tint(part.tint, o.rgb()), o.instanceId(),
                    part.pattern);
        }
    }

    private static double[] local(PlacedObject o, double u, double v, double rx, double rz, double fx, double fz) {
        return new double[]{o.centreX() + u * rx + v * fx, o.centreZ() + u * rz + v * fz};
    }

    private static int tint(Tint t, int main) {
        return switch (t) {
            case MAIN -> main;
            case DARK -> scale(main, 0.65);
            case LIGHT -> mix(main, 0xFFFFFF, 0.18);
            case WOOD -> 0x6B4A2F;
            case METAL -> 0x9AA0A6;
            case BLACK -> 0x1C1C1E;
            case WHITE -> 0xF0F0EC;
            case FOLIAGE -> 0x2F8A3B;
            case MIRROR -> 0xB9CCD8;
            case WATER -> 0x8CC4E8;
            case COAT -> 0x3B4A6B;
        };
    }

    private static int scale(int rgb, double f) {
        int r = (int) Math.round(((rgb >> 16) & 0xFF) * f);
        int g = (int) Math.round(((rgb >> 8) & 0xFF) * f);
        int b = (int) Math.round((rgb & 0xFF) * f);
        return r << 16 | g << 8 | b;
    }

    private static int mix(int rgb, int other, double t) {
        int r = (int) Math.round(((rgb >> 16) & 0xFF) * (1 - t) + ((other >> 16) & 0xFF) * t);
        int g = (int) Math.round(((rgb >> 8) & 0xFF) * (1 - t) + ((other >> 8) & 0xFF) * t);
        int b = (int) Math.round((rgb & 0xFF) * (1 - t) + (other & 0xFF) * t);
        return r << 16 | g << 8 | b;
    }
}

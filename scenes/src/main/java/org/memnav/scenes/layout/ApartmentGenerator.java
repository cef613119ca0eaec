package org.memnav.scenes.layout;

import org.memnav.scenes.nav.OccupancyGrid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded procedural apartment: a rectangle split recursively into rooms, one door in every split
 * wall (so the plan is connected by construction), and furniture placed by room type. A layout in
 * which some room ends up unreachable for the agent's radius is regenerated from a derived seed, so
 * the same seed always gives the same scene.
 */
public final class ApartmentGenerator {

    private static final double WALL = 0.1;
    private static final double DOOR = 1.0;
    private static final double MIN_ROOM = 2.4;
    private static final int[] PASTELS = {0xE8DCC8, 0xCFE0E8, 0xE3D1E6, 0xD5E8D4, 0xF2E2C4, 0xDDE1E6, 0xF0D5CF,
            0xC9D6C3, 0xE6E0F0, 0xD9CBB7};
    private static final int[] FLOORS = {0xA07850, 0x8C8C84, 0xB59A76, 0x6F5B4B, 0xC2B8A3, 0x7D8A8F};

    private final double agentRadius;

    public ApartmentGenerator(double agentRadius) {
        this.agentRadius = agentRadius;
    }

    public SceneLayout generate(long seed) {
        for (int attempt = 0; attempt < 50; attempt++) {
            SceneLayout layout = tryGenerate(seed, new SplittableRandom(seed * 1_000_003L + attempt));
            if (allRoomsReachable(layout)) {
                return layout;
            }
        }
        throw new IllegalStateException("could not generate a connected apartment for seed " + seed);
    }

    private boolean allRoomsReachable(SceneLayout layout) {
        OccupancyGrid grid = OccupancyGrid.build(layout, agentRadius, 0.05);
        for (Room r : layout.rooms()) {
            if (!grid.anyNavigableIn(r.minX(), r.minZ(), r.maxX(), r.maxZ())) {
                return false;
            }
        }
        for (PlacedObject o : layout.objects()) {
            if (grid.nearestNavigableWithin(o.centreX(), o.centreZ(), Math.max(o.width(), o.depth()) / 2 + 0.9) == null) {
                return false;
            }
        }
        return true;
    }

    private record Region(double minX, double minZ, double maxX, double maxZ) {
        double area() {
            return (maxX - minX) * (maxZ - minZ);
        }
    }

    private SceneLayout tryGenerate(long seed, SplittableRandom rnd) {
        double width = round(8 + rnd.nextDouble() * 4);
        double depth = round(7 + rnd.nextDouble() * 3);
        int targetRooms = 4 + rnd.nextInt(3);
        List<Region> regions = new ArrayList<>(List.of(new Region(0, 0, width, depth)));
        List<WallSegment> walls = new ArrayList<>();
        List<double[]> doors = new ArrayList<>(); // x, z centre of each door gap
        int wallRgb = 0xD8D2C8;
        while (regions.size() < targetRooms) {
            regions.sort(Comparator.comparingDouble(Region::area).reversed());
            Region r = regions.remove(0);
            boolean splitX = (r.maxX - r.minX) >= (r.maxZ - r.minZ);
            double lo = splitX ? r.minX : r.minZ;
            double hi = splitX ? r.maxX : r.maxZ;
            if (hi - lo < 2 * MIN_ROOM) {
                regions.add(r);
                break;
            }
            double at = round(lo + MIN_ROOM + rnd.nextDouble() * (hi - lo - 2 * MIN_ROOM));
            double spanLo = splitX ? r.minZ : r.minX;
            double spanHi = splitX ? r.maxZ : r.maxX;
            double doorCentre = round(spanLo + 0.3 + DOOR / 2 + rnd.nextDouble() * (spanHi - spanLo - DOOR - 0.6));
            int rgb = PASTELS[rnd.nextInt(PASTELS.length)];
            addWallWithDoor(walls, splitX, at, spanLo, spanHi, doorCentre, rgb);
            doors.add(splitX ? new double[]{at, doorCentre} : new double[]{doorCentre, at});
            if (splitX) {
                regions.add(new Region(r.minX, r.minZ, at, r.maxZ));
                regions.add(new Region(at, r.minZ, r.maxX, r.maxZ));
            } else {
                regions.add(new Region(r.minX, r.minZ, r.maxX, at));
                regions.add(new Region(r.minX, at, r.maxX, r.maxZ));
            }
        }
        walls.add(new WallSegment(-WALL, -WALL, width + WALL, 0, 2.5, wallRgb));
        walls.add(new WallSegment(-WALL, depth, width + WALL, depth + WALL, 2.5, wallRgb));
        walls.add(new WallSegment(-WALL, 0, 0, depth, 2.5, wallRgb));
        walls.add(new WallSegment(width, 0, width + WALL, depth, 2.5, wallRgb));

        List<Room> rooms = assignRooms(regions, rnd);
        List<PlacedObject> objects = placeObjects(rooms, doors, rnd);
        return new SceneLayout("apartment-" + seed, seed, width, depth, 2.5, rooms, walls, objects);
    }

    private static void addWallWithDoor(List<WallSegment> walls, boolean alongZ, double at, double lo, double hi,
                                        double doorCentre, int rgb) {
        double d0 = doorCentre - DOOR / 2;
        double d1 = doorCentre + DOOR / 2;
        double h = WALL / 2;
        if (alongZ) {
            walls.add(new WallSegment(at - h, lo, at + h, d0, 2.5, rgb));
            walls.add(new WallSegment(at - h, d1, at + h, hi, 2.5, rgb));
        } else {
            walls.add(new WallSegment(lo, at - h, d0, at + h, 2.5, rgb));
            walls.add(new WallSegment(d1, at - h, hi, at + h, 2.5, rgb));
        }
    }

    private static List<Room> assignRooms(List<Region> regions, SplittableRandom rnd) {
        List<Region> byArea = new ArrayList<>(regions);
        byArea.sort(Comparator.comparingDouble(Region::area).reversed());
        List<String> types = new ArrayList<>(List.of("living room", "bedroom", "kitchen", "office", "bedroom", "hallway"));
        List<Room> rooms = new ArrayList<>();
        for (int i = 0; i < byArea.size(); i++) {
            Region g = byArea.get(i);
            String type = i == byArea.size() - 1 ? "bathroom" : types.get(Math.min(i, types.size() - 1));
            rooms.add(new Room("room" + i, type, g.minX, g.minZ, g.maxX, g.maxZ,
                    PASTELS[rnd.nextInt(PASTELS.length)], FLOORS[rnd.nextInt(FLOORS.length)]));
        }
        return rooms;
    }

    private List<PlacedObject> placeObjects(List<Room> rooms, List<double[]> doors, SplittableRandom rnd) {
        List<PlacedObject> placed = new ArrayList<>();
        List<String> colourNames = ObjectCatalogue.COLOURS.keySet().stream().sorted().toList();
        int nextId = 1;
        for (Room room : rooms) {
            List<ObjectCategory> fitting = ObjectCatalogue.CATEGORIES.stream()
                    .filter(c -> c.roomTypes().contains(room.type())).toList();
            int want = 3 + rnd.nextInt(3);
            for (int k = 0; k < want && !fitting.isEmpty(); k++) {
                ObjectCategory cat = fitting.get(rnd.nextInt(fitting.size()));
                String colour = colourNames.get(rnd.nextInt(colourNames.size()));
                String size = new String[]{"small", "medium", "large"}[rnd.nextInt(3)];
                double scale = switch (size) {
                    case "small" -> 0.85;
                    case "large" -> 1.15;
                    default -> 1.0;
                };
                PlacedObject obj = tryPlace(room, cat, colour, size, scale, nextId, placed, doors, rnd);
                if (obj != null) {
                    placed.add(obj);
                    nextId++;
                }
            }
        }
        return placed;
    }

    private PlacedObject tryPlace(Room room, ObjectCategory cat, String colour, String size, double scale, int id,
                                  List<PlacedObject> placed, List<double[]> doors, SplittableRandom rnd) {
        double inset = WALL / 2 + 0.02;
        for (int attempt = 0; attempt < 40; attempt++) {
            double w = cat.width() * scale;
            double d = cat.depth() * scale;
            double cx;
            double cz;
            if (cat.againstWall()) {
                int side = rnd.nextInt(4);
                if (side >= 2) { // east/west walls: the object faces along x, so swap its footprint
                    double t = w;
                    w = d;
                    d = t;
                }
                cx = side == 2 ? room.minX() + inset + w / 2 : side == 3 ? room.maxX() - inset - w / 2
                        : room.minX() + inset + w / 2 + rnd.nextDouble() * Math.max(0, room.width() - 2 * inset - w);
                cz = side == 0 ? room.minZ() + inset + d / 2 : side == 1 ? room.maxZ() - inset - d / 2
                        : room.minZ() + inset + d / 2 + rnd.nextDouble() * Math.max(0, room.depth() - 2 * inset - d);
            } else {
                double margin = 0.6;
                double spanX = room.width() - 2 * margin - w;
                double spanZ = room.depth() - 2 * margin - d;
                if (spanX <= 0 || spanZ <= 0) {
                    continue;
                }
                cx = room.minX() + margin + w / 2 + rnd.nextDouble() * spanX;
                cz = room.minZ() + margin + d / 2 + rnd.nextDouble() * spanZ;
            }
            if (w > room.width() - 2 * inset || d > room.depth() - 2 * inset) {
                continue;
            }
            PlacedObject candidate = new PlacedObject(id, cat.name(), colour, size, room.id(), round(cx), round(cz),
                    round(w), round(d), round(cat.height() * scale), ObjectCatalogue.COLOURS.get(colour));
            if (clear(candidate, placed, doors)) {
                return candidate;
            }
        }
        return null;
    }

    private boolean clear(PlacedObject c, List<PlacedObject> placed, List<double[]> doors) {
        for (double[] door : doors) {
            if (c.footprintDistance(door[0], door[1]) < DOOR + 0.2) {
                return false;
            }
        }
        double gap = 2 * agentRadius + 0.15; // leave a corridor an agent fits through
        for (PlacedObject p : placed) {
            boolean apart = c.maxX() + gap <= p.minX() || p.maxX() + gap <= c.minX()
                    || c.maxZ() + gap <= p.minZ() || p.maxZ() + gap <= c.minZ();
            if (!apart) {
                return false;
            }
        }
        return true;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

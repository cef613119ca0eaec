package org.memnav.scenes.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Furnishes each room by its type: a program of categories with counts, some placed as groups
 * (a table with chairs around it, a desk with its chair, a bed with nightstands, a sofa with a
 * coffee table). Groups keep a corridor the agent fits through to everything else, and nothing is
 * put in front of a door or over a window. One planner furnishes one scene.
 */
final class FurniturePlanner {

    private static final double INSET = PlanBuilder.WALL / 2 + 0.03;
    private static final double FREE_MARGIN = 0.6;
    private static final int ATTEMPTS = 40;

    /** One line of a room program: place between min and max of a category (with its companions). */
    private record Item(String category, int min, int max) {
    }

    private static final Map<String, List<Item>> PROGRAMS = Map.ofEntries(
            Map.entry("living room", List.of(new Item("sofa", 1, 1), new Item("armchair", 0, 2), new Item("tv", 0, 1),
                    new Item("bookshelf", 0, 1), new Item("plant", 1, 2), new Item("lamp", 0, 2), new Item("piano", 0, 1),
                    new Item("fireplace", 0, 1))),
            Map.entry("bedroom", List.of(new Item("bed", 1, 1), new Item("wardrobe", 0, 1), new Item("dresser", 0, 1),
                    new Item("lamp", 0, 1), new Item("desk", 0, 1), new Item("plant", 0, 1), new Item("mirror", 0, 1),
                    new Item("tv", 0, 1), new Item("armchair", 0, 1))),
            Map.entry("kitchen", List.of(new Item("fridge", 1, 1), new Item("oven", 1, 1), new Item("sink", 1, 1),
                    new Item("dishwasher", 0, 1), new Item("microwave", 0, 1), new Item("dining table", 0, 1),
                    new Item("trash can", 0, 1), new Item("plant", 0, 1))),
            Map.entry("bathroom", List.of(new Item("toilet", 1, 1), new Item("sink", 1, 1), new Item("bathtub", 0, 1),
                    new Item("shower", 0, 1), new Item("towel rack", 0, 1), new Item("mirror", 0, 1),
                    new Item("washing machine", 0, 1), new Item("trash can", 0, 1))),
            Map.entry("office", List.of(new Item("desk", 1, 2), new Item("computer", 0, 1), new Item("filing cabinet", 0, 2),
                    new Item("bookshelf", 0, 1), new Item("printer", 0, 1), new Item("plant", 0, 1),
                    new Item("whiteboard", 0, 1), new Item("trash can", 0, 1), new Item("lamp", 0, 1),
                    new Item("armchair", 0, 1))),
            Map.entry("meeting room", List.of(new Item("conference table", 1, 1), new Item("whiteboard", 0, 1),
                    new Item("tv", 0, 1), new Item("plant", 0, 2))),
            Map.entry("break room", List.of(new Item("fridge", 1, 1), new Item("sink", 1, 1), new Item("microwave", 0, 1),
                    new Item("water cooler", 0, 1), new Item("dining table", 0, 1), new Item("sofa", 0, 1),
                    new Item("trash can", 0, 1), new Item("plant", 0, 1), new Item("dishwasher", 0, 1))),
            Map.entry("reception", List.of(new Item("sofa", 0, 1), new Item("armchair", 0, 2), new Item("plant", 1, 2),
                    new Item("desk", 0, 1), new Item("water cooler", 0, 1), new Item("bookshelf", 0, 1),
                    new Item("lamp", 0, 1))),
            Map.entry("print room", List.of(new Item("printer", 1, 2), new Item("filing cabinet", 1, 3),
                    new Item("bookshelf", 0, 2), new Item("trash can", 0, 1), new Item("plant", 0, 1))),
            Map.entry("hallway", List.of(new Item("shoe rack", 0, 1), new Item("coat rack", 0, 1), new Item("mirror", 0, 1),
                    new Item("plant", 0, 1), new Item("bookshelf", 0, 1))),
            Map.entry("corridor", List.of(new Item("plant", 0, 3), new Item("water cooler", 0, 1), new Item("printer", 0, 1),
                    new Item("filing cabinet", 0, 1), new Item("trash can", 0, 1))));

    private final FloorPlan plan;
    private final List<WindowPane> windows;
    private final SplittableRandom rnd;
    private final double clearance;
    private final List<PlacedObject> placed = new ArrayList<>();
    private final Map<String, List<String>> coloursUsed = new HashMap<>();

    FurniturePlanner(FloorPlan plan, List<WindowPane> windows, double agentRadius, SplittableRandom rnd) {
        this.plan = plan;
        this.windows = windows;
        this.rnd = rnd;
        this.clearance = 2 * agentRadius + 0.15; // a gap the agent fits through
    }

    List<PlacedObject> furnish() {
        for (Room room : plan.rooms()) {
            for (Item item : PROGRAMS.getOrDefault(room.type(), List.of())) {
                int count = item.min() + rnd.nextInt(item.max() - item.min() + 1);
                for (int k = 0; k < count; k++) {
                    placeGroup(room, item.category());
                }
            }
        }
        return placed;
    }

    /** Tries positions for the object and its companions; the first one that fits is kept. */
    private void placeGroup(Room room, String category) {
        ObjectCategory cat = ObjectCatalogue.category(category);
        String colour = chooseColour(cat);
        String size = chooseSize();
        boolean corridor = room.type().equals("corridor") || room.type().equals("hallway");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean atWall = cat.againstWall() || corridor || (canStandAtWall(category) && rnd.nextBoolean());
            Candidate anchor = atWall ? atWall(room, cat, size) : freeStanding(room, cat, size);
            if (anchor == null) {
                continue;
            }
            List<Candidate> group = new ArrayList<>();
            group.add(anchor);
            group.addAll(companions(room, category, anchor));
            if (group.stream().allMatch(c -> fits(room, c)) && clearOfOthers(group)) {
                List<String> used = coloursUsed.computeIfAbsent(category, k -> new ArrayList<>());
                used.add(colour);
                String companionColour = null;
                for (Candidate c : group) {
                    boolean isAnchor = c == anchor;
                    if (!isAnchor && companionColour == null) {
                        companionColour = chooseColour(ObjectCatalogue.category(c.category));
                        coloursUsed.computeIfAbsent(c.category, k -> new ArrayList<>()).add(companionColour);
                    }
                    String col = isAnchor ? colour : companionColour;
                    placed.add(new PlacedObject(placed.size() + 1, c.category, col, isAnchor ? size : "medium", room.id(),
                            r(c.cx), r(c.cz), r(c.w), r(c.d), r(c.h), ObjectCatalogue.COLOURS.get(col), c.facing));
                }
                return;
            }
        }
    }

    private static boolean canStandAtWall(String category) {
        return switch (category) {
            case "plant", "lamp", "trash can", "armchair", "coat rack", "printer" -> true;
            default -> false;
        };
    }

    /** A proposed footprint: centre, world extents, height, facing (Habitat yaw in degrees). */
    private record Candidate(String category, double cx, double cz, double w, double d, double h, double facing) {
        double minX() {
            return cx - w / 2;
        }

        double maxX() {
            return cx + w / 2;
        }

        double minZ() {
            return cz - d / 2;
        }

        double maxZ() {
            return cz + d / 2;
        }

        double gap(double x0, double z0, double x1, double z1) {
            double dx = Math.max(Math.max(x0 - maxX(), 0), minX() - x1);
            double dz = Math.max(Math.max(z0 - maxZ(), 0), minZ() - z1);
            return Math.hypot(dx, dz);
        }

        double distanceTo(double x, double z) {
            return gap(x, z, x, z);
        }
    }

    /** Footprint of a category at a facing: local width runs across the front. */
    private static Candidate oriented(ObjectCategory cat, double scale, double cx, double cz, double facing) {
        boolean sideways = facing == 90 || facing == 270;
        double w = cat.width() * scale;
        double d = cat.depth() * scale;
        return new Candidate(cat.name(), cx, cz, sideways ? d : w, sideways ? w : d, cat.height() * scale, facing);
    }

    private Candidate atWall(Room room, ObjectCategory cat, String size) {
        double scale = scale(size);
        int side = rnd.nextInt(4);
        double facing = switch (side) {
            case 0 -> 180; // north wall, faces +z
            case 1 -> 0;   // south wall, faces -z
            case 2 -> 270; // west wall, faces +x
            default -> 90; // east wall, faces -x
        };
        Candidate c = oriented(cat, scale, 0, 0, facing);
        double spanX = room.width() - 2 * INSET - c.w;
        double spanZ = room.depth() - 2 * INSET - c.d;
        if (spanX < 0 || spanZ < 0) {
            return null;
        }
        double cx = switch (side) {
            case 2 -> room.minX() + INSET + c.w / 2;
            case 3 -> room.maxX() - INSET - c.w / 2;
            default -> room.minX() + INSET + c.w / 2 + rnd.nextDouble() * spanX;
        };
        double cz = switch (side) {
            case 0 -> room.minZ() + INSET + c.d / 2;
            case 1 -> room.maxZ() - INSET - c.d / 2;
            default -> room.minZ() + INSET + c.d / 2 + rnd.nextDouble() * spanZ;
        };
        return new Candidate(c.category, cx, cz, c.w, c.d, c.h, facing);
    }

    private Candidate freeStanding(Room room, ObjectCategory cat, String size) {
        double facing = 90.0 * rnd.nextInt(4);
        Candidate c = oriented(cat, scale(size), 0, 0, facing);
        double spanX = room.width() - 2 * FREE_MARGIN - c.w;
        double spanZ = room.depth() - 2 * FREE_MARGIN - c.d;
        if (spanX <= 0 || spanZ <= 0) {
            return null;
        }
        double cx = room.minX() + FREE_MARGIN + c.w / 2 + rnd.nextDouble() * spanX;
        double cz = room.minZ() + FREE_MARGIN + c.d / 2 + rnd.nextDouble() * spanZ;
        if (!cat.name().endsWith("table")) {
            facing = facingToward(cx, cz, room.centreX(), room.centreZ());
            c = oriented(cat, scale(size), cx, cz, facing);
            return c;
        }
        return new Candidate(c.category, cx, cz, c.w, c.d, c.h, facing);
    }

    /** The companions that come with an anchor: chairs round a table, a chair at a desk, and so on. */
    private List<Candidate> companions(Room room, String category, Candidate a) {
        List<Candidate> out = new ArrayList<>();
        switch (category) {
            case "dining table", "conference table" -> {
                ObjectCategory chair = ObjectCatalogue.category("chair");
                boolean longAlongX = a.w >= a.d;
                double length = longAlongX ? a.w : a.d;
                int perSide = Math.max(1, (int) Math.floor((length + 0.1) / 0.7));
                int wanted = category.equals("conference table") ? 3 + rnd.nextInt(2 * perSide - 2)
                        : 2 + rnd.nextInt(Math.max(1, 2 * perSide - 1));
                for (int i = 0; i < Math.min(wanted, 2 * perSide); i++) {
                    int side = i % 2;
                    int slot = i / 2;
                    double along = -length / 2 + length * (slot + 0.5) / perSide;
                    double off = (longAlongX ? a.d : a.w) / 2 + 0.08 + chair.depth() / 2;
                    double sign = side == 0 ? -1 : 1;
                    double cx = longAlongX ? a.cx + along : a.cx + sign * off;
                    double cz = longAlongX ? a.cz + sign * off : a.cz + along;
                    out.add(oriented(chair, 1.0, cx, cz, facingToward(cx, cz, a.cx, a.cz)));
                }
            }
            case "desk" -> {
                ObjectCategory chair = ObjectCatalogue.category(room.type().equals("bedroom") ? "chair" : "office chair");
                double[] front = frontVector(a.facing);
                double reach = (a.facing == 90 || a.facing == 270 ? a.w : a.d) / 2 + 0.1 + chair.depth() / 2;
                double cx = a.cx + front[0] * reach;
                double cz = a.cz + front[1] * reach;
                out.add(oriented(chair, 1.0, cx, cz, (a.facing + 180) % 360));
            }
            case "bed" -> {
                ObjectCategory stand = ObjectCatalogue.category("nightstand");
                int stands = 1 + rnd.nextInt(2);
                double[] front = frontVector(a.facing);
                double[] right = {-front[1], front[0]};
                double across = (a.facing == 90 || a.facing == 270 ? a.d : a.w) / 2 + 0.05 + stand.width() / 2;
                double back = (a.facing == 90 || a.facing == 270 ? a.w : a.d) / 2 - stand.depth() / 2;
                for (int s = 0; s < stands; s++) {
                    double sign = s == 0 ? 1 : -1;
                    double cx = a.cx + right[0] * across * sign - front[0] * back;
                    double cz = a.cz + right[1] * across * sign - front[1] * back;
                    out.add(oriented(stand, 1.0, cx, cz, a.facing));
                }
            }
            case "sofa" -> {
                if (rnd.nextInt(3) > 0) {
                    ObjectCategory table = ObjectCatalogue.category("coffee table");
                    double[] front = frontVector(a.facing);
                    double reach = (a.facing == 90 || a.facing == 270 ? a.w : a.d) / 2 + 0.4 + table.depth() / 2;
                    out.add(oriented(table, 1.0, a.cx + front[0] * reach, a.cz + front[1] * reach, a.facing));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** Unit vector (x, z) an object with this facing faces. */
    private static double[] frontVector(double facingDeg) {
        double yaw = Math.toRadians(facingDeg);
        return new double[]{Math.round(-Math.sin(yaw)), Math.round(-Math.cos(yaw))};
    }

    /** The one of the four facings that points most nearly from (x, z) toward (tx, tz). */
    private static double facingToward(double x, double z, double tx, double tz) {
        double dx = tx - x;
        double dz = tz - z;
        if (Math.abs(dx) > Math.abs(dz)) {
            return dx > 0 ? 270 : 90;
        }
        return dz > 0 ? 180 : 0;
    }

    /** Inside the room, clear of its doors, and not in front of a window if tall. */
    private boolean fits(Room room, Candidate c) {
        if (c.minX() < room.minX() + INSET - 1e-9 || c.maxX() > room.maxX() - INSET + 1e-9
                || c.minZ() < room.minZ() + INSET - 1e-9 || c.maxZ() > room.maxZ() - INSET + 1e-9) {
            return false;
        }
        for (Door door : plan.doors()) {
            if (c.distanceTo(door.x(), door.z()) < door.width() / 2 + 0.75) {
                return false;
            }
        }
        for (WindowPane w : windows) {
            if (c.h > w.sill() - 0.05 && c.gap(w.minX(), w.minZ(), w.maxX(), w.maxZ()) < 0.2) {
                return false;
            }
        }
        return true;
    }

    private boolean clearOfOthers(List<Candidate> group) {
        for (Candidate c : group) {
            for (PlacedObject p : placed) {
                if (c.gap(p.minX(), p.minZ(), p.maxX(), p.maxZ()) < clearance) {
                    return false;
                }
            }
        }
        return true;
    }

    private String chooseColour(ObjectCategory cat) {
        List<String> used = coloursUsed.getOrDefault(cat.name(), List.of());
        List<String> fresh = cat.colours().stream().filter(c -> !used.contains(c)).toList();
        List<String> pool = !fresh.isEmpty() && rnd.nextInt(100) < 85 ? fresh : cat.colours();
        return pool.get(rnd.nextInt(pool.size()));
    }

    private String chooseSize() {
        int roll = rnd.nextInt(10);
        return roll < 3 ? "small" : roll < 7 ? "medium" : "large";
    }

    private static double scale(String size) {
        return switch (size) {
            case "small" -> 0.85;
            case "large" -> 1.15;
            default -> 1.0;
        };
    }

    private static double r(double v) {
        return PlanBuilder.round(v);
    }
}

package org.memnav.scenes.layout;

import java.util.HashSet;
import java.util.Set;

/**
 * Checks a scene for what the JSON schema cannot say: positive sizes, boxes with min below max,
 * unique ids, references to existing rooms, objects inside the plan. The message names the field
 * (as its JSON path, e.g. {@code objects[3].width}) and the bad value.
 */
public final class SceneValidator {

    /** Returns null when the scene is valid, else what is wrong with it. */
    public String problem(SceneLayout s) {
        if (!SceneLayout.FORMAT.equals(s.format())) {
            return "format is '" + s.format() + "', expected '" + SceneLayout.FORMAT + "'";
        }
        if (s.sceneId() == null || s.sceneId().isBlank()) {
            return "scene_id is missing or empty";
        }
        if (s.kind() == null) {
            return "kind is missing";
        }
        String p = positive("width", s.width());
        p = p != null ? p : positive("depth", s.depth());
        p = p != null ? p : positive("wall_height", s.wallHeight());
        if (p != null) {
            return p;
        }
        if (s.rooms() == null || s.rooms().isEmpty()) {
            return "rooms is missing or empty: a scene needs at least one room";
        }
        for (String list : new String[]{"walls", "doors", "windows", "objects"}) {
            Object value = switch (list) {
                case "walls" -> s.walls();
                case "doors" -> s.doors();
                case "windows" -> s.windows();
                default -> s.objects();
            };
            if (value == null) {
                return list + " is missing (use [] for none)";
            }
        }
        Set<String> roomIds = new HashSet<>();
        for (int i = 0; i < s.rooms().size(); i++) {
            Room r = s.rooms().get(i);
            String at = "rooms[" + i + "]";
            if (r.id() == null || r.id().isBlank()) {
                return at + ".id is missing or empty";
            }
            if (!roomIds.add(r.id())) {
                return at + ".id '" + r.id() + "' is used by another room";
            }
            if (r.type() == null || r.type().isBlank()) {
                return at + ".type is missing or empty";
            }
            p = span(at, "x", r.minX(), r.maxX());
            p = p != null ? p : span(at, "z", r.minZ(), r.maxZ());
            if (p != null) {
                return p;
            }
            if (r.wallFinish() == null || r.floorFinish() == null) {
                return at + ": wall_finish and floor_finish are required";
            }
        }
        for (int i = 0; i < s.walls().size(); i++) {
            WallSegment w = s.walls().get(i);
            String at = "walls[" + i + "]";
            p = span(at, "x", w.minX(), w.maxX());
            p = p != null ? p : span(at, "z", w.minZ(), w.maxZ());
            p = p != null ? p : positive(at + ".height", w.height());
            if (p != null) {
                return p;
            }
        }
        for (int i = 0; i < s.doors().size(); i++) {
            Door d = s.doors().get(i);
            String at = "doors[" + i + "]";
            p = positive(at + ".width", d.width());
            if (p != null) {
                return p;
            }
            if (!"x".equals(d.wallAxis()) && !"z".equals(d.wallAxis())) {
                return at + ".wall_axis is '" + d.wallAxis() + "', expected \"x\" or \"z\"";
            }
        }
        for (int i = 0; i < s.windows().size(); i++) {
            WindowPane w = s.windows().get(i);
            String at = "windows[" + i + "]";
            if (!roomIds.contains(w.roomId())) {
                return at + ".room_id '" + w.roomId() + "' names no room";
            }
            if (!(w.top() > w.sill())) {
                return at + ".top (" + w.top() + ") must be above sill (" + w.sill() + ")";
            }
        }
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < s.objects().size(); i++) {
            PlacedObject o = s.objects().get(i);
            String at = "objects[" + i + "]";
            if (o.instanceId() <= 0) {
                return at + ".instance_id is " + o.instanceId() + ": instance ids start at 1 (0 means structure)";
            }
            if (!ids.add(o.instanceId())) {
                return at + ".instance_id " + o.instanceId() + " is used by another object";
            }
            if (o.category() == null || o.category().isBlank()) {
                return at + ".category is missing or empty";
            }
            p = positive(at + ".width", o.width());
            p = p != null ? p : positive(at + ".depth", o.depth());
            p = p != null ? p : positive(at + ".height", o.height());
            if (p != null) {
                return p;
            }
            if (o.roomId() != null && !o.roomId().isEmpty() && !roomIds.contains(o.roomId())) {
                return at + ".room_id '" + o.roomId() + "' names no room";
            }
            if (o.minX() < -1e-6 || o.minZ() < -1e-6 || o.maxX() > s.width() + 1e-6 || o.maxZ() > s.depth() + 1e-6) {
                return at + " (" + o.category() + " at " + o.centreX() + ", " + o.centreZ() + ") lies outside the "
                        + s.width() + " x " + s.depth() + " m plan";
            }
            if (!Double.isFinite(o.facingDeg())) {
                return at + ".facing_deg is not a number";
            }
        }
        return null;
    }

    private static String positive(String field, double v) {
        return v > 0 && Double.isFinite(v) ? null : field + " must be a positive number of metres, got " + v;
    }

    private static String span(String at, String axis, double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            return at + ".max_" + axis + " (" + max + ") must be greater than min_" + axis + " (" + min + ")";
        }
        return null;
    }
}

package org.memnav.scenes.episode;

import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.Room;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.layout.WindowPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Language goals: a description of one instance from its attributes and surroundings, e.g. "the
 * green armchair by the window in the bedroom" or "the small black chair next to the dining table
 * in the kitchen". A description is only given when it fits no other instance of the scene, so
 * that it names its goal unambiguously (GOAT's language goals are unique in their scene).
 */
public final class InstanceDescriber {

    /** Objects whose footprints are at most this far apart are "next to" each other. */
    static final double NEXT_TO_M = 0.8;
    /** An object is "by the window" when its footprint is at most this far from a window of its room. */
    static final double BY_WINDOW_M = 1.0;

    private final SceneLayout layout;

    public InstanceDescriber(SceneLayout layout) {
        this.layout = layout;
    }

    /** What a description states; null parts are left unsaid. */
    record Statement(String category, String colour, String size, String roomType, String nextTo, boolean byWindow) {
    }

    /** The unique description of the instance, or empty when every wording also fits another instance. */
    public Optional<String> describe(PlacedObject target) {
        Room room = layout.room(target.roomId());
        String roomType = room == null ? null : room.type();
        boolean byWindow = nearWindow(target);
        String nextTo = byWindow ? null : nearestNeighbourCategory(target);
        List<Statement> wordings = new ArrayList<>();
        wordings.add(new Statement(target.category(), target.colour(), null, roomType, nextTo, byWindow));
        wordings.add(new Statement(target.category(), target.colour(), target.size(), roomType, nextTo, byWindow));
        if (byWindow) {
            String neighbour = nearestNeighbourCategory(target);
            if (neighbour != null) {
                wordings.add(new Statement(target.category(), target.colour(), target.size(), roomType, neighbour, false));
            }
        }
        for (Statement s : wordings) {
            if (matchCount(s) == 1) {
                return Optional.of(phrase(s));
            }
        }
        return Optional.empty();
    }

    private int matchCount(Statement s) {
        int n = 0;
        for (PlacedObject o : layout.objects()) {
            if (matches(s, o)) {
                n++;
            }
        }
        return n;
    }

    boolean matches(Statement s, PlacedObject o) {
        if (!o.category().equals(s.category())) {
            return false;
        }
        if (s.colour() != null && !s.colour().equals(o.colour())) {
            return false;
        }
        if (s.size() != null && !s.size().equals(o.size())) {
            return false;
        }
        if (s.roomType() != null) {
            Room room = layout.room(o.roomId());
            if (room == null || !room.type().equals(s.roomType())) {
                return false;
            }
        }
        if (s.byWindow() && !nearWindow(o)) {
            return false;
        }
        return s.nextTo() == null || hasNeighbour(o, s.nextTo());
    }

    private static String phrase(Statement s) {
        StringBuilder b = new StringBuilder("the ");
        if (s.size() != null) {
            b.append(s.size()).append(' ');
        }
        if (s.category().equals("plant")) {
            b.append("plant in a ").append(s.colour()).append(" pot");
        } else {
            b.append(s.colour()).append(' ').append(s.category());
        }
        if (s.byWindow()) {
            b.append(" by the window");
        } else if (s.nextTo() != null) {
            b.append(" next to the ").append(s.nextTo());
        }
        if (s.roomType() != null) {
            b.append(" in the ").append(s.roomType());
        }
        return b.toString();
    }

    private boolean nearWindow(PlacedObject o) {
        for (WindowPane w : layout.windows()) {
            if (w.roomId().equals(o.roomId()) && footprintToPane(o, w) <= BY_WINDOW_M) {
                return true;
            }
        }
        return false;
    }

    private static double footprintToPane(PlacedObject o, WindowPane w) {
        double dx = Math.max(Math.max(o.minX() - w.maxX(), 0), w.minX() - o.maxX());
        double dz = Math.max(Math.max(o.minZ() - w.maxZ(), 0), w.minZ() - o.maxZ());
        return Math.hypot(dx, dz);
    }

    /** The category of the nearest other-category object of the same room within {@link #NEXT_TO_M}, or null. */
    private String nearestNeighbourCategory(PlacedObject o) {
        String best = null;
        double bestGap = NEXT_TO_M;
        for (PlacedObject p : layout.objects()) {
            if (p.instanceId() == o.instanceId() || p.category().equals(o.category()) || !p.roomId().equals(o.roomId())) {
                continue;
            }
            double gap = o.footprintGap(p);
            if (gap <= bestGap) {
                bestGap = gap;
                best = p.category();
            }
        }
        return best;
    }

    private boolean hasNeighbour(PlacedObject o, String category) {
        for (PlacedObject p : layout.objects()) {
            if (p.instanceId() != o.instanceId() && p.category().equals(category) && p.roomId().equals(o.roomId())
                    && o.footprintGap(p) <= NEXT_TO_M) {
                return true;
            }
        }
        return false;
    }
}

package org.memnav.scenes.episode;

import org.memnav.scenes.layout.PlacedObject;
import org.memnav.scenes.layout.SceneLayout;
import org.memnav.scenes.nav.OccupancyGrid;
import org.memnav.simbridge.api.EpisodeRequest;
import org.memnav.simbridge.api.EpisodeSpec;
import org.memnav.simbridge.api.Goal;
import org.memnav.simbridge.api.GoalModality;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.Vec3;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * GOAT-style lifelong episodes: several subtasks in one scene without reset, each goal given as an
 * object category (any instance counts), a language description of one instance, or a picture of
 * one instance taken from a sampled view point. About a third of the subtasks after the second go
 * back to an earlier goal's instances, possibly in another modality, so that an agent with memory
 * can go straight there (the lifelong signal). Consecutive goals are kept apart, so that stopping
 * at one goal never already satisfies the next.
 */
public final class LifelongEpisodeGenerator {

    private static final double REVISIT_PROBABILITY = 0.3;
    private static final int TRIES_PER_SUBTASK = 40;
    /**
     * Goal pictures travel in the JSON header of new_episode (base64), which a peer caps at 1 MiB;
     * this bounds the raw bytes of all pictures of one episode well below that.
     */
    public static final int MAX_GOAL_IMAGE_BYTES_PER_EPISODE = 600_000;

    private final GoalRegions regions;
    private final SceneLayout layout;
    private final GoalCamera camera;
    private final double successDistance;
    private final InstanceDescriber describer;

    /** {@code camera} may be null: then no image goals are made. */
    public LifelongEpisodeGenerator(GoalRegions regions, GoalCamera camera, double successDistance) {
        this.regions = regions;
        this.layout = regions.layout();
        this.camera = camera;
        this.successDistance = successDistance;
        this.describer = new InstanceDescriber(layout);
    }

    /**
     * One subtask's ground truth: its goal region, whether it goes back to an earlier subtask's
     * instances, and for an image goal where its picture was taken from (null otherwise).
     */
    public record Subtask(GoalRegion region, boolean revisit, PictureView pictureView) {
    }

    /** The camera of an image goal's picture: floor point (x, z), yaw and pitch in radians. */
    public record PictureView(double x, double z, double yaw, double pitch) {
    }

    public record Episode(EpisodeSpec spec, List<Subtask> subtasks) {
        public Episode {
            subtasks = List.copyOf(subtasks);
        }
    }

    public Episode generate(EpisodeRequest request) {
        SplittableRandom rnd = new SplittableRandom(request.seed() * 0x9E3779B97F4A7C15L ^ layout.seed() ^ 0x5DEECE66DL);
        Map<String, List<PlacedObject>> byCategory = reachableByCategory();
        if (byCategory.isEmpty()) {
            throw new IllegalStateException("scene " + layout.sceneId() + " has no reachable object to use as a goal");
        }
        List<String> categories = new ArrayList<>(byCategory.keySet());
        Map<Integer, Optional<GoalPictures.Shot>> pictures = new HashMap<>();
        int[] imageBytesLeft = {MAX_GOAL_IMAGE_BYTES_PER_EPISODE};
        List<GoalRegion> chosen = new ArrayList<>();
        for (int i = 0; i < request.subtasks(); i++) {
            GoalRegion region = null;
            for (int attempt = 0; attempt < TRIES_PER_SUBTASK && region == null; attempt++) {
                boolean strict = attempt < TRIES_PER_SUBTASK / 2;
                boolean revisit = i >= 2 && rnd.nextDouble() < REVISIT_PROBABILITY;
                PlacedObject target;
                if (revisit) {
                    GoalRegion earlier = chosen.get(rnd.nextInt(i - 1)); // never the one just before
                    List<Integer> ids = new ArrayList<>(earlier.instanceIds());
                    ids.sort(Integer::compare);
                    target = layout.object(ids.get(rnd.nextInt(ids.size())));
                } else {
                    List<PlacedObject> instances = byCategory.get(categories.get(rnd.nextInt(categories.size())));
                    target = instances.get(rnd.nextInt(instances.size()));
                }
                GoalModality modality = GoalModality.values()[rnd.nextInt(3)];
                GoalRegion candidate = goalFor(target, modality, byCategory, pictures, imageBytesLeft, rnd);
                if (candidate != null && acceptable(candidate, chosen, revisit, strict)) {
                    region = candidate;
                }
            }
            if (region == null) { // small scene: fall back to any category other than the last goal's
                for (String c : categories) {
                    GoalRegion candidate = goalFor(byCategory.get(c).get(0), GoalModality.OBJECT_CATEGORY, byCategory,
                            pictures, imageBytesLeft, rnd);
                    if (chosen.isEmpty() || !candidate.overlaps(chosen.get(chosen.size() - 1))) {
                        region = candidate;
                        break;
                    }
                }
                if (region == null) {
                    throw new IllegalStateException("scene " + layout.sceneId() + " has too few goal categories for "
                            + request.subtasks() + " subtasks");
                }
            }
            if (region.goal().image() != null) {
                imageBytesLeft[0] -= region.goal().image().data().length;
            }
            chosen.add(region);
        }
        List<Subtask> subtasks = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            boolean revisit = false;
            for (int j = 0; j < i; j++) {
                revisit |= chosen.get(i).overlaps(chosen.get(j));
            }
            GoalRegion region = chosen.get(i);
            PictureView view = null;
            if (region.goal().image() != null) {
                GoalPictures.Shot shot = pictures.get(region.goal().instanceId()).orElseThrow();
                view = new PictureView(shot.x(), shot.z(), shot.yaw(), shot.pitch());
            }
            subtasks.add(new Subtask(region, revisit, view));
        }
        Pose start = randomStart(rnd, chosen.get(0));
        List<Goal> goals = chosen.stream().map(GoalRegion::goal).toList();
        String id = layout.sceneId() + "/ep-" + request.seed();
        return new Episode(new EpisodeSpec(id, layout.sceneId(), request.seed(), start, goals), subtasks);
    }

    /**
     * Not the previous subtask's instances; in the strict phase also a new region for a first visit,
     * and far enough from the previous goal that stopping there does not already succeed.
     */
    private boolean acceptable(GoalRegion candidate, List<GoalRegion> chosen, boolean revisit, boolean strict) {
        if (chosen.isEmpty()) {
            return true;
        }
        GoalRegion previous = chosen.get(chosen.size() - 1);
        if (candidate.overlaps(previous)) {
            return false;
        }
        if (!strict) {
            return true;
        }
        if (!revisit) {
            for (GoalRegion earlier : chosen) {
                if (candidate.overlaps(earlier)) {
                    return false;
                }
            }
        }
        OccupancyGrid grid = regions.pathFinder().grid();
        for (int[] cell : previous.viewPointCells()) {
            if (candidate.fieldAt(cell[1] * grid.width() + cell[0]) <= successDistance + 0.5) {
                return false;
            }
        }
        return true;
    }

    private GoalRegion goalFor(PlacedObject target, GoalModality modality, Map<String, List<PlacedObject>> byCategory,
                               Map<Integer, Optional<GoalPictures.Shot>> pictures, int[] imageBytesLeft, SplittableRandom rnd) {
        switch (modality) {
            case OBJECT_CATEGORY -> {
                Set<Integer> ids = new TreeSet<>();
                byCategory.get(target.category()).forEach(o -> ids.add(o.instanceId()));
                String c = target.category();
                return regions.region(new Goal(GoalModality.OBJECT_CATEGORY, c, "find " + withArticle(c), -1), ids);
            }
            case LANGUAGE -> {
                Optional<String> text = describer.describe(target);
                return text.map(t -> regions.region(new Goal(GoalModality.LANGUAGE, target.category(), t, target.instanceId()),
                        Set.of(target.instanceId()))).orElse(null);
            }
            default -> {
                if (camera == null) {
                    return null;
                }
                Optional<GoalPictures.Shot> picture = pictures.computeIfAbsent(target.instanceId(),
                        id -> new GoalPictures(layout, regions.pathFinder().grid(), camera).take(target,
                                new SplittableRandom(rnd.nextLong())));
                if (picture.isEmpty() || picture.get().rgb().data().length > imageBytesLeft[0]) {
                    return null;
                }
                Goal goal = new Goal(GoalModality.IMAGE, target.category(), "picture of " + withArticle(target.category()),
                        target.instanceId(), picture.get().rgb());
                return regions.region(goal, Set.of(target.instanceId()));
            }
        }
    }

    /** "an oven", "a sofa". */
    static String withArticle(String noun) {
        return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    private Pose randomStart(SplittableRandom rnd, GoalRegion first) {
        OccupancyGrid grid = regions.pathFinder().grid();
        Pose fallback = null;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int col = rnd.nextInt(grid.width());
            int row = rnd.nextInt(grid.height());
            if (!grid.navigable(col, row)) {
                continue;
            }
            double yaw = Math.toRadians(30 * rnd.nextInt(12));
            Pose pose = new Pose(new Vec3(grid.xOf(col), 0, grid.zOf(row)), Pose.wrap(yaw));
            if (first.fieldAt(row * grid.width() + col) > successDistance + 1.0) {
                return pose;
            }
            if (fallback == null) {
                fallback = pose;
            }
            if (attempt > 500 && fallback != null) {
                return fallback;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("scene " + layout.sceneId() + " has no navigable cell");
        }
        return fallback;
    }

    /** Instances with view points, grouped by category in the layout's object order. */
    private Map<String, List<PlacedObject>> reachableByCategory() {
        Map<String, List<PlacedObject>> out = new LinkedHashMap<>();
        for (PlacedObject o : layout.objects()) {
            if (!regions.viewPoints(o.instanceId()).isEmpty()) {
                out.computeIfAbsent(o.category(), k -> new ArrayList<>()).add(o);
            }
        }
        return out;
    }
}

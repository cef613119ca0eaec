package org.memnav.scenes.layout;

import java.util.List;
import java.util.SplittableRandom;

/** Picks wall and floor colours and finishes that suit each room type. */
final class RoomFinishes {

    private static final int[] WALL_COLOURS = {0xE8DCC8, 0xCFE0E8, 0xE3D1E6, 0xD5E8D4, 0xF2E2C4, 0xDDE1E6, 0xF0D5CF,
            0xC9D6C3, 0xE6E0F0, 0xD9CBB7, 0xF4F1E8, 0xBFD4E0};
    private static final int[] WOOD = {0xA07850, 0xB58A5C, 0x8A6040, 0xC29A6B, 0x6F4E37};
    private static final int[] TILES = {0xC8C4BC, 0xB8C4C8, 0xD8D0C0, 0x9AA4A8, 0xE0DCD4};
    private static final int[] CARPET = {0x7D8A8F, 0x6E7F95, 0x8C7F6E, 0x7A8C72, 0x9A7070, 0x8F8F8F};

    Room finish(String id, PlanBuilder.RoomRect r, SplittableRandom rnd) {
        Finish floor = switch (r.type()) {
            case "kitchen", "bathroom", "break room", "corridor" -> Finish.TILES;
            case "office", "meeting room", "print room" -> Finish.CARPET;
            case "bedroom" -> rnd.nextBoolean() ? Finish.CARPET : Finish.WOOD;
            default -> rnd.nextInt(3) == 0 ? Finish.TILES : Finish.WOOD;
        };
        List<Finish> wallChoices = switch (r.type()) {
            case "bathroom" -> List.of(Finish.TILES, Finish.PAINT);
            case "living room", "break room", "reception" -> List.of(Finish.PAINT, Finish.WALLPAPER, Finish.BRICK);
            case "bedroom", "hallway" -> List.of(Finish.WALLPAPER, Finish.PAINT);
            default -> List.of(Finish.PAINT);
        };
        Finish wall = wallChoices.get(rnd.nextInt(wallChoices.size()));
        int wallRgb = wall == Finish.BRICK ? 0xB5654A : WALL_COLOURS[rnd.nextInt(WALL_COLOURS.length)];
        int[] floors = switch (floor) {
            case WOOD -> WOOD;
            case TILES -> TILES;
            default -> CARPET;
        };
        return new Room(id, r.type(), r.minX(), r.minZ(), r.maxX(), r.maxZ(), wallRgb, floors[rnd.nextInt(floors.length)],
                wall, floor);
    }
}

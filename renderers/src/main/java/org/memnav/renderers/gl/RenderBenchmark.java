package org.memnav.renderers.gl;

import java.util.Random;

/**
 * Measures sensor frames per second (render + readback of colour, depth and instance ids) for a
 * furnished 20 m x 20 m room of about 200 boxes, with the camera walking and turning every frame
 * as an agent would. Usage: {@code RenderBenchmark [seconds per size]}.
 */
public final class RenderBenchmark {

    private RenderBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        RenderScene scene = furnishedRoom(new Random(7), 195);
        try (OffscreenRenderer renderer = OffscreenRenderer.create()) {
            renderer.upload(scene);
            System.out.printf("GL: %s%n", renderer.description());
            System.out.printf("CPU cores available to the JVM: %d; scene: %d triangles%n",
                    Runtime.getRuntime().availableProcessors(), scene.triangleCount());
            for (int[] size : new int[][] {{256, 256}, {640, 360}}) {
                measure(renderer, size[0], size[1], seconds);
            }
        }
    }

    private static void measure(OffscreenRenderer renderer, int width, int height, double seconds) {
        CameraView camera = CameraView.of(0, 1.31, 0, 0, 0, 90, width, height);
        for (int i = 0; i < 50; i++) { // warm-up: JIT, shader variants, FBO allocation
            renderer.render(step(camera, i));
        }
        long checksum = 0;
        int frames = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long now;
        do {
            SensorFrame frame = renderer.render(step(camera, frames));
            checksum += frame.instanceIds()[frame.instanceIds().length / 2];
            frames++;
            now = System.nanoTime();
        } while (now < deadline);
        double elapsed = (now - start) / 1e9;
        System.out.printf("%dx%d RGB+depth+instance: %.0f frames/s (%.2f ms/frame, %d frames, checksum %d)%n",
                width, height, frames / elapsed, 1000 * elapsed / frames, frames, checksum);
    }

    /** The camera walks a circle of radius 5 m and turns 30 degrees every 12 frames. */
    private static CameraView step(CameraView camera, int frame) {
        double angle = frame * 0.01;
        return camera.withPose(5 * Math.cos(angle), 1.31, 5 * Math.sin(angle), (frame / 12) * Math.PI / 6, 0);
    }

    /** Floor, four walls and {@code furniture} boxes of random size, colour and instance id. */
    static RenderScene furnishedRoom(Random random, int furniture) {
        RenderSceneBuilder builder = new RenderSceneBuilder()
                .addBox(-10, -0.1, -10, 10, 0, 10, 0x9A8F7E, RenderScene.STRUCTURE_ID)
                .addBox(-10, 0, -10.2, 10, 3, -10, 0xD8D4CC, RenderScene.STRUCTURE_ID)
                .addBox(-10, 0, 10, 10, 3, 10.2, 0xD8D4CC, RenderScene.STRUCTURE_ID)
                .addBox(-10.2, 0, -10, -10, 3, 10, 0xC8C4BC, RenderScene.STRUCTURE_ID)
                .addBox(10, 0, -10, 10.2, 3, 10, 0xC8C4BC, RenderScene.STRUCTURE_ID);
        for (int id = 1; id <= furniture; id++) {
            double x = -9 + random.nextDouble() * 18, z = -9 + random.nextDouble() * 18;
            double sx = 0.2 + random.nextDouble() * 0.8, sz = 0.2 + random.nextDouble() * 0.8;
            double h = 0.3 + random.nextDouble() * 1.7;
            builder.addBox(x, 0, z, x + sx, h, z + sz, random.nextInt(0x1000000), id);
        }
        return builder.build();
    }
}

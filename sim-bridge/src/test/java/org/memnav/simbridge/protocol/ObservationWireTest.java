package org.memnav.simbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.EpisodeStatus;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.Pose;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.Vec3;
import org.memnav.simbridge.protocol.message.NavigabilityGrid;
import org.memnav.simbridge.protocol.message.ObservationFields;

class ObservationWireTest {
    private static final ObservationFields FIELDS = new ObservationFields(3, new Pose(Vec3.ORIGIN, 0), false,
            new EpisodeStatus(0, 1, 3, false, null));

    private static Frame withBlobs(Blob... blobs) {
        return Frame.response(1, "step", null, List.of(blobs));
    }

    @Test
    void imagesBecomeBlobsWithNumpyShapes() {
        Observation o = new Observation(1, new Pose(Vec3.ORIGIN, 0), false, new RgbImage(4, 2, new byte[24]),
                new DepthImage(4, 2, new float[8]), null, null);
        List<Blob> blobs = ObservationWire.blobs(o);
        assertThat(blobs).extracting(Blob::name).containsExactly("rgb", "depth");
        assertThat(blobs.get(0).hasShape(Dtype.UINT8, 2, 4, 3)).isTrue();
        assertThat(blobs.get(1).hasShape(Dtype.FLOAT32, 2, 4)).isTrue();
    }

    @Test
    void absentBlobsAreAbsentSensors() throws Exception {
        Observation o = ObservationWire.decode(FIELDS, withBlobs(), "step result");
        assertThat(o.rgb()).isNull();
        assertThat(o.depth()).isNull();
        assertThat(o.semantic()).isNull();
        assertThat(o.step()).isEqualTo(3);
    }

    @Test
    void wrongDtypeOrShapeIsABadMessage() {
        ProtocolException floatRgb = catchThrowableOfType(ProtocolException.class,
                () -> ObservationWire.decode(FIELDS, withBlobs(Blob.float32("rgb", new float[6], 1, 2, 3)), "step result"));
        assertThat(floatRgb.code()).isEqualTo(ErrorCode.BAD_MESSAGE);
        assertThat(floatRgb.getMessage()).contains("step result", "rgb", "uint8 [H, W, 3]", "float32 [1, 2, 3]");

        ProtocolException rgba = catchThrowableOfType(ProtocolException.class,
                () -> ObservationWire.decode(FIELDS, withBlobs(Blob.uint8("rgb", new byte[8], 1, 2, 4)), "step result"));
        assertThat(rgba.code()).isEqualTo(ErrorCode.BAD_MESSAGE);

        ProtocolException depth3d = catchThrowableOfType(ProtocolException.class,
                () -> ObservationWire.decode(FIELDS, withBlobs(Blob.float32("depth", new float[2], 1, 2, 1)), "step result"));
        assertThat(depth3d.getMessage()).contains("float32 [H, W]");
    }

    @Test
    void navigabilityMapNeedsItsCells() throws Exception {
        NavigabilityGrid grid = new NavigabilityGrid(0, 0, 0.5);
        assertThat(catchThrowableOfType(ProtocolException.class,
                () -> NavigabilityMapWire.decode(grid, withBlobs(), "navigability_map result")).getMessage()).contains("missing");
        assertThat(catchThrowableOfType(ProtocolException.class, () -> NavigabilityMapWire.decode(grid,
                withBlobs(Blob.uint8("cells", new byte[4], 4)), "r")).code()).isEqualTo(ErrorCode.BAD_MESSAGE);

        NavigabilityMap map = new NavigabilityMap(1, 2, 0.5, 3, 2, new byte[] {1, 0, 0, 0, 0, 1});
        NavigabilityMap back = NavigabilityMapWire.decode(NavigabilityMapWire.grid(map),
                withBlobs(NavigabilityMapWire.blobs(map).toArray(Blob[]::new)), "r");
        assertThat(back.width()).isEqualTo(3);
        assertThat(back.height()).isEqualTo(2);
        assertThat(back.cells()).isEqualTo(map.cells());
        assertThat(back.originZ()).isEqualTo(2);
    }
}

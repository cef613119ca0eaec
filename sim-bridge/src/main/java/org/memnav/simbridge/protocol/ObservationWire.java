package org.memnav.simbridge.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.memnav.simbridge.api.DepthImage;
import org.memnav.simbridge.api.Observation;
import org.memnav.simbridge.api.RgbImage;
import org.memnav.simbridge.api.SemanticImage;
import org.memnav.simbridge.protocol.message.ObservationFields;

/**
 * Splits an {@link Observation} into its JSON fields and its image blobs, and joins them again:
 * rgb uint8 [H, W, 3], depth float32 [H, W], semantic int32 [H, W]; a sensor that is off sends no blob.
 */
public final class ObservationWire {
    public static final String RGB = "rgb";
    public static final String DEPTH = "depth";
    public static final String SEMANTIC = "semantic";

    private ObservationWire() {
    }

    public static ObservationFields fields(Observation o) {
        return new ObservationFields(o.step(), o.pose(), o.collided(), o.status());
    }

    public static List<Blob> blobs(Observation o) {
        List<Blob> blobs = new ArrayList<>(3);
        if (o.rgb() != null) {
            blobs.add(Blob.uint8(RGB, o.rgb().data(), o.rgb().height(), o.rgb().width(), 3));
        }
        if (o.depth() != null) {
            blobs.add(Blob.of(DEPTH, Dtype.FLOAT32, new long[] {o.depth().height(), o.depth().width()}, o.depth().littleEndianBytes()));
        }
        if (o.semantic() != null) {
            blobs.add(Blob.int32(SEMANTIC, o.semantic().ids(), o.semantic().height(), o.semantic().width()));
        }
        return blobs;
    }

    /** Joins the JSON fields with the frame's image blobs; {@code what} names the message in errors. */
    public static Observation decode(ObservationFields fields, Frame frame, String what) throws ProtocolException {
        RgbImage rgb = null;
        Optional<Blob> rgbBlob = frame.blob(RGB);
        if (rgbBlob.isPresent()) {
            Blob b = rgbBlob.get();
            requireImage(b, Dtype.UINT8, 3, what);
            if (b.dim(2) != 3) {
                throw shapeError(b, "uint8 [H, W, 3]", what);
            }
            rgb = new RgbImage((int) b.dim(1), (int) b.dim(0), b.wholeArrayOrCopy()); // the received array, not a copy
        }
        DepthImage depth = null;
        Optional<Blob> depthBlob = frame.blob(DEPTH);
        if (depthBlob.isPresent()) {
            Blob b = depthBlob.get();
            requireImage(b, Dtype.FLOAT32, 2, what);
            // used in place; the writable view lets a relay send it on without a copy
            depth = DepthImage.ofLittleEndian((int) b.dim(1), (int) b.dim(0), b.rawData());
        }
        SemanticImage semantic = null;
        Optional<Blob> semanticBlob = frame.blob(SEMANTIC);
        if (semanticBlob.isPresent()) {
            Blob b = semanticBlob.get();
            requireImage(b, Dtype.INT32, 2, what);
            semantic = new SemanticImage((int) b.dim(1), (int) b.dim(0), b.toIntArray());
        }
        return new Observation(fields.step(), fields.pose(), fields.collided(), rgb, depth, semantic, fields.status());
    }

    private static void requireImage(Blob b, Dtype dtype, int rank, String what) throws ProtocolException {
        String expected = dtype.numpyName() + (rank == 3 ? " [H, W, 3]" : " [H, W]");
        // Dimensions beyond int would not fit the api's arrays; the frame limits keep real ones far below.
        if (b.dtype() != dtype || b.rank() != rank || b.dim(0) > Integer.MAX_VALUE || b.dim(1) > Integer.MAX_VALUE) {
            throw shapeError(b, expected, what);
        }
    }

    private static ProtocolException shapeError(Blob b, String expected, String what) {
        return new ProtocolException(ErrorCode.BAD_MESSAGE, what + ": blob '" + b.name() + "' must be " + expected + ", got "
                + b.dtype().numpyName() + " " + Arrays.toString(b.shape()));
    }
}

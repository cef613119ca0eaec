package org.memnav.recordings.codec;

import org.memnav.simbridge.api.RgbImage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes 8-bit RGB frames as PNG (IHDR, one IDAT, IEND). Each row gets the filter (None, Sub, Up or
 * Paeth) with the smallest sum of absolute filtered bytes, the usual heuristic that keeps frames small.
 * Written here rather than through javax.imageio so recording needs no AWT and no image conversion.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int BYTES_PER_PIXEL = 3;

    private PngEncoder() {
    }

    public static byte[] encode(RgbImage image) {
        return encode(image, Deflater.DEFAULT_COMPRESSION);
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

    private static byte[] filterRows(byte[] pixels, int width, int height) {
        int stride = width * BYTES_PER_PIXEL;
        byte[] out = new byte[height * (stride + 1)];
        byte[] candidate = new byte[stride];
        byte[] best = new byte[stride];
        for (int row = 0; row < height; row++) {
            int cur = row * stride;
            int prev = cur - stride; // negative for the first row: "above" reads as zero
            long bestCost = Long.MAX_VALUE;
            int bestFilter = 0;
            for (int filter = 0; filter <= 4; filter++) {
                if (filter == 2 && row == 0) {
                    continue; // Up equals None on the first row
                }
                long cost = 0;
                for (int i = 0; i < stride; i++) {
                    int x = pixels[cur + i] & 0xFF;
                    int a = i >= BYTES_PER_PIXEL ? pixels[cur + i - BYTES_PER_PIXEL] & 0xFF : 0;
                    int b = prev >= 0 ? pixels[prev + i] & 0xFF : 0;
                    int c = prev >= 0 && i >= BYTES_PER_PIXEL ? pixels[prev + i - BYTES_PER_PIXEL] & 0xFF : 0;
                    int predictor = switch (filter) {
                        case 0 -> 0;
                        case 1 -> a;
                        case 2 -> b;
                        case 3 -> (a + b) >>> 1;
                        default -> paeth(a, b, c);
                    };
                    byte v = (byte) (x - predictor);
                    candidate[i] = v;
                    cost += Math.abs(v);
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    bestFilter = filter;
                    System.arraycopy(candidate, 0, best, 0, stride);
                }
            }
            int at = row * (stride + 1);
            out[at] = (byte) bestFilter;
            System.arraycopy(best, 0, out, at + 1, stride);
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

package org.memnav.recordings.query;

import org.memnav.recordings.RunMessageDecoder;
import org.memnav.recordings.mcap.McapReader;
import org.memnav.recordings.mcap.McapReaderOptions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An episode from a recording on disk (finished, or recovered from a crash). Opening reads only the summary
 * (or, for a file cut short, scans its chunk headers once); queries then go through the chunk index with a
 * decoded-chunk cache of fixed budget ({@link McapReaderOptions#cacheBudgetBytes()}, 256 MB by default).
 */
public final class FileEpisodeSource extends QueryingEpisodeSource {
    private final McapReader reader;

    private FileEpisodeSource(McapReader reader, RunMessageDecoder decoder) {
        super(reader, decoder, timelineOf(reader, decoder));
        this.reader = reader;
    }

    public static FileEpisodeSource open(Path file) throws IOException {
        return open(file, McapReaderOptions.defaults());
    }

    /**
     * @throws org.memnav.recordings.mcap.McapFormatException if the file is not MCAP or is damaged beyond recovery
     * @throws IOException if it cannot be read, or its {@code /run/config} is malformed
     */
    public static FileEpisodeSource open(Path file, McapReaderOptions options) throws IOException {
        McapReader reader = McapReader.open(file, options);
        try {
            return new FileEpisodeSource(reader, decoderOrNull(reader));
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The MCAP reader underneath (statistics, chunk indexes, recovery reason). */
    public McapReader reader() {
        return reader;
    }

    @Override
    public String description() {
        return reader.file().toString();
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

package org.memnav.recordings.query;

import org.memnav.recordings.RunMessageDecoder;
import org.memnav.recordings.RunRecorder;
import org.memnav.recordings.mcap.McapLiveView;
import org.memnav.recordings.mcap.McapReaderOptions;

import java.io.IOException;

/**
 * The episode a {@link RunRecorder} in this process is recording right now. Completed chunks are read back
 * from the file through their chunk indexes (same cache budget as a file source); the chunk being filled is
 * answered from memory, so the newest step is visible at once. Stays usable after the recorder closes.
 */
public final class LiveEpisodeSource extends QueryingEpisodeSource {
    private final McapLiveView view;
    private final String description;

    private LiveEpisodeSource(McapLiveView view, RunMessageDecoder decoder, String description) {
        super(view, decoder, decoder.timeline());
        this.view = view;
        this.description = description;
    }

    public static LiveEpisodeSource open(RunRecorder recorder) throws IOException {
        return open(recorder, McapReaderOptions.defaults());
    }

    public static LiveEpisodeSource open(RunRecorder recorder, McapReaderOptions options) throws IOException {
        McapLiveView view = recorder.openLiveView(options);
        try {
            return new LiveEpisodeSource(view, RunMessageDecoder.forRecording(view), recorder.file() + " (live)");
        } catch (IOException | RuntimeException e) {
            view.close();
            throw e;
        }
    }

    /** Messages recorded so far; changes whenever the run records something. */
    public long messageCount() {
        return view.messageCount();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean isLive() {
        return view.writerOpen();
    }

    @Override
    public void close() throws IOException {
        view.close();
    }
}

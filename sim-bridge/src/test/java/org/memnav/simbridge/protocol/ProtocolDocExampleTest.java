package org.memnav.simbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memnav.simbridge.api.Action;
import org.memnav.simbridge.protocol.message.NavigabilityGrid;
import org.memnav.simbridge.protocol.message.StepParams;

/** The hex examples in PROTOCOL.md are what the writer produces and decode to what the text says. */
class ProtocolDocExampleTest {
    private final WireJson json = new WireJson();

    /** The hex dump that follows {@code <!-- example-frame: NAME -->} in PROTOCOL.md. */
    private static byte[] example(String name) throws Exception {
        String doc = Files.readString(Path.of("PROTOCOL.md"));
        int marker = doc.indexOf("<!-- example-frame: " + name + " -->");
        assertThat(marker).as("example %s in PROTOCOL.md", name).isNotNegative();
        int start = doc.indexOf("```text\n", marker) + "```text\n".length();
        int end = doc.indexOf("```", start);
        StringBuilder hex = new StringBuilder();
        for (String line : doc.substring(start, end).split("\n")) {
            // "0000  4d 4e ...  |ascii|": the bytes sit between the offset and the ascii column.
            String bytes = line.substring(6, line.indexOf('|')).strip();
            hex.append(bytes.replace(" ", ""));
        }
        return HexFormat.of().parseHex(hex);
    }

    private byte[] written(Frame frame) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FrameWriter(out, FrameLimits.defaults(), json).write(ProtocolVersion.CURRENT, frame);
        return out.toByteArray();
    }

    private Frame read(byte[] bytes) throws Exception {
        return new FrameReader(new ByteArrayInputStream(bytes), FrameLimits.defaults(), json).read().orElseThrow();
    }

    @Test
    void stepRequestExample() throws Exception {
        byte[] bytes = example("step-request");
        assertThat(bytes).hasSize(96);
        Frame frame = Frame.request(7, "step", json.toObject(new StepParams(Action.MOVE_FORWARD)), List.of());
        assertThat(bytes).isEqualTo(written(frame));

        FramePrefix prefix = FramePrefix.decode(bytes);
        assertThat(prefix.headerLength()).isEqualTo(76);
        assertThat(prefix.payloadLength()).isZero();
        Frame got = read(bytes);
        assertThat(got.type()).isEqualTo(FrameType.REQUEST);
        assertThat(got.id()).isEqualTo(7);
        assertThat(got.field("action").asText()).isEqualTo("move_forward");
    }

    @Test
    void navigabilityResponseExample() throws Exception {
        byte[] bytes = example("navigability-response");
        assertThat(bytes).hasSize(206);
        Frame frame = Frame.response(8, "navigability_map", json.toObject(new NavigabilityGrid(-1.0, -0.5, 0.25)),
                List.of(Blob.uint8("cells", new byte[] {0, 1, 1, 0, 1, 1}, 2, 3)));
        assertThat(bytes).isEqualTo(written(frame));

        FramePrefix prefix = FramePrefix.decode(bytes);
        assertThat(prefix.type()).isEqualTo(2);
        assertThat(prefix.headerLength()).isEqualTo(180);
        assertThat(prefix.payloadLength()).isEqualTo(6);
        Frame got = read(bytes);
        Blob cells = got.blob("cells").orElseThrow();
        assertThat(cells.shape()).containsExactly(2, 3);
        assertThat(cells.toByteArray()).containsExactly(0, 1, 1, 0, 1, 1);
        assertThat(NavigabilityMapWire.decode(json.fromTree(got.body(), NavigabilityGrid.class, "doc"), got, "doc").navigable(1, 0))
                .isTrue();
    }
}

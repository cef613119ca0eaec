package org.memnav.recordings.mcap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written by the official TypeScript writer (@mcap/core; see resources/mcap/make-fixtures.mjs):
 * unchunked messages, zstd chunks, linked-block lz4 chunks, and chunks without any summary.
 */
class OfficialWriterFixturesTest {
    private static final long T0 = 1_000_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {"official-unchunked.mcap", "official-zstd.mcap", "official-lz4-linked.mcap",
            "official-unindexed.mcap"})
    void readsEveryMessageInLogTimeOrder(String name) throws IOException {
        Path file = fixture(name);
        try (McapReader reader = McapReader.open(file)) {
            assertThat(reader.header()).isEqualTo(new McapHeader("x-fixture", "@mcap/core fixture"));
            assertThat(reader.recoveryReason()).isEmpty();
            assertThat(reader.schemas().values()).extracting(McapSchema::name).containsExactly("test.Number");
            assertThat(reader.channel("/numbers")).hasValueSatisfying(c -> {
                assertThat(c.messageEncoding()).isEqualTo("json");
                assertThat(c.metadata()).isEqualTo(Map.of("origin", "fixture"));
            });

            List<McapMessage> messages = reader.messages().toList();
            assertThat(messages).hasSize(400);
            assertThat(messages).extracting(McapMessage::logTimeNs).isSorted();

            ObjectMapper json = new ObjectMapper();
            List<McapMessage> numbers = messages.stream().filter(m -> m.topic().equals("/numbers")).toList();
            assertThat(numbers).hasSize(300);
            for (int i = 0; i < numbers.size(); i++) {
                McapMessage m = numbers.get(i);
                JsonNode body = json.readTree(m.data());
                assertThat(body.get("i").asInt()).isEqualTo(i);
                assertThat(body.get("pad").asText()).startsWith("memnav memnav ");
                assertThat(m.sequence()).isEqualTo(i);
                assertThat(m.logTimeNs()).isEqualTo(T0 + i * 1_000_000L);
            }
            List<McapMessage> raw = reader.messages(Set.of("/raw")).toList();
            assertThat(raw).hasSize(100);
            for (int j = 0; j < raw.size(); j++) {
                assertThat(raw.get(j).data()).containsExactly((byte) j, (byte) (j + 1), (byte) (j + 2));
                assertThat(raw.get(j).logTimeNs()).isEqualTo(T0 + 3L * j * 1_000_000L + 500);
            }
            // Each /raw message sorts between /numbers(3j) and /numbers(3j+1) although written after /numbers(3j+2).
            int firstRaw = messages.indexOf(messages.stream().filter(m -> m.topic().equals("/raw")).findFirst().orElseThrow());
            assertThat(firstRaw).isEqualTo(1);

            assertThat(reader.metadata()).containsExactly(new McapMetadata("fixture", Map.of("generator", "@mcap/core")));
            assertThat(reader.statistics()).hasValueSatisfying(s -> assertThat(s.messageCount()).isEqualTo(400));
            reader.verify();
        }
    }

    private static Path fixture(String name) throws IOException {
        try (InputStream in = OfficialWriterFixturesTest.class.getResourceAsStream("/mcap/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            Path file = Files.createTempFile("fixture-", "-" + name);
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        }
    }
}

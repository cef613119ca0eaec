package org.memnav.simbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FramePrefixTest {

    @Test
    void layoutIsLittleEndianAtTheDocumentedOffsets() {
        byte[] bytes = FramePrefix.of(new ProtocolVersion(1, 2), FrameType.ERROR, 0x01020304L, 0x0A0B0C0D0E0F1011L).encode();
        assertThat(bytes).hasSize(20);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("MNAV");
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(
                "4d4e4156" + "0201" + "0300" + "04030201" + "11100f0e0d0c0b0a");
    }

    @Test
    void decodeInvertsEncodeIncludingUnsignedLengths() {
        FramePrefix p = FramePrefix.of(ProtocolVersion.CURRENT, FrameType.RESPONSE, 0xFFFF_FFFFL, -1L);
        FramePrefix back = FramePrefix.decode(p.encode());
        assertThat(back).isEqualTo(p);
        assertThat(back.headerLength()).isEqualTo(4_294_967_295L);
        assertThat(back.payloadLengthText()).isEqualTo("18446744073709551615");
        assertThat(back.protocolVersion()).isEqualTo(ProtocolVersion.CURRENT);
    }
}

package org.memnav.simbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolVersionTest {

    @Test
    void wireFormIsMajorShiftedEightOrMinor() {
        assertThat(ProtocolVersion.CURRENT).isEqualTo(new ProtocolVersion(1, 0));
        assertThat(new ProtocolVersion(1, 0).toWire()).isEqualTo(0x0100);
        assertThat(new ProtocolVersion(2, 7).toWire()).isEqualTo(0x0207);
        assertThat(ProtocolVersion.fromWire(0x0305)).isEqualTo(new ProtocolVersion(3, 5));
    }

    @Test
    void parsesAndPrintsMajorDotMinor() {
        assertThat(ProtocolVersion.parse(" 1.12 ")).isEqualTo(new ProtocolVersion(1, 12));
        assertThat(new ProtocolVersion(1, 12)).hasToString("1.12");
        assertThatThrownBy(() -> ProtocolVersion.parse("1")).hasMessageContaining("'1.0'");
        assertThatThrownBy(() -> ProtocolVersion.parse("one.two")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtocolVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProtocolVersion(256, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameMajorAgreesOnTheLowerMinor() {
        ProtocolVersion v10 = new ProtocolVersion(1, 0);
        ProtocolVersion v13 = new ProtocolVersion(1, 3);
        assertThat(v13.agreeWith(v10)).isEqualTo(v10);
        assertThat(v10.agreeWith(v13)).isEqualTo(v10);
        assertThatThrownBy(() -> v10.agreeWith(new ProtocolVersion(2, 0))).hasMessageContaining("major");
    }
}

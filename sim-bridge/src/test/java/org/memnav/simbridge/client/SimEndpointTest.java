package org.memnav.simbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimEndpointTest {

    @Test
    void parsesTcpUrls() {
        assertThat(SimEndpoint.parse("tcp://127.0.0.1:5555")).isEqualTo(new SimEndpoint("127.0.0.1", 5555));
        assertThat(SimEndpoint.parse(" tcp://sim-host.lab:80 ")).isEqualTo(new SimEndpoint("sim-host.lab", 80));
        assertThat(SimEndpoint.parse("TCP://localhost:1")).isEqualTo(new SimEndpoint("localhost", 1));
        assertThat(SimEndpoint.parse("localhost:7000")).isEqualTo(new SimEndpoint("localhost", 7000));
    }

    @Test
    void ipv6HostsAreBracketedInTextOnly() {
        SimEndpoint v6 = SimEndpoint.parse("tcp://[::1]:5555");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6).hasToString("tcp://[::1]:5555");
        assertThat(v6.address()).isEqualTo("[::1]:5555");
    }

    @Test
    void printsBackToTheSameText() {
        assertThat(SimEndpoint.loopback(5555)).hasToString("tcp://127.0.0.1:5555");
        assertThat(SimEndpoint.parse(SimEndpoint.loopback(9).toString())).isEqualTo(SimEndpoint.loopback(9));
    }

    @Test
    void rejectsWhatIsNotHostAndPort() {
        assertThatThrownBy(() -> SimEndpoint.parse("http://127.0.0.1:5555")).hasMessageContaining("tcp://");
        assertThatThrownBy(() -> SimEndpoint.parse("tcp://127.0.0.1")).hasMessageContaining("port");
        assertThatThrownBy(() -> SimEndpoint.parse("tcp://127.0.0.1:5555/scene")).hasMessageContaining("only tcp://host:port");
        assertThatThrownBy(() -> SimEndpoint.parse("tcp://127.0.0.1:0")).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> SimEndpoint.parse("tcp://127.0.0.1:99999")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimEndpoint.parse("tcp:// bad host:1")).isInstanceOf(IllegalArgumentException.class);
    }
}

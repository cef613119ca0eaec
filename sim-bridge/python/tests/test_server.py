"""The threaded server over real loopback sockets: handshake and version negotiation, request-level
errors that keep the connection, bad frames that close it (and only it), pipelining, limits,
serialised calls into a shared backend, shutdown."""

import json
import socket
import threading
import time

import numpy as np
import pytest

from memnav_bridge.gridworld import GridWorldBackend
from memnav_bridge.protocol import MAGIC, PREFIX, REQUEST, ERROR, Frame, FrameLimits, Version
from memnav_bridge.server import BackendSource, BridgeServer

from peers import RawPeer

SCENE = "gridworld:rooms?seed=3"


@pytest.fixture
def server():
    with BridgeServer(BackendSource.per_connection(GridWorldBackend)) as s:
        yield s


def peer(server: BridgeServer) -> RawPeer:
    return RawPeer(*server.address)


def test_listens_on_loopback_by_default(server):
    assert server.address[0] == "127.0.0.1" and server.port > 0
    assert server.endpoint == f"tcp://127.0.0.1:{server.port}"


def test_hello_agrees_on_the_lower_minor_and_reports_capabilities_and_limits(server):
    with peer(server) as p:
        answer = p.hello("1.4")
        assert answer.body["protocol"] == "1.0"
        assert answer.body["capabilities"]["protocol_version"] == "1.0"
        assert answer.body["capabilities"]["simulator"] == "memnav-gridworld"
        assert answer.body["max_payload_bytes"] == 256 << 20
        assert answer.body["server"].startswith("memnav-bridge-python")


def test_another_major_in_hello_is_refused_naming_both_versions_then_closed(server):
    with peer(server) as p:
        answer = p.hello("2.1")
        assert answer.type == ERROR and answer.error["code"] == "unsupported_version"
        assert "2.1" in answer.error["message"] and "1.0" in answer.error["message"]
        assert p.server_closed()


def test_malformed_hello_version_is_bad_message_and_the_connection_stays(server):
    with peer(server) as p:
        assert p.hello("one").error["code"] == "bad_message"
        assert p.hello("1.0").type != ERROR


def test_requests_before_hello_and_unknown_methods_keep_the_connection(server):
    with peer(server) as p:
        answer = p.request("load_scene", {"scene": SCENE})
        assert answer.error["code"] == "handshake_required"
        p.hello()
        unknown = p.request("teleport", {})
        assert unknown.error["code"] == "unknown_method" and "navigability_map" in unknown.error["message"]
        assert p.request("load_scene", {"scene": SCENE}).body["scene_id"] == SCENE


def test_bad_params_are_bad_message_and_backend_failures_backend_error(server):
    with peer(server) as p:
        p.hello()
        assert p.request("load_scene", {}).error["code"] == "bad_message"
        missing = p.request("load_scene", {"scene": "nowhere.glb"})
        assert missing.error["code"] == "backend_error" and "gridworld:rooms?seed=N" in missing.error["message"]
        p.request("load_scene", {"scene": SCENE})
        early = p.request("step", {"action": "move_forward"})
        assert early.error == {"code": "backend_error", "message": "step before new_episode: start an episode first"}
        assert p.request("new_episode", {"seed": 1, "subtasks": 0}).error["code"] == "bad_message"
        assert p.request("new_episode", {"seed": "x", "subtasks": 1}).error["code"] == "bad_message"
        assert p.request("geodesic_distance", {"from": [1, 2], "to": [1, 2, 3]}).error["code"] == "bad_message"
        assert p.request("set_agent_state", {"pose": {"position": [0, 0, 0]}}).error["code"] == "bad_message"
        assert p.request("new_episode", {"seed": 1, "subtasks": 2}).type != ERROR


def test_requests_may_be_pipelined_and_are_answered_in_order(server):
    with peer(server) as p:
        p.hello()
        p.request("load_scene", {"scene": SCENE})
        p.request("new_episode", {"seed": 5, "subtasks": 2})
        for i, action in enumerate(["turn_left", "turn_left", "move_forward", "turn_right"]):
            p.send(Frame.request(100 + i, "step", {"action": action}))
        answers = [p.read() for _ in range(4)]
        assert [a.id for a in answers] == [100, 101, 102, 103]
        assert [a.body["step"] for a in answers] == [1, 2, 3, 4]


def test_close_is_acknowledged_then_the_server_closes(server):
    with peer(server) as p:
        p.hello()
        assert p.request("close").body == {}
        assert p.server_closed()


@pytest.mark.parametrize("data, code", [
    (b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", "bad_magic"),
    (PREFIX.pack(MAGIC, 0x0200, REQUEST, 2, 0) + b"{}", "unsupported_version"),
    (PREFIX.pack(MAGIC, 0x0100, REQUEST, 2, 1 << 40) + b"{}", "frame_too_large"),
    (PREFIX.pack(MAGIC, 0x0100, REQUEST, 6, 0) + b"{,,,,}", "bad_json"),
    (PREFIX.pack(MAGIC, 0x0100, 2, 2, 0) + b"{}", "bad_frame"),  # a RESPONSE sent to a server
])
def test_a_bad_frame_gets_an_error_frame_and_a_closed_connection_while_others_carry_on(server, data, code):
    with peer(server) as healthy:
        healthy.hello()
        with peer(server) as bad:
            bad.send_bytes(data)
            answer = bad.read()
            assert answer.type == ERROR and answer.error["code"] == code
            assert bad.server_closed()
        assert healthy.request("load_scene", {"scene": SCENE}).body["scene_id"] == SCENE


def test_blob_sizes_that_disagree_with_dtype_and_shape_name_the_request(server):
    header = json.dumps({"id": 9, "method": "hello", "blobs": [
        {"name": "rgb", "dtype": "uint8", "shape": [2, 2, 3], "offset": 0, "nbytes": 11}]}).encode()
    with peer(server) as p:
        p.send_bytes(PREFIX.pack(MAGIC, 0x0100, REQUEST, len(header), 12) + header + bytes(12))
        answer = p.read()
        assert answer.id == 9 and answer.error["code"] == "bad_frame" and "nbytes 11" in answer.error["message"]


def test_a_client_that_disconnects_mid_frame_does_not_disturb_the_server(server):
    frame = PREFIX.pack(MAGIC, 0x0100, REQUEST, 40, 0) + b'{"id":1,"method":"hel'
    for _ in range(3):
        s = socket.create_connection(server.address)
        s.sendall(frame)
        s.close()
    with peer(server) as p:
        assert p.hello().body["protocol"] == "1.0"
    deadline = time.monotonic() + 5
    while server.open_connections() > 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.open_connections() == 0, "half-sent connections were cleaned up"


def test_a_reply_over_the_server_limit_becomes_frame_too_large_and_the_connection_stays():
    limits = FrameLimits(max_header_bytes=1 << 20, max_payload_bytes=10_000)
    with BridgeServer(BackendSource.per_connection(GridWorldBackend), limits=limits) as s, RawPeer(*s.address) as p:
        p.hello()
        p.request("load_scene", {"scene": SCENE})
        answer = p.request("new_episode", {"seed": 1, "subtasks": 1})
        assert answer.error["code"] == "frame_too_large" and "10000" in answer.error["message"]
        assert p.request("get_agent_state").type != ERROR


class CountingBackend(GridWorldBackend):
    """Counts overlapping calls; each call dawdles so overlaps would show if calls were not serialised."""

    def __init__(self):
        super().__init__()
        self.inside = 0
        self.most_inside = 0
        self._guard = threading.Lock()

    def agent_pose(self):
        with self._guard:
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
        time.sleep(0.01)
        with self._guard:
            self.inside -= 1
        return super().agent_pose()


def test_a_shared_backend_serves_every_connection_one_call_at_a_time():
    backend = CountingBackend()
    with BridgeServer(BackendSource.shared(backend)) as s:
        def client():
            with RawPeer(*s.address) as p:
                p.hello()
                for _ in range(10):
                    assert p.request("get_agent_state").type != ERROR
        threads = [threading.Thread(target=client) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert backend.most_inside == 1


def test_closing_the_server_drops_connections_with_requests_in_flight():
    s = BridgeServer(BackendSource.per_connection(lambda: GridWorldBackend(step_delay_s=1.0))).start()
    p = RawPeer(*s.address)
    p.hello()
    p.request("load_scene", {"scene": SCENE})
    p.request("new_episode", {"seed": 1, "subtasks": 1})
    p.send(Frame.request(50, "step", {"action": "turn_left"}))
    time.sleep(0.2)
    t0 = time.monotonic()
    s.close()
    assert time.monotonic() - t0 < 5
    try:
        answer = p.read()
    except OSError:
        answer = None
    # The slow step may still have been answered before the socket went; after that nothing more comes.
    assert answer is None or answer.id == 50
    with pytest.raises(OSError):
        socket.create_connection(s.address, timeout=1).close()
    p.close()


def test_observation_blobs_arrive_with_the_documented_shapes(server):
    with peer(server) as p:
        caps = p.hello().body["capabilities"]
        p.request("load_scene", {"scene": SCENE})
        start = p.request("new_episode", {"seed": 2, "subtasks": 3})
        h, w = caps["sensor"]["height"], caps["sensor"]["width"]
        assert start.blobs["rgb"].shape == (h, w, 3) and start.blobs["rgb"].dtype == np.uint8
        assert start.blobs["depth"].shape == (h, w) and start.blobs["depth"].dtype == np.float32
        assert start.blobs["semantic"].dtype == np.int32
        assert len(start.body["spec"]["goals"]) == 3
        grid = p.request("navigability_map")
        assert grid.blobs["cells"].dtype == np.uint8 and set(np.unique(grid.blobs["cells"])) <= {0, 1}


def test_a_later_minor_in_the_prefix_of_requests_is_served(server):
    with peer(server) as p:
        p.send(Frame.request(1, "hello", {"protocol": "1.3"}), version=Version(1, 3))
        assert p.read().body["protocol"] == "1.0"

"""A bare protocol client for tests: sends hand-made (often broken) bytes or frames and reads answers."""

import socket
from typing import Optional

from memnav_bridge.protocol import CURRENT_VERSION, Frame, FrameReader, Version, frame_bytes


class RawPeer:
    def __init__(self, host: str, port: int, timeout: float = 10.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self._stream = self.sock.makefile("rb")
        self.reader = FrameReader(self._stream)
        self._next_id = 1

    def send_bytes(self, data: bytes) -> None:
        self.sock.sendall(data)

    def send(self, frame: Frame, version: Version = CURRENT_VERSION) -> None:
        self.sock.sendall(frame_bytes(version, frame))

    def read(self) -> Optional[Frame]:
        return self.reader.read()

    def request(self, method: str, params: Optional[dict] = None) -> Frame:
        request_id = self._next_id
        self._next_id += 1
        self.send(Frame.request(request_id, method, params or {}))
        answer = self.read()
        assert answer is not None, f"server closed the connection instead of answering {method}"
        assert answer.id == request_id
        return answer

    def hello(self, protocol: str = "1.0") -> Frame:
        return self.request("hello", {"protocol": protocol, "client": "pytest"})

    def server_closed(self) -> bool:
        """True when the server has closed its side: the next read sees the end of the stream."""
        return self.reader.read() is None

    def close(self) -> None:
        # The socket's descriptor stays open while a file made by makefile() is open.
        self._stream.close()
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

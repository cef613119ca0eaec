"""A threaded TCP server that hosts a ``SimulatorBackend`` over the sim-bridge protocol.

One thread per connection; every request gets a response or an error frame; calls into one
backend are serialised; a bad frame gets an error frame and that connection is closed gracefully
(sending side shut, input drained briefly) while every other connection carries on.
Loopback (127.0.0.1) by default: the protocol has no authentication.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from typing import Callable, List, Optional, Set, Tuple

from . import dispatch as dispatching
from .backend import SimulatorBackend
from .protocol import (CURRENT_VERSION, REQUEST, ErrorCode, Frame, FrameLimits, FrameReader, ProtocolError,
                       Version, FRAME_TYPE_NAMES, encode_frame)

LOG = logging.getLogger("memnav_bridge.server")

DEFAULT_BIND_ADDRESS = "127.0.0.1"
DEFAULT_SERVER_NAME = "memnav-bridge-python"
# How long a connection closed for a bad frame keeps swallowing input so the peer reads our error.
DRAIN_SECONDS = 2.0
# Frames up to this size are joined and sent with one call; larger blobs go out straight from their arrays.
_JOIN_BELOW_BYTES = 1 << 16


class BackendLease:
    """One connection's use of a backend: calls take the backend's lock; close() ends the use."""

    def __init__(self, backend: SimulatorBackend, lock: threading.Lock, owned: bool):
        self._backend = backend
        self._lock = lock
        self._owned = owned

    def call(self, fn: Callable[[SimulatorBackend], object]) -> object:
        with self._lock:
            return fn(self._backend)

    def close(self) -> None:
        if not self._owned:
            return
        with self._lock:
            try:
                self._backend.close()
            except Exception:  # noqa: BLE001 - a failing close must not take the server down
                LOG.warning("closing the simulator failed", exc_info=True)


class BackendSource:
    """Where each connection's simulator comes from."""

    def __init__(self, acquire: Callable[[], BackendLease]):
        self.acquire = acquire

    @staticmethod
    def shared(backend: SimulatorBackend) -> "BackendSource":
        """All connections share one backend, one call at a time; the caller keeps ownership."""
        lock = threading.Lock()
        return BackendSource(lambda: BackendLease(backend, lock, owned=False))

    @staticmethod
    def per_connection(factory: Callable[[], SimulatorBackend]) -> "BackendSource":
        """Each connection gets a fresh backend, closed when the connection ends."""
        return BackendSource(lambda: BackendLease(factory(), threading.Lock(), owned=True))


class _Connection:
    """Serves one client: read a request, answer it, repeat."""

    def __init__(self, sock: socket.socket, peer: str, server: "BridgeServer"):
        self.sock = sock
        self.peer = peer
        self._server = server
        self._agreed: Optional[Version] = None
        self._lease: Optional[BackendLease] = None

    def run(self) -> None:
        stream = None
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            stream = self.sock.makefile("rb", buffering=1 << 16)
            self._serve(FrameReader(stream, self._server.limits))
        except OSError as e:
            LOG.debug("connection from %s ended: %s", self.peer, e)
        finally:
            if self._lease is not None:
                self._lease.close()
            try:
                # The descriptor is only released once the makefile() stream is closed too.
                if stream is not None:
                    stream.close()
                self.sock.close()
            finally:
                self._server._ended(self)

    def abort(self) -> None:
        """Wakes the connection's thread (server shutdown): its next read sees the end of the stream."""
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _serve(self, reader: FrameReader) -> None:
        while True:
            try:
                request = reader.read()
                if request is None:
                    return
                if request.type != REQUEST:
                    raise ProtocolError(ErrorCode.BAD_FRAME, f"a server accepts only REQUEST frames, got "
                                                             f"{FRAME_TYPE_NAMES[request.type]}", request.id)
            except ProtocolError as e:
                LOG.debug("bad frame from %s: %s", self.peer, e)
                self._send(Frame.error_frame(e.request_id, None, e.code, e.message))
                self._close_gracefully()
                return
            if not self._answer(request):
                self._close_gracefully()
                return

    def _answer(self, request: Frame) -> bool:
        """Answers one request; False when the connection should end afterwards."""
        method = request.method
        try:
            if method not in dispatching.METHODS:
                raise ProtocolError(ErrorCode.UNKNOWN_METHOD, f"unknown method '{method}'; this server knows "
                                                              f"{list(dispatching.METHODS)}")
            if method == "hello":
                return self._hello(request)
            if self._agreed is None:
                raise ProtocolError(ErrorCode.HANDSHAKE_REQUIRED, f"send hello before {method} so both sides "
                                                                  f"agree on the protocol version")
            if method == "close":
                self._send(Frame.response(request.id, method, {}))
                return False
            lease = self._lease_or_raise()
            result, blobs = lease.call(lambda backend: dispatching.dispatch(method, request.body, backend))
            self._send(Frame.response(request.id, method, result, blobs))
            return True
        except ProtocolError as e:
            self._send(Frame.error_frame(request.id, method, e.code, e.message))
            return e.code != ErrorCode.UNSUPPORTED_VERSION
        except Exception as e:  # noqa: BLE001 - a bug in encoding a reply must not kill the connection
            LOG.exception("failed to answer %s from %s", method, self.peer)
            self._send(Frame.error_frame(request.id, method, ErrorCode.INTERNAL_ERROR,
                                         f"server failed to answer {method}: {type(e).__name__}: {e}"))
            return True

    def _hello(self, request: Frame) -> bool:
        protocol = request.body.get("protocol")
        try:
            client = Version.parse(protocol)
        except ValueError as e:
            raise ProtocolError(ErrorCode.BAD_MESSAGE, f"hello params: {e}") from None
        if client.major != CURRENT_VERSION.major:
            raise ProtocolError(ErrorCode.UNSUPPORTED_VERSION, f"client speaks protocol {client} but this server "
                                                               f"({self._server.name}) speaks {CURRENT_VERSION}; "
                                                               f"the major versions must match")
        version = CURRENT_VERSION.agree_with(client)
        lease = self._lease_or_raise()
        capabilities = lease.call(lambda backend: dispatching.call_backend(backend.capabilities, "hello"))
        self._agreed = version
        result = {"protocol": str(version), "server": self._server.name,
                  "capabilities": capabilities.to_json(str(version)),
                  "max_header_bytes": self._server.limits.max_header_bytes,
                  "max_payload_bytes": self._server.limits.max_payload_bytes}
        self._send(Frame.response(request.id, "hello", result))
        LOG.debug("%s agreed on protocol %s (client %r)", self.peer, version, request.body.get("client", ""))
        return True

    def _lease_or_raise(self) -> BackendLease:
        if self._lease is None:
            try:
                self._lease = self._server.backends.acquire()
            except Exception as e:  # noqa: BLE001 - a simulator that cannot start is the client's to hear about
                raise ProtocolError(ErrorCode.BACKEND_ERROR,
                                    f"could not start a simulator: {dispatching.backend_message(e)}") from e
        return self._lease

    def _send(self, frame: Frame) -> None:
        version = self._agreed or CURRENT_VERSION
        try:
            parts = encode_frame(version, frame, self._server.limits)
        except ProtocolError as e:
            # A reply over our own limits: tell the client instead of leaving it waiting (connection stays open).
            parts = encode_frame(version, Frame.error_frame(frame.id, frame.method, e.code, e.message),
                                 self._server.limits)
        if sum(p.nbytes for p in parts) < _JOIN_BELOW_BYTES:
            self.sock.sendall(b"".join(parts))
        else:
            for p in parts:
                self.sock.sendall(p)

    def _close_gracefully(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_WR)
            self.sock.settimeout(0.2)
            deadline = time.monotonic() + DRAIN_SECONDS
            while time.monotonic() < deadline:
                try:
                    if not self.sock.recv(1 << 16):
                        return
                except socket.timeout:
                    continue  # the peer may still be sending a payload we refused
        except OSError:
            pass


def _family_of(host: str) -> int:
    try:
        return socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        return infos[0][0]


class BridgeServer:
    """Hosts a backend on a TCP port. ``port=0`` picks a free port; ``address`` says which.

    >>> server = BridgeServer(BackendSource.per_connection(GridWorldBackend)).start()
    >>> host, port = server.address
    >>> server.close()
    """

    def __init__(self, backends: BackendSource, host: str = DEFAULT_BIND_ADDRESS, port: int = 0,
                 limits: FrameLimits = FrameLimits(), name: str = DEFAULT_SERVER_NAME):
        self.backends = backends
        self.limits = limits
        self.name = name
        try:
            self._listener = socket.create_server((host, port), family=_family_of(host))
        except OSError as e:
            raise OSError(f"could not listen on {host}:{port}: {e.strerror or e}") from e
        # A timeout lets the accept loop notice close() even where closing the socket does not wake accept().
        self._listener.settimeout(0.5)
        self._closed = threading.Event()
        self._connections: Set[_Connection] = set()
        self._threads: List[threading.Thread] = []
        self._guard = threading.Lock()
        self._accept_thread = threading.Thread(target=self._accept_loop, name=f"bridge-accept-{self.port}",
                                               daemon=True)
        self.accepted = 0
        self._started = False

    @property
    def port(self) -> int:
        return self._listener.getsockname()[1]

    @property
    def address(self) -> Tuple[str, int]:
        """(host, port) a client should connect to: loopback when bound to all interfaces."""
        host = self._listener.getsockname()[0]
        if host in ("0.0.0.0", "::"):
            host = "127.0.0.1" if host == "0.0.0.0" else "::1"
        return host, self.port

    @property
    def endpoint(self) -> str:
        host, port = self.address
        return f"tcp://[{host}]:{port}" if ":" in host else f"tcp://{host}:{port}"

    def open_connections(self) -> int:
        with self._guard:
            return len(self._connections)

    def start(self) -> "BridgeServer":
        """Starts accepting connections (once; later calls do nothing)."""
        with self._guard:
            if not self._started:
                self._started = True
                self._accept_thread.start()
        return self

    def serve_until_closed(self) -> None:
        self._closed.wait()

    def _accept_loop(self) -> None:
        while not self._closed.is_set():
            try:
                sock, addr = self._listener.accept()
            except socket.timeout:
                continue
            except OSError as e:
                if not self._closed.is_set():
                    LOG.warning("accept failed on port %s (%s); still listening", self.port, e)
                    time.sleep(0.05)
                continue
            sock.settimeout(None)
            connection = _Connection(sock, f"{addr[0]}:{addr[1]}", self)
            thread = threading.Thread(target=connection.run, name=f"bridge-conn-{self.accepted + 1}", daemon=True)
            with self._guard:
                self.accepted += 1
                self._connections.add(connection)
                self._threads.append(thread)
            thread.start()
            if self._closed.is_set():
                connection.abort()

    def _ended(self, connection: _Connection) -> None:
        with self._guard:
            self._connections.discard(connection)

    def close(self, wait_seconds: float = 2.0) -> None:
        """Stops listening and drops every connection (requests in flight see the connection close)."""
        if self._closed.is_set():
            return
        self._closed.set()
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes a blocked accept() on Linux
        except OSError:
            pass
        try:
            self._listener.close()
        except OSError:
            pass
        with self._guard:
            connections = list(self._connections)
            threads = list(self._threads)
        for c in connections:
            c.abort()
        deadline = time.monotonic() + wait_seconds
        self._accept_thread.join(max(0.0, deadline - time.monotonic()))
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))

    def __enter__(self) -> "BridgeServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()


__all__ = ["BackendLease", "BackendSource", "BridgeServer", "DEFAULT_BIND_ADDRESS", "DEFAULT_SERVER_NAME"]

"""The sim-bridge wire protocol 1.0 (sim-bridge/PROTOCOL.md): frame prefix, JSON header, blob table.

Standard library and numpy only. ``FrameReader.read`` turns bytes from a stream into a ``Frame``,
checking every length against ``FrameLimits`` and the blob table against the payload length before
the payload buffer is allocated; blobs are numpy views into that one buffer (no copy).
``encode_frame`` does the reverse and returns the pieces to send, blobs as memoryviews of the
caller's arrays (no copy for contiguous little-endian arrays).
"""

from __future__ import annotations

import json
import math
import re
import struct
from dataclasses import dataclass, field
from typing import BinaryIO, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

MAGIC = 0x56414E4D  # the ASCII bytes "MNAV" read as a little-endian u32
PREFIX = struct.Struct("<IHHIQ")  # magic, version, type, headerLen, payloadLen
PREFIX_SIZE = PREFIX.size  # 20
BLOB_ALIGNMENT = 8

REQUEST, RESPONSE, ERROR, EVENT = 1, 2, 3, 4
FRAME_TYPE_NAMES = {REQUEST: "REQUEST", RESPONSE: "RESPONSE", ERROR: "ERROR", EVENT: "EVENT"}

DEFAULT_MAX_HEADER_BYTES = 1 << 20
DEFAULT_MAX_PAYLOAD_BYTES = 256 << 20

# numpy dtype name -> item size; the only element types the protocol allows (PROTOCOL.md section 4).
DTYPES: Dict[str, int] = {
    "bool": 1, "int8": 1, "uint8": 1, "int16": 2, "uint16": 2, "float16": 2,
    "int32": 4, "uint32": 4, "float32": 4, "int64": 8, "uint64": 8, "float64": 8,
}


class ErrorCode:
    """Error codes of PROTOCOL.md section 7 (the ones that travel on the wire)."""

    BAD_MAGIC = "bad_magic"
    UNSUPPORTED_VERSION = "unsupported_version"
    BAD_FRAME = "bad_frame"
    FRAME_TOO_LARGE = "frame_too_large"
    BAD_JSON = "bad_json"
    HANDSHAKE_REQUIRED = "handshake_required"
    UNKNOWN_METHOD = "unknown_method"
    BAD_MESSAGE = "bad_message"
    BACKEND_ERROR = "backend_error"
    INTERNAL_ERROR = "internal_error"


class ProtocolError(Exception):
    """A frame or message broke the protocol. ``request_id`` is the request it concerns, 0 if unknown."""

    def __init__(self, code: str, message: str, request_id: int = 0):
        super().__init__(message)
        self.code = code
        self.message = message
        self.request_id = request_id

    def for_request(self, request_id: int) -> "ProtocolError":
        return self if self.request_id == request_id else ProtocolError(self.code, self.message, request_id)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@dataclass(frozen=True)
class Version:
    """Protocol version; on the wire one u16, ``major << 8 | minor``."""

    major: int
    minor: int

    def __post_init__(self):
        if not (0 <= self.major <= 255 and 0 <= self.minor <= 255):
            raise ValueError(f"protocol version parts must be 0..255, got {self.major}.{self.minor}")

    @property
    def wire(self) -> int:
        return self.major << 8 | self.minor

    @staticmethod
    def from_wire(u16: int) -> "Version":
        return Version((u16 >> 8) & 0xFF, u16 & 0xFF)

    @staticmethod
    def parse(text: object) -> "Version":
        """Parses "MAJOR.MINOR" as sent in hello; ValueError names what was wrong."""
        match = re.fullmatch(r"\s*(\d{1,3})\.(\d{1,3})\s*", text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"protocol version must look like '1.0', got {text!r}")
        return Version(int(match.group(1)), int(match.group(2)))

    def agree_with(self, peer: "Version") -> "Version":
        """The version two peers of the same major speak: the lower minor."""
        if self.major != peer.major:
            raise ValueError(f"protocol {self} and {peer} differ in the major version")
        return self if self.minor <= peer.minor else peer

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"


CURRENT_VERSION = Version(1, 0)


@dataclass(frozen=True)
class FrameLimits:
    """What a receiver accepts; also checked by senders so an oversized reply becomes an error frame."""

    max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES

    def __post_init__(self):
        if self.max_header_bytes < 2:
            raise ValueError(f"max_header_bytes must hold at least '{{}}', got {self.max_header_bytes}")
        if self.max_payload_bytes < 0:
            raise ValueError(f"max_payload_bytes must be >= 0, got {self.max_payload_bytes}")


@dataclass(frozen=True)
class BlobDescriptor:
    """One row of the header's blob table."""

    name: str
    dtype: str
    shape: Tuple[int, ...]
    offset: int
    nbytes: int

    @property
    def end(self) -> int:
        return self.offset + self.nbytes

    def to_json(self) -> dict:
        return {"name": self.name, "dtype": self.dtype, "shape": list(self.shape), "offset": self.offset,
                "nbytes": self.nbytes}


@dataclass
class Frame:
    """One frame as a program sees it.

    ``body`` is the header's ``params`` (REQUEST, EVENT) or ``result`` (RESPONSE); ``error`` is
    ``{"code", "message"}`` on ERROR frames only; ``blobs`` maps names to numpy arrays, in order.
    """

    type: int
    id: int
    method: Optional[str] = None
    body: dict = field(default_factory=dict)
    error: Optional[dict] = None
    blobs: Dict[str, np.ndarray] = field(default_factory=dict)

    @staticmethod
    def request(request_id: int, method: str, params: Optional[dict] = None) -> "Frame":
        return Frame(REQUEST, request_id, method, dict(params or {}))

    @staticmethod
    def response(request_id: int, method: Optional[str], result: Optional[dict] = None,
                 blobs: Optional[Mapping[str, np.ndarray]] = None) -> "Frame":
        return Frame(RESPONSE, request_id, method, dict(result or {}), None, dict(blobs or {}))

    @staticmethod
    def error_frame(request_id: int, method: Optional[str], code: str, message: str) -> "Frame":
        return Frame(ERROR, request_id, method, {}, {"code": code, "message": message})


# ---------------------------------------------------------------------------------------------
# Reading


def _bad(message: str) -> ProtocolError:
    return ProtocolError(ErrorCode.BAD_FRAME, message)


def _is_int(value: object) -> bool:
    # JSON true/false arrive as bool, which Python counts as int; the protocol does not.
    return isinstance(value, int) and not isinstance(value, bool)


def _read_exact_into(stream: BinaryIO, buffer) -> int:
    """Fills ``buffer`` from the stream; returns the bytes read (fewer only at end of stream)."""
    view = memoryview(buffer)
    got = 0
    while got < len(view):
        n = stream.readinto(view[got:])
        if not n:
            break
        got += n
    return got


def parse_header(raw: bytes) -> dict:
    """Strict UTF-8, exactly one JSON object (whitespace around it allowed)."""
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(ErrorCode.BAD_JSON, "frame header is not valid UTF-8") from None
    try:
        value = json.loads(text)
    except ValueError as e:
        raise ProtocolError(ErrorCode.BAD_JSON, f"frame header is not valid JSON: {e}") from None
    if not isinstance(value, dict):
        kind = "nothing" if value is None else type(value).__name__
        raise ProtocolError(ErrorCode.BAD_JSON, f"frame header must be a JSON object, got {kind}")
    return value


def check_prefix(raw: bytes, limits: FrameLimits) -> Tuple[int, int, int, int]:
    """Checks a 20-byte prefix in the documented order; returns (version, type, headerLen, payloadLen)."""
    magic, version, ftype, header_len, payload_len = PREFIX.unpack(raw)
    if magic != MAGIC:
        shown = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in raw[:4])
        raise ProtocolError(ErrorCode.BAD_MAGIC, f"expected magic 4d 4e 41 56 (\"MNAV\"), got {raw[:4].hex(' ')} "
                                                 f"(\"{shown}\"); is this a MemNav sim-bridge peer?")
    peer = Version.from_wire(version)
    if peer.major != CURRENT_VERSION.major:
        raise ProtocolError(ErrorCode.UNSUPPORTED_VERSION, f"peer speaks protocol {peer} but this side speaks "
                                                           f"{CURRENT_VERSION}; the major versions must match")
    if ftype not in FRAME_TYPE_NAMES:
        raise _bad(f"unknown frame type {ftype}; expected 1..4")
    if header_len > limits.max_header_bytes:
        raise ProtocolError(ErrorCode.FRAME_TOO_LARGE, f"header of {header_len} bytes exceeds the limit of "
                                                       f"{limits.max_header_bytes} bytes")
    if header_len < 2:
        raise _bad(f"header length {header_len} cannot hold a JSON object")
    if payload_len > limits.max_payload_bytes:
        raise ProtocolError(ErrorCode.FRAME_TOO_LARGE, f"payload of {payload_len} bytes exceeds the limit of "
                                                       f"{limits.max_payload_bytes} bytes")
    return version, ftype, header_len, payload_len


def _read_blob(row: object, index: int, payload_len: int) -> BlobDescriptor:
    if not isinstance(row, dict):
        raise _bad(f"blobs[{index}] must be an object")
    name = row.get("name")
    if not isinstance(name, str) or not name:
        raise _bad(f"blobs[{index}] needs a non-empty string 'name'")
    where = f"blob '{name}'"
    dtype = row.get("dtype")
    if not isinstance(dtype, str) or dtype not in DTYPES:
        raise _bad(f"{where}: unknown dtype {json.dumps(dtype)}; expected a numpy name such as "
                   f"\"uint8\", \"float32\", \"int32\"")
    shape = row.get("shape")
    if not isinstance(shape, list) or not all(_is_int(d) and d >= 0 for d in shape):
        raise _bad(f"{where}: 'shape' must be an array of non-negative integers, got {json.dumps(shape)}")
    offset = row.get("offset")
    nbytes = row.get("nbytes")
    for label, value in (("offset", offset), ("nbytes", nbytes)):
        if not _is_int(value) or value < 0:
            raise _bad(f"{where}: '{label}' must be a non-negative integer, got {json.dumps(value)}")
    expected = math.prod(shape) * DTYPES[dtype]
    if nbytes != expected:
        raise _bad(f"{where}: nbytes {nbytes} does not match {dtype} {json.dumps(shape)} "
                   f"({expected} bytes = product(shape) x itemsize {DTYPES[dtype]})")
    if offset > payload_len or nbytes > payload_len - offset:
        raise _bad(f"{where}: bytes {offset}..{offset + nbytes} lie outside the payload of {payload_len} bytes")
    return BlobDescriptor(name, dtype, tuple(shape), offset, nbytes)


def read_blob_table(table: object, payload_len: int) -> List[BlobDescriptor]:
    if table is None:
        return []
    if not isinstance(table, list):
        raise _bad("'blobs' must be an array")
    blobs = [_read_blob(row, i, payload_len) for i, row in enumerate(table)]
    names = set()
    for b in blobs:
        if b.name in names:
            raise _bad(f"blob table names '{b.name}' twice")
        names.add(b.name)
    by_offset = sorted(blobs, key=lambda b: b.offset)
    for prev, nxt in zip(by_offset, by_offset[1:]):
        if nxt.offset < prev.end:
            raise _bad(f"blobs '{prev.name}' and '{nxt.name}' overlap in the payload")
    return blobs


def decode_header(header: dict, ftype: int, payload_len: int) -> Tuple[int, Optional[str], dict, Optional[dict],
                                                                       List[BlobDescriptor]]:
    """Checks the header fields; returns (id, method, body, error, blob table)."""
    request_id = header.get("id")
    if not _is_int(request_id) or not 0 <= request_id < 1 << 63:
        raise _bad(f"frame header needs 'id', a non-negative integer, got "
                   f"{'nothing' if 'id' not in header else json.dumps(request_id)}")
    try:
        method = header.get("method")
        if method is not None and not isinstance(method, str):
            raise _bad("'method' must be a string")
        if ftype in (REQUEST, EVENT) and not method:
            raise _bad(f"{FRAME_TYPE_NAMES[ftype]} frame header needs a non-empty string 'method'")
        body: dict = {}
        if ftype != ERROR:
            key = "result" if ftype == RESPONSE else "params"
            value = header.get(key)
            if value is not None and not isinstance(value, dict):
                raise _bad(f"'{key}' must be a JSON object")
            body = value or {}
        error = None
        if ftype == ERROR:
            e = header.get("error")
            if not isinstance(e, dict) or not isinstance(e.get("code"), str):
                raise _bad("ERROR frame header needs 'error': {\"code\": string, \"message\": string}")
            error = {"code": e["code"], "message": e["message"] if isinstance(e.get("message"), str) else ""}
        return request_id, method, body, error, read_blob_table(header.get("blobs"), payload_len)
    except ProtocolError as e:
        raise e.for_request(request_id) from None


def blob_views(payload, table: Sequence[BlobDescriptor]) -> Dict[str, np.ndarray]:
    """Read-only numpy views of the blobs inside one payload buffer."""
    views = {}
    for d in table:
        dtype = np.dtype(d.dtype).newbyteorder("<")
        count = math.prod(d.shape)
        if count == 0:
            array = np.empty(d.shape, dtype=dtype)
        else:
            array = np.frombuffer(payload, dtype=dtype, count=count, offset=d.offset).reshape(d.shape)
        array.flags.writeable = False
        views[d.name] = array
    return views


class FrameReader:
    """Reads frames from a binary stream (e.g. ``socket.makefile("rb")``). One reader per connection."""

    def __init__(self, stream: BinaryIO, limits: FrameLimits = FrameLimits()):
        self._stream = stream
        self._limits = limits

    def read(self) -> Optional[Frame]:
        """The next frame, or None when the stream ends cleanly between frames.

        Raises ProtocolError when the bytes are not a valid frame (the stream is then out of sync)
        and OSError when the stream fails.
        """
        prefix = bytearray(PREFIX_SIZE)
        got = _read_exact_into(self._stream, prefix)
        if got == 0:
            return None
        if got < PREFIX_SIZE:
            raise _bad(f"truncated frame: the stream ended after {got} of the {PREFIX_SIZE} prefix bytes")
        _, ftype, header_len, payload_len = check_prefix(bytes(prefix), self._limits)
        raw_header = bytearray(header_len)
        got = _read_exact_into(self._stream, raw_header)
        if got < header_len:
            raise _bad(f"truncated frame: the stream ended after {got} of {header_len} header bytes")
        request_id, method, body, error, table = decode_header(parse_header(raw_header), ftype, payload_len)
        payload = bytearray(payload_len)
        got = _read_exact_into(self._stream, payload)
        if got < payload_len:
            raise ProtocolError(ErrorCode.BAD_FRAME, f"truncated frame: the stream ended after {got} of "
                                                     f"{payload_len} payload bytes", request_id)
        return Frame(ftype, request_id, method, body, error, blob_views(payload, table))


# ---------------------------------------------------------------------------------------------
# Writing


def _aligned(n: int) -> int:
    return (n + BLOB_ALIGNMENT - 1) // BLOB_ALIGNMENT * BLOB_ALIGNMENT


def wire_array(name: str, array: np.ndarray) -> np.ndarray:
    """The array as it goes on the wire: C-contiguous, little-endian, a protocol dtype."""
    array = np.asarray(array)
    if array.dtype.name not in DTYPES:
        raise ValueError(f"blob '{name}' has dtype {array.dtype}, which the protocol does not carry; "
                         f"use one of {sorted(DTYPES)}")
    return np.asarray(array, dtype=array.dtype.newbyteorder("<"), order="C")  # keeps 0-d arrays 0-d


def header_json(frame: Frame, table: Sequence[BlobDescriptor]) -> dict:
    header: dict = {"id": frame.id}
    if frame.method is not None:
        header["method"] = frame.method
    if frame.type == ERROR:
        header["error"] = {"code": frame.error["code"], "message": frame.error["message"]}
    elif frame.type == RESPONSE:
        header["result"] = frame.body
    else:
        header["params"] = frame.body
    header["blobs"] = [d.to_json() for d in table]
    return header


def encode_frame(version: Version, frame: Frame, limits: FrameLimits = FrameLimits()) -> List[memoryview]:
    """The frame as a list of buffers to send in order: prefix + header, then padding and blobs.

    Raises ProtocolError ``frame_too_large`` (with the frame's id) when it breaks ``limits``;
    nothing needs to be sent then.
    """
    arrays = [(name, wire_array(name, a)) for name, a in frame.blobs.items()]
    table: List[BlobDescriptor] = []
    offset = 0
    for name, a in arrays:
        offset = _aligned(offset)
        table.append(BlobDescriptor(name, a.dtype.name, tuple(int(d) for d in a.shape), offset, a.nbytes))
        offset += a.nbytes
    payload_len = offset
    what = FRAME_TYPE_NAMES[frame.type].lower() + (f" to {frame.method}" if frame.method else "")
    if payload_len > limits.max_payload_bytes:
        raise ProtocolError(ErrorCode.FRAME_TOO_LARGE, f"{what} would carry a payload of {payload_len} bytes, "
                                                       f"over the limit of {limits.max_payload_bytes} bytes", frame.id)
    # Non-finite numbers go out as the bare tokens Infinity/NaN, which the Java peer reads.
    header = json.dumps(header_json(frame, table), separators=(",", ":"), ensure_ascii=False,
                        allow_nan=True).encode("utf-8")
    header += b" " * (_aligned(PREFIX_SIZE + len(header)) - PREFIX_SIZE - len(header))
    if len(header) > limits.max_header_bytes:
        raise ProtocolError(ErrorCode.FRAME_TOO_LARGE, f"{what} would have a header of {len(header)} bytes, "
                                                       f"over the limit of {limits.max_header_bytes} bytes", frame.id)
    parts = [memoryview(PREFIX.pack(MAGIC, version.wire, frame.type, len(header), payload_len) + header)]
    written = 0
    for (_, a), d in zip(arrays, table):
        if d.offset > written:
            parts.append(memoryview(bytes(d.offset - written)))
        if a.nbytes:
            parts.append(memoryview(a.reshape(-1).view(np.uint8)))
        written = d.end
    return parts


def frame_bytes(version: Version, frame: Frame, limits: FrameLimits = FrameLimits()) -> bytes:
    """The whole frame as one bytes object (tests and small frames)."""
    return b"".join(bytes(p) for p in encode_frame(version, frame, limits))

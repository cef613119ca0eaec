"""The frame codec: byte-exact agreement with PROTOCOL.md's examples (written by the Java writer),
round trips of every dtype, alignment, zero-copy views, and each malformed frame -> its error code."""

import io
import json
import math
import re
import struct
from pathlib import Path

import numpy as np
import pytest

from memnav_bridge.api import read_number, MessageError
from memnav_bridge.protocol import (CURRENT_VERSION, DTYPES, ERROR, MAGIC, PREFIX, REQUEST, RESPONSE, Frame,
                                    FrameLimits, FrameReader, ProtocolError, Version, encode_frame, frame_bytes)

PROTOCOL_MD = Path(__file__).resolve().parents[2] / "PROTOCOL.md"


def doc_example(name: str) -> bytes:
    """The bytes of a hex dump in PROTOCOL.md, after <!-- example-frame: name -->."""
    text = PROTOCOL_MD.read_text(encoding="utf-8")
    block = re.search(r"<!-- example-frame: " + re.escape(name) + r" -->\s*```text\n(.*?)```", text, re.S).group(1)
    data = bytearray()
    for line in block.splitlines():
        hex_part = line[6:54]  # "0000  " offset, then up to 16 hex bytes
        data += bytes.fromhex(hex_part)
    return bytes(data)


def read(data: bytes, limits: FrameLimits = FrameLimits()):
    return FrameReader(io.BytesIO(data), limits).read()


def raw(header, payload: bytes = b"", magic=MAGIC, version=0x0100, ftype=REQUEST, header_len=None, payload_len=None):
    head = header if isinstance(header, bytes) else json.dumps(header).encode()
    return PREFIX.pack(magic, version, ftype, len(head) if header_len is None else header_len,
                       len(payload) if payload_len is None else payload_len) + head + payload


def code_of(data: bytes, limits: FrameLimits = FrameLimits()) -> str:
    with pytest.raises(ProtocolError) as e:
        read(data, limits)
    return e.value.code


# --- the documented examples -------------------------------------------------------------------

def test_step_request_matches_the_java_writer_byte_for_byte():
    expected = doc_example("step-request")
    frame = Frame.request(7, "step", {"action": "move_forward"})
    assert frame_bytes(CURRENT_VERSION, frame) == expected
    back = read(expected)
    assert (back.type, back.id, back.method, back.body, back.blobs) == (REQUEST, 7, "step", {"action": "move_forward"}, {})


def test_navigability_response_matches_the_java_writer_byte_for_byte():
    expected = doc_example("navigability-response")
    cells = np.array([[0, 1, 1], [0, 1, 1]], dtype=np.uint8)
    frame = Frame.response(8, "navigability_map", {"origin_x": -1.0, "origin_z": -0.5, "cell_size_m": 0.25},
                           {"cells": cells})
    assert frame_bytes(CURRENT_VERSION, frame) == expected
    back = read(expected)
    assert back.type == RESPONSE and back.body["cell_size_m"] == 0.25
    np.testing.assert_array_equal(back.blobs["cells"], cells)


# --- round trips -------------------------------------------------------------------------------

def test_every_dtype_round_trips_aligned_and_as_read_only_views_of_one_payload():
    rng = np.random.default_rng(3)
    blobs = {}
    for i, name in enumerate(sorted(DTYPES)):
        shape = (i % 3 + 1, 5) if i % 2 else (7,)
        blobs[name] = (rng.random(shape) * 100).astype(name)
    blobs["scalar"] = np.array(3.5, dtype=np.float64)
    blobs["empty"] = np.zeros((0, 4), dtype=np.float32)
    frame = Frame.response(42, "step", {"x": 1}, blobs)
    data = frame_bytes(CURRENT_VERSION, frame)
    _, _, _, header_len, payload_len = PREFIX.unpack(data[:20])
    assert (20 + header_len) % 8 == 0, "payload starts 8-aligned in the frame"
    header = json.loads(data[20:20 + header_len])
    assert all(row["offset"] % 8 == 0 for row in header["blobs"])
    back = read(data)
    assert list(back.blobs) == list(blobs)
    for name, a in blobs.items():
        b = back.blobs[name]
        assert b.dtype == a.dtype.newbyteorder("<") and b.shape == a.shape
        np.testing.assert_array_equal(b, a)
        assert not b.flags.writeable
    payload_owner = back.blobs["float32"].base
    assert payload_owner is not None, "a blob is a view, not a copy"


def test_big_endian_and_strided_arrays_go_out_little_endian_and_contiguous():
    a = np.arange(12, dtype=">i4").reshape(3, 4)[:, ::2]
    back = read(frame_bytes(CURRENT_VERSION, Frame.response(1, "m", {}, {"a": a})))
    np.testing.assert_array_equal(back.blobs["a"], a)
    assert back.blobs["a"].dtype.str == "<i4"


def test_a_dtype_the_protocol_does_not_carry_is_refused_when_writing():
    with pytest.raises(ValueError, match="complex128"):
        encode_frame(CURRENT_VERSION, Frame.response(1, "m", {}, {"c": np.zeros(2, dtype=np.complex128)}))


def test_non_finite_numbers_are_bare_tokens_and_strings_are_accepted_when_reading():
    data = frame_bytes(CURRENT_VERSION, Frame.response(3, "geodesic_distance", {"distance_m": math.inf}))
    assert b'"distance_m":Infinity' in data
    assert read(data).body["distance_m"] == math.inf
    assert read_number("Infinity", "d") == math.inf and read_number("-Infinity", "d") == -math.inf
    assert math.isnan(read_number("NaN", "d"))
    with pytest.raises(MessageError):
        read_number("far", "d")
    with pytest.raises(MessageError):
        read_number(True, "d")


def test_error_frames_carry_code_and_message():
    back = read(frame_bytes(CURRENT_VERSION, Frame.error_frame(9, "step", "backend_error", "no episode")))
    assert back.type == ERROR and back.id == 9 and back.error == {"code": "backend_error", "message": "no episode"}


def test_a_clean_end_of_stream_between_frames_is_not_an_error():
    assert read(b"") is None


def test_writer_refuses_frames_over_its_limits_naming_the_request():
    limits = FrameLimits(max_header_bytes=1 << 20, max_payload_bytes=100)
    with pytest.raises(ProtocolError) as e:
        encode_frame(CURRENT_VERSION, Frame.response(5, "step", {}, {"rgb": np.zeros(200, np.uint8)}), limits)
    assert e.value.code == "frame_too_large" and e.value.request_id == 5 and "100" in e.value.message


def test_versions_parse_and_agree_on_the_lower_minor():
    assert Version.parse("1.7") == Version(1, 7)
    assert Version(1, 3).agree_with(Version(1, 0)) == Version(1, 0)
    assert Version(1, 0).wire == 0x0100 and Version.from_wire(0x0203) == Version(2, 3)
    for bad in ("1", "1.x", "", None, 1.0, "300.1"):
        with pytest.raises(ValueError):
            Version.parse(bad)
    with pytest.raises(ValueError):
        Version(1, 0).agree_with(Version(2, 0))


# --- malformed frames --------------------------------------------------------------------------

HELLO = {"id": 1, "method": "hello", "params": {"protocol": "1.0"}}


@pytest.mark.parametrize("data, code", [
    (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "bad_magic"),
    (raw(HELLO, version=0x0200), "unsupported_version"),
    (raw(HELLO, ftype=77), "bad_frame"),
    (raw(HELLO)[:12], "bad_frame"),                                   # truncated prefix
    (raw(HELLO)[:-5], "bad_frame"),                                   # truncated header
    (raw(HELLO, payload=b"", payload_len=10), "bad_frame"),           # truncated payload
    (raw(b"", header_len=64 << 20), "frame_too_large"),
    (raw(HELLO, payload_len=1 << 33), "frame_too_large"),
    (raw(HELLO, payload_len=(1 << 64) - 1), "frame_too_large"),
    (raw(b"{"), "bad_frame"),                                         # header shorter than '{}'
    (raw(b'{"id":1,"method":"hello",,,}'), "bad_json"),
    (raw(b"[1,2]"), "bad_json"),
    (raw(b'{"id":1,"method":"x"} {"id":2}'), "bad_json"),             # trailing tokens
    (raw(b'{"id":1,"method":"\xff\xfe"}'), "bad_json"),               # not UTF-8
    (raw({"method": "hello"}), "bad_frame"),                          # no id
    (raw({"id": -1, "method": "hello"}), "bad_frame"),
    (raw({"id": True, "method": "hello"}), "bad_frame"),
    (raw({"id": 1.5, "method": "hello"}), "bad_frame"),
    (raw({"id": 1}), "bad_frame"),                                    # request without method
    (raw({"id": 1, "method": "hello", "params": [1]}), "bad_frame"),
    (raw({"id": 1, "method": "x"}, ftype=ERROR), "bad_frame"),         # ERROR without error object
    (raw({"id": 1, "method": "x", "blobs": {"a": 1}}), "bad_frame"),
])
def test_malformed_frame_gets_its_documented_code(data, code):
    assert code_of(data) == code


def blob_frame(*rows, payload: bytes = bytes(16)):
    return raw({"id": 4, "method": "hello", "blobs": list(rows)}, payload)


@pytest.mark.parametrize("row, fragment", [
    ({"name": "rgb", "dtype": "uint8", "shape": [2, 2, 3], "offset": 0, "nbytes": 11}, "does not match"),
    ({"name": "rgb", "dtype": "float32", "shape": [2, 2], "offset": 0, "nbytes": 8}, "does not match"),
    ({"name": "rgb", "dtype": "complex64", "shape": [1], "offset": 0, "nbytes": 8}, "unknown dtype"),
    ({"name": "rgb", "dtype": "uint8", "shape": [-1], "offset": 0, "nbytes": 0}, "non-negative"),
    ({"name": "rgb", "dtype": "uint8", "shape": [1.5], "offset": 0, "nbytes": 1}, "non-negative"),
    ({"name": "rgb", "dtype": "uint8", "shape": [8], "offset": 12, "nbytes": 8}, "outside the payload"),
    ({"name": "", "dtype": "uint8", "shape": [1], "offset": 0, "nbytes": 1}, "non-empty string 'name'"),
    ({"name": "big", "dtype": "uint64", "shape": [1 << 62, 1 << 62], "offset": 0, "nbytes": 8}, "does not match"),
])
def test_blob_table_that_does_not_add_up_is_bad_frame_naming_the_blob(row, fragment):
    with pytest.raises(ProtocolError) as e:
        read(blob_frame(row))
    assert e.value.code == "bad_frame" and fragment in e.value.message
    assert e.value.request_id == 4, "the error names the request once its header was readable"


def test_overlapping_and_duplicate_blobs_are_bad_frame():
    a = {"name": "a", "dtype": "uint8", "shape": [8], "offset": 0, "nbytes": 8}
    b = {"name": "b", "dtype": "uint8", "shape": [8], "offset": 4, "nbytes": 8}
    assert code_of(blob_frame(a, b)) == "bad_frame"
    assert code_of(blob_frame(a, dict(a, offset=8))) == "bad_frame"


def test_limits_are_checked_before_the_header_is_read():
    limits = FrameLimits(max_header_bytes=64, max_payload_bytes=1000)
    # The header bytes are never there: only the prefix can have been looked at.
    assert code_of(PREFIX.pack(MAGIC, 0x0100, REQUEST, 65, 0), limits) == "frame_too_large"
    assert code_of(PREFIX.pack(MAGIC, 0x0100, REQUEST, 10, 1001), limits) == "frame_too_large"


def test_a_later_minor_version_in_the_prefix_is_accepted_and_unknown_fields_ignored():
    frame = read(raw({"id": 2, "method": "hello", "params": {"protocol": "1.9"}, "future": {"x": 1}}, version=0x0109))
    assert frame.method == "hello" and frame.body == {"protocol": "1.9"}


def test_prefix_layout_is_little_endian():
    data = frame_bytes(Version(1, 2), Frame.request(1, "close"))
    assert data[:4] == b"MNAV" and data[4:6] == b"\x02\x01" and data[6:8] == b"\x01\x00"
    assert struct.unpack("<I", data[8:12])[0] == len(data) - 20

"""``python -m memnav_bridge.gridworld`` as a user (or the Java conformance suite) starts it: the address
line, a clean stop on SIGTERM, one-line errors, and the fault-injection switches."""

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from memnav_bridge.protocol import Frame
from peers import RawPeer

PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def start(*args):
    process = subprocess.Popen([sys.executable, "-m", "memnav_bridge.gridworld", "--port", "0", *args],
                               cwd=PACKAGE_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.search(r"tcp://([\d.]+):(\d+)", line)
    assert match, f"no address in {line!r}; stderr: {process.stderr.read() if process.poll() is not None else ''}"
    return process, match.group(1), int(match.group(2))


def test_prints_its_address_serves_and_stops_cleanly_on_sigterm():
    process, host, port = start()
    try:
        assert host == "127.0.0.1"
        with RawPeer(host, port) as p:
            assert p.hello().body["capabilities"]["simulator"] == "memnav-gridworld"
        process.send_signal(signal.SIGTERM)
        out, _ = process.communicate(timeout=10)
        assert process.returncode == 0 and "stopped" in out
    finally:
        process.kill()
        process.wait()


def test_crash_after_steps_kills_the_process_mid_episode():
    process, host, port = start("--crash-after-steps", "3", "--width", "16", "--height", "16")
    try:
        with RawPeer(host, port) as p:
            p.hello()
            p.request("load_scene", {"scene": "gridworld:rooms?seed=1"})
            p.request("new_episode", {"seed": 1, "subtasks": 1})
            assert p.request("step", {"action": "turn_left"}).body["step"] == 1
            assert p.request("step", {"action": "turn_left"}).body["step"] == 2
            p.send(Frame.request(99, "step", {"action": "turn_left"}))
            try:
                answer = p.read()
            except OSError:
                answer = None
            assert answer is None, "the third step is never answered"
        assert process.wait(timeout=10) == -signal.SIGKILL
    finally:
        process.kill()
        process.wait()


def test_step_delay_makes_a_slow_simulator():
    process, host, port = start("--step-delay-s", "0.3", "--width", "16", "--height", "16")
    try:
        with RawPeer(host, port) as p:
            p.hello()
            p.request("load_scene", {"scene": "gridworld:rooms?seed=1"})
            p.request("new_episode", {"seed": 1, "subtasks": 1})
            t0 = time.monotonic()
            p.request("step", {"action": "turn_left"})
            assert time.monotonic() - t0 >= 0.3
    finally:
        process.kill()
        process.wait()


@pytest.mark.parametrize("args, fragment", [
    (["--port", "70000"], "--port must be 0..65535"),
    (["--width", "0"], "sensor must be at least 1x1"),
    (["--bind", "203.0.113.77"], "could not listen on 203.0.113.77"),
])
def test_bad_settings_fail_with_one_line(args, fragment):
    result = subprocess.run([sys.executable, "-m", "memnav_bridge.gridworld", *args], cwd=PACKAGE_ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("memnav-gridworld: ") and fragment in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_describes_the_scenes_and_options():
    result = subprocess.run([sys.executable, "-m", "memnav_bridge.gridworld", "--help"], cwd=PACKAGE_ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for option in ("--port", "--bind", "--crash-after-steps", "--step-delay-s", "gridworld:rooms?seed=N"):
        assert option in result.stdout


def test_the_fixed_frame_benchmark_server_sends_the_same_frame_every_step():
    process = subprocess.Popen([sys.executable, "-m", "memnav_bridge.fixedframe", "--port", "0", "--width", "40",
                                "--height", "30"], cwd=PACKAGE_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        match = re.search(r"tcp://([\d.]+):(\d+)", process.stdout.readline())
        with RawPeer(match.group(1), int(match.group(2))) as p:
            assert "fixed-frame" in p.hello().body["capabilities"]["simulator"]
            p.request("load_scene", {"scene": "bench"})
            first = p.request("new_episode", {"seed": 1, "subtasks": 1})
            step = p.request("step", {"action": "turn_left"})
            assert step.blobs["rgb"].shape == (30, 40, 3) and step.blobs["depth"].dtype.name == "float32"
            assert (step.blobs["rgb"] == first.blobs["rgb"]).all() and step.body["step"] == 1
    finally:
        process.kill()
        process.wait()

#!/usr/bin/env python3
"""Helpers of tools/perf/firmware-figures.sh (standard library only).

  firmware_figures.py relay LAPTOP_LINK SENSOR_LINK [--bytes-per-second N]
      Two PTYs joined back to back, like `socat pty,link=A pty,link=B`, but every byte waits for
      its turn on a line of N bytes/s each way (11,520 = 115200 baud 8N1): a slice of at most 256
      bytes is passed on once the line would have finished sending it, and an idle line earns no
      credit (no burst after a pause). Runs until SIGTERM; removes its links.

  firmware_figures.py start --label L --port P --runs N --idle S [--warmup] -- COMMAND...
      Starts COMMAND (an `edge-service run`) N times with NOTIFY_SOCKET set and measures, from the
      exec, the time to READY=1 (sd_notify: every part of the service has started) and the time to
      the first HTTP 200 from http://127.0.0.1:P/healthz; each run is stopped with SIGTERM once both
      were seen. Then one more start that stays up S seconds after READY=1 and samples the process
      (for qemu-user: the emulator process) from /proc: VmRSS, RssAnon, Pss, VmHWM, threads, and CPU
      over the idle S seconds; with --guest-below ADDR also the Rss/Pss/Anonymous of the mappings
      starting below ADDR (qemu-user: the guest's own). --warmup adds one unreported start first
      (page cache, first boot of the state folder). Prints key=value lines.
"""
import argparse
import os
import select
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tty
import urllib.error
import urllib.request


def relay(args):
    masters, slaves, links = [], [], [args.laptop, args.sensor]
    for link in links:
        master, slave = os.openpty()
        tty.setraw(slave)  # raw, no echo: what socat's pty,raw,echo=0 gives
        masters.append(master)
        slaves.append(slave)  # kept open so the master never reads EIO while a tool reopens the port
        if os.path.lexists(link):
            os.unlink(link)
        os.symlink(os.ttyname(slave), link)

    stop = threading.Event()
    rate = float(args.bytes_per_second)
    counters = [0, 0]

    def pump(index, source, target):
        line_free = time.monotonic()
        while not stop.is_set():
            ready, _, _ = select.select([source], [], [], 0.2)
            if not ready:
                continue
            try:
                data = os.read(source, 256)
            except OSError:
                time.sleep(0.01)
                continue
            if rate > 0:
                # The slice starts on the line when the line is free (or now, if it has been idle)
                # and reaches the other end when its last byte has been sent.
                line_free = max(line_free, time.monotonic()) + len(data) / rate
                delay = line_free - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            view = memoryview(data)
            while view:
                written = os.write(target, view)
                view = view[written:]
            counters[index] += len(data)

    threads = [threading.Thread(target=pump, args=(0, masters[0], masters[1]), daemon=True),
               threading.Thread(target=pump, args=(1, masters[1], masters[0]), daemon=True)]
    for thread in threads:
        thread.start()

    def finish(*_):
        stop.set()

    signal.signal(signal.SIGTERM, finish)
    signal.signal(signal.SIGINT, finish)
    print(f"relay {args.laptop} <-> {args.sensor} at {'unlimited' if rate <= 0 else f'{rate:.0f} B/s'} each way", flush=True)
    while not stop.is_set():
        stop.wait(0.5)
    for link in links:
        if os.path.islink(link):
            os.unlink(link)
    print(f"relay: laptop->sensor {counters[0]} B, sensor->laptop {counters[1]} B", flush=True)


def guest_range(pid, below):
    """Rss, Pss and Anonymous (kB) of the mappings that start below BELOW: under qemu-user 7.2 (no
    guest base) the guest's own mappings (its binary at 0x5500000000, its libraries and mmaps from
    1 << 38 up); qemu's heap, its translated-code buffer and the emulator's own mappings lie above."""
    totals = {"Rss": 0, "Pss": 0, "Anonymous": 0}
    inside = False
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            head = line.split(None, 1)[0]
            if "-" in head and not head.endswith(":"):
                inside = int(head.split("-")[0], 16) < below
            elif inside and head[:-1] in totals:
                totals[head[:-1]] += int(line.split()[1])
    return {f"GuestRange{k}_kB": v for k, v in totals.items()}


def proc_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            fields[key] = value.split()[0] if value.split() else ""
    pss = ""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    pss = line.split()[1]
    except OSError:
        pass
    return {"VmRSS_kB": fields.get("VmRSS", ""), "RssAnon_kB": fields.get("RssAnon", ""),
            "RssFile_kB": fields.get("RssFile", ""), "Pss_kB": pss, "VmHWM_kB": fields.get("VmHWM", ""),
            "Threads": fields.get("Threads", "")}


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        parts = stat.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def healthz(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=0.5) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def one_start(command, port, log_path, idle_seconds=None, guest_below=0, limit=300.0):
    """Returns (ready_s, healthz_s, sample or None, exit code)."""
    folder = tempfile.mkdtemp(prefix="edge-notify-")
    address = os.path.join(folder, "notify")
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(address)
    env = dict(os.environ, NOTIFY_SOCKET=address)
    ready = health = None
    sample = None
    with open(log_path, "ab") as log:
        start = time.monotonic()
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            while ready is None or health is None:
                now = time.monotonic()
                if now - start > limit:
                    raise RuntimeError(f"no READY=1 and /healthz within {limit} s (see {log_path})")
                if process.poll() is not None:
                    raise RuntimeError(f"exited with {process.returncode} before it was ready (see {log_path})")
                readable, _, _ = select.select([notify], [], [], 0.005)
                if readable:
                    message = notify.recv(4096).decode(errors="replace")
                    if ready is None and "READY=1" in message.split("\n"):
                        ready = time.monotonic() - start
                if health is None and healthz(port):
                    health = time.monotonic() - start
            if idle_seconds is not None:
                # Keep answering READY/WATCHDOG/STATUS datagrams so the socket never fills.
                cpu_start, wall_start = cpu_seconds(process.pid), time.monotonic()
                deadline = start + ready + idle_seconds
                while time.monotonic() < deadline:
                    readable, _, _ = select.select([notify], [], [], max(0.0, min(0.5, deadline - time.monotonic())))
                    if readable:
                        notify.recv(4096)
                    if process.poll() is not None:
                        raise RuntimeError(f"exited with {process.returncode} while idle (see {log_path})")
                sample = proc_status(process.pid)
                if guest_below:
                    sample.update(guest_range(process.pid, guest_below))
                wall = time.monotonic() - wall_start
                sample["cpu_percent_of_one_core"] = f"{100 * (cpu_seconds(process.pid) - cpu_start) / wall:.2f}"
                sample["idle_s"] = f"{wall:.1f}"
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            notify.close()
            os.unlink(address)
            os.rmdir(folder)
    return ready, health, sample, process.returncode


def start(args):
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    label = args.label
    log = args.log or os.devnull
    if args.warmup:
        ready, health, _, code = one_start(command, args.port, log)
        print(f"{label}.warmup ready_s={ready:.3f} healthz_s={health:.3f} exit={code}", flush=True)
    readies, healths = [], []
    for run in range(1, args.runs + 1):
        ready, health, _, code = one_start(command, args.port, log)
        readies.append(ready)
        healths.append(health)
        print(f"{label}.run{run} ready_s={ready:.3f} healthz_s={health:.3f} exit={code}", flush=True)
    summary = {"ready_median_s": statistics.median(readies), "ready_min_s": min(readies), "ready_max_s": max(readies),
               "healthz_median_s": statistics.median(healths), "healthz_min_s": min(healths), "healthz_max_s": max(healths)}
    print(f"{label}.startup " + " ".join(f"{k}={v:.3f}" for k, v in summary.items()), flush=True)
    ready, health, sample, code = one_start(command, args.port, log, idle_seconds=args.idle, guest_below=int(args.guest_below, 0))
    print(f"{label}.idle ready_s={ready:.3f} " + " ".join(f"{k}={v}" for k, v in sample.items()) + f" exit={code}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="what", required=True)
    r = commands.add_parser("relay")
    r.add_argument("laptop")
    r.add_argument("sensor")
    r.add_argument("--bytes-per-second", type=float, default=0)
    s = commands.add_parser("start")
    s.add_argument("--label", required=True)
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--runs", type=int, default=5)
    s.add_argument("--idle", type=float, default=30)
    s.add_argument("--warmup", action="store_true")
    s.add_argument("--log")
    s.add_argument("--guest-below", default="0", help="also sum the mappings starting below this address (qemu-user's guest)")
    s.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.what == "relay":
        relay(args)
    else:
        start(args)


if __name__ == "__main__":
    sys.exit(main())

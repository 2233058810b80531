#!/usr/bin/env python3
"""Fixture for the soak benchmark (issue #12 acceptance; soak.sh): one process serving, on 127.0.0.1 only,

- the normal site on NORMAL ports: /reg/<n>.html for n = 0 … 39, a small regulation that gains one
  article per version. Version k of page n holds articles 1 … 5 plus one added article per version
  1 … k, the j-th carrying the marker PWCHG-<n>-<j>, so every change is numbered and the alert that
  reports it names it. Versions follow a schedule (SCHEDULE file, written by soak.sh once policywatch
  runs: {"t0": epoch, "stop": epoch, "period": s}): page n is at version floor((min(now, stop) - t0 -
  n * period / 40) / period), never below 0; before the file exists every page is at version 0.
  Each fetch of a page is logged to WORK/served.log ("epoch n version").
- ten hostile sources, one port each (HOSTILE ports, in this order): a huge page gzipped (48.7 MB
  decoded, hostile_site.huge_page), the same page uncompressed and chunked (no Content-Length), a
  gzip bomb (256 MiB of markup in about 0.3 MB), a gzip bomb sent without Content-Encoding, a slow
  drip (one byte every 5 s, forever), slow headers (nothing for 45 s), a redirect to the internal
  port, a redirect to 169.254.169.254 (cloud metadata), a 500 / 503-with-Retry-After-1h server,
  and a malformed server (a truncated body, or bytes that are not HTTP).
- an "internal service" on INTERNAL port: it must never be reached; each hit is logged to
  WORK/internal.log.
- the webhook receiver on RECEIVER port: each POST body goes as one JSON line to WORK/alerts.jsonl.

usage: soak_site.py CONFIG_JSON   (keys: work, normal [ports], hostile [10 ports], internal, receiver)
"""
import gzip
import json
import os
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile_site import huge_page  # noqa: E402  (reuse the memory benchmark's page)

SOURCES = 40
DIGITS = "零一二三四五六七八九"
HOSTILE = ["huge-gzip", "huge-chunked", "gzip-bomb", "gzip-unasked", "slow-drip", "slow-headers",
           "redirect-internal", "redirect-metadata", "erroring", "malformed"]


def numeral(n: int) -> str:
    """Chinese numeral for 1 … 99 (十, 十一, 二十三 …)."""
    tens, ones = divmod(n, 10)
    s = ("" if tens == 0 else ("十" if tens == 1 else DIGITS[tens] + "十"))
    return s + (DIGITS[ones] if ones or n == 0 else "")


def page(n: int, version: int) -> bytes:
    base = [f"第{numeral(i)}条 第{n}号示例规定的第{i}项要求：服务提供者应当按照本规定履行第{i}项义务，"
            f"并在{(n + i) % 30 + 1}个工作日内报送材料。" for i in range(1, 6)]
    added = [f"第{numeral(5 + j)}条 补充要求第{j}项：提供者应当在每季度报送第{j}类材料（变更标记 PWCHG-{n}-{j}）。"
             for j in range(1, version + 1)]
    body = "\n".join(f"<p>{a}</p>" for a in base + added)
    return (f"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>示例规定第{n}号</title>"
            f"</head><body><div id=\"content\"><h1>示例规定第{n}号</h1>\n{body}\n</div></body></html>").encode()


def bomb(mib: int) -> bytes:
    chunk = ("<p>" + "a" * 1020 + "</p>").encode() * 1024  # 1 MiB of markup
    z = zlib.compressobj(6, zlib.DEFLATED, 31)  # gzip container
    parts = [z.compress(b"<!doctype html><html><body>")]
    parts += [z.compress(chunk) for _ in range(mib)]
    parts.append(z.flush())
    return b"".join(parts)


def main():
    cfg = json.load(open(sys.argv[1]))
    work = cfg["work"]
    schedule_file = os.path.join(work, "schedule.json")
    served = open(os.path.join(work, "served.log"), "a", buffering=1)
    internal_log = open(os.path.join(work, "internal.log"), "a", buffering=1)
    alerts = open(os.path.join(work, "alerts.jsonl"), "a", buffering=1)
    lock = threading.Lock()
    schedule = {}

    def version(n: int) -> int:
        if not schedule:
            try:
                schedule.update(json.load(open(schedule_file)))
            except (OSError, ValueError):
                return 0
        period = schedule["period"]
        t = min(time.time(), schedule["stop"]) - schedule["t0"] - n * period / SOURCES
        return max(0, int(t // period))

    huge = huge_page(48.7)
    huge_gz = gzip.compress(huge, 6)
    bomb_gz = bomb(256)
    counter = {"erroring": 0, "malformed": 0}

    class Base(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def send(self, status, ctype, data, headers=()):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.write(data)

        def write(self, data):
            try:
                self.wfile.write(data)
                self.wfile.flush()
                return True
            except (BrokenPipeError, ConnectionResetError, socket.timeout, OSError):
                self.close_connection = True
                return False

        def robots(self):
            if self.path == "/robots.txt":
                self.send(200, "text/plain", b"User-agent: *\nAllow: /\n")
                return True
            return False

        def log_message(self, *args):
            pass

    class Normal(Base):
        def do_GET(self):
            if self.robots():
                return
            p = self.path
            if p.startswith("/reg/") and p.endswith(".html") and p[5:-5].isdigit() and int(p[5:-5]) < SOURCES:
                n = int(p[5:-5])
                v = version(n)
                with lock:
                    served.write(f"{time.time():.3f} {n} {v}\n")
                self.send(200, "text/html; charset=utf-8", page(n, v))
            else:
                self.send(404, "text/plain", b"not found")

    def hostile(kind, internal_port):
        class Hostile(Base):
            def do_GET(self):
                if self.robots():
                    return
                if kind == "huge-gzip":
                    self.send(200, "text/html; charset=utf-8", huge_gz, [("Content-Encoding", "gzip")])
                elif kind == "huge-chunked":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for i in range(0, len(huge), 1 << 20):
                        part = huge[i:i + (1 << 20)]
                        if not self.write(b"%x\r\n" % len(part) + part + b"\r\n"):
                            return
                    self.write(b"0\r\n\r\n")
                elif kind == "gzip-bomb":
                    self.send(200, "text/html; charset=utf-8", bomb_gz, [("Content-Encoding", "gzip")])
                elif kind == "gzip-unasked":
                    self.send(200, "text/html; charset=utf-8", bomb_gz)
                elif kind == "slow-drip":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    self.write(b"<html><body><p>")
                    for _ in range(100000):
                        time.sleep(5)
                        if not self.write(b"a"):
                            return
                elif kind == "slow-headers":
                    time.sleep(45)
                    self.send(200, "text/html; charset=utf-8", page(0, 0))
                elif kind == "redirect-internal":
                    self.send(302, "text/plain", b"", [("Location", f"http://127.0.0.1:{internal_port}/admin/secret")])
                elif kind == "redirect-metadata":
                    self.send(302, "text/plain", b"", [("Location", "http://169.254.169.254/latest/meta-data/")])
                elif kind == "erroring":
                    with lock:
                        counter["erroring"] += 1
                        c = counter["erroring"]
                    if c % 2:
                        self.send(500, "text/html", b"<html><body>Internal Server Error</body></html>")
                    else:
                        self.send(503, "text/html", b"busy", [("Retry-After", "3600")])
                elif kind == "malformed":
                    with lock:
                        counter["malformed"] += 1
                        c = counter["malformed"]
                    self.close_connection = True
                    if c % 2:
                        self.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
                                   b"<html><body><p>\xe7\xac\xac\xe4\xb8\x80\xe6\x9d\xa1 truncated")
                    else:
                        self.write(b"\x00\xff\xfeNOT HTTP AT ALL\r\n\r\n\x1f\x8b garbage")
        return Hostile

    class Internal(Base):
        def do_GET(self):
            with lock:
                internal_log.write(f"{time.time():.3f} GET {self.path}\n")
            self.send(200, "text/plain", b"internal secret")

    class Receiver(Base):
        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", "replace")
            with lock:
                alerts.write(json.dumps({"at": time.time(), "path": self.path, "body": body}, ensure_ascii=False) + "\n")
            self.send(200, "text/plain", b"ok")

    servers = [ThreadingHTTPServer(("127.0.0.1", int(p)), Normal) for p in cfg["normal"]]
    servers += [ThreadingHTTPServer(("127.0.0.1", int(p)), hostile(k, cfg["internal"]))
                for k, p in zip(HOSTILE, cfg["hostile"])]
    servers.append(ThreadingHTTPServer(("127.0.0.1", int(cfg["internal"])), Internal))
    servers.append(ThreadingHTTPServer(("127.0.0.1", int(cfg["receiver"])), Receiver))
    for s in servers:
        s.daemon_threads = True
        threading.Thread(target=s.serve_forever, daemon=True).start()
    print(f"soak site ready: huge page {len(huge) / 1e6:.1f} MB ({len(huge_gz) / 1e6:.1f} MB gzipped), "
          f"gzip bomb {len(bomb_gz) / 1e6:.2f} MB for 256 MiB", flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()

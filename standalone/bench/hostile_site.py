#!/usr/bin/env python3
"""Hostile fixture for the crawler memory benchmark (issue #12 item 2): on each of the given ports,
/huge.html is a 48.7 MB HTML page of articles sent gzipped (about 4.1 MB on the wire, under the
25 MB wire and 50 MB decoded caps), and /reg/<n>.html a small normal regulation page; /robots.txt
allows everything. One page is generated once and served from every port, so the crawler fetches
eight huge pages at once (one host:port each: its per-host gate serialises only per host:port).

usage: hostile_site.py SIZE_MB PORT [PORT ...]
"""
import gzip
import random
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WORDS = ("provider shall must record report data service user security measure authority review publish "
         "model training content label generate article paragraph item fine penalty days month year within "
         "according law regulation management").split()
CN = "提供者应当按照本办法规定履行数据安全保护义务不得生成违法内容并对训练数据来源合法性负责监管部门依法开展监督检查"


def huge_page(megabytes: float) -> bytes:
    random.seed(7)
    sentences = [" ".join(random.choice(WORDS) for _ in range(40)) for _ in range(13)]
    target = int(megabytes * 1e6)
    out = ["<!doctype html><html><head><meta charset='utf-8'><title>Huge rules</title></head>"
           "<body><div id='content'>"]
    size, i = len(out[0]), 0
    while size < target:
        i += 1
        if i % 2:
            t = sentences[i % 13] if random.random() < 0.52 else " ".join(random.choice(WORDS) for _ in range(40))
            s = f"<h3>Article {i}</h3><p class='x{i % 7}'>Article {i}. {t}.</p>\n"
        else:
            k = random.randint(0, len(CN) - 30)
            s = f"<p>第{i}条 {CN[k:k + 30]}{CN[:random.randint(5, 40)]}。</p>\n"
        out.append(s)
        size += len(s.encode())
    out.append("</div></body></html>")
    return "".join(out).encode()


def small_page(n: int) -> bytes:
    return (f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>示例规定第{n}号</title></head>"
            f"<body><div id='content'><h1>示例规定第{n}号</h1><p>第一条 第{n}号示例规定：服务提供者应当履行义务。</p>"
            f"<p>第二条 本规定自公布之日起施行。</p></div></body></html>").encode()


def main():
    size = float(sys.argv[1])
    html = huge_page(size)
    body = gzip.compress(html, 6)
    print(f"huge page: {len(html) / 1e6:.1f} MB decoded, {len(body) / 1e6:.1f} MB gzipped", flush=True)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            if self.path == "/robots.txt":
                self._send(200, "text/plain", b"User-agent: *\nAllow: /\n")
            elif self.path == "/huge.html":
                self._send(200, "text/html; charset=utf-8", body, gzipped=True)
            elif self.path.startswith("/reg/") and self.path[5:-5].isdigit():
                self._send(200, "text/html; charset=utf-8", small_page(int(self.path[5:-5])))
            else:
                self._send(404, "text/plain", b"not found")

        def _send(self, status, ctype, data, gzipped=False):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    servers = [ThreadingHTTPServer(("127.0.0.1", int(p)), Handler) for p in sys.argv[2:]]
    for s in servers[1:]:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    servers[0].serve_forever()


if __name__ == "__main__":
    main()

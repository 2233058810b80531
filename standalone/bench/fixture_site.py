#!/usr/bin/env python3
"""A local fixture site for the memory benchmark: /reg/<n>.html is a small regulation page
(ten articles, 第一条 … 第十条) for n = 0 … 999; /robots.txt allows everything.

usage: fixture_site.py PORT
"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NUMERALS = "一二三四五六七八九十"


def page(n: int) -> bytes:
    articles = "\n".join(
        f"<p>第{NUMERALS[i]}条 第{n}号示例规定的第{i + 1}项要求：服务提供者应当按照本规定履行第{i + 1}项义务，"
        f"并在{(n + i) % 30 + 1}个工作日内报送材料。</p>"
        for i in range(10))
    return (f"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>示例规定第{n}号</title></head>"
            f"<body><div id=\"content\"><h1>示例规定第{n}号</h1>\n{articles}\n</div></body></html>").encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/robots.txt":
            self._send(200, "text/plain; charset=utf-8", b"User-agent: *\nAllow: /\n")
        elif self.path.startswith("/reg/") and self.path.endswith(".html") and self.path[5:-5].isdigit():
            self._send(200, "text/html; charset=utf-8", page(int(self.path[5:-5])))
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()

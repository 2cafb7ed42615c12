#!/usr/bin/env python3
"""A stand-in for OpenAI's POST /v1/audio/speech on loopback, so /generate-voice succeeds during the
Prometheus check and its latency histograms get samples. Usage: fake_speech.py PORT"""
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Speech(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # chunked streaming, as OpenAI sends it

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path != "/v1/audio/speech" or not self.headers.get("Authorization", "").startswith("Bearer "):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "audio/mpeg")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for _ in range(3):  # three chunks 50 ms apart: first byte and total latency differ
            chunk = b"\0" * 2048
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.flush()
            time.sleep(0.05)
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Speech).serve_forever()

"""A small, fast HTTP/1.1 client for load runs: one keep-alive connection and a cookie jar.

Python's ``http.client`` parses headers with the ``email`` package, which costs more CPU
than the load client can spare on a two-core machine where it shares the cores with the
server. This one speaks just enough HTTP/1.1 for quizapp behind gunicorn, and only to
127.0.0.1: no redirects are followed, so a test sees each 302 itself.
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from urllib.parse import urlencode

HOST = "127.0.0.1"
IDLE_RECONNECT = 1.0
"""Seconds after which an idle connection is replaced (gunicorn drops idle ones after 5 s)."""


class ConnectionLost(Exception):
    """The server closed the connection or did not answer; ``sent`` says if the request left."""

    def __init__(self, message: str, sent: bool) -> None:
        super().__init__(message)
        self.sent = sent


@dataclass(frozen=True)
class Response:
    """A response: status, lower-cased headers (last value wins) and the body."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def location(self) -> str:
        """The redirect target's path (``Location`` without scheme and host)."""
        value = self.headers.get("location", "")
        if value.startswith("http"):
            value = "/" + value.split("/", 3)[3] if value.count("/") >= 3 else "/"
        return value

    @property
    def text(self) -> str:
        """The body as text."""
        return self.body.decode("utf-8", "replace")


class HttpClient:
    """One keep-alive connection to ``127.0.0.1:port`` with its own cookies."""

    def __init__(self, port: int, timeout: float = 30.0) -> None:
        self.port = port
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self._sock: socket.socket | None = None
        self._file = None
        self._last_used = 0.0

    def close(self) -> None:
        """Close the connection (the next request opens a new one)."""
        if self._file is not None:
            self._file.close()
        if self._sock is not None:
            self._sock.close()
        self._sock = self._file = None

    def _connect(self) -> None:
        self.close()
        sock = socket.create_connection((HOST, self.port), timeout=self.timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock, self._file = sock, sock.makefile("rb")

    def get(self, path: str) -> Response:
        """``GET path``."""
        return self.request("GET", path)

    def post(self, path: str, form: dict[str, str] | list[tuple[str, str]]) -> Response:
        """``POST path`` with an urlencoded form."""
        return self.request("POST", path, urlencode(form, doseq=True).encode())

    def request(self, method: str, path: str, body: bytes | None = None) -> Response:
        """Send one request and read its response; raises ConnectionLost on a dropped link."""
        if self._sock is None or time.monotonic() - self._last_used > IDLE_RECONNECT:
            self._connect()
        head = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{self.port}"]
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if body is not None:
            head.append("Content-Type: application/x-www-form-urlencoded")
            head.append(f"Content-Length: {len(body)}")
        data = ("\r\n".join(head) + "\r\n\r\n").encode() + (body or b"")
        try:
            self._sock.sendall(data)  # type: ignore[union-attr]
        except OSError as exc:
            self.close()
            raise ConnectionLost(f"send failed: {exc}", sent=False) from exc
        try:
            response = self._read()
        except (OSError, ValueError) as exc:
            self.close()
            raise ConnectionLost(f"no response: {exc}", sent=True) from exc
        self._last_used = time.monotonic()
        if response.headers.get("connection", "").lower() == "close":
            self.close()
        return response

    def _read(self) -> Response:
        f = self._file
        status_line = f.readline(65537)  # type: ignore[union-attr]
        if not status_line:
            raise ValueError("connection closed before the status line")
        status = int(status_line.split(None, 2)[1])
        headers: dict[str, str] = {}
        while True:
            line = f.readline(65537)  # type: ignore[union-attr]
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            headers[name] = value
            if name == "set-cookie":
                self._store_cookie(value)
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = self._read_chunked()
        else:
            body = f.read(int(headers.get("content-length", "0")))  # type: ignore[union-attr]
        return Response(status, headers, body)

    def _read_chunked(self) -> bytes:
        f, parts = self._file, []
        while True:
            size = int(f.readline().split(b";")[0], 16)  # type: ignore[union-attr]
            if size == 0:
                f.readline()  # type: ignore[union-attr]
                return b"".join(parts)
            parts.append(f.read(size))  # type: ignore[union-attr]
            f.readline()  # type: ignore[union-attr]

    def _store_cookie(self, header: str) -> None:
        pair, _, attributes = header.partition(";")
        name, _, value = pair.strip().partition("=")
        attrs = attributes.lower()
        if not value or "max-age=0" in attrs or "expires=thu, 01 jan 1970" in attrs:
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value

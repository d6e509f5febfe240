"""An HTTP/1.1 client on asyncio streams, one keep-alive connection per
`Conn`, for bench_scale.py's thousand students in one process."""

from __future__ import annotations

import asyncio

from .server import HOST


class Down(Exception):
    """The server did not answer (refused, reset, closed mid-response, timed out)."""


class Conn:
    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def _once(self, head: bytes, body: bytes) -> tuple[int, dict[str, list[str]], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        self.writer.write(head + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionResetError("closed before the response")
        status = int(status_line.split()[1])
        headers: dict[str, list[str]] = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers.setdefault(name.strip().lower(), []).append(value.strip())
        payload = await self.reader.readexactly(int(headers.get("content-length", ["0"])[0]))
        if headers.get("connection", [""])[0].lower() == "close":
            self.close()
        return status, headers, payload

    async def request(self, method: str, path: str, *, body: str | None = None,
                      cookies: dict[str, str] | None = None) -> tuple[int, dict[str, list[str]], bytes]:
        data = body.encode() if body is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{self.port}", "Accept-Language: fr"]
        if cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        if body is not None:
            lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(data)}"]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode()
        for attempt in (1, 2):
            reused = self.writer is not None
            try:
                return await asyncio.wait_for(self._once(head, data), 30)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
                self.close()
                if reused and attempt == 1 and not isinstance(exc, TimeoutError):
                    continue  # the server closed an idle keep-alive connection: once, a new one
                raise Down(f"{type(exc).__name__}: {exc}") from exc
        raise AssertionError("unreachable")


def cookies_from(jar: dict[str, str], headers: dict[str, list[str]]) -> None:
    for header in headers.get("set-cookie", []):
        name, _, rest = header.partition("=")
        value = rest.split(";", 1)[0]
        if value and "max-age=0" not in header.lower():
            jar[name.strip()] = value
        else:
            jar.pop(name.strip(), None)

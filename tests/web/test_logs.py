"""Logging: a request id per request (header and log lines), errors logged with
their context but not the form, and the level from --log-level / QUIZGEN_LOG_LEVEL."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask

import web
from quizgen.errors import QuizgenError
from web import cli, logs

WEB = logging.getLogger("web")


@pytest.fixture(autouse=True)
def keep_level() -> Iterator[None]:
    level = WEB.level
    yield
    WEB.setLevel(level)


def _records(caplog: pytest.LogCaptureFixture, request_id: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if getattr(r, "request_id", None) == request_id]


def test_request_id_in_the_response_and_the_log(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    @app.get("/test-log")
    def test_log() -> str:
        logging.getLogger("web.test").warning("something to note")
        return "ok"

    caplog.set_level(logging.INFO, logger="web")
    response = app.test_client().get("/test-log", headers={"X-Request-ID": "proxy-42.a:b"})
    assert response.headers["X-Request-ID"] == "proxy-42.a:b"
    [record] = _records(caplog, "proxy-42.a:b")
    assert record.getMessage() == "something to note"
    assert "[proxy-42.a:b] something to note" in logs.HANDLER.format(record)


def test_each_request_gets_its_own_id(shared_client) -> None:
    first, second = shared_client.get("/"), shared_client.get("/")
    assert re.fullmatch(r"[0-9a-f]{32}", first.headers["X-Request-ID"])
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


@pytest.mark.parametrize("offered", ["x" * 65, "abc\x01def", "a b", "é", "a\tb", "id;drop", ""])
def test_an_unsafe_request_id_is_replaced(shared_client, offered: str) -> None:
    response = shared_client.get("/", headers={"X-Request-ID": offered})
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])


def test_an_error_is_logged_with_method_path_and_request_id(
        app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    @app.post("/test-crash")
    def test_crash() -> str:
        raise RuntimeError("boom")

    caplog.set_level(logging.INFO, logger="web")
    response = app.test_client().post(
        "/test-crash?x=1", data={"password": "hunter2-secret"}, headers={
            "X-Request-ID": "req-500", "Cookie": "quizgen=cookie-secret"})
    assert response.status_code == 500
    assert response.headers["X-Request-ID"] == "req-500"
    [record] = _records(caplog, "req-500")
    assert record.levelno == logging.ERROR and record.name == "web.errors"
    assert (record.method, record.path) == ("POST", "/test-crash")
    assert record.exc_info and isinstance(record.exc_info[1], RuntimeError)
    line = logs.HANDLER.format(record)
    assert "POST /test-crash" in line and "req-500" in line and "RuntimeError: boom" in line
    assert "hunter2" not in line and "cookie-secret" not in line


def test_the_level_comes_from_the_configuration(
        make_app: Callable[..., Flask], bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_app(bank_dir, QUIZGEN_LOG_LEVEL="warning")
    assert WEB.level == logging.WARNING
    monkeypatch.setenv("QUIZGEN_LOG_LEVEL", "DEBUG")
    make_app(bank_dir)
    assert WEB.level == logging.DEBUG
    with pytest.raises(QuizgenError, match="unknown log level 'loud'"):
        make_app(bank_dir, QUIZGEN_LOG_LEVEL="loud")


class _Server:
    def run(self) -> None:
        logging.getLogger("web.test").debug("started")

    def close(self) -> None:
        pass


def test_serve_takes_a_log_level(bank_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import waitress

    monkeypatch.setattr(waitress, "create_server", lambda app, **kwargs: _Server())
    monkeypatch.setattr(web, "compile_templates", lambda app: None)  # not this test's subject
    monkeypatch.setenv("QUIZGEN_INSTANCE", str(tmp_path / "instance"))
    runner = CliRunner()
    result = runner.invoke(cli.serve, [str(bank_dir), "--log-level", "error"])
    assert result.exit_code == 0, result.output
    assert WEB.level == logging.ERROR
    refused = runner.invoke(cli.serve, [str(bank_dir), "--log-level", "loud"])
    assert refused.exit_code == 2 and "'loud' is not one of" in refused.output

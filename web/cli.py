"""`quizgen serve` and `quizgen teacher add`: the web quiz from the command line."""

from __future__ import annotations

import sys

import click

from quizgen.clitools import user_errors
from quizgen.errors import QuizgenError

MIN_PASSWORD = 8
#: logging's levels (web/logs.py checks QUIZGEN_LOG_LEVEL against the same names).
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 lets the students' devices on the network in.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Requests served at once.")
@click.option("--log-level", type=click.Choice(LOG_LEVELS, case_sensitive=False),
              help="Least severe messages the site logs (to standard error) "
                   "[default: QUIZGEN_LOG_LEVEL, else info].")
def serve(paths: tuple[str, ...], host: str, port: int, threads: int, log_level: str | None) -> None:
    """Run the class quiz site on the banks in PATH… (default: questions/).

    Uses the waitress server (works on Windows, macOS and Linux). For a
    permanent deployment on Linux or macOS, install the `server` extra and
    run `gunicorn 'web:create_app()'` instead.
    """
    from web import create_app

    config: dict[str, object] = {}
    if log_level:  # else QUIZGEN_LOG_LEVEL or instance/config.py (web/config.py)
        config["QUIZGEN_LOG_LEVEL"] = log_level.upper()
    if paths:
        config["QUIZGEN_BANKS"] = list(paths)
    with user_errors(after=": the site was not started"):
        app = create_app(config or None)
    catalog = app.extensions["quizgen_catalog"]
    if not len(catalog):
        raise click.ClickException(f"no bank files (*.yaml) in {app.config['QUIZGEN_BANKS']}")
    try:
        from waitress import create_server
    except ImportError as exc:  # a trimmed install: say what is missing
        raise click.ClickException("the waitress server is not installed: pip install waitress") from exc

    server = create_server(app, host=host, port=port, threads=threads, ident="quizgen")
    shown = "localhost" if host in ("127.0.0.1", "::1", "localhost") else host
    click.echo(f"quizgen: {len(catalog)} quiz{'zes' if len(catalog) != 1 else ''} on http://{shown}:{port}/")
    click.echo(f"data in {app.instance_path}")
    if shown == "localhost":
        click.echo("only this computer can connect; for a class on the network: --host 0.0.0.0")
    click.echo("stop with Ctrl+C")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@click.group()
def teacher() -> None:
    """Teacher accounts of the class quiz site."""


@teacher.command("add")
@click.argument("name")
@click.option("--replace", is_flag=True, help="Set a new password if the account exists.")
def teacher_add(name: str, replace: bool) -> None:
    """Create the account NAME; asks for the password twice (or reads one line
    from standard input when it is not a terminal, for scripts)."""
    from web import base_app
    from web.accounts import TeacherExists, add_teacher

    name = name.strip()
    if not name or len(name) > 80:
        raise click.BadParameter("give a name of 1 to 80 characters", param_hint="NAME")
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"the password needs at least {MIN_PASSWORD} characters")
    try:
        app = base_app()
        with app.app_context():
            created = add_teacher(name, password, replace=replace)
    except TeacherExists:
        raise click.ClickException(f"teacher '{name}' exists; use --replace to set a new password") from None
    except QuizgenError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"teacher '{name}' {'added' if created else 'updated'} ({app.instance_path})")


@click.group()
def db() -> None:
    """The class quiz site's database (schema migrations)."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
def db_upgrade(revision: str) -> None:
    """Bring the database (QUIZGEN_DATABASE_URL, default: SQLite in the
    instance folder) to the schema this quizgen expects. Back it up first."""
    from web import base_app
    from web.migrate import upgrade

    with user_errors(after=": the database was not changed"):
        app = base_app({"QUIZGEN_AUTO_MIGRATE": False, "QUIZGEN_SKIP_SCHEMA_CHECK": True})
        before, after = upgrade(app.extensions["quizgen_db"], revision)
    if before == after:
        click.echo(f"database already at revision {after}")
    else:
        click.echo(f"database upgraded from revision {before or 'none'} to {after}")


@db.command("current")
def db_current() -> None:
    """Print the database's schema revision and the one this code expects."""
    from web import base_app
    from web.migrate import current, head

    with user_errors():
        app = base_app({"QUIZGEN_AUTO_MIGRATE": False, "QUIZGEN_SKIP_SCHEMA_CHECK": True})
        at = current(app.extensions["quizgen_db"])
    wanted = head()
    click.echo(f"database at {at or 'none'}; this quizgen needs {wanted}"
               + ("" if at == wanted else " (run `quizgen db upgrade`)"))

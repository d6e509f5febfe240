"""Shared parts of the benchmarks in bench/: the generated banks (bank), gunicorn on
loopback (server), the threaded load generator (load), reading answer forms (forms)
and bench_web.py's report (report). Import them with bench/ on sys.path, after the
repository root (they use quizgen)."""

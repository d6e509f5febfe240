"""Output formats: one small module per format behind one interface."""

from .base import Exporter, available, get_exporter, register

__all__ = ["Exporter", "available", "get_exporter", "register"]

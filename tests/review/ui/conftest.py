"""The UI tests' own fixtures: real widgets offscreen, settings and recovery files isolated per test."""

from tests.ui.conftest import isolated_paths, qapp_cls, settings, window

__all__ = ["isolated_paths", "qapp_cls", "settings", "window"]

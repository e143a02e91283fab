"""Window sizes that fit the screen: office PCs often have 1366×768 displays."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width × height, or less where the screen's free area (without the taskbar) is smaller."""
    screen = widget.screen()
    if screen is not None:
        free = screen.availableGeometry()
        width, height = min(width, free.width()), min(height, free.height() - 40)  # 40: the title bar
    widget.resize(width, height)

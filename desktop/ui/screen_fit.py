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


def fit_to_screen(window: QWidget, least: tuple[int, int] = (1200, 820), share: float = 0.9) -> None:
    """The main window at first start: most of a large screen (1728×936 on 1920×1080 with a taskbar),
    all of a small one (1366×768), centred in the free area."""
    screen = window.screen()
    if screen is None:
        window.resize(*least)
        return
    free = screen.availableGeometry()
    width = min(free.width(), max(least[0], round(free.width() * share)))
    height = min(free.height() - 40, max(least[1], round(free.height() * share)))  # 40: the title bar
    window.resize(width, height)
    window.move(free.x() + (free.width() - width) // 2, free.y() + (free.height() - 40 - height) // 2)

"""A PDF's pages on screen, drawn as they come into view. A long report's PDF has thousands of pages; each
drawn page is about 3 MB of pixels, so drawing them all at once took gigabytes. Only the last few drawn
are kept, and the column is laid out from the pages' sizes, which PDFium gives without drawing them."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, overload

from PySide6.QtCore import QEvent, QRect, QSize
from PySide6.QtGui import QHelpEvent, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.ui.print_pages import page_image

GAP = 12  # pixels around each page
KEPT = 8  # drawn pages kept: a screenful at the largest zoom, and the pages just scrolled past


class PageImages(Sequence[QImage]):
    """The pages of an open PDF as images at one scale (1.0 is 72 dots per inch), drawn when asked for."""

    def __init__(self, document: Any, scale: float) -> None:
        self.document = document  # a pypdfium2.PdfDocument, left open while the pages are shown
        self.scale = scale
        self.kept: OrderedDict[int, QImage] = OrderedDict()

    def __len__(self) -> int:
        return len(self.document)

    def size_of(self, index: int) -> QSize:
        """The size the page's image has, as PDFium draws it (rounded up), without drawing it."""
        width, height = self.document.get_page_size(index)
        return QSize(math.ceil(width * self.scale), math.ceil(height * self.scale))

    @overload
    def __getitem__(self, index: int) -> QImage: ...
    @overload
    def __getitem__(self, index: slice) -> list[QImage]: ...
    def __getitem__(self, index: int | slice) -> QImage | list[QImage]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        index %= len(self)
        image = self.kept.get(index)
        if image is None:
            page = self.document[index]
            try:
                image = page_image(page, self.scale)
            finally:
                page.close()
            self.kept[index] = image
            while len(self.kept) > KEPT:
                self.kept.popitem(last=False)
        self.kept.move_to_end(index)
        return image


class PagesView(QWidget):
    """The pages one under another, centred; a page is drawn when part of it is painted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: PageImages | None = None
        self._sizes: list[QSize] = []
        self._tops: list[int] = []

    def show_pages(self, pages: PageImages) -> None:
        self.pages = pages
        self._sizes = [pages.size_of(i) for i in range(len(pages))]
        self._tops = []
        y = GAP
        for size in self._sizes:
            self._tops.append(y)
            y += size.height() + GAP
        width = max((s.width() for s in self._sizes), default=0) + 2 * GAP
        self.setMinimumSize(width, y)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def page_count(self) -> int:
        return len(self._sizes)

    def page_rect(self, index: int) -> QRect:
        size = self._sizes[index]
        return QRect((self.width() - size.width()) // 2, self._tops[index], size.width(), size.height())

    def page_at(self, y: int) -> int | None:
        index = bisect_right(self._tops, y) - 1
        if index < 0 or y > self._tops[index] + self._sizes[index].height():
            return None
        return index

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.pages is None or not self._sizes:
            return
        painter = QPainter(self)
        area = event.rect()
        index = max(0, bisect_right(self._tops, area.top()) - 1)
        while index < len(self._sizes) and self._tops[index] <= area.bottom():
            rect = self.page_rect(index)
            if rect.intersects(area):
                painter.drawImage(rect.topLeft(), self.pages[index])
            index += 1
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.page_at(event.pos().y())
            if index is not None:
                QToolTip.showText(event.globalPos(), self.tr("第%1页").replace("%1", str(index + 1)), self)
                return True
        return super().event(event)

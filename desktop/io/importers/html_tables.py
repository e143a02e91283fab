"""HTML of a saved portal page: paragraphs, and tables with their real rowspan and colspan.

Portals often lay the page out with tables; a table that holds another table is read as a container,
and only the innermost tables become grids.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from desktop.io.importers.document import Block, Cell, Grid, Para, Source
from desktop.io.importers.limits import TableBudget, check_area, check_elements

_VOID = {"br", "img", "meta", "input", "hr", "link", "area", "base", "col", "wbr", "source", "param"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "select", "button", "iframe", "object"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "table",
          "tr", "td", "th", "blockquote", "pre", "center", "dd", "dt", "dl", "header", "footer", "form",
          "caption", "tbody", "thead", "tfoot", "body", "main", "nav"}
_CLOSES = {"p": {"p"}, "li": {"li"}, "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"},
           "tbody": {"tbody", "thead", "tr", "td", "th"}, "thead": {"thead", "tr", "td", "th"}}
_TABLE_PARTS = {"tr", "td", "th", "tbody", "thead"}
MAX_DEPTH = 400
MAX_SPAN = 100


class Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unknown end tags are ignored and open cells close when the next one starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]
        self.meta: dict[str, str] = {}
        self._in_title = False
        self.title = ""
        self.elements = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements += 1
        check_elements(self.elements)
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and values.get("content"):
            self.meta[(values.get("name") or values.get("property") or "").lower()] = values["content"]
        if tag == "title":
            self._in_title = True
        closes = _CLOSES.get(tag, set())
        if closes:
            # The innermost open p or li; for table parts, the outermost one in this table, so that a <TR>
            # after a row whose </TD> and </TR> were left out (old CMS pages) closes the row, not its cell.
            outermost = tag in _TABLE_PARTS
            found = 0
            for depth in range(len(self.stack) - 1, 0, -1):
                if self.stack[depth].tag == "table":
                    break
                if self.stack[depth].tag in closes:
                    found = depth
                    if not outermost:
                        break
            if found:
                del self.stack[found:]
        node = Node(tag, values)
        self.stack[-1].children.append(node)
        if tag not in _VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
            if self.stack[depth].tag == "table" and tag != "table":
                return

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.stack[-1].children.append(data)


def _has_table(node: Node) -> bool:
    return any(isinstance(c, Node) and (c.tag == "table" or _has_table(c)) for c in node.children)


def _has_block(node: Node) -> bool:
    return node.tag in _BLOCK or any(isinstance(c, Node) and _has_block(c) for c in node.children)


def _inline_text(node: Node) -> str:
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(re.sub(r"\s+", " ", child))
        elif child.tag == "br":
            parts.append("\n")
        elif child.tag not in _SKIP and not _hidden(child):
            if child.tag in _BLOCK and parts and not parts[-1].endswith("\n"):
                parts.append("\n")
            parts.append(_inline_text(child))
            if child.tag in _BLOCK:
                parts.append("\n")
    return "".join(parts)


def _span(value: str | None) -> int:
    digits = re.match(r"\s*(\d+)", value or "")
    return min(max(int(digits.group(1)), 1), MAX_SPAN) if digits else 1


def _rows(table: Node) -> list[Node]:
    rows: list[Node] = []
    for child in table.children:
        if isinstance(child, Node):
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("tbody", "thead", "tfoot"):
                rows += _rows(child)
    return rows


def _grid(table: Node, budget: TableBudget) -> Grid:
    taken: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    area = 0
    for r, row in enumerate(_rows(table)):
        budget.add_rows()
        col = 0
        for td in (c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")):
            budget.add_cells()
            while (r, col) in taken:
                col += 1
            rowspan, colspan = _span(td.attrs.get("rowspan")), _span(td.attrs.get("colspan"))
            area += rowspan * colspan
            check_area(area)  # before the positions are taken: 100 × 100 each, they would fill gigabytes
            text = "\n".join(line.strip() for line in _inline_text(td).split("\n") if line.strip())
            cells.append(Cell(text, r, col, rowspan, colspan))
            taken.update((r + i, col + j) for i in range(rowspan) for j in range(colspan))
            col += colspan
    return Grid(cells)


_HIDDEN_STYLE = re.compile(r"(?i)(?:display\s*:\s*none|visibility\s*:\s*hidden)")


def _hidden(node: Node) -> bool:
    """An element the browser does not show: 「hidden」, or a style of display:none or visibility:hidden."""
    return "hidden" in node.attrs or bool(_HIDDEN_STYLE.search(node.attrs.get("style", "")))


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.line: list[str] = []
        self.budget = TableBudget()
        self.hidden: set[int] = set()  # the blocks read from elements the page does not show
        self._hiding = 0

    def flush(self) -> None:
        text = "".join(self.line)
        for piece in text.split("\n"):
            if piece.strip():
                self._add(Para(piece.strip()))
        self.line = []

    def _add(self, block: Block) -> None:
        if self._hiding:
            self.hidden.add(len(self.blocks))
        self.blocks.append(block)

    def walk(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.line.append(re.sub(r"\s+", " ", child))
                continue
            if child.tag in _SKIP:
                continue
            if _hidden(child):
                if _has_block(child):  # hidden paragraphs or tables: kept aside, see _shown_blocks
                    self.flush()
                    self._hiding += 1
                    self.walk(child)
                    self.flush()
                    self._hiding -= 1
                continue  # hidden words inside a line: the browser does not show them
            if child.tag == "br":
                self.line.append("\n")
            elif child.tag == "table" and not _has_table(child):
                self.flush()
                self._add(_grid(child, self.budget))
            elif child.tag in _BLOCK:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)


def _shown_blocks(walker: _Walker) -> list[Block]:
    """The page as the browser shows it, where what it hides only repeats it: some portals keep a hidden
    copy of the article for printing or sharing. Hidden text that the page does not show otherwise is
    kept (a page whose script reveals its article hides it at first)."""
    if not walker.hidden:
        return walker.blocks
    shown = {block.text for index, block in enumerate(walker.blocks)
             if isinstance(block, Para) and index not in walker.hidden}
    hidden = [block.text for index, block in enumerate(walker.blocks)
              if isinstance(block, Para) and index in walker.hidden]
    if len(hidden) < 2 or sum(text in shown for text in hidden) * 2 < len(hidden):
        return walker.blocks
    return [block for index, block in enumerate(walker.blocks) if index not in walker.hidden]


HIDDEN_COPY_NOTE = "网页中另有一份隐藏的正文（供打印或分享用），与显示的正文重复，未重复导入"


def read_html(text: str) -> Source:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    walker = _Walker()
    walker.walk(builder.root)
    walker.flush()
    shown = _shown_blocks(walker)
    source = Source("网页", shown)
    if len(shown) < len(walker.blocks):
        source.notes.append(HIDDEN_COPY_NOTE)
    title = html.unescape(builder.meta.get("articletitle") or builder.title).strip()
    if title:
        source.meta["title"] = title
    return source

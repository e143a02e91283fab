"""Exporting: one path for PDF, Word and HTML. The errors are listed first; the file is written atomically,
like the project file; a PDF is then shown from the very bytes written."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.core.atomic_write import write_atomically
from desktop.core.checks import Finding, Severity
from desktop.core.fields import TEXT_BY_KEY
from desktop.core.file_errors import describe
from desktop.core.file_names import safe_stem
from desktop.core.report import Report
from desktop.resources import MissingResource
from desktop.ui.flows.host import FlowHost
from desktop.ui.settings import Settings

if TYPE_CHECKING:
    from desktop.io.fonts import FontFace, FontRole

EXPORT_FILTERS = {".pdf": "PDF (*.pdf)", ".docx": "Word (*.docx)", ".html": "网页 (*.html)"}
TITLES = {".pdf": "导出PDF", ".docx": "导出Word", ".html": "导出网页"}
ERRORS_LISTED = 12


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportFlow", text)


class ExportFlow:
    def __init__(self, host: FlowHost, settings: Settings) -> None:
        self.host = host
        self.settings = settings

    def confirm_export_with_errors(self) -> bool:
        document = self.host.current_document()
        assert document is not None
        errors = [f for f in document.findings if f.severity is Severity.ERROR]
        if not errors:
            return True
        listed = "\n".join(f"· {where(f)}{f.message}" for f in errors[:ERRORS_LISTED])
        more = tr("\n……共%1处").replace("%1", str(len(errors))) if len(errors) > ERRORS_LISTED else ""
        return self.host.ask_yes_no(tr("报告有错误"), tr("报告还有以下错误，仍要导出吗？\n\n") + listed + more)

    def export(self, suffix: str) -> Path | None:
        from desktop.io.formats import UnsupportedFormat, renderer_for

        self.host.commit_open_edits()
        document = self.host.current_document()
        if document is None or not self.confirm_export_with_errors():
            return None
        if suffix == ".pdf" and not self._confirm_unprintable(document.report):
            return None
        suggested = f"{safe_stem(document.report.title)}{suffix}"
        path = self.host.ask_save_path(tr(TITLES[suffix]), suggested, EXPORT_FILTERS[suffix])
        if not path:
            return None
        # the format was chosen in the menu: 「年报2024.final」 becomes 年报2024.final.docx
        target = Path(path) if Path(path).suffix.lower() == suffix else Path(path + suffix)
        try:
            render = renderer_for(target)
            from desktop.ui.export_fonts import export_fonts

            fonts = export_fonts(self.settings)
            report = document.report.model_copy(deep=True)  # as it is now, whatever happens meanwhile
            # Off the UI thread: a long report takes seconds (a minute at 1 MB per section), and the
            # window keeps repainting and offers 取消.
            data = self.host.run_cancellable(tr("正在排版……"), lambda: render(report, fonts))
            if data is None:
                self.host.status(tr("已取消导出"))
                return None
            write_atomically(target, data)
        except (UnsupportedFormat, MissingResource) as error:
            self.host.tell_error(tr("导出失败"), str(error))
            return None
        except OSError as error:
            self.host.tell_error(tr("导出失败"), tr("无法写入“%1”：%2").replace("%1", str(target)).replace(
                "%2", describe(error)))
            return None
        self.settings.remember_folder_of(target)
        self.host.status(tr("已导出：%1").replace("%1", str(target)) + self._stand_in_note(suffix, fonts))
        if suffix == ".pdf":
            self.host.show_pdf(data, target)
        return target


    @staticmethod
    def _stand_in_note(suffix: str, fonts: Mapping[FontRole, FontFace]) -> str:
        """「。注意：本机没有仿宋字体，……」 when the PDF had to set a role in the fallback."""
        from desktop.io.fonts import stand_in_notice, stood_in
        from desktop.io.pdf.fontset import font_set

        # the export's own font set (one per faces, already made): a PC font it could not read gave way there
        roles = stood_in(font_set(fonts).faces) if suffix == ".pdf" else []
        if not roles:
            return ""
        return tr("。注意：%1，可在 设置 → 导出字体 中另选").replace("%1", stand_in_notice(roles))

    def _confirm_unprintable(self, report: Report) -> bool:
        from desktop.io.pdf.fontset import font_set, unprintable
        from desktop.ui.export_fonts import export_fonts  # the font modules load on the first export

        with self.host.busy(tr("正在检查字体……")):
            missing = unprintable(font_set(export_fonts(self.settings)), report)
        if not missing:
            return True
        shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in missing[:10])
        return self.host.ask_yes_no(tr("有字符无法显示"), tr(
            "没有字体能显示以下字符：%1。导出的PDF中它们会显示为空白方框。\n\n"
            "可以改用其他写法，或在 设置 → 导出字体 中选择含有这些字符的字体。仍要导出吗？").replace("%1", shown))


def where(finding: Finding) -> str:
    """「一、（二）依申请公开：」 before a finding about a text: 「文中…」 alone does not say which part."""
    field = next((TEXT_BY_KEY[k] for k in finding.cells if k in TEXT_BY_KEY), None)
    if field is None:
        return ""
    if not field.section or field.label.startswith(f"{field.section}、"):
        return f"{field.label}："  # 前言, 五、存在的主要问题及改进情况
    return f"{field.section}、{field.label}："

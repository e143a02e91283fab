"""The registers: 新建台账 saves a copy of the blank template; 从台账计算 reads a register, has the clerk
confirm its mapping (remembered per sheet layout), computes table 三 and 四 for the report's year, and
shows them with the differences from the typed figures. Last year's register, when the clerk gives it,
is checked for applications still open at its year's end that this year's register lacks."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from desktop.core.atomic_write import copy_atomically
from desktop.core.file_errors import describe
from desktop.core.register import compute
from desktop.core.register.columns import Kind
from desktop.core.register.mapping import Mapping, guess_mapping
from desktop.core.register.sheet import RawSheet
from desktop.resources import MissingResource, resource
from desktop.ui.document import ReportDocument
from desktop.ui.flows.host import FlowHost
from desktop.ui.settings import Settings

OPEN_FILTER = "台账 (*.xlsx *.xlsm *.csv);;所有文件 (*)"
SAVE_FILTER = "Excel 工作簿 (*.xlsx)"
TEMPLATE = ("templates", "register.xlsx")


def tr(text: str) -> str:
    return QCoreApplication.translate("RegisterFlow", text)


class RegisterQuestions(Protocol):
    """What only the register flow asks: its two dialogs."""

    def ask_register_mapping(self, sheet: RawSheet, guess: Mapping) -> Mapping | None: ...
    def show_register_account(self, document: ReportDocument, account: compute.Account) -> None: ...


class RegisterFlow:
    def __init__(self, host: FlowHost, settings: Settings, questions: RegisterQuestions) -> None:
        self.host = host
        self.settings = settings
        self.questions = questions

    def new_register(self) -> Path | None:
        document = self.host.current_document()
        year = document.report.meta.year if document is not None else None
        suggested = f"依申请公开登记台账{year or ''}.xlsx"
        path = self.host.ask_save_path(tr("新建台账"), suggested, SAVE_FILTER)
        if not path:
            return None
        target = Path(path) if Path(path).suffix.lower() == ".xlsx" else Path(path + ".xlsx")
        try:
            copy_atomically(resource(*TEMPLATE), target)
        except MissingResource as error:
            self.host.tell_error(tr("新建台账"), str(error))
            return None
        except OSError as error:
            self.host.tell_error(tr("新建台账"), tr("无法写入“%1”：%2").replace("%1", str(target))
                                 .replace("%2", describe(error)))
            return None
        self.settings.remember_folder_of(target)
        self.host.status(tr("已新建台账：%1。用WPS或Excel打开，全年逐件登记").replace("%1", str(target)))
        return target

    def compute_from_register(self) -> compute.Account | None:
        self.host.commit_open_edits()
        document = self.host.current_document()
        if document is None:
            return None
        year = document.report.meta.year
        sheets = self._read(tr("从台账计算表三、表四（%1年）").replace("%1", str(year)))
        if sheets is None:
            return None
        account = compute.account(sheets, year)
        if account.tally(Kind.APPLICATIONS) is not None and self.host.ask_yes_no(tr("核对上年结转"), tr(
                "是否选择%1年的台账，核对上年底尚未办结的申请都已登记在本年台账中？").replace("%1", str(year - 1))):
            last = self._read(tr("选择%1年的台账").replace("%1", str(year - 1)))
            pair = next((p for p in last or [] if p[0].kind is Kind.APPLICATIONS), None)
            if pair is not None:
                compute.check_last_register(account, *pair)
        self.questions.show_register_account(document, account)
        return account

    def _read(self, title: str) -> list[tuple[RawSheet, Mapping]] | None:
        from desktop.io.register_read import RegisterRefused, read_register

        path = self.host.ask_open_path(title, OPEN_FILTER)
        if not path:
            return None
        try:
            sheets = self.host.run_cancellable(tr("正在读取台账……"), lambda: read_register(Path(path)))
        except RegisterRefused as error:
            self.host.tell_error(tr("无法读取台账"), str(error))
            return None
        if sheets is None:
            return None
        self.settings.remember_folder_of(path)
        confirmed = []
        for sheet in sheets:
            mapping = self.questions.ask_register_mapping(sheet, guess_mapping(sheet, self.settings.register_mapping(
                sheet.layout)))
            if mapping is None:
                return None
            self.settings.remember_register_mapping(sheet.layout, mapping)
            confirmed.append((sheet, mapping))
        return confirmed

"""Which editor tab holds which keys, so findings can be counted per tab and followed on click."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("tabs", text)


@dataclass(frozen=True)
class TabDef:
    name: str
    prefixes: tuple[str, ...]


def tab_defs() -> tuple[TabDef, ...]:
    return (
        TabDef(tr("基本信息"), ("meta.", "text.preamble")),
        TabDef(tr("一、总体情况"), ("text.s1.",)),
        TabDef(tr("二、主动公开"), ("t2.",)),
        TabDef(tr("三、依申请公开"), ("t3.",)),
        TabDef(tr("四、复议诉讼"), ("t4.",)),
        TabDef(tr("五、问题及改进"), ("text.s5",)),
        TabDef(tr("六、其他事项"), ("text.s6",)),
    )


def tab_of(key: str, defs: tuple[TabDef, ...]) -> int | None:
    for number, tab in enumerate(defs):
        if key.startswith(tab.prefixes):
            return number
    return None

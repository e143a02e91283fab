"""Prints, as JSON, what Qt asks ICU for: collation, case mapping, time-zone names and converters.

Run by tests/packaging with and without the bundle's ICU data library preloaded, to compare the two.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QStringDecoder, QStringEncoder, QTimeZone

NAMES = ["张三", "王五", "李四", "赵六", "阿", "镕", "b", "A", "ä", "z", "10", "9"]
ENCODINGS = ["GBK", "GB18030", "GB2312", "EUC-CN", "Big5", "Big5-HKSCS", "windows-1252", "ISO-8859-15", "KOI8-R"]


def main() -> None:
    QCoreApplication([])
    result: dict[str, object] = {}
    for locale in ("zh_CN", "zh_TW", "en_US", "C"):
        collator = QCollator(QLocale(locale))
        result[f"sorted {locale}"] = sorted(NAMES, key=collator.sortKey)
        collator.setNumericMode(True)
        result[f"numeric {locale}"] = sorted(NAMES, key=collator.sortKey)
    result["upper tr"] = QLocale("tr_TR").toUpper("istanbul")
    result["upper zh"] = QLocale("zh_CN").toUpper("straße")
    shanghai = QTimeZone(b"Asia/Shanghai")
    for locale in ("zh_CN", "en_US"):
        for kind in (QTimeZone.TimeType.StandardTime, QTimeZone.TimeType.GenericTime):
            for name in (QTimeZone.NameType.LongName, QTimeZone.NameType.ShortName):
                result[f"zone {locale} {kind.name} {name.name}"] = shanghai.displayName(kind, name, QLocale(locale))
    result["encodings"] = {name: QStringDecoder(name).isValid() and QStringEncoder(name).isValid()
                           for name in ENCODINGS}
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()

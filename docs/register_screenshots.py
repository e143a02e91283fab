"""Makes the register pictures offscreen: python docs/register_screenshots.py

docs/images/register-mapping.png is the mapping dialog over a register with a title above its headers,
other header names and words the guess does not know; register-result.png is what it computes.
register-template.png shows the shipped template as LibreOffice (headless, ``soffice --convert-to``)
lays it out. A PDF cannot show a drop-down, so the picture adds the template's hidden sheet of words,
made visible in a copy, and the data-validity rules LibreOffice wrote when it converted the template to
.ods: proof that it reads each list, not a picture of an open list."""

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.core import storage  # noqa: E402
from desktop.core.register import compute  # noqa: E402
from desktop.core.register.mapping import guess_mapping  # noqa: E402
from desktop.io.register_read import read_register  # noqa: E402
from desktop.resources import sample_report  # noqa: E402
from desktop.ui.app import make_app  # noqa: E402
from desktop.ui.document import ReportDocument  # noqa: E402
from desktop.ui.register_mapping_dialog import RegisterMappingDialog  # noqa: E402
from desktop.ui.register_result_dialog import RegisterResultDialog  # noqa: E402

OUT = ROOT / "docs" / "images"
D = dt.date
ROWS = [
    ["耳口乡人民政府政府信息公开申请登记台账（2023年度）"],
    ["序号", "受理日期", "申请人姓名", "申请人身份", "申请内容", "答复结果", "答复日期", "备注"],
    [1, D(2022, 12, 26), "李某", "自然人", "宅基地审批材料", "予以公开", D(2023, 1, 9), "上年结转"],
    [2, "2023/2/13", "王某", "个人", "低保名单", "部分公开", "2023/3/1", None],
    [3, 44_995, "某建筑有限公司", "企业", "项目招标文件", "不予公开–保护第三方合法权益", 45_009, None],
    [4, "2023.5.8", "张某", "群众", "征地补偿标准", "无法提供—本机关不掌握相关政府信息", "2023.5.30", None],
    [5, "2023年7月3日", "赵某", "自然人", "信访事项处理", "不予处理", "2023年7月10日", "信访件"],
    [6, D(2023, 9, 18), "某律师事务所", "律所", "行政处罚决定书", "予以公开", D(2023, 10, 8), None],
    [7, D(2023, 12, 27), "孙某", "村民", "道路修建资金", "办理中", None, "结转下年"],
]


def main() -> None:
    from openpyxl import Workbook

    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        book = Workbook()
        for row in ROWS:
            book.active.append(row)
        path = Path(tmp) / "耳口乡依申请公开登记台账2023.xlsx"
        book.save(path)
        (sheet,) = read_register(path)
        dialog = RegisterMappingDialog(sheet, guess_mapping(sheet))
        dialog.resize(900, 680)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / "register-mapping.png"))
        mapping = dialog.chosen()
        mapping.values["result"]["不予处理"] = "not_processed_1"
        document = ReportDocument(storage.load(sample_report()))
        document.report.cells["t3.new.natural"] = 4
        result = RegisterResultDialog(document, compute.account([(sheet, mapping)], 2023))
        result.resize(1280, 760)
        result.show()
        result.tables["t3"].select("t3.new.natural")
        app.processEvents()
        result.grab().save(str(OUT / "register-result.png"))
        QApplication.processEvents()


FONT = ROOT / "resources" / "fonts" / "NotoSansSC-Regular.ttf"
EXAMPLE = [  # typed into a copy, with the words of the drop-down lists, to show the columns in use
    ["2024-001", D(2024, 1, 8), "李某", "自然人", "宅基地审批材料", "予以公开", D(2024, 1, 19)],
    ["2024-002", D(2024, 3, 4), "某建筑有限公司", "商业企业", "项目招标文件", "不予公开–保护第三方合法权益",
     D(2024, 3, 22)],
    ["2024-003", D(2024, 12, 27), "王某", "自然人", "征地补偿标准", "尚未办结", None],
]


def _soffice(tmp: Path, target: str, *files: Path) -> None:
    conf = tmp / "fonts.conf"  # the shipped fonts, for a system without Chinese fonts
    conf.write_text(f"""<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
        <dir>{FONT.parent}</dir><cachedir>{tmp / "fc"}</cachedir></fontconfig>""", encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(conf))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp / 'lo'}", "--headless", "--convert-to", target,
                    "--outdir", str(tmp), *map(str, files)], check=True, env=env, capture_output=True, timeout=180)


def _page(pdf: Path):  # type: ignore[no-untyped-def]
    """The first page, cut to what is printed on it."""
    from PIL import Image, ImageOps

    subprocess.run(["pdftoppm", "-r", "160", "-f", "1", "-l", "1", "-png", str(pdf), str(pdf.with_suffix(""))],
                   check=True)
    page = Image.open(next(pdf.parent.glob(pdf.stem + "-*1.png"))).convert("RGB")
    box = ImageOps.invert(page).getbbox() or (0, 0, page.width, page.height)
    return page.crop((box[0] - 8, box[1] - 8, box[2] + 8, box[3] + 8))


def template_shot() -> None:
    from openpyxl import load_workbook
    from PIL import Image, ImageDraw, ImageFont

    from desktop.io.register_template import APPLICATIONS_SHEET, CASES_SHEET, LISTS_SHEET
    from desktop.resources import resource

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        shipped = tmp / "register.xlsx"
        shutil.copy(resource("templates", "register.xlsx"), shipped)
        book = load_workbook(shipped)
        for r, row in enumerate(EXAMPLE, start=2):
            for c, value in enumerate(row, start=1):
                book[APPLICATIONS_SHEET].cell(r, c, value)
        example = tmp / "example.xlsx"
        book.save(example)
        book = load_workbook(shipped)
        book[LISTS_SHEET].sheet_state = "visible"
        book[LISTS_SHEET].page_setup.orientation = "landscape"  # printing only: the words as they are
        book[LISTS_SHEET].sheet_properties.pageSetUpPr.fitToPage = True
        book[LISTS_SHEET].page_setup.fitToWidth, book[LISTS_SHEET].page_setup.fitToHeight = 1, 1
        book.active = 2
        for hidden in (APPLICATIONS_SHEET, CASES_SHEET):
            book[hidden].sheet_state = "hidden"
        lists = tmp / "lists.xlsx"
        book.save(lists)
        _soffice(tmp, "pdf", example, lists)
        _soffice(tmp, "ods", shipped)
        with zipfile.ZipFile(tmp / "register.ods") as ods:
            content = ods.read("content.xml").decode("utf-8")
        headers = {c.column_letter: c.value for c in load_workbook(shipped)[LISTS_SHEET][1]}
        rules = [f"{headers[col]}：{cond}" + ("，显示下拉列表" if "display-list" in tag else "")
                 for tag, cond, col in re.findall(
                     r'(<table:content-validation [^>]*table:condition="of:(cell-content-is-in-list\(\[\$选项\.\$'
                     r'([A-D])[^"]*\))"[^>]*>)', content)]
        sheet = _page(tmp / "example.pdf")
        words = _page(tmp / "lists.pdf")
        font = ImageFont.truetype(str(FONT), 17)
        lines = ["LibreOffice 7.4（soffice --headless --convert-to pdf）对 resources/templates/register.xlsx"
                 " 的排版：",
                 "上：依申请公开登记台账工作表（其中3行示例为本图在副本中另加）；下：隐藏的“选项”工作表（在副本中取消隐藏）。",
                 "PDF中不能显示下拉列表本身。LibreOffice把模板转换为 .ods 时写出的数据有效性规则如下，"
                 "即它读出的各下拉列表："]
        lines += rules
        height = sheet.height + words.height + 28 * len(lines) + 50
        width = max(sheet.width, words.width, *(int(font.getlength(line)) for line in lines)) + 40
        picture = Image.new("RGB", (width, height), "white")
        draw = ImageDraw.Draw(picture)
        y = 10
        for line in lines[:3]:
            draw.text((20, y), line, fill="black", font=font)
            y += 28
        picture.paste(sheet, (20, y))
        y += sheet.height + 10
        picture.paste(words, (20, y))
        y += words.height + 10
        for line in lines[3:]:
            draw.text((20, y), line, fill="#1f5fa8", font=font)
            y += 28
        picture.save(OUT / "register-template.png")


if __name__ == "__main__":
    main()
    if shutil.which("soffice") and shutil.which("pdftoppm"):
        template_shot()
    else:
        print("soffice or pdftoppm not found: register-template.png not made")

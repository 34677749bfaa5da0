"""ช่วยเหลือ → เกี่ยวกับ ITA Desktop: version, data folder, database in use and the licences."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ita_desktop import __version__, paths

LICENCES = (
    ("แบบอักษร Laksaman", "Thai Linux Working Group (TLWG)", "GNU GPL รุ่น 2 ขึ้นไป พร้อมข้อยกเว้นสำหรับแบบอักษร",
     "fonts/LICENSE-Laksaman.txt"),
    ("รายการคำภาษาไทย (words_th.txt) และตัวตัดคำ newmm", "PyThaiNLP", "Apache License 2.0",
     "licenses/pythainlp-LICENSE.txt"),
    ("Qt {qt} และ PySide6 {pyside}", "The Qt Company", "GNU LGPL รุ่น 3 (ใช้แบบเชื่อมโยงไลบรารี แก้ไขหรือเปลี่ยนได้)",
     ""),
    ("ReportLab, openpyxl, SQLAlchemy, Alembic, pypdfium2, uharfbuzz", "ผู้พัฒนาแต่ละโครงการ",
     "BSD / MIT / Apache 2.0", "licenses/README.md"),
)


def database_text(ctx) -> str:
    """The database in use (SQLite file or server URL), never its password."""
    url = ctx.db.engine.url
    if url.get_backend_name() == "sqlite":
        return f"SQLite: {url.database}"
    return f"PostgreSQL: {url.render_as_string(hide_password=True)}"


def about_html(ctx) -> str:
    rows = []
    for name, author, licence, file in LICENCES:
        name = name.format(qt=qVersion(), pyside=pyside_version)
        where = f"<br><small>{html.escape(str(paths.resource_path(*file.split('/'))))}</small>" if file else ""
        rows.append(f"<tr><td><b>{html.escape(name)}</b><br>{html.escape(author)}</td>"
                    f"<td>{html.escape(licence)}{where}</td></tr>")
    return (
        f"<h2>ITA Desktop รุ่น {html.escape(__version__)}</h2>"
        "<p>โปรแกรมช่วยงานการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
        "สำหรับองค์การบริหารส่วนตำบลและเทศบาล ทำงานได้โดยไม่ต้องใช้อินเทอร์เน็ต</p>"
        f"<p><b>ที่เก็บข้อมูล:</b> {html.escape(str(ctx.data_dir))}<br>"
        f"<b>ฐานข้อมูลที่ใช้:</b> {html.escape(database_text(ctx))}<br>"
        f"<b>ไฟล์บันทึกการทำงาน:</b> {html.escape(str(ctx.log_file))}</p>"
        "<h3>สัญญาอนุญาตของส่วนประกอบ</h3>"
        f"<table border='1' cellpadding='4' cellspacing='0'>{''.join(rows)}</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("เกี่ยวกับ ITA Desktop")
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setObjectName("aboutText")
        self.text.setHtml(about_html(ctx))
        self.text.setTextInteractionFlags(Qt.TextBrowserInteraction)
        layout.addWidget(self.text)
        layout.addWidget(QLabel(f"สำเนาสัญญาอนุญาตฉบับเต็มอยู่ในโฟลเดอร์ {paths.resource_path()}"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText("ปิด")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 560)

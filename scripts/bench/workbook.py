"""The benchmark corpus's donations.csv as the workbook an organiser keeps:
one sheet, date cells, volumes and counts as numbers, saved again by
LibreOffice when it is installed (shared strings and styles as a real
spreadsheet program writes them), else as openpyxl writes it."""
import csv
import datetime as dt
import os
import shutil
import subprocess
import tempfile


def make_workbook_corpus(folder, target):
    """A copy of the corpus at `folder` whose records are data/donations.xlsx."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns("donations.csv", ".stamp"))
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Số liệu")
    with open(os.path.join(folder, "content", "data", "donations.csv"), encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        ws.append(header)
        date, numbers = header.index("date"), {header.index("volume_ml"), header.index("prior_donations")}
        for row in reader:
            cells = []
            for i, value in enumerate(row):
                if value == "":
                    cells.append(None)
                elif i == date:
                    day = dt.date.fromisoformat(value) if "-" in value else dt.datetime.strptime(value, "%d/%m/%Y").date()
                    cell = WriteOnlyCell(ws, value=day)
                    cell.number_format = "DD/MM/YYYY"
                    cells.append(cell)
                elif i in numbers and value.isdigit():
                    cells.append(int(value))
                else:
                    cells.append(value)
            ws.append(cells)
    out = os.path.join(target, "content", "data", "donations.xlsx")
    wb.save(out)
    if shutil.which("soffice"):
        with tempfile.TemporaryDirectory() as work:
            subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--calc",
                            "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", work, out],
                           check=True, capture_output=True)
            shutil.copy(os.path.join(work, "donations.xlsx"), out)
    return target

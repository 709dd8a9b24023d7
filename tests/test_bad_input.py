"""Bad input through `bidkit parse`: one clear sentence, exit code 2, no traceback, nothing
written. Files are generated here, plus the corpus's scanned and broken-text PDFs."""

from __future__ import annotations

import resource
import sys
import time

import pytest
from click.testing import CliRunner

from bidkit.cli import cli
from bidkit.errors import InputError

reportlab = pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _parse(*args: str):
    return CliRunner().invoke(cli, ["parse", *args])


def _assert_refused(result, *phrases: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    message = result.output.strip()
    assert message.startswith("Error: ") and message.count("\n") == 0  # one sentence, one line
    for phrase in phrases:
        assert phrase in message


def _text_pdf(path, pages: int = 1, encrypt: str | None = None) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for n in range(pages):
        c.drawString(72, 500, f"Section {n + 1}. The bidder shall submit the documents below.")
        c.drawString(72, 480, f"Bids for lot {n + 1} received after the deadline are rejected.")
        c.showPage()
    c.save()


def test_scanned_pdf_is_reported_not_parsed(corpus):
    result = _parse(str(corpus("tenders/zh/zh-s01-yangshan-msa-ship-ops-notice-SCANNED.pdf")))
    _assert_refused(result, "no text layer", "OCR", '.[ocr]')


def test_generated_image_only_pdf_needs_ocr(tmp_path):
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = tmp_path / "scan.png"
    Image.new("RGB", (400, 560), "white").save(image)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        c.drawImage(ImageReader(str(image)), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    _assert_refused(_parse(str(path)), "no text layer", "2 page(s)")


def test_broken_text_layer_is_refused_not_returned_as_garbage(corpus):
    path = corpus("tenders/zh/zh-s02-anqing-road-construction-excerpt-BROKENTEXT.pdf")
    _assert_refused(_parse(str(path), "--json"), "broken text layer")


def test_encrypted_pdf_asks_for_the_password_to_be_removed(tmp_path):
    path = tmp_path / "locked.pdf"
    _text_pdf(path, encrypt="secret")
    _assert_refused(_parse(str(path)), "encrypted")


def test_truncated_pdf_is_reported_as_corrupt(tmp_path):
    whole = tmp_path / "whole.pdf"
    _text_pdf(whole, pages=20)
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    _assert_refused(_parse(str(path)), "corrupt or truncated")


def test_text_file_named_pdf_is_reported_as_corrupt(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("not a pdf at all", encoding="utf-8")
    _assert_refused(_parse(str(path)), "not a readable PDF")


def test_empty_file_is_reported(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    _assert_refused(_parse(str(path)), "empty")


def test_nonexistent_path_is_reported(tmp_path):
    _assert_refused(_parse(str(tmp_path / "missing.docx")), "no such file")


def test_directory_is_reported(tmp_path):
    _assert_refused(_parse(str(tmp_path)), "is a directory")


def test_unsupported_extension_lists_what_bidkit_reads(tmp_path):
    path = tmp_path / "tender.xlsx"
    path.write_bytes(b"PK\x03\x04 spreadsheet")
    _assert_refused(_parse(str(path)), "unsupported file type '.xlsx'", ".pdf", ".docx")


def test_corrupt_docx_is_reported(tmp_path):
    path = tmp_path / "tender.docx"
    path.write_bytes(b"this is not a zip package")
    _assert_refused(_parse(str(path)), "not a valid .docx")


def test_legacy_doc_without_libreoffice_says_how_to_convert(tmp_path, monkeypatch):
    monkeypatch.setattr("bidkit.readers.legacy.soffice", lambda: None)
    path = tmp_path / "tender.doc"
    path.write_bytes(OLE_MAGIC + b"\0" * 512)
    _assert_refused(_parse(str(path)), "legacy Word/WPS file", "Save as", "LibreOffice")


def test_wps_renamed_as_docx_is_recognised_as_legacy(tmp_path, monkeypatch):
    monkeypatch.setattr("bidkit.readers.legacy.soffice", lambda: None)
    path = tmp_path / "tender.docx"
    path.write_bytes(OLE_MAGIC + b"\0" * 512)
    _assert_refused(_parse(str(path)), "legacy Word/WPS file")


def test_password_protected_docx_is_reported(tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(OLE_MAGIC + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64)
    _assert_refused(_parse(str(path)), "password-protected")


def test_legacy_doc_is_converted_when_libreoffice_is_there(tmp_path, monkeypatch):
    import docx

    converted = tmp_path / "converted.docx"
    d = docx.Document()
    d.add_paragraph("投标人须知：投标文件递交截止时间为2025年6月16日9:00。")
    d.save(converted)
    fake = tmp_path / "soffice"  # stands in for LibreOffice: writes <stem>.docx into --outdir
    fake.write_text(
        f"#!{sys.executable}\nimport shutil, sys\nargs = sys.argv[1:]\n"
        "out = args[args.index('--outdir') + 1]\nstem = args[-1].rsplit('/', 1)[-1].rsplit('.', 1)[0]\n"
        f"shutil.copy({str(converted)!r}, out + '/' + stem + '.docx')\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr("bidkit.readers.legacy.soffice", lambda: str(fake))
    path = tmp_path / "tender.doc"
    path.write_bytes(OLE_MAGIC + b"\0" * 512)
    from bidkit.readers import read_document

    doc = read_document(path)
    assert doc.path == str(path)
    assert "2025年6月16日" in doc.text
    assert any("LibreOffice" in p for p in doc.problems)


def test_bad_input_writes_nothing(tmp_path):
    out = tmp_path / "out"
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    _assert_refused(_parse(str(path), "-o", str(out)), "empty")
    assert not out.exists() or not any(out.iterdir())


def test_debug_shows_the_exception_instead_of_one_sentence(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    result = CliRunner().invoke(cli, ["--debug", "parse", str(path)])
    assert isinstance(result.exception, InputError)


def test_thousand_page_pdf_parses_with_flat_memory(tmp_path):
    from bidkit.readers import read_document

    path = tmp_path / "big.pdf"
    _text_pdf(path, pages=1000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    start = time.perf_counter()
    doc = read_document(path)
    elapsed = time.perf_counter() - start
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert doc.page_count == 1000
    assert doc.blocks[-1].page == 1000
    assert elapsed < 20
    assert grown_mb < 150  # pages are closed one by one; holding them all costs far more


def test_ocr_requested_without_the_extra_says_how_to_install(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_rapidocr(name, *args, **kwargs):
        if name.startswith("rapidocr_onnxruntime"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_rapidocr)
    monkeypatch.setenv("BIDKIT_OCR", "1")
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(100, 100, 200, 200, fill=1)  # a page with a drawing but no text
    c.showPage()
    c.save()
    _assert_refused(_parse(str(path)), "OCR extra is not installed", '.[ocr]')


def test_scanned_page_is_read_by_ocr_when_asked(tmp_path, monkeypatch):
    pytest.importorskip("rapidocr_onnxruntime")
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader

    from bidkit.readers import read_document

    source = tmp_path / "source.pdf"
    c = canvas.Canvas(str(source), pagesize=(300, 120))
    c.setFont("Helvetica", 16)
    c.drawString(20, 70, "Bid deadline 15 March 2024")
    c.save()
    page = pdfium.PdfDocument(str(source))[0]
    image = tmp_path / "scan.png"
    page.render(scale=2).to_pil().save(image)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=(300, 120))
    c.drawImage(ImageReader(str(image)), 0, 0, width=300, height=120)
    c.save()
    monkeypatch.setenv("BIDKIT_OCR", "1")
    doc = read_document(path)
    assert "15March2024" in doc.text.replace(" ", "")  # the Chinese model drops Latin spaces
    assert any("OCR" in p for p in doc.problems)

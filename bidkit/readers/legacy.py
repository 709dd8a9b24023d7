"""Legacy binary Word / WPS files (.doc, .wps: OLE compound files). bidkit reads .docx; when
LibreOffice is installed it converts the file on the fly, otherwise it says how to convert."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bidkit.document import Document
from bidkit.errors import InputError
from bidkit.readers.base import Reader

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT_TIMEOUT = 180  # seconds; a 300-page .doc converts in well under a minute


def is_ole(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(8) == OLE_MAGIC


def is_encrypted_office(path: Path) -> bool:
    """Password-protected .docx/.xlsx are OLE containers holding an 'EncryptedPackage'."""
    data = path.read_bytes()
    return is_ole(path) and "EncryptedPackage".encode("utf-16-le") in data


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class LegacyReader(Reader):
    """.doc / .wps (and a .docx that is really one of them): convert with LibreOffice, read."""

    extensions = (".doc", ".wps", ".dot", ".wpt")

    def read(self) -> Document:
        if is_encrypted_office(self.path):
            raise InputError(f"{self.path} is password-protected; save an unprotected copy "
                             "as .docx and run again.")
        if not is_ole(self.path):
            raise InputError(f"{self.path} is not a Word document (no .doc/.wps signature); "
                             "open it in Word or WPS and save it as .docx.")
        program = soffice()
        if program is None:
            raise InputError(
                f"{self.path} is a legacy Word/WPS file; bidkit reads .docx: open it in Word or "
                "WPS and 'Save as' .docx, or install LibreOffice (e.g. apt-get install "
                "libreoffice-writer) so that bidkit converts it automatically."
            )
        from bidkit.readers.docx import DocxReader

        with tempfile.TemporaryDirectory(prefix="bidkit-convert-") as tmp:
            converted = _convert(program, self.path, Path(tmp))
            doc = DocxReader(converted, **self.options).read()
        doc.path = str(self.path)
        doc.problems.append("converted from a legacy Word/WPS file to .docx with LibreOffice; "
                            "check layout-dependent items against the original")
        return doc


def _convert(program: str, path: Path, out_dir: Path) -> Path:
    # a private profile dir: a running LibreOffice instance would otherwise swallow the job
    cmd = [program, f"-env:UserInstallation=file://{out_dir / 'profile'}", "--headless",
           "--convert-to", "docx", "--outdir", str(out_dir), str(path)]
    try:
        subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InputError(f"{path}: LibreOffice could not convert it to .docx ({exc.__class__.__name__}); "
                         "save it as .docx in Word or WPS and run again.") from exc
    converted = out_dir / (path.stem + ".docx")
    if not converted.exists() or converted.stat().st_size == 0:
        raise InputError(f"{path}: LibreOffice could not convert it to .docx (the file may be "
                         "damaged); save it as .docx in Word or WPS and run again.")
    return converted

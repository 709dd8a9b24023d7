"""Write outputs without ever silently overwriting a file a reviewer edited.

One scheme for every format: `.bidkit.json` in the output directory records the sha256 of the
bytes bidkit wrote for each file name. On the next run a file whose bytes still match is
bidkit's own and is regenerated in place; a file that differs (a reviewer ticked boxes, added
notes) or that bidkit never wrote is left alone, and the new output goes beside it as
`name-v2.ext` (`-v3` …), unless `force=True`. Every write is a temp file in the same directory
renamed into place (os.replace is atomic), so a crash never leaves a half-written file.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from pathlib import Path

from bidkit.errors import InputError

MANIFEST_NAME = ".bidkit.json"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    return sha256_bytes(path.read_bytes())


def prepare_output_dir(out_dir: str | Path) -> Path:
    """Create `out_dir` if needed and prove it is writable; InputError (one sentence) if not."""
    path = Path(out_dir)
    if path.exists() and not path.is_dir():
        raise InputError(f"Output directory {path} is a file, not a directory; choose another -o path.")
    try:
        path.mkdir(parents=True, exist_ok=True)
        # os.access lies for root and on some network mounts; a real probe file does not.
        with tempfile.NamedTemporaryFile(dir=path, prefix=".bidkit-probe-"):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(f"Cannot write to output directory {path} ({reason.lower()}); "
                         "choose a writable directory with -o.") from exc
    return path


def check_output_dir(out_dir: str | Path) -> Path:
    """Fail early (before a long parse) if `out_dir` could not be written, creating nothing."""
    path = Path(out_dir)
    probe_dir = path
    while not probe_dir.exists() and probe_dir != probe_dir.parent:
        probe_dir = probe_dir.parent
    if probe_dir == path:
        return prepare_output_dir(path)
    if not probe_dir.is_dir():
        raise InputError(f"Cannot create output directory {path}: {probe_dir} is a file; "
                         "choose another -o path.")
    try:
        with tempfile.NamedTemporaryFile(dir=probe_dir, prefix=".bidkit-probe-"):
            pass
    except OSError as exc:
        raise InputError(f"Cannot create output directory {path}: {probe_dir} is not writable "
                         f"({(exc.strerror or 'error').lower()}); choose a writable directory with -o.") from exc
    return path


def _file_mode(path: Path) -> int:
    """Keep an existing file's mode; new files get the usual 0666 minus umask (mkstemp's 0600
    would hide outputs from the rest of the bid team)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write through a temp file in the same directory, then rename over the target."""
    mode = _file_mode(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"Cannot write {path} ({(exc.strerror or 'error').lower()}); close it if "
                         "another program has it open, and check the directory's space and "
                         "permissions.") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def versioned_name(name: str, version: int) -> str:
    """'checklist.xlsx', 2 -> 'checklist-v2.xlsx'."""
    if version <= 1:
        return name
    stem, dot, ext = name.rpartition(".")
    return f"{stem}-v{version}.{ext}" if dot and stem else f"{name}-v{version}"


class SafeWriter:
    """Writes files into one output directory, protecting reviewer edits (see module doc).

    `written` lists the paths written in order; `notes` holds one sentence per file that went
    to a -vN name because the original was edited, for the CLI to show.
    """

    def __init__(self, out_dir: str | Path, force: bool = False) -> None:
        self.dir = prepare_output_dir(out_dir)
        self.force = force
        self.written: list[Path] = []
        self.notes: list[str] = []
        self._manifest_path = self.dir / MANIFEST_NAME
        self._hashes = self._load_manifest()

    def _load_manifest(self) -> dict[str, str]:
        try:
            data = json.loads(self._manifest_path.read_text(encoding="utf-8"))
            files = data.get("files", {})
            return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
        except (OSError, ValueError, AttributeError):
            return {}  # no or unreadable manifest: every existing file counts as not ours

    def _save_manifest(self) -> None:
        body = {"generator": "bidkit", "files": dict(sorted(self._hashes.items()))}
        text = json.dumps(body, ensure_ascii=False, indent=1) + "\n"
        atomic_write_bytes(self._manifest_path, text.encode("utf-8"))

    def is_unedited(self, name: str) -> bool:
        """True if `name` does not exist or still holds exactly the bytes bidkit wrote."""
        path = self.dir / name
        if not path.exists():
            return True
        recorded = self._hashes.get(name)
        return recorded is not None and recorded == sha256_file(path)

    def target_name(self, name: str) -> str:
        """`name` itself, or the first -vN name that is free or still bidkit's own."""
        if self.force:
            return name
        version = 1
        while not self.is_unedited(versioned_name(name, version)):
            version += 1
        return versioned_name(name, version)

    def write_bytes(self, name: str, data: bytes) -> Path:
        target = self.target_name(name)
        path = self.dir / target
        atomic_write_bytes(path, data)
        self._hashes[target] = sha256_bytes(data)
        self._save_manifest()
        if target != name:
            self.notes.append(f"{name} was changed since bidkit wrote it, so it was kept and the "
                              f"new version was written to {target} (use --force to overwrite).")
        self.written.append(path)
        return path

    def write_text(self, name: str, text: str) -> Path:
        return self.write_bytes(name, text.encode("utf-8"))

    def write_docx(self, name: str, document) -> Path:
        """A python-docx Document (or docxtpl template), serialised in memory first."""
        buffer = io.BytesIO()
        document.save(buffer)
        return self.write_bytes(name, buffer.getvalue())

    def write_workbook(self, name: str, workbook) -> Path:
        """An openpyxl Workbook, serialised in memory first."""
        buffer = io.BytesIO()
        workbook.save(buffer)
        return self.write_bytes(name, buffer.getvalue())

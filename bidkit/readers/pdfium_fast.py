"""pdfium calls for the per-object and per-character loops of the PDF reader.

pypdfium2's raw bindings type every handle as a pointer to a struct, so each call that returns
a handle builds a ctypes pointer object, and each call that takes one type-checks it. On a page
with thousands of objects (every glyph of some PDFs is one) that wrapping costs more than pdfium
itself. These are the same C functions of the same loaded library, with handles typed as plain
`c_void_p` (Python ints); pypdfium2's own bindings are left untouched.
"""

from __future__ import annotations

import ctypes
from functools import cache

import pypdfium2.raw as pdfium_c
import pypdfium2_raw.bindings as _bindings
from pypdfium2 import PdfiumError

_LIBRARY = _bindings._libs["pdfium"]


def _plain(argtype):
    """Handle types (pointers to pdfium's opaque structs) → c_void_p; others unchanged."""
    name = getattr(argtype, "__name__", "")
    return ctypes.c_void_p if name.startswith("LP_struct_fpdf") else argtype


@cache
def call(name: str):
    """The pdfium function `name` with handles as ints (a fresh function object: setting its
    types does not touch the binding pypdfium2 uses)."""
    typed = getattr(pdfium_c, name)
    fn = _LIBRARY[name]
    fn.argtypes = [_plain(t) for t in typed.argtypes]
    fn.restype = _plain(typed.restype)
    return fn


def handle(obj) -> int:
    """The address of a pypdfium2 handle (`page.raw`, `textpage.raw`) as an int."""
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


class LooseBoxes:
    """`textpage.get_charbox(i, loose=True)` for many characters of one text page: one
    reused rectangle and an int handle instead of new ctypes objects per call."""

    def __init__(self, textpage) -> None:
        self._get = call("FPDFText_GetLooseCharBox")
        self._page = handle(textpage.raw)
        self._rect = pdfium_c.FS_RECTF()
        self._ref = ctypes.byref(self._rect)

    def __call__(self, index: int) -> tuple[float, float, float, float]:
        """left, bottom, right, top in PDF canvas units (as pypdfium2's get_charbox)."""
        if not self._get(self._page, index, self._ref):
            raise PdfiumError("Failed to get charbox.")
        rect = self._rect
        return rect.left, rect.bottom, rect.right, rect.top


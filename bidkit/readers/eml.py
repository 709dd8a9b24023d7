"""E-mail (.eml) → Document: headers as a heading, the plain-text body as paragraphs."""

from __future__ import annotations

import email
import html
import re
from email import policy

from bidkit.document import Block, Document
from bidkit.errors import InputError
from bidkit.readers.base import Reader


class EmlReader(Reader):
    extensions = (".eml",)

    def read(self) -> Document:
        try:
            msg = email.message_from_bytes(self.path.read_bytes(), policy=policy.default)
        except Exception as exc:  # the email package raises many kinds on malformed input
            raise InputError(f"{self.path} is not a readable e-mail ({exc.__class__.__name__}).") from exc
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is None:
            raise InputError(f"{self.path}: the e-mail has no text body.")
        body = part.get_content()
        if part.get_content_type() == "text/html":
            body = html.unescape(re.sub(r"<[^>]+>", "\n", body))
        doc = Document(path=str(self.path), format="eml")
        subject = str(msg.get("subject", "")).strip()
        if subject:
            doc.blocks.append(Block(kind="heading", text=subject, index=0, paragraph=1, level=1))
        for n, line in enumerate(body.splitlines(), start=2):
            line = line.strip()
            if line and not line.startswith(">"):
                doc.blocks.append(Block(kind="paragraph", text=line, index=len(doc.blocks), paragraph=n))
        return doc

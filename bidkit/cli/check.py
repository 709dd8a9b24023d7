"""`bidkit check`: catch what would void the bid before it is submitted."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _identity(kb_dir: Path | None) -> list[str]:
    """Names that must not appear in a 暗标 volume, from the company profile and staff in the KB."""
    try:
        from bidkit.kb import open_kb
    except ImportError:
        return []
    if kb_dir is None or not Path(kb_dir).exists():
        return []
    kb = open_kb(kb_dir)
    profile = kb.company_profile()
    names: list[str] = []
    if profile:
        names += [profile.name, profile.name_en, profile.legal_representative, profile.phone,
                  profile.email, profile.address]
        names += [c.get("name") for c in profile.contacts if isinstance(c, dict)]
    for person in kb.records("person"):
        names.append(person.metadata.get("name"))
    return [n for n in names if n]


@click.command()
@click.argument("bid", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--tender", "tender_path", required=True, type=click.Path(path_type=Path),
              help="The tender file (.pdf/.docx) or the JSON of `bidkit parse --json`.")
@click.option("--against", "against", type=click.Path(path_type=Path),
              help="Another bid (.docx/.pdf) to compare for shared passages (查重, 串标 risk).")
@click.option("--anonymous/--not-anonymous", default=None,
              help="Treat BID as an anonymous (暗标) volume; default: as the tender says.")
@click.option("--kb", "kb_dir", type=click.Path(path_type=Path), envvar="BIDKIT_KB",
              default=Path(".bidkit/kb"), show_default=True,
              help="Knowledge base with the company profile and staff (for 暗标 identity checks).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON to stdout.")
@click.option("-o", "--out", "xlsx", type=click.Path(path_type=Path),
              help="Also write the findings as an .xlsx checklist.")
def check(bid: tuple[Path, ...], tender_path: Path, against: Path | None, anonymous: bool | None,
          kb_dir: Path, as_json: bool, xlsx: Path | None) -> None:
    """Check BID (the .docx as the reviewers left it; several volumes in order) against its tender.

    \b
    Finds: unanswered or still-待确认 ★/substantive clauses and qualifications; missing or
    out-of-order bid sections; leftover 【待确认】 markers, template tags and blanks; totals that
    disagree between 投标函 / 开标一览表 / 分项报价表 or with their 大写; a total above budget or
    最高限价; project name/number not exactly as the tender writes them; bid validity shorter than
    required; identity in a 暗标 volume; passages shared with --against (串标 risk).

    \b
    Exit codes: 0 nothing blocks, 1 something would void the bid, 2 bad input.
    Example:
      bidkit check out/commercial-volume.docx out/technical-volume.docx --tender tender.pdf
      bidkit check bid.docx --tender t.json --against other-bid.docx -o check.xlsx
      bidkit check out/technical-volume.docx --tender tender.pdf --anonymous   # 暗标 identity
    """
    from bidkit.check.run import check_bid
    from bidkit.pipeline import load_tender
    from bidkit.readers import read_document

    tender = load_tender(tender_path)
    tender_text = read_document(tender_path).text if tender_path.suffix.lower() != ".json" else ""
    other = read_document(against) if against else None
    volumes = [read_document(path) for path in bid]
    report = check_bid(volumes, tender, tender_text, other, anonymous, _identity(kb_dir))
    if xlsx:
        from bidkit.render.check_report import write_check_xlsx

        write_check_xlsx(report, xlsx)
    if as_json:
        payload = report.model_dump(mode="json") | {"blockers": len(report.blockers),
                                                   "exit_code": report.exit_code}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        from bidkit.render.check_report import print_check_report

        print_check_report(report)
    sys.exit(report.exit_code)

"""Every letter type in every language, printed to PDF by Chromium and read back with pdftotext."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from takedown.evidence import PackShelf
from takedown.letter_rows import delisting_row, site_row
from takedown.letters import TEMPLATES, Draft, letter_context, print_letter, write_letter
from takedown.render import LANGS
from takedown.render_pdf import PdfRenderer

pytestmark = pytest.mark.browser
DAY = date(2026, 11, 20)
LEFTOVERS = ("{{", "{%", "None", "Undefined")


@pytest.fixture(scope="module")
def pdf():
    with PdfRenderer() as renderer:
        yield renderer


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def rows_for(store, letter_type, sites, var_dir):
    if letter_type == "delisting":
        return [delisting_row(store, s, []) for s in sites]
    packs = PackShelf(store, var_dir, var_dir.parent / "evidence")
    return [site_row(store, s, packs.ref(s.domain)) for s in sites]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("letter_type", list(TEMPLATES))
def test_letter_prints_numbers_dates_and_every_site(confirmed_sqlite, config, tmp_path, pdf,
                                                    letter_type, lang):
    from fraudwatch.review import review_site

    sites = sorted(confirmed_sqlite.iter_sites(), key=lambda s: s.domain)
    if letter_type == "delisting":
        for site in sites:
            review_site(confirmed_sqlite, site.domain, "serik", "delist", "owner showed a licence")
    draft = Draft(letter_type, "Hoster.KZ", lang, sites)
    context = letter_context(config, draft, "FW-2026/00042", DAY,
                             rows_for(confirmed_sqlite, letter_type, sites, config.var_dir))
    files = write_letter(*print_letter(TEMPLATES[letter_type], lang, context, pdf), f"x.{lang}",
                         tmp_path)
    assert set(files) == {f"x.{lang}.html", f"x.{lang}.pdf"}
    text = pdf_text(tmp_path / f"x.{lang}.pdf")
    assert "FW-2026/00042" in text and "20.11.2026" in text
    for site in sites:
        assert site.domain in text
    for leftover in LEFTOVERS:
        assert leftover not in text
    if letter_type != "delisting":
        assert "<script>alert(1)</script>" in text
        assert "01.10.2026" in text


@pytest.mark.parametrize("lang", LANGS)
def test_abuse_notice_prints_the_recipients_abuse_emails(confirmed_sqlite, config, tmp_path, pdf,
                                                         lang):
    sites = sorted(confirmed_sqlite.iter_sites(), key=lambda s: s.domain)
    emails = ["abuse@hoster.kz", "noc-team.abuse-desk@very-long-provider-name.example.kz"]
    for site, email in zip(sites, [*emails, emails[0]], strict=True):
        site.abuse_emails = {"hosting": email}
    draft = Draft("abuse_hosting", "Hoster.KZ", lang, sites)
    context = letter_context(config, draft, "FW-2026/00043", DAY,
                             rows_for(confirmed_sqlite, "abuse_hosting", sites, config.var_dir))
    assert context["recipient_emails"] == emails
    write_letter(*print_letter("abuse", lang, context, pdf), f"a.{lang}", tmp_path)
    text = pdf_text(tmp_path / f"a.{lang}.pdf")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "FW-2026/00043" in line)
    head = "\n".join(lines[at:at + 10])  # the address block, beside the number line
    assert "abuse@hoster.kz" in head
    # a long address wraps after its @, never at one of its hyphens
    assert "noc-team.abuse-desk@" in head and "very-long-provider-name.example.kz" in head

"""Letters from review decisions: plan who gets which sites, number, render and register them.

A blocking request goes to the ministry for every confirmed site no blocking request covered
yet; abuse notices go to each registrar and hosting provider of those sites; a delisting
letter goes to the ministry for delisted sites that an earlier blocking request listed.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from classifiers.explain import category_citations, category_name
from fraudwatch.config import Config
from fraudwatch.store import Letter, Site, Store, stable_id
from fraudwatch.store.vocabulary import FRAUD_CATEGORIES, Action
from takedown import audit
from takedown.evidence import PackShelf
from takedown.letter_rows import delisting_row, site_row
from takedown.letterhead import letter_parts, letterhead
from takedown.render import render_html
from takedown.render_pdf import annex_page_count
from takedown.signing import signer
from takedown.timestamp import tsa_of

# letter type -> template name
TEMPLATES = {"blocking": "blocking", "abuse_registrar": "abuse", "abuse_hosting": "abuse",
             "delisting": "delisting"}
# abuse letter type -> whose abuse desk it goes to (the key of Site.abuse_emails)
ABUSE_ROLES = {"abuse_registrar": "registrar", "abuse_hosting": "hosting"}
STATUSES = ("draft", "sent", "acknowledged", "blocked")
MINISTRY_LETTERS = ("blocking", "delisting")  # addressed to the ministry (in the dative)
ROWS_PER_ANNEX_PAGE = 10  # a first guess of the annex's length, before it is printed


class LetterError(ValueError):
    """A letter that cannot be found or changed; the message says why."""


@dataclass
class Draft:
    """A letter still to be numbered and rendered."""

    letter_type: str
    recipient: str
    lang: str
    sites: list[Site]


def hosting_of(site: Site) -> str:
    """Who hosts a site, as named in an abuse notice: provider, else AS number, else IP."""
    return site.hosting or (f"AS{site.asn}" if site.asn else site.ip)


class Register:
    """The letter register read once: what each letter type already covered, the blocking
    requests per site, and the year's numbering all come from this one read."""

    def __init__(self, store: Store):
        self.letters = list(store.iter_letters())

    def covered(self, letter_type: str) -> set[str]:
        """Ids of the sites that a letter of `letter_type` already listed."""
        return {sid for letter in self.letters if letter.letter_type == letter_type
                for sid in letter.site_ids}

    def blocking(self) -> dict[str, list[Letter]]:
        """{site id: the blocking requests that listed it}."""
        found = defaultdict(list)
        for letter in self.letters:
            if letter.letter_type == "blocking":
                for site_id in letter.site_ids:
                    found[site_id].append(letter)
        return found

    def numbers(self, config: Config, day: date):
        """Outgoing numbers for letters dated `day`, continuing the year's sequence."""
        seq = sum(1 for letter in self.letters if letter.date[:4] == str(day.year))
        while True:
            seq += 1
            yield config.letters.number_format.format(year=day.year, seq=seq)


def _per_recipient(sites: list[Site], recipient_of) -> dict[str, list[Site]]:
    """Sites grouped by recipient, recipients in name order; sites without one are left out."""
    groups: dict[str, list[Site]] = defaultdict(list)
    for site in sites:
        if recipient_of(site):
            groups[recipient_of(site)].append(site)
    return dict(sorted(groups.items()))


def abuse_pending(store: Store) -> list[Site]:
    """Confirmed sites, by domain, that an abuse notice to the registrar or the host has not
    listed yet (they get one once that recipient is known)."""
    register = Register(store)
    done = [register.covered(letter_type) for letter_type in ABUSE_ROLES]
    return sorted((s for s in store.iter_sites(review_state="confirmed")
                   if any(s.id not in ids for ids in done)), key=lambda s: s.domain)


def recipient_emails(draft: Draft) -> list[str]:
    """The abuse e-mails of an abuse notice's recipient as its sites record them, distinct,
    in site order (sites behind one provider name may report different addresses)."""
    role = ABUSE_ROLES.get(draft.letter_type)
    if role is None:
        return []
    return list(dict.fromkeys(email for site in draft.sites
                              if (email := site.abuse_emails.get(role, ""))))


def plan_letters(store: Store, config: Config, register: Register | None = None) -> list[Draft]:
    """The letters that review decisions call for and no earlier letter covered."""
    register = register or Register(store)
    confirmed = sorted(store.iter_sites(review_state="confirmed"), key=lambda s: s.domain)
    drafts = []
    blocked_before = register.covered("blocking")
    new = [s for s in confirmed if s.id not in blocked_before]
    if new:
        drafts.append(Draft("blocking", config.letters.ministry,
                            config.letters.ministry_lang, new))
    for letter_type, recipient_of in (("abuse_registrar", lambda s: s.registrar),
                                      ("abuse_hosting", hosting_of)):
        done = register.covered(letter_type)
        pending = [s for s in confirmed if s.id not in done]
        drafts += [Draft(letter_type, recipient, config.letters.abuse_lang, sites)
                   for recipient, sites in _per_recipient(pending, recipient_of).items()]
    restored = register.covered("delisting")
    delisted = sorted((s for s in store.iter_sites(review_state="delisted")
                       if s.id in blocked_before and s.id not in restored), key=lambda s: s.domain)
    if delisted:
        drafts.append(Draft("delisting", config.letters.ministry,
                            config.letters.ministry_lang, delisted))
    return drafts


def letter_context(config: Config, draft: Draft, number: str, day: date, rows: list[dict]) -> dict:
    """Everything a letter template reads, in the letter's language: the sender's texts, the
    offences of the sites it lists (and only those) and the laws it rests on: the access
    restriction law, then the law each listed kind of site breaks."""
    lang = draft.lang
    kinds = [c for c in FRAUD_CATEGORIES if any(row.get("category") == c for row in rows)]
    broken = [text for kind in kinds for text in category_citations(kind, lang)]
    return {
        "number": number, "date": day, "recipient": draft.recipient, "rows": rows,
        "addressee": config.letter_text("ministry_addressee", lang)
        if draft.letter_type in MINISTRY_LETTERS else draft.recipient,
        "recipient_emails": recipient_emails(draft),
        "role": "registrar" if draft.letter_type == "abuse_registrar" else "hosting",
        "sender": {"name": config.letter_text("sender_name", lang),
                   "email": config.letters.sender_email},
        **letter_parts(config, lang, draft.letter_type in MINISTRY_LETTERS),
        "offences": [category_name(kind, lang) for kind in kinds],
        "laws_broken": broken,
        "legal_bases": [config.letter_text("legal_basis", lang), *broken],
        "reply_days": config.letters.reply_days,
        "annex_pages": None,  # known once printed (print_letter)
    }


def file_stem(number: str, lang: str) -> str:
    """File name of a letter without extension: the number made path-safe, then the language."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in number) + f".{lang}"


def print_letter(template: str, lang: str, context: dict, pdf=None) -> tuple[str, bytes | None]:
    """The letter's HTML, and its PDF when a renderer is given. With a PDF, the enclosure line
    ("Приложение: на N л.") gives the annex's real page count: the annex is printed on pages
    of its own, so its count does not depend on N and a second print settles it."""
    if pdf is None:
        return render_html(template, lang, {**context, "annex_pages": None}), None
    pages = 1 + len(context.get("rows", ())) // ROWS_PER_ANNEX_PAGE
    for _attempt in range(3):
        html = render_html(template, lang, {**context, "annex_pages": pages})
        data = pdf.print(html)
        counted = annex_page_count(data)
        if counted == pages:
            break
        pages = counted
    return html, data


def write_letter(html: str, data: bytes | None, stem: str, out_dir: Path) -> dict[str, str]:
    """Write the HTML (and the PDF when there is one); return {file name: SHA-256}."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {f"{stem}.html": html.encode("utf-8")}
    if data is not None:
        files[f"{stem}.pdf"] = data
    for name, content in files.items():
        (out_dir / name).write_bytes(content)
    return {name: hashlib.sha256(content).hexdigest() for name, content in files.items()}


def _rows(store: Store, draft: Draft, blocking: dict[str, list[Letter]],
          packs: PackShelf) -> list[dict]:
    if draft.letter_type == "delisting":
        return [delisting_row(store, s, blocking[s.id]) for s in draft.sites]
    return [site_row(store, s, packs.ref(s.domain)) for s in draft.sites]


def build_letters(store: Store, config: Config, out_dir: Path, day: date | None = None,
                  pdf=None) -> list[Letter]:
    """Plan, number, render and register the letters now due; return them."""
    day = day or date.today()
    letterhead(config, config.letters.ministry_lang)  # a bad emblem stops before any file
    register = Register(store)
    drafts = plan_letters(store, config, register)
    blocking = register.blocking()
    packs = PackShelf(store, config.var_dir, out_dir / "evidence", signer(config),
                      tsa_of(config))
    letters = []
    for draft, number in zip(drafts, register.numbers(config, day), strict=False):
        context = letter_context(config, draft, number, day,
                                 _rows(store, draft, blocking, packs))
        letters.append(register_letter(store, draft, number, day,
                                       print_letter(TEMPLATES[draft.letter_type], draft.lang,
                                                    context, pdf), out_dir))
    store.refresh()
    return letters


def register_letter(store: Store, draft: Draft, number: str, day: date,
                    printed: tuple[str, bytes | None], out_dir: Path) -> Letter:
    """Write a printed letter's files (HTML, PDF), register it, and note its number on its
    sites."""
    letter = Letter(number=number, date=day.isoformat(), letter_type=draft.letter_type,
                    recipient=draft.recipient, recipient_emails=recipient_emails(draft),
                    lang=draft.lang, site_ids=[s.id for s in draft.sites],
                    files=write_letter(*printed, file_stem(number, draft.lang), out_dir))
    store.put_letters([letter])
    for site in draft.sites:
        site.letters = [*site.letters, number]
    store.put_sites(draft.sites)
    return letter


def get_letter(store: Store, number: str) -> Letter:
    """The registered letter numbered `number`; raise LetterError if there is none."""
    letter = store.get_letter(stable_id("letter", number))
    if letter is None:
        raise LetterError(f"no letter numbered {number!r}; see `fraudwatch letters list`")
    return letter


def letter_action(status: str) -> Action:
    """The audit-log action for a letter moved to `status`."""
    return Action.BLOCKED if status == "blocked" else Action(f"letter_{status}")


def record_decision(letter: Letter, number: str, day: str, org: str) -> None:
    """Keep the recipient's decision on `letter`; an earlier, different decision is never
    rewritten (LetterError)."""
    if letter.decision_number and letter.decision_number != number:
        raise LetterError(f"{letter.number} already has decision {letter.decision_number} of "
                          f"{letter.decision_date}; a decision is never rewritten")
    letter.decision_number, letter.decision_date, letter.decision_org = number, day, org


def mark_letter(store: Store, number: str, status: str, user: str,
                decision: tuple[str, str, str] | None = None) -> Letter:
    """Move a letter to `status`, log it per site; `blocked` also marks its sites blocked.
    `decision` (number, day, issuing body) records the recipient's decision on it."""
    if status not in STATUSES:
        raise LetterError(f"unknown status {status!r}; use {', '.join(STATUSES)}")
    letter = get_letter(store, number)
    comment = number
    if decision:
        record_decision(letter, *decision)
        comment = f"{number}; decision {decision[0]} of {decision[1]}"
    letter.status = status
    store.put_letters([letter])
    audit.record(store, letter.site_ids, letter_action(status), comment, user=user)
    if status == "blocked":
        sites = store.get_sites(letter.site_ids)
        for site in sites:
            site.status = "blocked"
        store.put_sites(sites)
    store.refresh()
    return letter

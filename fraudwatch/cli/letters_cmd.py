"""`fraudwatch letters build|list|show|mark|cases|contacts|rdap-bootstrap`: takedown letters,
their register and the abuse contacts they are addressed to."""

from __future__ import annotations

import contextlib
import getpass
import json
from datetime import UTC, date, datetime
from pathlib import Path

import click

from fraudwatch.cli.progress import progress_bar
from fraudwatch.store import StoreError
from takedown.letters import STATUSES, LetterError, build_letters, get_letter, mark_letter
from takedown.network_letter import build_network_letter
from takedown.render import LANGS
from takedown.signing import SigningKeyError


@click.group("letters")
def letters() -> None:
    """Blocking requests, abuse notices and delisting letters, and their register."""


@letters.command("build")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the letter files (default: <var_dir>/letters).")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Letter date, YYYY-MM-DD (default: today).")
@click.option("--no-pdf", is_flag=True, help="Write HTML only, without starting Chromium.")
@click.option("--network", "network_id", default=None, metavar="NETWORK_ID",
              help="Instead: one blocking request for the confirmed members of this network, "
                   "with members under review in a separate section and the shared "
                   "fingerprints as evidence.")
@click.option("--lang", type=click.Choice(LANGS), default=None,
              help="Language of the --network letter (default: letters.ministry_lang).")
@click.option("--again", is_flag=True,
              help="With --network: request again the members an earlier request listed.")
@click.pass_obj
def build(obj, out_dir: Path | None, day, no_pdf: bool, network_id: str | None,
          lang: str | None, again: bool) -> None:
    """Write the letters that confirmed or delisted sites call for, and register them."""
    from takedown.evidence import EvidenceError
    from takedown.letterhead import LetterheadError
    from takedown.render_pdf import PdfRenderer

    out_dir = out_dir or obj.config.var_dir / "letters"
    day = day.date() if day else date.today()
    pdf = contextlib.nullcontext() if no_pdf else PdfRenderer(obj.config)
    with obj.store(LetterError, SigningKeyError, LetterheadError, EvidenceError) as store, \
            pdf as renderer:
        if network_id:
            made = [build_network_letter(store, obj.config, network_id, out_dir, day, lang,
                                         renderer, again)]
        else:
            made = build_letters(store, obj.config, out_dir, day, renderer)
    for letter in made:
        click.echo(f"{letter.number}\t{letter.letter_type}\t{letter.recipient}\t"
                   f"{len(letter.site_ids)} sites\t{', '.join(letter.files)}")
    click.echo(f"{len(made)} letters in {out_dir}", err=True)


@letters.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only letters in this status.")
@click.pass_obj
def list_letters(obj, status: str | None) -> None:
    """The letter register: number, date, type, status, recipient, number of sites, and the
    recipient's abuse e-mails (abuse notices)."""
    with obj.store(existing=True) as store:
        for letter in sorted(store.iter_letters(), key=lambda lt: lt.number):
            if status is None or letter.status == status:
                click.echo(f"{letter.number}\t{letter.date}\t{letter.letter_type}\t"
                           f"{letter.status}\t{letter.recipient}\t{len(letter.site_ids)}\t"
                           f"{', '.join(letter.recipient_emails)}")


@letters.command("show")
@click.argument("number")
@click.pass_obj
def show(obj, number: str) -> None:
    """One letter as JSON, with its sites' domains and its files' SHA-256."""
    with obj.store(LetterError, existing=True) as store:
        letter = get_letter(store, number)
        doc = letter.to_doc()
        doc["domains"] = [store.get_site(sid).domain for sid in letter.site_ids]
    click.echo(json.dumps(doc, ensure_ascii=False, indent=2))


@letters.command("mark")
@click.argument("number")
@click.option("--status", required=True, type=click.Choice(STATUSES), help="The new status.")
@click.option("--user", default=None, help="Who records it (default: the login name).")
@click.option("--decision", "decision_number", default=None, metavar="NUMBER",
              help="The recipient's decision on this request, as its reply numbers it; the "
                   "block list and the ISP registry carry it. Never rewritten once recorded.")
@click.option("--decision-date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Day of that decision (default: today).")
@click.option("--decision-org", default=None,
              help="Body that took the decision (default: the letters.ministry setting).")
@click.pass_obj
def mark(obj, number: str, status: str, user: str | None, decision_number: str | None,
         decision_date, decision_org: str | None) -> None:
    """Record that letter NUMBER was sent, acknowledged, or its sites blocked, and the
    recipient's decision on it."""
    decision = None
    if decision_number:
        day = (decision_date or datetime.now(UTC)).date().isoformat()
        decision = (decision_number.strip(), day, decision_org or obj.config.letters.ministry)
    elif decision_date or decision_org:
        raise click.UsageError("--decision-date and --decision-org go with --decision NUMBER")
    with obj.store(LetterError, existing=True) as store:
        letter = mark_letter(store, number, status, user or getpass.getuser(), decision)
    click.echo(f"{letter.number}: {letter.status} ({len(letter.site_ids)} sites)"
               + (f", decision {letter.decision_number} of {letter.decision_date}"
                  if letter.decision_number else ""))


@letters.command("cases")
@click.option("--overdue", "only_overdue", is_flag=True, help="Only overdue cases.")
@click.pass_obj
def cases(obj, only_overdue: bool) -> None:
    """Takedown cases: stage and days to block per site, the median, and overdue cases."""
    from takedown.lifecycle import summary

    with obj.store(existing=True) as store:
        report = summary(store, obj.config)
    shown = report["overdue"] if only_overdue else report["cases_list"]
    for case in shown:
        days = "" if case.days_to_block is None else f"{case.days_to_block:.1f}"
        click.echo(f"{case.domain}\t{case.stage}\t{days}")
    median = report["median_days_to_block"]
    click.echo(f"{report['cases']} cases, {len(report['overdue'])} overdue, median days to "
               f"block: {'-' if median is None else f'{median:.1f}'}", err=True)


@letters.command("contacts")
@click.argument("domain", required=False)
@click.option("--fill", is_flag=True,
              help="Store registrar, hosting provider and their abuse e-mails on sites "
                   "(default: confirmed sites still due an abuse notice that lack one).")
@click.option("--all", "every", is_flag=True, help="With --fill: every site in the store.")
@click.option("--refresh", is_flag=True,
              help="With --fill: replace names and e-mails already on the sites (also "
                   "reviewer-typed ones) with what RDAP says.")
@click.option("--registrar", help="Type DOMAIN's registrar by hand (where RDAP has none).")
@click.option("--registrar-abuse", metavar="EMAIL", help="Type the registrar's abuse e-mail.")
@click.option("--hosting", help="Type DOMAIN's hosting provider by hand.")
@click.option("--hosting-abuse", metavar="EMAIL", help="Type the host's abuse e-mail.")
@click.option("--user", default=None, help="Who types them (default: the login name).")
@click.pass_obj
def contacts(obj, domain: str | None, fill: bool, every: bool, refresh: bool, **typed) -> None:
    """Abuse contacts of DOMAIN: registrar and networks (RDAP) and DNS records, as JSON.

    With --fill, write them onto the sites in the store instead (only DOMAIN's site when one
    is given), one line per site and a summary; exit 1 if any look-up failed. With
    --registrar, --hosting and their --…-abuse e-mails, store contacts typed by hand on
    DOMAIN's site (for a TLD without RDAP, such as .kz)."""
    from takedown.contacts.dns import DnsUnanswered
    from takedown.contacts.lookup import ContactFinder
    from takedown.contacts.rdap import RdapError

    user = typed.pop("user")
    if any(typed.values()):
        if fill or every or refresh or not domain:
            raise click.UsageError("typed contacts go with one DOMAIN, without --fill")
        _type_contacts(obj, domain, typed, user or getpass.getuser())
        return
    if not fill:
        if every or refresh:
            raise click.UsageError("--all and --refresh go with --fill")
        if domain is None:
            raise click.UsageError("give a DOMAIN, or --fill to fill the sites in the store")
        try:
            found = ContactFinder.from_config(obj.config).domain(domain)
        except (RdapError, DnsUnanswered) as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if domain and every:
        raise click.UsageError("give a DOMAIN or --all, not both")
    try:
        finder = ContactFinder.from_config(obj.config)
    except RdapError as exc:
        raise click.ClickException(str(exc)) from exc
    failed = _fill_contacts(obj, finder, domain, every, refresh)
    if failed:
        click.get_current_context().exit(1)


def _type_contacts(obj, domain: str, typed: dict, user: str) -> None:
    """Store contacts typed by hand on DOMAIN's site, with an audit-log entry."""
    from takedown import audit
    from takedown.contacts.fill import FillError, type_contacts

    try:
        with obj.open_store() as store:
            site = store.get_site_by_domain(domain)
            if site is None:
                raise click.ClickException(f"no site {domain!r} in the store")
            changes = type_contacts(site, typed)
            if changes:
                store.put_sites([site])
                audit.record(store, [site.id], "comment",
                             "contacts typed: " + "; ".join(changes), user=user)
                store.refresh()
    except (StoreError, FillError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{site.domain}\t" + ("; ".join(changes) or "unchanged"))


def _fill_contacts(obj, finder, domain: str | None, every: bool, refresh: bool) -> int:
    """Run `letters contacts --fill`; return the number of failed look-ups."""
    from takedown.contacts.fill import fill_contacts, sites_to_fill

    try:
        with obj.open_store() as store, progress_bar(not obj.quiet, "contacts") as bar:
            if domain:
                site = store.get_site_by_domain(domain)
                if site is None:
                    raise click.ClickException(f"no site {domain!r} in the store")
                sites = [site]
            else:
                sites = sites_to_fill(store, every)
            done = []

            def report(outcome) -> None:
                if outcome.status == "failed":
                    detail = outcome.reason
                else:
                    detail = "; ".join(filter(None, [", ".join(outcome.changes),
                                                     *outcome.notes]))
                click.echo(f"{outcome.status}\t{outcome.domain}\t{detail}")
                done.append(outcome)
                bar(len(done), len(sites))

            outcomes = fill_contacts(store, finder, sites, refresh, progress=report,
                                     workers=obj.config.contacts.workers)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    counts = {status: sum(o.status == status for o in outcomes)
              for status in ("filled", "unchanged", "failed")}
    click.echo(f"filled {counts['filled']}, unchanged {counts['unchanged']}, "
               f"failed {counts['failed']}")
    return counts["failed"]


@letters.command("rdap-bootstrap")
@click.option("--from", "source", default=None, metavar="URL",
              help="Where IANA's dns.json, ipv4.json and ipv6.json are "
                   "(default: contacts.bootstrap_url).")
@click.pass_obj
def rdap_bootstrap(obj, source: str | None) -> None:
    """Fetch IANA's RDAP bootstrap registries, which name the RDAP server of each TLD and
    address block, into VAR_DIR/cache/rdap (look-ups fetch them too, once they are 30 days
    old). Prints what they cover and which TLDs go to WHOIS instead."""
    from takedown.contacts import bootstrap, whois

    folder = obj.config.var_dir / "cache" / "rdap"
    try:
        found = bootstrap.fetch(source or obj.config.contacts.bootstrap_url, folder)
        servers = whois.parse_servers(obj.config.contacts.whois_servers)
    except (bootstrap.BootstrapError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    tlds = sum(len(keys) for keys, _urls in found.dns)
    click.echo(f"{folder}: {tlds} TLDs and {sum(len(k) for k, _u in found.ip)} address "
               f"blocks with RDAP (published {found.publication or 'undated'})")
    for tld, (host, port) in sorted(servers.items()):
        rdap_base = found.domain_server(f"x.{tld}")
        click.echo(f".{tld}: " + (f"RDAP {rdap_base} (contacts.whois_servers not needed)"
                                  if rdap_base else f"no RDAP; WHOIS {host}:{port}"))


def register(main: click.Group) -> None:
    main.add_command(letters)

"""Exports of the block list: CSV, JSON, STIX 2.1 (stix2), registry XML, X-ARF v4 (schema)."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import jsonschema
import pytest
import referencing
import stix2
from click.testing import CliRunner
from stix2patterns.validator import validate
from stix2validator import ValidationOptions, validate_string

from fraudwatch.cli import main
from fraudwatch.review import review_site
from fraudwatch.store import Site
from takedown.exports.blocklist import block_list
from takedown.exports.formats import export_block_list
from takedown.exports.tabular import to_csv
from takedown.letters import LetterError, build_letters, mark_letter
from tests.paths import ROOT

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
# The official X-ARF v4 schemas (xarf/xarf-spec, MIT), kept beside the project, never in it
XARF_SPECS = [Path(p) for p in (os.environ.get("XARF_SPEC", ""),) if p] + [
    ROOT.parent / "shared" / "xarf-spec", Path("/work/shared/xarf-spec")]


def official_xarf_validator() -> jsonschema.Draft202012Validator:
    """A validator of the official v4 master schema, every type schema registered by its $id."""
    spec = next((p / "schemas" / "v4" for p in XARF_SPECS if (p / "schemas" / "v4").is_dir()),
                None)
    if spec is None:
        pytest.skip("the official X-ARF schemas are not beside the project (set XARF_SPEC)")
    schemas = [json.loads(f.read_text()) for f in spec.glob("**/*.json")]
    registry = referencing.Registry().with_resources(
        (doc["$id"], referencing.Resource.from_contents(doc)) for doc in schemas)
    master = next(doc for doc in schemas if doc["$id"].endswith("/xarf-v4-master.json"))
    return jsonschema.Draft202012Validator(master, registry=registry,
                                           format_checker=jsonschema.FormatChecker())


MINISTRY = "Министерство цифрового развития"


def ministry_decides(store, letter_type: str, day: str) -> None:
    """The ministry's reply to each request of `letter_type`: a decision numbered its way."""
    for letter in list(store.iter_letters()):
        if letter.letter_type == letter_type and not letter.decision_number:
            mark_letter(store, letter.number, "acknowledged", "clerk",
                        (f"14-{letter.number[-3:]}/МЦРИАП", day, MINISTRY))


@pytest.fixture
def decided(confirmed_store, config, tmp_path):
    """Letters sent for all three sites and decided on, then profit-daily.com delisted after
    an appeal (and that decided on too)."""
    build_letters(confirmed_store, config, tmp_path / "letters", date(2026, 11, 20))
    ministry_decides(confirmed_store, "blocking", "2026-11-21")
    review_site(confirmed_store, "profit-daily.com", "owner", "appeal", "we are licensed")
    review_site(confirmed_store, "profit-daily.com", "serik", "delist", "licence confirmed")
    confirmed_store.refresh()
    build_letters(confirmed_store, config, tmp_path / "letters", date(2026, 11, 24))
    ministry_decides(confirmed_store, "delisting", "2026-11-25")
    return confirmed_store


def test_csv_and_json_list_the_sites_to_block_now_with_their_decision(decided, config):
    rows = list(csv.DictReader(io.StringIO(export_block_list(decided, config, "csv", NOW))))
    # profit-daily.com was delisted: it is no longer on the list to block
    assert [r["domain"] for r in rows] == ["altyn-kazino.kz", "xn--80aqafcvdp.kz"]
    assert rows[0]["request_number"] == "FW-2026/00001" and rows[0]["block_type"] == "domain"
    assert (rows[0]["decision_number"], rows[0]["decision_date"], rows[0]["decision_org"]) == (
        "14-001/МЦРИАП", "2026-11-21", MINISTRY)
    doc = json.loads(export_block_list(decided, config, "json", NOW))
    assert doc["count"] == 2 and doc["entries"][1]["domain_unicode"] == "займбыстро.kz"
    assert not export_block_list(decided, config, "csv", NOW).startswith("\ufeff")


def test_changes_list_additions_and_removals_since_a_day(decided, config):
    rows = list(csv.DictReader(io.StringIO(export_block_list(decided, config, "changes", NOW))))
    assert {(r["change"], r["domain"]) for r in rows} == {
        ("added", "altyn-kazino.kz"), ("added", "profit-daily.com"),
        ("added", "xn--80aqafcvdp.kz"), ("removed", "profit-daily.com")}
    [removed] = [r for r in rows if r["change"] == "removed"]
    assert removed["removal_number"] == "14-008/МЦРИАП" and removed["removal_reason"]
    later = removed["at"][:10]
    assert [(r["change"], r["domain"]) for r in csv.DictReader(io.StringIO(
        export_block_list(decided, config, "changes", NOW, since=later)))
        if r["at"][:10] < later] == []


def test_excel_csv_has_a_bom_and_no_live_formulas(decided, config):
    text = export_block_list(decided, config, "csv", NOW, excel=True)
    assert text.startswith("\ufeff")
    entry = block_list(decided)[0]
    entry.domain_unicode = "=HYPERLINK(\"http://x\")"
    [row] = list(csv.DictReader(io.StringIO(to_csv([entry]))))
    assert row["domain_unicode"] == "'=HYPERLINK(\"http://x\")"


def test_stix_bundle_parses_with_valid_patterns_networks_and_sightings(decided, config):
    text = export_block_list(decided, config, "stix", NOW)
    bundle = stix2.parse(text, allow_custom=False)
    by_type: dict[str, list] = {}
    for obj in bundle.objects:
        by_type.setdefault(obj.type, []).append(obj)
    patterns = {i.pattern for i in by_type["indicator"]}
    assert "[domain-name:value = 'altyn-kazino.kz']" in patterns
    assert "[url:value = 'https://altyn-kazino.kz/']" in patterns
    for pattern in patterns:
        assert validate(pattern, stix_version="2.1", print_errs=False) is True
    [network] = by_type["infrastructure"]
    assert network.name == "operator network net-casino-1"
    assert {r.target_ref for r in by_type["relationship"]} == {network.id}
    assert len(by_type["relationship"]) == 2
    assert len(by_type["sighting"]) == 3
    revoked = {i.name for i in by_type["indicator"] if i.revoked}
    assert revoked == {"profit-daily.com", "https://profit-daily.com/"}
    assert stix2.parse(export_block_list(decided, config, "stix", NOW)).objects[1].id == \
        bundle.objects[1].id


def test_stix_bundle_passes_the_oasis_validator_with_interop(decided, config):
    text = export_block_list(decided, config, "stix", NOW)
    result = validate_string(text, ValidationOptions(interop=True))
    errors, warnings = [str(e) for e in result.errors], [str(w) for w in result.warnings or ()]
    assert (errors, warnings) == ([], []) and result.is_valid
    objects = json.loads(text)["objects"]
    green = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"  # TLP:GREEN (TLP 2.0)
    assert all(o["object_marking_refs"] == [green] for o in objects)
    described = {o["name"]: o["description"] for o in objects if o["type"] == "indicator"}
    assert "illegal casino site" in described["https://altyn-kazino.kz/"]
    assert "casino." not in " ".join(described.values())  # sign names, never sign ids


def read_dump(text: str) -> dict:
    """The dump read the way public dump.xml parsers read it: root times to the second, every
    element with an id an integer, each content's entryType, urgencyType, includeTime,
    blockType and hash, its decision and the URLs, domains and IPs to block."""
    root = ET.fromstring(text.encode())
    times = [datetime.strptime(root.attrib[name][:19], "%Y-%m-%dT%H:%M:%S")
             for name in ("updateTime", "updateTimeUrgently")]
    contents = {}
    for content in root.findall(".//*[@id]"):
        decision = content.find("decision")
        contents[int(content.attrib["id"])] = {
            "entryType": int(content.attrib["entryType"]),
            "urgencyType": int(content.attrib.get("urgencyType", 0)),
            "includeTime": datetime.strptime(content.attrib["includeTime"],
                                             "%Y-%m-%dT%H:%M:%S"),
            "blockType": content.attrib.get("blockType", "default"),
            "hash": content.attrib["hash"],
            "decision": (decision.attrib["date"], decision.attrib["number"],
                         decision.attrib["org"]),
            "url": [u.text for u in content.iter("url")],
            "domain": [d.text for d in content.iter("domain")],
            "ip": [i.text for i in content.iter("ip")]}
    return {"root": root, "times": times, "contents": contents}


def test_registry_dump_reads_as_dump_parsers_read_it(decided, config):
    # A site on another's address: shared hosting, which must not be blocked whole
    decided.put_sites([Site(domain="neighbour-shop.kz", ip="185.22.64.10", category="legit",
                            verdict="clean")])
    decided.refresh()
    dump = read_dump(export_block_list(decided, config, "registry", NOW))
    assert dump["root"].tag.startswith("{") and dump["times"][0] == NOW.replace(tzinfo=None)
    by_domain = {c["domain"][0]: c for c in dump["contents"].values()}
    assert sorted(by_domain) == ["altyn-kazino.kz", "xn--80aqafcvdp.kz"]
    casino = by_domain["altyn-kazino.kz"]
    assert casino["decision"] == ("2026-11-21", "14-001/МЦРИАП", MINISTRY)
    assert casino["blockType"] == "domain" and casino["entryType"] == 1
    assert casino["url"] == ["https://altyn-kazino.kz/"]
    assert casino["ip"] == []  # 185.22.64.10 also hosts neighbour-shop.kz
    assert by_domain["xn--80aqafcvdp.kz"]["ip"]  # an address of its own is listed
    again = read_dump(export_block_list(decided, config, "registry", NOW))
    assert set(again["contents"]) == set(dump["contents"])  # ids are stable
    [removed] = dump["root"].findall("removed")
    assert removed.find("domain").text == "profit-daily.com"
    assert removed.find("decision").get("number") == "14-008/МЦРИАП"
    rows = list(csv.DictReader(io.StringIO(export_block_list(decided, config, "csv", NOW))))
    assert rows[0]["ips"] == "" and rows[0]["shared_ips"] == "185.22.64.10"


def test_the_registry_holds_only_what_the_ministry_decided_and_never_rewrites_it(
        confirmed_store, config, tmp_path):
    build_letters(confirmed_store, config, tmp_path / "letters", date(2026, 11, 20))
    root = ET.fromstring(export_block_list(confirmed_store, config, "registry", NOW).encode())
    assert root.findall("content") == []  # requested, not yet decided: nothing to block
    ministry_decides(confirmed_store, "blocking", "2026-11-21")
    dump = read_dump(export_block_list(confirmed_store, config, "registry", NOW))
    assert {c["decision"][1] for c in dump["contents"].values()} == {"14-001/МЦРИАП"}
    with pytest.raises(LetterError, match="never rewritten"):
        mark_letter(confirmed_store, "FW-2026/00001", "blocked", "clerk",
                    ("99/X", "2026-11-30", "X"))
    after = read_dump(export_block_list(confirmed_store, config, "registry", NOW))
    assert after["contents"] == dump["contents"]


def test_xarf_reports_pass_the_official_v4_schemas_with_hashed_evidence(decided, config):
    validator = official_xarf_validator()
    reports = [json.loads(line) for line in
               export_block_list(decided, config, "xarf", NOW).splitlines()]
    assert [r["source_identifier"] for r in reports] == ["altyn-kazino.kz", "xn--80aqafcvdp.kz"]
    for report in reports:
        assert list(validator.iter_errors(report)) == [], report["source_identifier"]
        for item in report["evidence"]:
            data = base64.b64decode(item["payload"])
            assert item["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert reports[0]["type"] == "fraud" and reports[0]["fraud_type"] == "other"
    assert reports[0]["domain"] == "altyn-kazino.kz"
    # The punycode domain does not fit the official pattern: it travels in the URL instead
    assert "domain" not in reports[1] and "xn--80aqafcvdp.kz" in reports[1]["url"]
    assert [e["content_type"] for e in reports[0]["evidence"]] == ["application/json",
                                                                   "image/png"]
    del reports[1]["fraud_type"]
    assert list(validator.iter_errors(reports[1]))


def test_cli_export_writes_a_file(confirmed_sqlite, tmp_path):
    env = {"FRAUDWATCH_STORE": confirmed_sqlite.url, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var")}
    out = tmp_path / "list.json"
    result = CliRunner().invoke(main, ["export", "--format", "json", "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["count"] == 3

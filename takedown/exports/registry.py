"""The block list as an ISP registry dump (XML) in the regional dump.xml layout.

The root `reg:register` (namespaced) carries `updateTime`, `updateTimeUrgently` and
`formatVersion`. One `<content>` per site the ministry decided on, with its decision (number,
date and body, as recorded from its reply: never our own request number), an integer `id`
(stable for a site), `includeTime` (seconds, no fraction), `entryType`, `urgencyType`,
`blockType` (default = listed URLs, domain, domain-mask, ip) and `hash`; inside it the URLs,
domains and IPs to block. An IP is listed only when it hosts that site alone: a shared
hosting address is never blocked whole. Delisted sites appear as `<removed>` entries naming
the content id they cancel (parsers that diff by id see the content gone as well).
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET

from takedown.exports.blocklist import Entry

FORMAT_VERSION = "2.4"
NAMESPACE = "urn:fraudwatch:register"
ENTRY_TYPE = "1"  # blocking by decision of the authorised body
URGENCY = "0"  # ordinary, not urgent: ISPs act within the usual time


def content_id(entry: Entry) -> str:
    """The site's integer content id: stable across dumps, from a hash of the site's id."""
    return str(int(hashlib.sha256(entry.site_id.encode()).hexdigest()[:15], 16))


def seconds(moment: str) -> str:
    """An ISO moment as YYYY-MM-DDTHH:MM:SS, the precision dump parsers read."""
    return moment[:19]


def content_hash(entry: Entry) -> str:
    """SHA-256 over what an ISP acts on, so a changed entry is seen as changed."""
    key = "|".join([entry.block_type, entry.decision_number, *entry.urls, entry.domain,
                    *entry.ips])
    return hashlib.sha256(key.encode()).hexdigest()


def _content(root: ET.Element, entry: Entry, issuer: str) -> None:
    content = ET.SubElement(root, "content", id=content_id(entry),
                            includeTime=seconds(entry.confirmed_at), entryType=ENTRY_TYPE,
                            urgencyType=URGENCY, blockType=entry.block_type,
                            hash=content_hash(entry), category=entry.category)
    ET.SubElement(content, "decision", date=entry.decision_date, number=entry.decision_number,
                  org=entry.decision_org or issuer)
    for url in entry.urls:
        ET.SubElement(content, "url").text = url
    mask = "*." if entry.block_type == "domain-mask" else ""
    ET.SubElement(content, "domain").text = mask + entry.domain
    for ip in entry.ips:
        ET.SubElement(content, "ip").text = ip


def _removed(root: ET.Element, entry: Entry, issuer: str) -> None:
    removed = ET.SubElement(root, "removed", contentId=content_id(entry),
                            removeTime=seconds(entry.removed_at))
    ET.SubElement(removed, "decision", date=entry.removed_at[:10], number=entry.removal_number,
                  org=issuer)
    ET.SubElement(removed, "domain").text = entry.domain


def to_registry(entries: list[Entry], issuer: str, update_time: str) -> str:
    """The XML dump of every entry the ministry decided on (a decision recorded with
    `letters mark … --decision N`), and of the removals of such entries."""
    ET.register_namespace("reg", NAMESPACE)
    moment = seconds(update_time)
    root = ET.Element(f"{{{NAMESPACE}}}register", updateTime=moment,
                      updateTimeUrgently=moment, formatVersion=FORMAT_VERSION)
    for entry in entries:
        if entry.removed and entry.decision_number:
            _removed(root, entry, issuer)
        elif entry.decision_number:
            _content(root, entry, issuer)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"

"""The block list as an ISP registry dump (XML), in the style regional regulators publish.

One `<content>` per site and decision: the decision (date, number, issuing body), the block
type (default = listed URLs, domain, domain-mask, ip) and the URLs, domains and IPs to block.
Delisted sites appear as `<removed>` entries naming the content they cancel.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET

from takedown.exports.blocklist import Entry

FORMAT_VERSION = "1.0"


def content_hash(entry: Entry) -> str:
    """SHA-256 over what an ISP acts on, so a changed entry is seen as changed."""
    key = "|".join([entry.block_type, entry.decision_number, *entry.urls, entry.domain,
                    *entry.ips])
    return hashlib.sha256(key.encode()).hexdigest()


def _content(root: ET.Element, entry: Entry, issuer: str) -> None:
    content = ET.SubElement(root, "content", id=entry.site_id, includeTime=entry.confirmed_at,
                            blockType=entry.block_type, category=entry.category,
                            hash=content_hash(entry))
    ET.SubElement(content, "decision", date=entry.decision_date, number=entry.decision_number,
                  org=issuer)
    for url in entry.urls:
        ET.SubElement(content, "url").text = url
    mask = "*." if entry.block_type == "domain-mask" else ""
    ET.SubElement(content, "domain").text = mask + entry.domain
    for ip in entry.ips:
        ET.SubElement(content, "ip").text = ip


def _removed(root: ET.Element, entry: Entry, issuer: str) -> None:
    removed = ET.SubElement(root, "removed", contentId=entry.site_id, removeTime=entry.removed_at)
    ET.SubElement(removed, "decision", date=entry.removed_at[:10], number=entry.removal_number,
                  org=issuer)
    ET.SubElement(removed, "domain").text = entry.domain


def to_registry(entries: list[Entry], issuer: str, update_time: str) -> str:
    """The XML dump of every entry that has a decision (a blocking request's number)."""
    root = ET.Element("register", updateTime=update_time, formatVersion=FORMAT_VERSION,
                      issuer=issuer)
    for entry in entries:
        if entry.removed:
            _removed(root, entry, issuer)
        elif entry.decision_number:
            _content(root, entry, issuer)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"

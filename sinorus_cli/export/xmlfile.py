"""XML written from untrusted text: one rule for every XML file sinorus writes.

Titles, speakers, claims and memos come from the open web and from other people's folders. A single
character that XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) makes the whole file unreadable, and
ElementTree writes such characters as they are. Every writer builds its tree and hands it here, so no
field can be forgotten: each text, tail, attribute name and value passes through `escapes.xml_text`.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..escapes import xml_text


def made_safe(root: ET.Element) -> ET.Element:
    """The tree with every character XML 1.0 forbids replaced by U+FFFD, in place; returns `root`."""
    for element in root.iter():
        if element.text:
            element.text = xml_text(element.text)
        if element.tail:
            element.tail = xml_text(element.tail)
        for name, value in list(element.attrib.items()):
            element.attrib[name] = xml_text(value)
    return root


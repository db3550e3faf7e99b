"""Views of unnamed others a sentence reports ("some analysts argue", "critics say", "it is often claimed").

Such a view is 'others', unless the same sentence answers it ("..., but ...") or calls it mistaken.
"""

from __future__ import annotations

import re

from .cues import ENDORSEMENT
from .wordforms import alternatives, inflections, word_list

# Unnamed others whose view a sentence reports: who they are, and what they do with a view.
OTHERS_WHO = word_list("""
    analysts observers experts commentators critics skeptics sceptics pundits scholars hawks media
    politicians voices people writers strategists officials academics specialists researchers
    policymakers policy-makers diplomats journalists governments capitals leaders sinologists watchers
    russia-watchers china-watchers authors historians economists circles sources insiders reports outlets
    bankers traders investors executives businessmen residents locals
""")
# Base forms; the -s and -ed forms are derived. States of mind ("are convinced") count as views.
OTHERS_VERBS = word_list("""
    believe argue claim presume assume suggest contend insist predict fear worry warn speculate describe
    portray view call label expect hope allege maintain point note regard consider question doubt wonder
    dismiss caution characterize characterise equate interpret disagree express raise see_it report
""")
OTHERS_IRREGULAR = word_list("""
    think thinks thought see sees saw say says said tell tells told convinced worried concerned afraid
    split divided
""")

# What others do to a view they hold most strongly: counted only where "others" or "some" say it, as a "they" may
# stand for people named before ("they stressed that the treaty ...": the two presidents).
STRESSING = [f for b in word_list("emphasize emphasise stress underline highlight") for f in inflections(b)]

# Views of unnamed others, reported.
_WHO = alternatives(OTHERS_WHO)
_DO = alternatives([f for b in OTHERS_VERBS for f in inflections(b)] + OTHERS_IRREGULAR)
REPORTED = re.compile(
    rf"\b(?:some|many|several|most|other|certain|western|american|european|foreign|chinese|russian|indian|"
    rf"skeptical|sceptical|hawkish|liberal|conservative|numerous|a\s+number\s+of|a\s+few)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_WHO}\b(?:\s+[\w-]+){{0,3}}?\s+(?:(?:have|had|are|were|[a-z]+ly)\s+)*{_DO}\b"
    rf"|^(?:[\w-]+,?\s+)?(?:they|others|some|many|critics|skeptics|sceptics|{_WHO})\s+(?:[\w-]+\s+){{0,2}}?{_DO}\b"
    # others who stress a view ("Still others emphasised that"): not "they", who may be two leaders named before
    rf"|^(?:[\w-]+,?\s+)?(?:others|some|many)\s+(?:[\w-]+\s+){{0,2}}?{alternatives(STRESSING)}\b"
    rf"|\b(?:an?|one|another)\s+(?:(?:[\w-]+\s+){{0,3}}?(?:anonymous|unnamed|unidentified|senior|western|"
    rf"chinese|russian|american|military|government)\s+(?:[\w-]+\s+){{0,2}}?)?(?:expert|official|diplomat|"
    rf"source|analyst|observer|insider)\b[^,.]{{0,40}}?\s+(?:said|says|told|added|noted|revealed)\b"
    # a bare group after what it holds (", analysts said.", ", experts say, as ..."), as wire copy writes it
    rf"|,\s*(?:[a-z]+\s+)?{_WHO}\s+(?:have\s+|had\s+)?(?:said|say|says|believe|believes|argue|argued|noted|warned"
    r"|suggest|suggested|told\s+\w+|added|point\s+out|pointed\s+out)\b(?=\s*[,.;]|\s*$)"
    # one of them quoted by a publication ("the paper quoted an unnamed analyst as saying")
    r"|\b(?:quoted|quoting|cited|citing)\s+(?:an?|one|another|several|some)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:experts?|officials?|diplomats?|sources?|analysts?|observers?|insiders?)\s+as\s+(?:saying|stating|arguing)\b"
    # a perspective ("For many in the West,", "To some,"); not a time or a count ("For many years,")
    r"|^(?:for|to|in the view of) [^,]{0,40}\b(?:many|some|most|western|critics|observers|analysts)\b"
    r"(?!\s+(?:years?|decades?|months?|weeks?|days?|times?|centuries|generations?|reasons?|ways?|of\s+(?:the|its)\b))"
    r"[^,]*,"
    r"|\bit\s+(?:is|has\s+been|was)\s+(?:often\s+|widely\s+|commonly\s+|frequently\s+|sometimes\s+|generally\s+"
    r"|also\s+)?(?:said|argued|claimed|believed|assumed|suggested|thought|feared|alleged|asserted|maintained"
    r"|reported|mentioned|rumou?red)\b"
    r"|\b(?:conventional wisdom|received wisdom|in the eyes of|many in the west|the prevailing view|"
    r"a common view|a widespread view|the popular view|the dominant narrative|the common narrative|"
    r"no dearth of opinions|there\s+(?:is|has\s+been)\s+(?:\w+\s+)?(?:a\s+)?talk\s+of)\b"
    r"|\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:often\s+|widely\s+|commonly\s+|frequently\s+|"
    r"sometimes\s+|being\s+)?(?:portrayed|depicted|painted|described|seen|viewed|regarded|perceived|deemed|"
    r"characteri[sz]ed|compared)\s+(?:by\s+\w+\s+)?(?:as|to)\b"
    rf"|\baccording\s+to\s+(?:[\w-]+\s+){{0,2}}?{_WHO}\b"
    r"|\baccording\s+to\s+them\b|\bin\s+their\s+(?:view|words|opinion|eyes)\b"
    rf"|\b(?:described|seen|viewed|portrayed|called|labell?ed|dubbed|branded)\s+by\s+(?:[\w-]+\s+){{0,2}}?{_WHO}\b"
    r"|\b(?:has|have|had|’ve|'ve)\s+been\s+(?:widely\s+|often\s+)?(?:called|dubbed|labell?ed|branded)\b"
    r"|\bthere\s+(?:is|are)\s+(?:a\s+)?(?:growing\s+)?(?:fears?|concerns?|speculation|suspicions?)\b"
    # a view stated as a noun, held by nobody named: "One of the main criticisms of the policy is that ..."
    # (not "My main concern is that ...": the author's own)
    r"|(?:^|[,;]\s*)(?:(?:one|some)\s+of\s+the\s+(?:\w+\s+){0,2}|the\s+(?:main|chief|usual|common|standard|"
    r"most\s+common|familiar|prevailing)\s+)(?:criticisms?|complaints?|concerns?|arguments?|objections?|fears?|"
    r"claims?|assumptions?|worries)\b[^.;:]{0,160}?\b(?:is|are|was|were)\s+that\b"
    # fears that grow with nobody named as holding them: "fears grow in Brussels that ..."
    r"|\b(?:fears?|concerns?|worries|suspicions?|speculation)\s+(?:have\s+|has\s+|are\s+|is\s+)?"
    r"(?:grow|grows|grew|grown|growing|mount|mounts|mounted|mounting|rise|rises|rose|risen|heighten\w*|"
    r"deepen\w*|linger\w*|persist\w*)\b[^.;]{0,60}?\bthat\b",
    re.IGNORECASE,
)
# A reported view answered in the same sentence is the author's point.
ANSWERED = re.compile(
    r"[,;]\s*(?:but|yet|however)\b|\b(?:wrongly|mistakenly|erroneously|falsely|naively|myths?|misread\w*|"
    r"misunderst\w*|misguided|unfounded|baseless|groundless)\b",
    re.IGNORECASE,
)


def reported_others(sentence: str) -> str:
    """The words that report a view of unnamed others the sentence does not answer, or ''."""
    match = REPORTED.search(sentence)
    if not match or ENDORSEMENT.search(sentence) or ANSWERED.search(sentence, match.end()):
        return ""
    return match.group()

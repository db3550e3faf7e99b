"""What turns a codebook cue round: negations and their scope, read as a linguist would.

A negation shortly before a cue in its clause ("will not form an alliance", "partners, not allies"), or
a negated predicate right after it ("an alliance is not on the cards"), flips it; an end asked for
("urged Beijing to halt"), a condition contrary to fact ("Without trust, they could never have ...")
and a verb of opposing before what the partners stand against ("oppose hegemonism") do not. Each rule
is a named pattern here; `rules.py` applies them.
"""

from __future__ import annotations

import re

# Calling a view far from reality or the truth rejects it (rules.REJECTION): no negation of what follows.
FAR_FROM_THE_TRUTH = r"far from (?:the )?(?:reality|truth)\b"
# Verbs of standing against something: negations, except before what the partners stand against (below).
_OPPOSING = r"refuses? to|refused to|rejects?|rejected|rejecting|opposes?|opposed to|avoids?|avoided"
# Verbs of harming: what they harm is denied ("undermining trust"), not what they harm it with (MEANS).
_HARMING = (
    r"undermin\w*|jeopardi[sz]\w*|damag\w*|weaken\w*|hinder\w*|imped\w*|preclud\w*|constrain\w*|"
    r"harm(?:s|ed|ing)?|hurt(?:s|ing)?|(?:negatively|adversely) affect\w*"
)
# A negation scopes over the next few words of its clause.
NEGATION = re.compile(
    # not "no-limits", a compound ("their no-limits partnership" affirms it)
    # not "little short of" or "nothing short of", which come as close as can be
    # not "not the last", which says more will come ("will not be the last arms Moscow sells")
    r"\b(?:not(?!\s+(?:be\s+|been\s+)?the\s+last\b)|no(?!-)|never|neither|nor|without|cannot|hardly|"
    rf"(?!{FAR_FROM_THE_TRUTH})far from|"
    r"rather than|instead of|"
    # a label held at arm's length: "the so-called alliance", "a tie that is supposed to be eternal"
    r"so-called|(?:is|are|was|were)\s+supposed\s+to\s+be|"
    r"(?<!little\s)(?<!nothing\s)short of|"
    # what is doubted ("doubts about the sustainability of the deal"); not "doubt that", which may be "no doubt"
    r"doubts? (?:about|over|as to)|"
    r"lack of|lacks|absence of|nothing(?!\s+(?:but|short|less|if\s+not)\b)|no longer|none|\w+n[’']t|"
    r"no interest in|no intention of|no desire to|"
    rf"no plans? to|{_OPPOSING}|"
    # what was tried and not done ("failed to win backing", "was unable to persuade")
    r"fail(?:s|ed|ing)? to|failure to|unable to|"
    # what was brought to an end ("stopped accepting payments", "froze the contracts", "cancelled the deal")
    r"(?<!-)(?:stop(?:s|ped|ping)?|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|ceas(?:e|es|ed|ing)|froze|frozen|"
    r"freez(?:e|es|ing)|cancel(?:s|led|ed|ling)?|scrap(?:s|ped|ping)?|shelv(?:e|es|ed|ing)|abandon(?:s|ed|ing)?)|"
    # what has not happened so far ("has yet to sign a gas deal")
    r"(?:is|are|was|were|has|have|had)\s+yet\s+to|"
    r"rul(?:e|es|ed|ing) out|dismiss(?:es|ed|ing)?|den(?:y|ies|ied|ying)|"
    r"mitigat\w*|eas(?:e|ed|es|ing)|reduc\w*|overc[oa]m\w*|alleviat\w*|dispel\w*|defus\w*|"
    # Harming what a cue names denies it: "undermining trust"; "without undermining trust" affirms it.
    rf"{_HARMING})\b"
)
HARMING = re.compile(rf"\b(?:{_HARMING})\b")
# What a harm is done through is its means, not what it harms: "undermine US interests through joint vetoes"
# does not deny the vetoes.
MEANS = re.compile(r"\b(?:through|via|by)\b")
NEGATION_WORDS = 9
# Dwindling denies what dwindles, which follows at once ("shrinking economic ties", "a decline in arms sales"), not
# what comes after it ("shrinking trade and diverging views": the views are not denied twice).
# So does what there is little of ("limited strategic coordination", "infrequent dialogue"); not "limited by".
DWINDLING = re.compile(
    r"\b(?:shr[iau]nk\w*|declin(?:e|es|ed|ing)|dwindl\w*|diminish\w*|contraction of|wan(?:es|ed|ing)|"
    r"limited(?!\s+by\b)|scant|scarce|minimal|infrequent|sporadic|insufficient|superficial)\b"
)
DWINDLING_WORDS = 2
OPPOSING = re.compile(_OPPOSING)
# What the partners' statements say they stand against: to oppose it takes the side its word takes, not the
# other ("both oppose hegemonism" affirms the US factor as "hegemonism" does; "avoid bloc confrontation" denies
# an alliance as "bloc confrontation" does). A grammatical negation still turns it round ("no bloc confrontation").
OPPOSED_THING = re.compile(
    r"(?:\w+\s+){0,2}?(?:hegemon\w*|unipolar\w*|unilateralism|bloc confrontation|bloc mentality|cold war mentality|"
    r"zero-sum\b|containment|interference|bullying|pressure)"
)
# What a sentence says the tie goes beyond ("goes much deeper than a marriage of convenience", "more than a
# tactical partnership"): a denying cue after it is denied. An affirming cue is not ("more than trade" is trade).
SURPASSED = re.compile(
    r"\b(?:(?:more|deeper|greater|stronger|bigger|broader)\s+than|(?:far\s+)?beyond)\s+"
    r"(?:a|an|any|the|just|mere(?:ly)?|simply|only|some)?\s*(?:[\w-]+\s+){0,4}$"
)
SURPASSED_REACH = 60  # characters before a cue where what it is surpassed by may stand
# A call to bring something to an end says it goes on ("urged Beijing to cease its assistance", "called on Moscow
# to halt the drills"): the end is asked for, not reported, so its verb negates nothing.
REQUESTED_END = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon)|demand(?:s|ed|ing)?|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|"
    r"pressur(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+to)\b(?:\s+\S+){0,4}?\s+to\s+"
    r"(?:stop|halt|suspend|cease|freeze|cancel|scrap|shelve|abandon)\b"
)
REQUEST_REACH = 6  # words before the negation's window where the request may stand ("urged Beijing to cease")
# A negated or doubted predicate right after the cue: "an alliance is not on the cards".
# A verb right after "and", "or" or "but" is a second predicate of the sentence's subject, not the cue's:
# "has its own dynamics and is not hostage to ..." does not deny the dynamics.
_OWN_PREDICATE = r"(?<!\band\s)(?<!\bor\s)(?<!\bbut\s)"
PREDICATE_NEGATION = re.compile(
    rf"^[^,;:.]{{0,40}}?\b{_OWN_PREDICATE}(?:is|are|was|were|will|would|does|do|did|has|have|remains?|seems?|looks?|be)\s+"
    # a "not" after a participle before a preposition negates the phrase it opens, not the cue ("is based not on
    # X but on Y", "is driven not by fear"); right after the verb it negates the cue ("is not on the cards")
    r"(?P<middle>\w+\s+)?(?:not(?(middle)(?!\s+(?:on|in|at|by|for|with|from|to|about|against|towards?)\b))"
    r"|never(?!\s+been\s+(?:\w+er|more|better|closer)\b)|unlikely|improbable|no longer|far from|yet to"
    # "has never been stronger" is as strong an affirmation as there is
    r"|out of the question|off the table)\b"
    # "... is not directed against X" negates the direction, which a denial phrase reads itself.
    r"(?!\s+(?:directed|aimed|targeted|only|just|merely|simply|limited))"
    # "... is not ruled out" denies a denial: the possibility stays open; so does "did not stop", "never ceased"
    r"(?!\s+(?:ruled\s+out|excluded|stop(?:s|ped)?|ceased?|halted|ended|faltered|waned)\b)"
    # "... will not be the last" says more will come
    r"(?!\s+(?:be\s+|been\s+)?the\s+last\b)"
    rf"|^[^,;:.]{{0,25}}?\b{_OWN_PREDICATE}(?:has|have|had)\s+(?:\w+\s+)?(?:abated|faded|eased|diminished|receded|subsided|dissipated|"
    r"disappeared|been overcome)\b"
    # what the cue names lacks what would make it real ("the idea of an alliance lacks substance")
    r"|^\s*(?:\w+\s+){0,2}?(?:lacks|lacked|lacking)\b"
    # what the cue names is harmed, in the passive ("the friendship is threatened by the border question"), as
    # harming it in the active is ("undermining trust")
    rf"|^[^,;:.]{{0,25}}?\b{_OWN_PREDICATE}(?:is|are|was|were|been|being|gets|got)\s+(?:\w+\s+)?(?:threatened|"
    r"undermined|"
    r"jeopardi[sz]ed|damaged|weakened|strained|eroded|hindered|impeded|hampered|overshadowed|marred|shaken)\b"
)
# "rests not on a balance of power but on shared interests", "won not by arms but by trade": a negated phrase
# of a preposition that a "but" answers is one ground or means set aside for another, so a topic word in it is
# not denied. A negated thing is ("no autocratic bloc, but a pact of convenience" denies the bloc).
NEGATED_PREPOSITION = re.compile(
    r"\bnot\s+(?:on|upon|by|with|in|for|about|from|to|through|because\s+of|due\s+to)\b[^,;:.]{0,60}$"
)
REPLACED_BY_BUT = re.compile(r"[^,;:.]{0,30}?,?\s+but\s+(?!also\b)")
# "Without X, Y could never have ...": a condition contrary to fact says that X was there and that Y
# happened, so neither its "without" nor its modal's "never" negates ("Without trust, ties stay shallow"
# still denies the trust: no counterfactual follows).
COUNTERFACTUAL = re.compile(
    r"^\W*without\b(?P<condition>[^,;]{1,160}),[^.;]*?\b(?:could|would|might)"
    r"(?:(?P<negation>n[’']t|\s+not|\s+never|\s+hardly)\b|(?P<negated_have>n[’']t|\s+not|\s+never)?\s+have\b)"
)
# "not only X but also Y" affirms X as it adds Y: a "not only" that a "but" answers later in the sentence negates
# nothing (one that nothing answers may: "not only a trade tie" can deny that the tie is only trade).
NOT_ONLY = re.compile(r"\bnot\s+(?:only|just|merely|simply|solely)\b")
ANSWERING_BUT = re.compile(r"\bbut\b")
# "yet" opens a clause ("close, yet wary"), but not in "has yet to", a negation of what follows
CLAUSE_BREAK = re.compile(r"[,;:()—–]|\b(?:but|however|yet(?!\s+to\b)|whereas|although|though)\b")


def negated(lowered: str, start: int, end: int) -> bool:
    """Whether a negation in the cue's clause governs it: shortly before, or as its predicate right after."""
    before = CLAUSE_BREAK.split(lowered[:start])[-1]
    words = [w for w in before.split() if any(c.isalpha() for c in w)]
    window = " ".join(words[-NEGATION_WORDS:])
    negations = NEGATION.findall(window) + DWINDLING.findall(" ".join(words[-DWINDLING_WORDS:]))
    if OPPOSED_THING.match(lowered, start, end):
        negations = [n for n in negations if not OPPOSING.fullmatch(n)]
    answered = len(NOT_ONLY.findall(window)) if ANSWERING_BUT.search(lowered, end) else 0  # "not only ... but"
    harming_by_means = sum(bool(MEANS.search(window, harm.end())) for harm in HARMING.finditer(window))
    requested = _requested_ends(" ".join(words[-NEGATION_WORDS - REQUEST_REACH :]), window)
    flips = len(negations) - answered - harming_by_means - requested
    flips += bool(PREDICATE_NEGATION.search(lowered[end:]))
    counterfactual = COUNTERFACTUAL.match(lowered)
    if counterfactual and start < counterfactual.end("condition"):
        flips -= 1  # "Without trust, they could never have ...": the trust was there
    elif counterfactual and start >= counterfactual.end() and _modal_negated(counterfactual):
        flips -= 1  # "... could never have settled the border": it was settled
    return flips % 2 == 1


def set_aside(lowered: str, start: int, end: int) -> bool:
    """Whether the words at [start, end) stand in a negated phrase of a preposition that a "but" answers
    (`NEGATED_PREPOSITION`, `REPLACED_BY_BUT`): a ground set aside for another, not denied."""
    return bool(NEGATED_PREPOSITION.search(lowered, 0, start) and REPLACED_BY_BUT.match(lowered, end))


def _requested_ends(reach: str, window: str) -> int:
    """How many ends asked for (REQUESTED_END) have their verb in `window`, the end of `reach`."""
    return sum(m.end() > len(reach) - len(window) for m in REQUESTED_END.finditer(reach))


def _modal_negated(counterfactual: re.Match[str]) -> bool:
    return bool(counterfactual.group("negation") or counterfactual.group("negated_have"))

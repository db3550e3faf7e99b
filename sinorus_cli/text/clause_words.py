"""The word lists by which a claim finds a sentence's main clause: words that open a dependent phrase, an
aside or an opening phrase, and words that tell a noun from an adjective. Data, kept apart from the rules
in `claims.py` that read them."""

from __future__ import annotations

# Words that open a dependent phrase: before one, a comma ends the main clause ("..., which many see").
DEPENDENT_OPENERS = frozenset(
    """which who whom whose where when while whereas although though because since as if unless until
    despite amid including with without by after before thereby even especially particularly not
    rather but yet so then notably mainly largely partly given compared based backed driven coupled""".split()  # noqa: SIM905 (a word list reads best as words)
)

# Words that open a dependent phrase only together (", such as energy"; ", along with its missiles," between a
# subject and its verb): alone, "such" opens a clause's subject as often ("Given how close they are, such
# meetings make sense"), and "along" or "together" may end a clause.
DEPENDENT_PHRASES = frozenset(("such as", "along with", "together with"))

# Words after which a sentence's point comes ("..., but the trade stays lopsided", "partners, not allies"): a
# claim never ends before them.
POINT_FOLLOWS = frozenset(("but", "yet", "rather", "not"))

# Words that open a predicate of their own after "and" ("... and has pledged"), and words that open a
# clause's subject after ", and" ("..., and the two signed").
AUXILIARY_WORDS = frozenset(
    "has have had is are was were will would can could should must may might does did do".split()  # noqa: SIM905
)
CLAUSE_SUBJECTS = frozenset(
    "the it they this that these those he she we there its their his her our both neither each".split()  # noqa: SIM905
)

# An opening phrase the main clause can do without when the line is too long: when, where, despite what
# ("In the coming years,", "As the West arms Kyiv,", "Dubbed the deal of the century,"). Not a condition
# ("Without China,", "If", "Unless"), a perspective ("For Moscow,") or a comparison, which the claim needs.
OPENING_PHRASE_WORDS = frozenset(
    """in on at after before during since following amid despite under over through throughout beyond across
    as while although though whereas because once when whenever today now recently currently historically
    traditionally until among against""".split()  # noqa: SIM905 (a word list reads best as words)
)

# Words that open a phrase a cut must not end on, though trimming keeps it (a condition or circumstance the
# claim needs: "With the bloc now holding half of the grain trade, a bigger bloc means ..."; "Without China, ...").
LEADING_PHRASE_WORDS = OPENING_PHRASE_WORDS | frozenset(("with", "without", "given", "unless"))

# Prepositions: after a list of names inside an opening phrase, one carries the phrase on ("In talks with
# China, Russia and Iran over the summer, ..."), where a verb would open the main clause.
PREPOSITIONS = frozenset(
    """in of on at for with from by to into onto between among across over under during since through
    throughout against within without about after before around beyond toward towards amid despite""".split()  # noqa: SIM905
)

# Words that follow a noun, never an adjective before its noun: what tells "the summit, cooperation in ..."
# (a phrase ended, a noun opening the clause) from "a formal, lasting tie" (two adjectives of one noun).
AFTER_A_NOUN = AUXILIARY_WORDS | PREPOSITIONS | frozenset({"and", "or", "but", "than"})

# Pronouns: an opening phrase before one names what it stands for ("Tired of its demands, it ...").
PRONOUNS = frozenset("it they he she its their his her this these those".split())  # noqa: SIM905

# Words that open a clause or phrase set inside an opening phrase (", as COVID raged,", ", especially against
# ..."); not a relative ("which", "who"), which belongs to the noun before it, subject and all.
# ("even" and "only" are not among them: they open a main clause as often, "even Moscow drew closer").
ASIDE_OPENERS = frozenset(
    """as while when whenever although though because since especially particularly notably mainly largely
    partly""".split()  # noqa: SIM905
)
ARTICLES = frozenset("a an the its their his her this that these those".split())  # noqa: SIM905

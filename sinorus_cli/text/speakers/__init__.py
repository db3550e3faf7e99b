"""Who holds the view each sentence of an article expresses: the author, a named speaker, or unnamed others.

Rules a linguist would list, kept as data below, applied to each sentence in this order:
- an interview transcript's labels ("Kashin: ...", "Q: ...", the same name opening two paragraphs
  or more) mark the interviewee's answers, which are the page's own voice; a single "Name:" opening
  whose name the article mentions again is that speaker's; section labels, bylines and headline
  kickers ("Editor's note:", "Summary:", "By Jane Doe", "Chinese International Affairs Expert:")
  name nobody;
- a speech verb with its subject or after a quotation ("Lavrov said", "said Lavrov", "Lavrov, the
  minister, noted"), a verb of opinion followed by what is held ("Lavrov believes that"),
  "according to X", a document or body that speaks ("the joint statement says") and a description
  standing for a person named before ("the minister added") name the speaker; words inside
  quotation marks never name the speaker of their own sentence;
- the author taking up what they cite ("as Lavrov rightly said", "As Lo writes, ...") keeps the
  sentence the author's;
- "he said" and "according to her" carry the speaker last named shortly before, and a sentence
  mostly inside quotation marks is its paragraph's speaker's (the nearest one named before it,
  else after it), else the speaker last named shortly before;
- views of unnamed others ("some analysts argue", "critics say", "it is often claimed", "an
  official said") are 'others', unless the same sentence answers them ("..., but ...") or calls
  them mistaken;
- anything else is the author's own voice.
A speaker is given as the article names them in full: a surname or a title ("Lavrov", "the
minister") resolves to the fullest form the article names ("Sergey Lavrov"), before the sentence
if it can. The author, under any form of their name ("ZHAO Long", "Zhao", "Long Zhao"), is the
author, never a speaker.

The parts: the rules' word lists and verb forms (`wordforms`); people's names and the author's
(`person_names`); a surname resolved to the fullest form the article writes (`name_resolution`);
attribution cues such as "X said" and "according to" (`cues`); paragraph labels, an interview's turns
and those that name nobody (`labels`); views of unnamed others (`others`); and the article read
sentence by sentence (`attribution`).
"""

from .attribution import AUTHOR, Attribution, Kind, attribute, quoted_share
from .cues import ANNOUNCING, ATTRIBUTING, AUXILIARIES, FINITE_VERB, said_in, stands_for_person
from .labels import NOT_LABELS, label_of
from .name_resolution import Names
from .others import reported_others
from .person_names import clean_name, is_author, looks_like_person

__all__ = [
    "ANNOUNCING",
    "ATTRIBUTING",
    "AUTHOR",
    "AUXILIARIES",
    "FINITE_VERB",
    "NOT_LABELS",
    "Attribution",
    "Kind",
    "Names",
    "attribute",
    "clean_name",
    "is_author",
    "label_of",
    "looks_like_person",
    "quoted_share",
    "reported_others",
    "said_in",
    "stands_for_person",
]

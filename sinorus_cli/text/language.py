"""Which language an added text is in, so the English reader is not set to misread a Russian or Chinese one."""

from __future__ import annotations

import re

# Enough text for a sure answer; detecting on a whole report would cost seconds.
SAMPLE = 5000
# Below this share, the detector's first guess is too unsure to refuse the reader a text ...
SURE = 0.80
# ... unless most of its letters are in a script English is not written in: then it is not English,
# even when the detector hesitates between two languages that share the script (a Chinese text's Han
# characters are read as 0.7 Chinese and 0.3 Korean).
LATIN_END = "\u0250"  # Basic Latin to Latin Extended-B: English, and the letters of French, German, Polish...
# English's commonest words make up about a quarter of any English prose and next to none of another
# language's (a German or Polish "in" or "to" apart). Where they are a large share of a text long enough
# to count, it is English, and the detector (a third of a second to load its profiles) is not asked.
ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "are", "by", "this",
    "be", "from", "has", "have", "not", "but", "which",
})  # fmt: skip
ENGLISH_SHARE = 0.15  # English prose: 0.18-0.40 (training excerpts); other languages' pages: 0.00-0.06
ENOUGH_WORDS = 40
WORD = re.compile(r"[^\W\d_]+")
NAMES = {
    "en": "English", "ru": "Russian", "zh-cn": "Chinese", "zh-tw": "Chinese", "uk": "Ukrainian", "de": "German",
    "fr": "French", "es": "Spanish", "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "pl": "Polish",
    "it": "Italian", "pt": "Portuguese", "kk": "Kazakh", "mn": "Mongolian", "tr": "Turkish", "fa": "Persian",
}  # fmt: skip


def language_of(text: str) -> str:
    """The language code of a text (langdetect's: 'en', 'ru', 'zh-cn', ...), or '' when it cannot tell."""
    if _plainly_english(text[:SAMPLE]):
        return "en"
    # langdetect (~5 ms, and its profiles on first use): only an added text's language needs it
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # the detector samples at random: the same text gets the same answer
    try:
        guesses = detect_langs(text[:SAMPLE])
    except LangDetectException:  # no letters at all
        return ""
    best = guesses[0] if guesses else None
    if best is None:
        return ""
    if best.prob >= SURE or (best.lang != "en" and _other_script(text[:SAMPLE])):
        return str(best.lang)
    return ""


def _plainly_english(text: str) -> bool:
    """Whether a text is long enough to judge and English's commonest words are a large share of it."""
    words = WORD.findall(text.lower())
    return len(words) >= ENOUGH_WORDS and sum(w in ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words)


def _other_script(text: str) -> bool:
    """Whether most letters of a text are not Latin ones (Cyrillic, Han, Arabic, ...)."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch >= LATIN_END for ch in letters) * 2 > len(letters)


def language_name(code: str) -> str:
    """A language's English name for messages ('ru' -> 'Russian'); the code itself when unknown."""
    return NAMES.get(code, code)

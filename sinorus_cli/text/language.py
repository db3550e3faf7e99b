"""Which language an added text is in, so the English reader is not set to misread a Russian or Chinese one."""

from __future__ import annotations

# Enough text for a sure answer; detecting on a whole report would cost seconds.
SAMPLE = 5000
# Below this share, the detector's first guess is too unsure to refuse the reader a text ...
SURE = 0.80
# ... unless most of its letters are in a script English is not written in: then it is not English,
# even when the detector hesitates between two languages that share the script (a Chinese text's Han
# characters are read as 0.7 Chinese and 0.3 Korean).
LATIN_END = "\u0250"  # Basic Latin to Latin Extended-B: English, and the letters of French, German, Polish...
NAMES = {
    "en": "English", "ru": "Russian", "zh-cn": "Chinese", "zh-tw": "Chinese", "uk": "Ukrainian", "de": "German",
    "fr": "French", "es": "Spanish", "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "pl": "Polish",
    "it": "Italian", "pt": "Portuguese", "kk": "Kazakh", "mn": "Mongolian", "tr": "Turkish", "fa": "Persian",
}  # fmt: skip


def language_of(text: str) -> str:
    """The language code of a text (langdetect's: 'en', 'ru', 'zh-cn', ...), or '' when it cannot tell."""
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


def _other_script(text: str) -> bool:
    """Whether most letters of a text are not Latin ones (Cyrillic, Han, Arabic, ...)."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch >= LATIN_END for ch in letters) * 2 > len(letters)


def language_name(code: str) -> str:
    """A language's English name for messages ('ru' -> 'Russian'); the code itself when unknown."""
    return NAMES.get(code, code)

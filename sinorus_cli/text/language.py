"""Which language an added text is in, so the English reader is not set to misread a Russian or Chinese one."""

from __future__ import annotations

# Enough text for a sure answer; detecting on a whole report would cost seconds.
SAMPLE = 5000
# Below this share, the detector's first guess is too unsure to refuse the reader a text.
SURE = 0.80
NAMES = {
    "en": "English", "ru": "Russian", "zh-cn": "Chinese", "zh-tw": "Chinese", "uk": "Ukrainian", "de": "German",
    "fr": "French", "es": "Spanish", "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "pl": "Polish",
    "it": "Italian", "pt": "Portuguese", "kk": "Kazakh", "mn": "Mongolian", "tr": "Turkish", "fa": "Persian",
}  # fmt: skip


def language_of(text: str) -> str:
    """The language code of a text (langdetect's: 'en', 'ru', 'zh-cn', ...), or '' when it cannot tell."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # the detector samples at random: the same text gets the same answer
    try:
        guesses = detect_langs(text[:SAMPLE])
    except LangDetectException:  # no letters at all
        return ""
    best = guesses[0] if guesses else None
    return str(best.lang) if best is not None and best.prob >= SURE else ""


def language_name(code: str) -> str:
    """A language's English name for messages ('ru' -> 'Russian'); the code itself when unknown."""
    return NAMES.get(code, code)

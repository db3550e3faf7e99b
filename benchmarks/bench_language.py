"""Language benchmark: the detector `sinorus add` uses (langdetect, seeded) on the dev set and on pages written here.

Run from the repository root with the project installed (`--lingua` also needs
`pip install lingua-language-detector`, a comparison only):

    python benchmarks/bench_language.py [--devset ../shared/devset] [--repeat 5] [--lingua]

English: every text of the dev set (`DEVSET/texts/*.txt`, read where it lies and never copied), its
first 300 and first 100 characters (a headline, a byline, a first sentence: what a short or cut page
gives), and a few English pages written here with Russian or Chinese quoted in them. Not English:
pages written here in Russian, Chinese, French, German and Arabic, some with English names or quotes
mixed in, some a line long. A text counts as English for `add` when the detector says `en` or cannot
tell (`''`), and as flagged otherwise (the reader then proposes nothing for it); the language named
must be the right one.

Determinism: langdetect samples at random unless seeded. Each text is detected `--repeat` times in
this process and once more in each of three fresh processes with different hash seeds; every answer
must agree. For contrast, the same repeats without the seed show how often the unseeded detector's
probabilities change.

`--lingua` runs lingua-language-detector (all its languages, default settings) on the same texts:
`detect_language_of`, English when it says English or nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sinorus_cli.text.language import SAMPLE, SURE, language_of

# Written for this benchmark: (expected language code, text).
FOREIGN = [
    (
        "ru",
        "Россия и Китай не собираются создавать военный союз. Обе стороны подчёркивают, что их партнёрство "
        "не направлено против третьих стран, но совместные учения проходят всё чаще, а торговля в "
        "национальных валютах растёт из года в год.",
    ),
    (
        "ru",
        "Выступая на форуме, Сергей Иванов напомнил о формуле «no limits», которую в западной прессе "
        "называют «alliance in all but name». По его словам, Москва и Пекин сохраняют свободу действий, "
        "а слово alliance здесь не подходит.",
    ),
    ("ru", "Союза не будет: у каждой стороны свои интересы."),
    (
        "zh-cn",
        "中俄关系保持高水平运行，两国在能源、贸易和安全领域的合作不断深化。双方一再表示，这种伙伴关系不结盟、"
        "不对抗、不针对第三方，而是建立在相互尊重和互利共赢的基础之上。",
    ),
    (
        "zh-cn",
        "在BRICS峰会期间，Vladimir Putin与中方领导人会谈。分析人士指出，所谓no limits的说法并不意味着"
        "两国会结成军事同盟，双方仍各自保持战略自主。",
    ),
    ("zh-cn", "中俄不结盟，但合作很深。"),
    (
        "fr",
        "La Chine et la Russie affichent une entente solide, mais leurs intérêts ne se confondent pas. "
        "Pékin reste prudent face aux sanctions occidentales, tandis que Moscou dépend de plus en plus "
        "des marchés chinois pour vendre son pétrole et son gaz.",
    ),
    (
        "fr",
        "Selon un diplomate, le partenariat « without limits » annoncé en février relève surtout de la "
        "communication : la Chine n'a livré aucune arme à la Russie de manière ouverte.",
    ),
    (
        "de",
        "China und Russland betonen ihre strategische Partnerschaft, doch ein formelles Bündnis lehnen "
        "beide ab. Peking will seine Handelsbeziehungen mit Europa nicht gefährden, und Moskau fürchtet, "
        "zum Juniorpartner zu werden.",
    ),
    ("de", "Ein Bündnis ist nicht in Sicht."),
    (
        "ar",
        "تؤكد الصين وروسيا أن شراكتهما الاستراتيجية ليست تحالفا عسكريا، لكن التعاون بينهما في مجالات الطاقة "
        "والتجارة والأمن يتعمق عاما بعد عام، في ظل التوتر المتزايد مع الولايات المتحدة.",
    ),
    (
        "ar",
        "قال الباحث John Smith إن عبارة no limits لا تعني تحالفا رسميا بين موسكو وبكين، وإن لكل طرف حساباته "
        "الخاصة في آسيا الوسطى.",
    ),
    ("ru", "Партнёрство без границ? Скорее, брак по расчёту."),
    ("fr", "Pas d'alliance, mais une entente."),
]
ENGLISH = [
    "Asked about a treaty, the spokesman answered in Russian, «Союза не будет», and added that the "
    "partnership would go on without one. Analysts in Washington read the remark as a signal to Beijing "
    "as much as to the West.",
    "The phrase 中俄不结盟 (no alliance between China and Russia) appears in every official summary of the "
    "talks, yet the exercises and arms deals described in the same documents point the other way.",
    "No alliance, but no limits either.",
]


def texts(devset: Path) -> list[tuple[str, str, str]]:
    """(name, expected language, text) for every text the benchmark reads."""
    found: list[tuple[str, str, str]] = []
    for path in sorted((devset / "texts").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found += [(path.name, "en", text), (f"{path.name}[:300]", "en", text[:300])]
        found.append((f"{path.name}[:100]", "en", text[:100]))
    found += [(f"english-{n}", "en", text) for n, text in enumerate(ENGLISH, 1)]
    found += [(f"{code}-{n}", code, text) for n, (code, text) in enumerate(FOREIGN, 1)]
    return found


def _group(name: str, expected: str) -> str:
    if expected != "en":
        return "not English"
    if name.startswith("english-"):
        return "English written here"
    if name.endswith("[:300]"):
        return "dev set, first 300 chars"
    if name.endswith("[:100]"):
        return "dev set, first 100 chars"
    return "dev set, whole"


def right(code: str, expected: str) -> bool:
    """English (or unsure, which `add` treats as English) for an English text; the right language otherwise."""
    if expected == "en":
        return code in ("", "en")
    return code.split("-")[0] == expected.split("-")[0]


def accuracy(name: str, detect: Callable[[str], str], items: list[tuple[str, str, str]]) -> None:
    """Print how `detect` reads each group of texts, the texts it gets wrong and its median time a text."""
    groups: dict[str, list[bool]] = {}
    wrong: list[str] = []
    for label, expected, text in items:
        code = detect(text)
        groups.setdefault(_group(label, expected), []).append(right(code, expected))
        if not right(code, expected):
            wrong.append(f"{label} (expected {expected}, got {code or 'unsure'})")
    times = []
    for _, _, text in items:
        started = time.perf_counter()
        detect(text)
        times.append(time.perf_counter() - started)
    summary = ", ".join(f"{group} {sum(oks)}/{len(oks)}" for group, oks in groups.items())
    print(f"{name}: {summary}; median {1000 * statistics.median(times):.1f} ms a text")
    for line in wrong:
        print(f"  wrong: {line}")


def sure_only(text: str) -> str:
    """The rule before the script check: the first guess when it is at least 0.80, else unsure."""
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    best = detect_langs(text[:SAMPLE])[0]
    return str(best.lang) if best.prob >= SURE else ""


# A fresh process: the answers for every text, as JSON, with this folder and the dev set as arguments.
FRESH = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bench_language import texts
from sinorus_cli.text.language import language_of
print(json.dumps([language_of(text) for _, _, text in texts(Path(sys.argv[2]))]))
"""


def determinism(items: list[tuple[str, str, str]], devset: Path, repeat: int) -> None:
    """Whether the seeded detector agrees with itself here and in fresh processes; how the unseeded one varies."""
    from langdetect import DetectorFactory, detect_langs

    answers = [[language_of(text) for _, _, text in items] for _ in range(repeat)]
    here = all(run == answers[0] for run in answers)
    fresh = []
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-c", FRESH, str(Path(__file__).parent), str(devset)],
            env=os.environ | {"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        fresh.append(json.loads(done.stdout) == answers[0])
    print(
        f"seeded, as `add` calls it: {repeat} runs in this process agree: {here}; "
        f"3 fresh processes (hash seeds 1-3) agree: {all(fresh)}"
    )
    changed = 0
    for _, _, text in items:
        seen = set()
        for _ in range(repeat):
            DetectorFactory.seed = None
            seen.add(tuple((guess.lang, round(guess.prob, 3)) for guess in detect_langs(text[:SAMPLE])))
        changed += len(seen) > 1
    DetectorFactory.seed = 0
    print(f"unseeded langdetect, for contrast: its answer changed between {repeat} runs on {changed}/{len(items)}")


def lingua_detector() -> Callable[[str], str]:
    """lingua-language-detector with all its languages, answering in langdetect's codes ('' when unsure)."""
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().build()

    def detect(text: str) -> str:
        found = detector.detect_language_of(text[:SAMPLE])
        if found is None:
            return ""
        return "zh-cn" if found == Language.CHINESE else found.iso_code_639_1.name.lower()

    return detect


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--devset", type=Path, default=Path("../shared/devset"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lingua", action="store_true", help="compare lingua-language-detector")
    options = parser.parse_args()
    items = texts(options.devset)
    if not any(name.endswith(".txt") for name, _, _ in items):
        sys.exit(f"no texts in {options.devset / 'texts'}")
    language_of("warm-up: the detector loads its profiles once")
    accuracy("langdetect, as `add` calls it", language_of, items)
    accuracy("langdetect, first guess at 0.80 only (the rule before)", sure_only, items)
    determinism(items, options.devset, options.repeat)
    if options.lingua:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        detect = lingua_detector()
        detect("warm-up")
        built = time.perf_counter() - started
        accuracy("lingua", detect, items)
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(f"lingua: built and first used in {built:.1f} s; peak memory grew by {grown:.0f} MB")


if __name__ == "__main__":
    main()

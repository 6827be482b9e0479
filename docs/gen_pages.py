"""Generate the docs pages that are tables of the code: normalizers and presets.

Run ``python docs/gen_pages.py`` after changing a normalizer or a preset; a
test regenerates the pages and fails if the committed ones differ, so they
cannot drift from the code.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import arnorm

DOCS = Path(__file__).resolve().parent

# One real example per normalizer: (input, options).
EXAMPLES: dict[str, tuple[str, dict]] = {
    "remove_diacritics": ("اللُّغَةُ العَرَبِيَّةُ، هٰذَا، سا\u0654ل", {}),
    "remove_tatweel": ("العـــــربية", {}),
    "normalize_alef": ("أحمد إلى آخر ٱلكتاب", {}),
    "normalize_hamza": ("مسؤول رئيس أنباء سماء", {}),
    "normalize_alef_maksura": ("فى على مستشفى", {}),
    "restore_final_yaa": ("فى المبنى التى على الأولى الأمريكى", {}),
    "normalize_teh_marbuta": ("مدرسة جميلة", {}),
    "normalize_quotes": ("قال “إن «السلام» ممكن” و\"نعم\"", {"style": "guillemets"}),
    "normalize_punctuation": ("سوريا – روسيا… لماذا؟", {}),
    "normalize_digits": ("عام ٢٠٢٤ و۱۴۰۳", {}),
    "fold_presentation_forms": ("ﻻ ﺇﻟﻪ ﺇﻻ ﷲ", {}),
    "remove_invisibles": ("مر\u200cحبا\u200f", {}),
    "normalize_whitespace": ("  مرحبا\u00a0\t بكم \r\nهنا ", {}),
    "normalize_persian_letters": ("کتاب یوم علی", {}),
    "reduce_repeats": ("جمييييل جدااااا", {}),
    "normalize_lucene": ("أَحْمَدُ فى المدرسة ٱلكبرى", {}),
    "restore_teh_marbuta": ("ذهب الى المدرسه مع اخيه في السياره", {}),
    "restore_hamza": ("قال احمد ان الاسلام دين، لانه يريد ان يتعلم", {}),
    "standardize_quranic_spelling": ("يَـٰٓأَيُّهَا ٱلَّذِينَ ءَامَنُوا۟ أَقِيمُوا۟ ٱلصَّلَوٰةَ", {}),
}


def _cell(text: str) -> str:
    return "`" + repr(text).replace("|", "\\|") + "`"


def normalizers_page() -> str:
    lines = [
        "# Normalizers",
        "",
        "Every normalizer takes a `str` and returns a `str`, is idempotent, and raises",
        "`TypeError` for anything else. The examples below are computed from the code",
        "when this page is generated (`python docs/gen_pages.py`).",
        "",
        "| normalizer | options | what it does | before | after |",
        "|---|---|---|---|---|",
    ]
    for name, func in arnorm.NORMALIZERS.items():
        text, options = EXAMPLES[name]
        signature = inspect.signature(func)
        opts = ", ".join(f"`{p.name}={p.default!r}`" for p in signature.parameters.values()
                         if p.kind is p.KEYWORD_ONLY) or "—"
        summary = (func.__doc__ or "").strip().splitlines()[0].replace("|", "\\|")
        shown = f" ({', '.join(f'{k}={v!r}' for k, v in options.items())})" if options else ""
        lines.append(f"| [`{name}`](reference.md#arnorm.{name}){shown} | {opts} | {summary} "
                     f"| {_cell(text)} | {_cell(func(text, **options))} |")
    lines += ["", "## Changes to the contract", ""] + [f"- {change}" for change in CHANGES]
    return "\n".join(lines) + "\n"


CHANGES = [
    "`remove_diacritics` (issue #27): a maddah U+0653 on a letter it does not compose with is a Quranic "
    "mark of a prolonged vowel and is removed (ٱلملٓئكة → ٱلملئكة, عِبَادِهِۦٓ → عباده); ا + U+0653 still "
    "composes to آ, and hamza above or below that composes with nothing is still kept.",
    "`standardize_quranic_spelling` and the `quran` preset (issue #27): Uthmani orthography in standard "
    "spelling; see [Quranic text](quran.md).",
    "`restore_teh_marbuta`, `restore_hamza` and the `informal` preset (issue #26): word-final ة and "
    "hamza on alef restored where informal writing drops them; see [Informal spelling](restore.md).",
]


PURPOSE = {
    "minimal": "Repair text without changing its spelling: glyph codes, invisibles, spaces.",
    "standard": "Clean, readable standard Arabic (the default of `arnorm.normalize`).",
    "informal": "Informal, chat or OCR'd text: `standard`, with word-final ة and hamza on alef restored"
                " first (see [Informal spelling](restore.md); not in `standard`, which must leave"
                " standard text alone).",
    "search": "Keys for indexing and matching: lossy on purpose, so that variants meet.",
    "lucene": "Exactly Lucene's ArabicNormalizer, for parity with Elasticsearch, Solr and OpenSearch.",
    "quran": "Quranic (Uthmani) text in standard spelling without marks (see [Quranic text](quran.md)).",
}
SAMPLE = "قال الوزير الأمريكــى فِى بيانه: “السَّلامُ مُمكِنٌ” ٢٠٢٤ ﻻ"


def presets_page() -> str:
    presets = {name: arnorm.PRESETS[name]["steps"] for name in arnorm.PRESETS}
    steps = list(dict.fromkeys(step["name"] for preset in presets.values() for step in preset))
    lines = ["# Presets", "", "Which steps each preset runs (✓, with the options it sets).", "",
             "| step | " + " | ".join(f"`{name}`" for name in presets) + " |",
             "|---|" + "---|" * len(presets)]
    for name in steps:
        marks = []
        for preset in presets.values():
            used = [step["options"] for step in preset if step["name"] == name]
            options = ", ".join(f"{key}={value}" for option in used for key, value in option.items())
            marks.append(f"✓ {options}".strip() if used else "")
        lines.append(f"| `{name}` | " + " | ".join(marks) + " |")
    lines += ["", "## When to use which, and the order of the steps", ""]
    for name, preset in presets.items():
        order = " → ".join(step["name"] for step in preset)
        lines.append(f"- **`{name}`**: {PURPOSE[name]} Steps: {order}.")
    lines += ["", "## The same text through each preset", "", f"Input: `{SAMPLE!r}`", "",
              "| preset | output |", "|---|---|"]
    for name in presets:
        lines.append(f"| `{name}` | {_cell(arnorm.normalize(SAMPLE, preset=name))} |")
    lines += ["", "## Lucene, Elasticsearch, Solr, OpenSearch", "",
              "The `lucene` preset does what Lucene's `ArabicNormalizer` (the `arabic_normalization`",
              "token filter) does and nothing more: آ أ إ → ا, ى → ي, ة → ه, tatweel and the eight",
              "harakat removed; ٱ, ؤ, ئ and dagger alef stay. Keys built with it match an index built",
              "by that filter; the test suite checks every case of Lucene's own test of the filter.",
              "As a `tokenizers` normalizer it is native, as `search` and `minimal` are (see [Integrations](integrations.md)).",
              "", "## Composed and decomposed text", "",
              "Unicode writes أ either as one character or as ا + hamza above U+0654 (NFC and NFD).",
              "`standard` and `search` give the same output for both spellings (a property the",
              "tests check), for text in which a letter carries at most one maddah or hamza mark:",
              "`remove_diacritics` composes them, and `normalize_persian_letters` leaves ە and ہ",
              "alone when a hamza above follows (they are ۀ and ۂ decomposed). A letter stacked",
              "with two of those marks (آ with a hamza below, also when a tatweel that",
              "`remove_tatweel` deletes stood between them), or a mark separated from its letter",
              "by a format character that `remove_invisibles` deletes, may compose differently.",
              "`minimal` keeps letters as they are encoded, and `lucene` does byte for byte what",
              "Lucene does (Lucene does not compose either); apply NFC first if you need them to agree."]
    return "\n".join(lines) + "\n"


PAGES = {"normalizers.md": normalizers_page, "presets.md": presets_page}


def main() -> None:
    for name, build in PAGES.items():
        (DOCS / name).write_text(build(), encoding="utf-8")


if __name__ == "__main__":
    main()

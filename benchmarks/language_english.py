"""False skips of the language check (issue 15): every English article of ../shared/data must be
analysed, none called non-English (and the two non-English articles hidden in SemEval's set found). Prints per corpus the articles checked, the ones called
non-English (must be 0) and the lowest English function-word share among those long enough to
judge (the margin above the threshold); writes benchmarks/results/language_english.json.

Run: PYTHONPATH=src .venv/bin/python benchmarks/language_english.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DATA, basil_articles, ecb_articles, gum_articles, polnear_articles

from newsprism.ingest.language import _WORD, MIN_WORDS, cue_words, detect_language

RESULTS = Path(__file__).resolve().parent / "results" / "language_english.json"


def meantime_articles(data: Path = DATA):
    with open(data / "meantime_en" / "docs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            yield {"id": f"meantime-{doc['doc_id']}", "text": doc["text"]}


def semeval_articles(data: Path = DATA):
    """SemEval-2019 hyperpartisan by-article training set (645 articles): title + paragraphs."""
    from xml.etree import ElementTree

    path = data / "semeval2019_hyperpartisan_byarticle" / "articles-training-byarticle-20181122.xml"
    for el in ElementTree.parse(path).getroot():
        paragraphs = [" ".join("".join(p.itertext()).split()) for p in el.iter("p")]
        body = "\n\n".join(p for p in paragraphs if p) or " ".join("".join(el.itertext()).split())
        yield {"id": f"semeval-{el.get('id')}", "text": (el.get("title") or "").strip() + "\n\n" + body}


def neus_articles(data: Path = DATA):
    """NeuS (AllSides) validation sources: each line three outlets' articles on one event."""
    with open(data / "neus_allsides" / "val.source", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            yield {"id": f"neus-val-{n}", "text": line}


CORPORA = {"basil": basil_articles, "polnear": polnear_articles, "gum": gum_articles, "ecbplus_dev": ecb_articles,
           "meantime": meantime_articles, "semeval_hyperpartisan": semeval_articles, "neus_val": neus_articles}
# Articles of these "English" corpora that are not English, read by hand (2026-12-04): they must be
# found, and nothing else. SemEval's 645 hold a Malay report (named "id": Malay and Indonesian share
# their function words) and a Chinese column. Its Turkish Emmy list (semeval-0000155: English show titles
# under Turkish headings, 9% English function words) is mixed and stays analysed (trust first).
NOT_ENGLISH = {"semeval_hyperpartisan": {"semeval-0000402": "id", "semeval-0000410": "zh"}}


def english_share(text: str) -> tuple[int, float]:
    words = [w.lower() for w in _WORD.findall(text)]
    english = cue_words()["en"][1]
    return len(words), (sum(w in english for w in words) / len(words) if words else 0.0)


def evaluate(data: Path = DATA) -> dict:
    result: dict = {}
    for name, loader in CORPORA.items():
        docs = list(loader(data))
        started = time.perf_counter()
        found = [(d["id"], detect_language(d["text"])) for d in docs]
        seconds = time.perf_counter() - started
        skipped = [(doc_id, language.code) for doc_id, language in found if not language.english]
        known = NOT_ENGLISH.get(name, {})
        false_skips = [(doc_id, code) for doc_id, code in skipped if doc_id not in known]
        english = len(docs) - len(known)
        shares = [share for n, share in map(english_share, (d["text"] for d in docs)) if n >= MIN_WORDS]
        result[name] = {"articles": len(docs), "called_non_english": len(skipped), "which": skipped[:10],
                        "known_non_english": len(known),
                        "found_non_english": sum(1 for doc_id, code in skipped if known.get(doc_id) == code),
                        "false_skips": len(false_skips),
                        "false_skip_rate": len(false_skips) / english if english else 0.0,
                        "analysed_share": 1 - len(false_skips) / english if english else 0.0,
                        "lowest_english_share": round(min(shares), 4) if shares else None,
                        "ms_per_article": round(1000 * seconds / max(1, len(docs)), 3)}
    return result


def main() -> None:
    result = evaluate()
    for name, row in result.items():
        print(f"{name:21s} {row['articles']:4d} articles, {row['called_non_english']} called non-English "
              f"({row['found_non_english']} of {row['known_non_english']} known non-English found, "
              f"{row['false_skips']} false skips), lowest English share {row['lowest_english_share']}, "
              f"{row['ms_per_article']} ms/article")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()

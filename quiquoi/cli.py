"""Command line: a thin layer over the library (quiquoi.Coder, quiquoi.evaluate, quiquoi.bench)."""
from __future__ import annotations

import argparse
import json
import sys

from quiquoi import __version__


def _coder(args):
    from quiquoi.coder import Coder

    return Coder(lang=args.lang, check_language=not getattr(args, "no_language_check", False))


def cmd_code(args) -> int:
    from tqdm import tqdm

    from quiquoi.coder import CodingError
    from quiquoi.ingest.readers import parse_date, read_inputs

    try:
        published = parse_date(args.published)
    except ValueError as exc:
        print(f"quiquoi: --published: {exc}", file=sys.stderr)
        return 2
    coder = _coder(args)
    coded = failed = 0
    # the bar appears only when a run lasts, i.e. for more than a few articles
    bar = tqdm(desc="coding", unit="art", disable=args.quiet, delay=1.5, file=sys.stderr)
    for result in coder.code_many(read_inputs(args.paths, published)):
        if isinstance(result, CodingError):
            failed += 1
            bar.clear()
            print(f"quiquoi: error: {result}", file=sys.stderr)
        else:
            coded += 1
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2 if args.pretty else None) + "\n")
        bar.update(1)
    bar.close()
    if not args.quiet and (coded + failed) > 1:
        print(f"quiquoi: {coded} coded, {failed} failed", file=sys.stderr)
    return 0 if coded else 1


def cmd_eval(args) -> int:
    if args.timebank is not None:
        from quiquoi.dates.timebank import evaluate_timebank, format_report

        from quiquoi.nlp import load_pipeline

        res = evaluate_timebank(args.timebank, args.lang, nlp=load_pipeline(args.lang))
        print(json.dumps(res, indent=2, default=str) if args.json else format_report(res))
        if not args.paths and args.sequoia is None:
            return 0
    if args.sequoia is not None:
        from quiquoi.evaluate.sequoia import evaluate_sequoia, format_report as sequoia_report

        res = evaluate_sequoia(args.sequoia, _coder(args))
        print(json.dumps(res, indent=2) if args.json else sequoia_report(res))
        if not args.paths:
            return 0
    from quiquoi.evaluate import default_gold_dirs, evaluate, print_report

    paths = args.paths or default_gold_dirs()
    if not paths:
        print("quiquoi eval: give gold files or folders (none found under ./tests/data)", file=sys.stderr)
        return 2
    summary, scores = evaluate(paths, _coder(args))
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print_report(summary, scores, sys.stdout, verbose=not args.quiet)
    return 0


def cmd_bench(args) -> int:
    from tqdm import tqdm

    from quiquoi.bench import default_corpus, run_bench

    paths = args.corpus or default_corpus()
    coder = _coder(args)
    bar = tqdm(total=args.articles, desc="quiquoi", unit="art", disable=args.quiet or args.json, file=sys.stderr)
    res = run_bench(coder, paths, articles=args.articles, progress=lambda: bar.update(1), rounds=args.rounds)
    bar.close()
    if args.json:
        print(json.dumps(res))
    else:
        print(f"{res['articles']} articles ({res['distinct_texts']} distinct texts), {res['tokens']:,} tokens, on {res['machine']}")
        print(f"quiquoi : {res['articles_per_s']:8.2f} articles/s {res['tokens_per_s']:10.1f} tokens/s")
        print(f"spaCy   : {res['spacy_articles_per_s']:8.2f} articles/s {res['spacy_tokens_per_s']:10.1f} tokens/s (bare nlp.pipe)")
        print(f"ratio   : {res['ratio']:.3f} of bare spaCy throughput ({res['cpu_ratio']:.3f} in CPU time; "
              f"{res['rounds']} alternating rounds); peak RSS {res['peak_rss_mb']} MB")
        print(f"quotes  : {res['quotes_share']:.1%} of quiquoi's time is quotation extraction")
        print(f"output  : {res['events']} events, {res['quotes']} quotes, {res['errors']} refused")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="quiquoi", description="Who did or said what to whom, where and when.")
    p.add_argument("--version", action="version", version=f"quiquoi {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp):
        sp.add_argument("--lang", default="fr", help="language of the articles (default: fr)")
        sp.add_argument("--quiet", action="store_true", help="no progress bar or summary on stderr")

    c = sub.add_parser("code", help="code articles into events and quotes (JSON Lines on stdout)")
    c.add_argument("paths", nargs="+", help=".txt files, folders of them, .jsonl files, or - for JSONL on stdin")
    c.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that carry none")
    c.add_argument("--pretty", action="store_true", help="indented JSON (one object per article still)")
    c.add_argument("--no-language-check", action="store_true", help="code texts even if they look like another language")
    common(c)
    c.set_defaults(func=cmd_code)

    e = sub.add_parser("eval", help="precision/recall/F1 against gold files")
    e.add_argument("paths", nargs="*", help="gold .expected.yaml files or folders (default: tests/data/seed and dev)")
    e.add_argument("--timebank", nargs="?", const="../shared/eval/fr-timebank", default=None,
                   help="also score date resolution on French TimeBank (folder; default ../shared/eval/fr-timebank)")
    e.add_argument("--sequoia", nargs="?", const="../shared/eval/sequoia-ne", default=None,
                   help="also score persons, organisations and places on the Sequoia treebank's named "
                        "entities (folder of its CoNLL-U files; default ../shared/eval/sequoia-ne)")
    e.add_argument("--json", action="store_true", help="print the summary as JSON")
    common(e)
    e.set_defaults(func=cmd_eval)

    b = sub.add_parser("bench", help="throughput against bare spaCy parsing of the same texts")
    b.add_argument("--articles", type=int, default=2000, help="articles to code (texts are cycled; default 2000)")
    b.add_argument("--corpus", nargs="*", help="folders/.txt/.jsonl(.gz) files (default: tests/data dev + seed)")
    b.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    b.add_argument("--rounds", type=int, default=10,
                   help="alternate bare spaCy and quiquoi over this many slices of the texts (default 10)")
    common(b)
    b.set_defaults(func=cmd_bench)

    # later stages add their own subcommands (ingest, query, export, serve…) from their package
    import importlib

    for stage in _STAGE_COMMANDS:
        try:
            module = importlib.import_module(f"quiquoi.{stage}.cli")
        except ModuleNotFoundError as exc:
            if exc.name != f"quiquoi.{stage}.cli" and exc.name != f"quiquoi.{stage}":
                raise
            continue
        module.register(sub, common)
    return p


_STAGE_COMMANDS = ("store", "api")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("quiquoi: interrupted", file=sys.stderr)
        return 130
    except (RuntimeError, ValueError, FileNotFoundError) as exc:
        print(f"quiquoi: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

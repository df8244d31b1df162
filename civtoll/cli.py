"""The `civtoll` command: validate the data package, build the site, make a release, preview it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import paths
from .problems import InvalidPackage, errors, to_json, warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="civtoll", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="check the data package and print every problem")
    check.add_argument("package", nargs="?", type=Path, default=paths.DEFAULT_PACKAGE)
    check.add_argument("--json", action="store_true", help="print the problems as JSON")
    check.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD",
                       help="judge future months and publication dates as of this day (default: today)")

    build = commands.add_parser("build", help="validate, derive, draw, write and build the site")
    build.add_argument("--package", type=Path, default=paths.DEFAULT_PACKAGE)
    build.add_argument("--out", type=Path, default=paths.DEFAULT_SITE)
    build.add_argument("--quiet", action="store_true", help="print only errors and the summary")
    build.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                       help="the site generator: MkDocs Material (default) or Zensical (optional extra)")
    build.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD",
                       help="judge future months and publication dates as of this day (default: today)")

    release = commands.add_parser("release", help="keep the package as it is now as a release named by its date")
    release.add_argument("--package", type=Path, default=paths.DEFAULT_PACKAGE)
    release.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD",
                         help="the release's date (default: today)")

    serve = commands.add_parser("serve", help="preview the built site on http://127.0.0.1:8000/")
    serve.add_argument("--out", type=Path, default=paths.DEFAULT_SITE)
    serve.add_argument("--port", type=int, default=8000)

    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.package, args.json, args.as_of)
    if args.command == "build":
        return _build(args.package, args.out, args.quiet, args.as_of, args.engine)
    if args.command == "release":
        return _release(args.package, args.date)
    return _serve(args.out, args.port)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _validate(package: Path, as_json: bool, as_of: dt.date | None) -> int:
    from .validate import check_package
    from .validate.provenance import quote_shares

    problems, tables = check_package(package, today=as_of)
    shares = quote_shares(tables) if tables is not None else {}
    if as_json:
        print(to_json(problems, {name: {"quoted": q, "figures": n} for name, (q, n) in shares.items()}))
    else:
        for problem in problems:
            print(problem)
        for name, (quoted, total) in shares.items():
            share = f"{100 * quoted / total:.1f}%" if total else "-"
            print(f"figures with quoted source words, {name}: {quoted:,} of {total:,} ({share})")
        if not errors(problems):
            print(f"{package}: valid ({len(warnings(problems))} warning(s))")
    return 1 if errors(problems) else 0


def _build(package: Path, out: Path, quiet: bool, as_of: dt.date | None, engine: str = "mkdocs") -> int:
    from .build import build_site
    from .generators import MkDocsFailed

    try:
        summary = build_site(package, out, progress=None if quiet else _progress, today=as_of, engine=engine)
    except InvalidPackage as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"build stopped: {e}; {out} was left untouched", file=sys.stderr)
        return 1
    except MkDocsFailed as e:
        print(f"build stopped: the site generator failed: {e}; {out} was left untouched", file=sys.stderr)
        return 1
    print(summary)
    return 0


def _release(package: Path, date: dt.date | None) -> int:
    from .downloads import human_size
    from .releases import ReleaseRefused, make_release

    day = (date or dt.date.today()).isoformat()  # naming a release is a human act: the clock is allowed here
    try:
        made = make_release(package, day)
    except ReleaseRefused as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"release refused: {e}; nothing was written", file=sys.stderr)
        return 1
    for path, data in made["files"].items():
        print(f"{made['path']}/{path}  {human_size(len(data))}")
    total = sum(len(data) for data in made["files"].values())
    since = f", after {made['previous']}" if made["previous"] else ", the first"
    print(f"released {day}{since}: {len(made['files'])} files, {human_size(total)} in {made['path']}")
    return 0


def _serve(out: Path, port: int) -> int:
    import functools
    import http.server

    if not (out / "index.html").is_file():
        print(f"{out} has no built site: run `civtoll build` first", file=sys.stderr)
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving {out} on http://127.0.0.1:{port}/ (Ctrl-C stops)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run() -> None:
    """The console command: `main`, then an immediate exit (shortcuts.exit_now)."""
    from .shortcuts import exit_now

    exit_now(main())


if __name__ == "__main__":
    run()

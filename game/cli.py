"""The `collector-sim` command: a thin shell over the engine, scoring, audio, store and window.

Exit codes: 0 success, 1 invalid input, 2 usage error. Errors are one sentence on stderr, never a
traceback. Heavy parts (pygame, audio, the store) are imported only by the commands that use them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from game.engine.plain_text import clean_line, printable
from game.engine.scenario import ScenarioError, load_all, load_scenario
from game.engine.scenario.models import Scenario
from game.engine.transcript import TranscriptError, load_transcript
from game.i18n import DEFAULT_LANGUAGE, LANGUAGES, _, current_language, ngettext, set_language
from game.text_width import ljust, rjust, width

if TYPE_CHECKING:
    from scoring import Scorecard


class UserError(Exception):
    """Bad input from the user: printed as one sentence, exit 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"collector-sim: {message} (see collector-sim --help)\n")


def fixed_language(chosen: str | None) -> str | None:
    """The language the user fixed: ``--lang``, else the settings file's; None lets each call speak
    its scenario's language."""
    if chosen:
        return chosen
    from game.ui.settings import home_dir, load_settings

    saved = load_settings(home_dir()).language
    return saved if saved in LANGUAGES else None


def _speak(args: argparse.Namespace, scenario: Scenario | None = None) -> None:
    """Speak the fixed language, else the scenario's, else English, from here on."""
    set_language(args.fixed_language or (scenario.language if scenario else DEFAULT_LANGUAGE))


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _scenario(name: str) -> Scenario:
    try:
        return load_scenario(name)
    except ScenarioError as err:
        detail = "\n".join(map(str, err.problems)) if err.problems else str(err)
        raise UserError(detail) from None


def summary(scenario: Scenario) -> dict[str, Any]:
    """What `list` and `show` tell about a scenario."""
    account = scenario.account
    return {
        "id": scenario.id,
        "title": scenario.title,
        "archetype": scenario.persona.archetype,
        "difficulty": scenario.difficulty,
        "language": scenario.language,
        "jurisdiction": scenario.jurisdiction,
        "description": scenario.description,
        "account": {
            "debtor_name": account.debtor_name,
            "title": account.title,
            "amount": account.amount,
            "currency": account.currency,
            "days_past_due": account.days_past_due,
            "creditor": account.creditor,
            "call_date": account.call_date.isoformat(),
            "notes": list(account.notes),
            "goal": account.goal,
        },
        "persona": {
            "name": scenario.persona.name or account.debtor_name,
            "voice": scenario.persona.voice.model_dump(),
            "excuses": [e.id for e in scenario.excuses],
        },
    }


def cmd_list(args: argparse.Namespace) -> int:
    loaded = load_all()
    rows = [summary(i.scenario) for i in loaded if i.scenario is not None]
    broken = [i for i in loaded if i.scenario is None]
    if args.json:
        keys = ("id", "title", "archetype", "difficulty", "language")
        print(_dump([{k: r[k] for k in keys} for r in rows]))
    else:
        print(_list_table(rows), end="")
    if broken:
        count = len(broken)
        message = ngettext(
            "{count} scenario file has problems; run collector-sim validate",
            "{count} scenario files have problems; run collector-sim validate",
            count,
        )
        print(message.format(count=count), file=sys.stderr)
    return 0


def _list_table(rows: list[dict[str, Any]]) -> str:
    """The scenarios as columns that line up in a terminal, Chinese titles included (display width)."""
    header = [_("ID"), _("TITLE"), _("ARCHETYPE"), _("DIFFICULTY"), _("LANGUAGE")]
    cells = [[r["id"], r["title"], r["archetype"], str(r["difficulty"]), r["language"]] for r in rows]
    widths = [max(width(line[i]) for line in [header, *cells]) for i in range(len(header))]
    lines = []
    for line in [header, *cells]:
        padded = [rjust(c, w) if i == 3 else ljust(c, w) for i, (c, w) in enumerate(zip(line, widths, strict=True))]
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines) + "\n"


def cmd_show(args: argparse.Namespace) -> int:
    from game.engine.lines import money

    scenario = _scenario(args.scenario)
    _speak(args, scenario)
    data = summary(scenario)
    if args.json:
        print(_dump(data))
    else:
        account = data["account"]
        print(_("{title} ({id}), {archetype}, difficulty {difficulty}").format(**data))
        print(data["description"])
        balance = money(account["amount"], account["currency"])
        print(_("Debtor: {name}  Balance: {balance}").format(name=account["debtor_name"], balance=balance))
        print(
            _("Days past due: {days}  Creditor: {creditor}").format(
                days=account["days_past_due"], creditor=account["creditor"]
            )
        )
        for note in account["notes"]:
            print(f"  - {note}")
    return 0


def _scenario_files(folder: Path) -> list[Path]:
    """The .yaml files under ``folder``; a folder with none is a mistake worth a sentence, not "0 valid"."""
    found = sorted(folder.rglob("*.yaml"))
    if found:
        return found
    if any(folder.rglob("*.yml")):
        raise UserError(f"{folder} holds only .yml files; scenario files end in .yaml, so rename them")
    raise UserError(f"{folder} holds no scenario files (.yaml)")


def cmd_validate(args: argparse.Namespace) -> int:
    from game.engine.scenario import load_file

    if args.paths:
        paths: list[Path] = []
        for name in args.paths:
            path = Path(name)
            paths.extend(_scenario_files(path) if path.is_dir() else [path])
        loaded = [load_file(p) for p in paths]
    else:
        loaded = load_all()
    problems = [p for item in loaded for p in item.problems]
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{len(loaded)} scenario file(s) valid", file=sys.stderr)
    return 1 if problems else 0


def _transcript(path: str) -> Any:
    try:
        return load_transcript(path)
    except TranscriptError as err:
        raise UserError(str(err)) from None


def _hear(scenario: Scenario) -> Callable[[Path], Any]:
    from game.audio.transcribe import hear_for

    return hear_for(scenario)


def cmd_replay(args: argparse.Namespace) -> int:
    from game.session import CallSession
    from game.session.call import play_script

    scenario = _scenario(args.scenario)
    _speak(args, scenario)
    transcript = _transcript(args.transcript)
    seed = args.seed if args.seed is not None else (transcript.seed or 0)
    needs_audio = any(t.audio for t in transcript.turns)
    hear = _hear(scenario) if needs_audio else None
    try:
        session = CallSession(scenario, seed)
        play_script(session, transcript.turns, hear=hear, base=Path(args.transcript).parent)
    except OSError as err:
        raise UserError(_("cannot read an audio turn: {error}").format(error=err)) from None
    card = session.finish()
    if args.json:
        print(json.dumps(card.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(card_text(card))
    return 0


def card_text(card: Scorecard) -> str:
    """The scorecard for the terminal, in the language spoken now."""
    from scoring.render import format_scorecard

    return printable(format_scorecard(card, current_language()))


def cmd_console(args: argparse.Namespace) -> int:
    from game.console import CallStopped, play_console
    from game.session import CallSession
    from scoring import score_call

    scenario = _scenario(args.scenario)
    _speak(args, scenario)
    session = CallSession(scenario, args.seed)
    try:
        play_console(session, sys.stdin, sys.stdout)
    except CallStopped as stop:
        print(flush=True)
        print(_("collector-sim: stopped with Ctrl-C; here is the scorecard of the call so far"), file=sys.stderr)
        print(card_text(score_call(stop.record, scenario, live=True)))
        return 130
    print()
    print(card_text(session.finish()))
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    from game.engine.step import context_for
    from game.engine.understand import Context, understand

    if args.scenario:
        context = context_for(_scenario(args.scenario))
    else:
        call_date = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
        context = Context(call_date=call_date, language=args.lang)
    for raw in sys.stdin:
        text = clean_line(raw)
        if not text:
            continue
        heard = understand(text, context)
        data = {"text": text, "acts": list(heard.acts), "entities": heard.entities.as_dict(), "asks": list(heard.asks)}
        print(json.dumps(data, ensure_ascii=False), flush=True)
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from game import bench

    if args.only and args.only not in bench.BENCHMARKS:
        raise UserError(f"no benchmark named {args.only!r}; there are: {', '.join(bench.BENCHMARKS)}")
    results = bench.run(args.only)
    if args.json:
        print(json.dumps(results))
    else:
        for name, figures in results.items():
            print(f"{name}: " + ", ".join(f"{k}={v}" for k, v in figures.items()))
    return 0


def cmd_menu(args: argparse.Namespace) -> int:
    from game.ui.app import NoDisplay, run_menu

    try:
        return run_menu()
    except NoDisplay as err:
        raise UserError(str(err)) from None


def cmd_play(args: argparse.Namespace) -> int:
    from game.ui.app import NoDisplay, UsageError, run_play

    if args.screenshots and not args.script:
        raise UserError(_("--screenshots goes with --script (a transcript to play)"))
    try:
        return run_play(args.scenario, voice=args.voice, script=args.script, screenshots=args.screenshots)
    except (NoDisplay, UsageError) as err:
        raise UserError(str(err)) from None


def cmd_new(args: argparse.Namespace) -> int:
    from game.authoring.new import NewScenarioError, write_new

    try:
        path = write_new(args.name, args.archetype, Path(args.out) if args.out else None)
    except NewScenarioError as err:
        raise UserError(str(err)) from None
    print(f"wrote {path}; check it with: collector-sim validate {path}")
    return 0


def cmd_test_scenarios(args: argparse.Namespace) -> int:
    from game.authoring.selftest import report, run_scenario_tests

    paths = [Path(p) for p in args.paths] or None
    missing = [str(p) for p in paths or [] if not p.exists()]
    if missing:
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    return report(run_scenario_tests(paths, hear_for=_hear), sys.stdout)


def cmd_replay_case(args: argparse.Namespace) -> int:
    from game.cases.files import CaseError, find_case, load_case_transcript
    from game.cases.run import play_case
    from game.cases.scorecard import format_case, score_case

    try:
        loaded = find_case(args.case)
        transcript = load_case_transcript(args.transcript)
    except CaseError as err:
        raise UserError(str(err)) from None
    seed = args.seed if args.seed is not None else (transcript.seed or 0)
    card = score_case(play_case(loaded.case, loaded.scenarios, transcript.calls, seed))
    print(_dump(card) if args.json else format_case(card))
    return 0


def cmd_test_cases(args: argparse.Namespace) -> int:
    from game.cases.selftest import format_result, run_case_tests

    paths = [Path(p) for p in args.paths] or None
    missing = [str(p) for p in paths or [] if not p.exists()]
    if missing:
        raise UserError(f"no such file or folder: {', '.join(missing)}")
    results = run_case_tests(paths)
    for result in results:
        print(format_result(result))
    failed = sum(1 for r in results if not r.passed)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


@contextmanager
def _store(url: str | None) -> Iterator[Any]:
    """The results store, open for the block; any store failure in it becomes one sentence, exit 1."""
    from game.store.store import ResultStore, StoreError

    try:
        with ResultStore.open(url) as store:
            yield store
    except StoreError as err:
        raise UserError(str(err)) from None


def _scenario_ids() -> list[str]:
    return [i.scenario.id for i in load_all() if i.scenario is not None]


def cmd_drill_list(args: argparse.Namespace) -> int:
    from game.store.commands import drill_list_text

    sys.stdout.write(drill_list_text(as_json=args.json, scenario_ids=_scenario_ids()))
    return 0


def _stopped_call(store: Any, drill: Any, trainee: str, resume: str | None) -> Any:
    """The trainee's stopped call of this drill to take up (``resume``: a call id, or "latest"), reopened
    in the store; None when not resuming. Without ``resume``, a stopped call is mentioned, not taken up."""
    from game.session.resume import StoppedCall
    from game.store.store import StoreError

    stopped = store.unfinished_calls(drill=drill.name, trainee=trainee)
    if resume is None:
        if stopped:
            last = stopped[-1]
            hint = _(
                "Your call {id} of this drill ({scenario}) stopped unfinished on {day}; add --resume to take it up."
            )
            print(hint.format(id=last.call_id, scenario=last.scenario, day=last.started_at.date().isoformat()))
        return None
    wanted = [c for c in stopped if resume == "latest" or str(c.call_id) == resume]
    if not wanted:
        missing = (
            _("{trainee} has no unfinished call of the drill {drill} to resume")
            if resume == "latest"
            else _("{trainee} has no unfinished call {id} in the drill {drill} to resume")
        )
        raise UserError(missing.format(trainee=trainee, id=resume, drill=drill.name))
    call = wanted[-1]
    try:
        turns = store.reopen_call(call.call_id)
    except StoreError as err:
        raise UserError(str(err)) from None
    return StoppedCall(call.call_id, call.scenario, call.seed, tuple(turns))


def _drill_console(drill: Any, trainee: str, url: str | None, language: str | None, resume: str | None = None) -> int:
    """A drill in the terminal. A store that cannot be opened (a read-only folder, a newer game's file,
    a server down) is a notice, and the drill is played unsaved; a URL that is not one is an error.
    ``resume``: take up a stopped call of the drill (see ``_stopped_call``)."""
    from game.drill_console import run_drill_console
    from game.session.resume import ResumeError
    from game.store.store import ResultStore, StoreError, default_url, parse_url

    try:
        parse_url(url or default_url())
    except StoreError as err:
        raise UserError(str(err)) from None
    store: ResultStore | None
    try:
        store = ResultStore.open(url)
    except StoreError as err:
        notice = _("collector-sim: notice: {problem}; the drill goes on, but nothing is saved")
        print(notice.format(problem=err), file=sys.stderr)
        store = None
    if store is None and resume is not None:
        raise UserError(_("the results store cannot be opened, so there is no stopped call to resume"))
    try:
        stopped = _stopped_call(store, drill, trainee, resume) if store is not None else None
        run_drill_console(drill, trainee, store, sys.stdin, sys.stdout, language=language, resume=stopped)
    except ResumeError as err:
        raise UserError(str(err)) from None
    finally:
        if store is not None:
            store.close()
    return 0


def cmd_drill_run(args: argparse.Namespace) -> int:
    from game.drills import DrillError, load_drill

    try:
        drill = load_drill(args.drill, scenario_ids=_scenario_ids())
    except DrillError as err:
        raise UserError("\n".join(map(str, err.problems)) or str(err)) from None
    args.trainee = clean_line(args.trainee)
    if not args.trainee:
        raise UserError(_("--trainee needs a name"))
    if args.console:
        return _drill_console(drill, args.trainee, args.db, args.fixed_language, args.resume)
    if args.resume is not None:
        raise UserError(_("--resume works in the terminal (add --console); the window offers it before the drill"))
    with _store(args.db) as store:
        from game.ui.app import NoDisplay, run_drill

        try:
            return run_drill(drill, args.trainee, store)
        except NoDisplay as err:
            raise UserError(_("{problem} (or add --console)").format(problem=err)) from None


def cmd_results(args: argparse.Namespace) -> int:
    from game.store.commands import results_text

    with _store(args.db) as store:  # names and outcomes were typed by people: no control bytes to the terminal
        titles = {i.scenario.id: i.scenario.title for i in load_all() if i.scenario is not None}
        text = results_text(store, drill=args.drill, trainee=args.trainee, fmt=args.format, titles=titles)
        sys.stdout.write(printable(text))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from game.store.commands import write_report

    with _store(args.db) as store:
        path = write_report(store, args.out, drill=args.drill, language=current_language())
    print(_("wrote {path}").format(path=path))
    return 0


def cmd_transcribe(args: argparse.Namespace) -> int:
    from game.audio.transcribe import TranscribeError, audio_files, peak_memory_mb, transcribe_file, transcribe_files

    scenario = _scenario(args.scenario) if args.scenario else None
    paths = audio_files(args.audio)
    if not paths:
        raise UserError(f"{args.audio[0]}: no .wav files in this folder.")
    if len(paths) != 1 or Path(args.audio[0]).is_dir():
        failed = 0
        for result in transcribe_files(paths, scenario):
            failed += "error" in result
            print(json.dumps(result, ensure_ascii=False), flush=True)
        summary = f"transcribed {len(paths) - failed} of {len(paths)} files; peak memory {peak_memory_mb()} MB"
        print(summary, file=sys.stderr)
        return 1 if failed else 0
    try:
        result = transcribe_file(paths[0], scenario=scenario)
    except TranscribeError as err:
        raise UserError(str(err)) from None
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        amounts = ", ".join(f"{a:g}" for a in result["amounts"]) or "none"
        print(f"heard: {result['text']}")
        print(f"amounts: {amounts}   recognised in {result['seconds']:.2f} s by {result.get('engine', '?')}")
    return 0


LANG_HELP = "the language of what the game prints (default: the settings', else each call's scenario's)"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="collector-sim", description="Practise debt-collection calls against scripted personas.")
    parser.add_argument("--lang", dest="lang_option", choices=LANGUAGES, help=LANG_HELP)
    # The same option after the command (`report --lang zh`); SUPPRESS keeps one given before it.
    lang = _Parser(add_help=False)
    lang.add_argument("--lang", dest="lang_option", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANG_HELP)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("play", parents=[lang], help="open the game window straight into a call")
    p.add_argument("scenario")
    p.add_argument("--voice", action="store_true", help="speak the debtor's lines (default: the settings)")
    p.add_argument("--script", help="a transcript to type in, as a trainee would")
    p.add_argument("--screenshots", help="a folder for a PNG after each debtor reply and of the scorecard")
    p.set_defaults(func=cmd_play)

    p = sub.add_parser("new", help="write a short, valid, commented scenario to start from")
    p.add_argument("name")
    p.add_argument("--archetype", required=True)
    p.add_argument("--out", help="a folder or a .yaml path (default: NAME.yaml here)")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("test-scenarios", help="run the tests carried by scenarios")
    p.add_argument("paths", nargs="*")
    p.set_defaults(func=cmd_test_scenarios)

    p = sub.add_parser("list", parents=[lang], help="the scenarios")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=[lang], help="one scenario's summary")
    p.add_argument("scenario")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("validate", help="check scenario files (default: all)")
    p.add_argument("paths", nargs="*")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("replay", parents=[lang], help="play a transcript against a scenario and print the scorecard")
    p.add_argument("scenario")
    p.add_argument("transcript")
    p.add_argument("--json", action="store_true")
    p.add_argument("--seed", type=int)
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("replay-case", help="play a case (several calls, their times and notes) from one transcript")
    p.add_argument("case", help="a case id or a path to its YAML file")
    p.add_argument("transcript")
    p.add_argument("--json", action="store_true")
    p.add_argument("--seed", type=int)
    p.set_defaults(func=cmd_replay_case)

    p = sub.add_parser("test-cases", help="run the tests carried by cases, and check they play every branch")
    p.add_argument("paths", nargs="*")
    p.set_defaults(func=cmd_test_cases)

    p = sub.add_parser("console", parents=[lang], help="play a call in the terminal")
    p.add_argument("scenario")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_console)

    p = sub.add_parser("classify", help="dialogue acts and entities of lines read from stdin")
    p.add_argument("--lang", default="en", choices=["en", "zh"])
    p.add_argument("--json", action="store_true", help="one JSON object per line (the default output)")
    p.add_argument("--scenario", help="resolve names and dates against this scenario")
    p.add_argument("--date", help="the call date for relative dates (YYYY-MM-DD; default today)")
    p.set_defaults(func=cmd_classify)

    p = sub.add_parser("transcribe", help="recognise the speech in WAV files (one JSON line each for several)")
    p.add_argument("audio", nargs="+", help="WAV files or folders of them")
    p.add_argument("--scenario", help="bias recognition to this call's names and amounts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_transcribe)

    drill = sub.add_parser("drill", help="scored drills for a team")
    drill_sub = drill.add_subparsers(dest="drill_command", parser_class=_Parser, required=True)
    p = drill_sub.add_parser("list", parents=[lang], help="the drills found")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_drill_list)
    p = drill_sub.add_parser(
        "run", parents=[lang], help="take a drill in the window, or in the terminal with --console"
    )
    p.add_argument("drill", help="a drill name from `drill list`, or a path")
    p.add_argument("--trainee", required=True)
    p.add_argument("--db", help="database URL (default: $COLLECTOR_SIM_DB, else a file in your data folder)")
    p.add_argument("--console", action="store_true")
    p.add_argument(
        "--resume",
        nargs="?",
        const="latest",
        metavar="CALL",
        help="take up your call of this drill that stopped unfinished (the latest, or the call id given)",
    )
    p.set_defaults(func=cmd_drill_run)

    p = sub.add_parser("results", parents=[lang], help="one row per saved call")
    p.add_argument("--db")
    p.add_argument("--drill")
    p.add_argument("--trainee")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=cmd_results)

    p = sub.add_parser("report", parents=[lang], help="a self-contained HTML report with charts for team leads")
    p.add_argument("--db")
    p.add_argument("--drill")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("bench", help="run the benchmarks")
    p.add_argument("--json", action="store_true")
    p.add_argument("--only")
    p.set_defaults(func=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", cmd_menu)
    args.fixed_language = fixed_language(args.lang_option)
    _speak(args)
    try:
        return func(args)
    except UserError as err:
        print(f"collector-sim: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\n" + _("collector-sim: stopped with Ctrl-C"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""The ``aistudio`` command: make a film from a prompt, or run each step alone.

``aistudio make`` runs breakdown -> character design -> render -> assembly with a progress bar
per stage. ``breakdown``, ``cast``, ``render`` and ``frame`` run one step each, so the spec JSON
can be edited by hand in between. Errors a user can fix are printed as one line, with a
non-zero exit status, never a traceback. With no arguments it opens the desktop app.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from .film import Film, FilmSpecError, Style, load, save

MIN_LENGTH, MAX_LENGTH = 15.0, 600.0
EXIT_USAGE, EXIT_FAILED = 2, 1


class CliError(Exception):
    """A problem with what the user asked for; printed as one line."""


# -- progress ---------------------------------------------------------------------------------


class ProgressBar:
    """A one-line progress bar per stage on stderr (a plain line per stage when not a terminal)."""

    def __init__(self, stream=None) -> None:  # type: ignore[no-untyped-def]
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.stage: str | None = None
        self.started = 0.0
        self.last_draw = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.finish()
            self.stage, self.started, self.last_draw = stage, now, 0.0
        if done < total and now - self.last_draw < (0.1 if self.tty else 5.0):
            return
        self.last_draw = now
        fraction = done / total if total else 1.0
        if self.tty:
            width = 30
            filled = round(width * fraction)
            bar = "█" * filled + "░" * (width - filled)
            self.stream.write(f"\r  {stage:<26} {bar} {fraction:4.0%}  {now - self.started:5.1f}s")
        elif done >= total:
            self.stream.write(f"  {stage}: done in {now - self.started:.1f}s\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.stage is not None and self.tty:
            self.stream.write("\n")
            self.stream.flush()
        self.stage = None


# -- checks -----------------------------------------------------------------------------------


def _style(value: str) -> Style:
    try:
        return Style(value.lower())
    except ValueError:
        choices = ", ".join(s.value for s in Style)
        raise argparse.ArgumentTypeError(f"unknown style '{value}': choose {choices}") from None


def _length(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of seconds") from None
    if not MIN_LENGTH <= seconds <= MAX_LENGTH:
        raise argparse.ArgumentTypeError(
            f"{value} s is outside the lengths AI Studio makes ({MIN_LENGTH:g} s to {MAX_LENGTH / 60:g} min)"
        )
    return seconds


def _writable(path: Path) -> Path:
    """Fail early, before minutes of work, if ``path`` cannot be written."""
    path = path.expanduser()
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise CliError(f"{path} is a folder: give a file name such as {path / 'film.mp4'}")
    if not parent.is_dir():
        raise CliError(f"cannot write {path}: the folder {parent} does not exist")
    try:
        with tempfile.NamedTemporaryFile(dir=parent, prefix=".aistudio-probe-"):
            pass
    except OSError as error:
        raise CliError(f"cannot write to {parent}: {error.strerror or error}") from None
    return path


def _prompt_text(prompt: str | None, story_file: Path | None) -> str:
    if story_file is not None:
        try:
            text = story_file.read_text(encoding="utf-8")
        except OSError as error:
            raise CliError(f"cannot read {story_file}: {error.strerror or error}") from None
        except UnicodeDecodeError:
            raise CliError(f"{story_file} is not UTF-8 text") from None
    elif prompt == "-":
        text = sys.stdin.read()
    else:
        text = prompt or ""
    if not text.strip():
        raise CliError('the story prompt is empty: describe a story, e.g. "a shy robot learns to dance"')
    return text


def _cache_dir(value: Path | None) -> Path:
    if value is not None:
        return value
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("aistudio", appauthor=False)) / "renders"


# -- steps ------------------------------------------------------------------------------------


def _providers():  # type: ignore[no-untyped-def]
    from .ai.registry import ProviderSettings, make_providers

    return make_providers(ProviderSettings.from_env())


def _breakdown(text: str, style: Style, length: float, language: str, seed: int) -> Film:
    from .ai.protocols import BreakdownRequest

    writer = _providers().writer
    return writer.breakdown(BreakdownRequest(prompt=text, style=style, length=length, language=language, seed=seed))


def _design(film: Film, assets_dir: Path, only: set[str] | None = None) -> Film:
    return _providers().designer.design(film, assets_dir=assets_dir, only=only)


def _write_cast_sheet(film: Film, path: Path) -> Path:
    import cv2

    from .engine.characters import cast_sheet

    picture = cast_sheet(film)
    if not cv2.imwrite(str(path), cv2.cvtColor(picture, cv2.COLOR_RGB2BGR)):
        raise CliError(f"cannot write the cast sheet to {path}")
    return path


def _preset(name: str):  # type: ignore[no-untyped-def]
    from .engine.presets import preset

    try:
        return preset(name)
    except ValueError as error:
        raise CliError(str(error)) from None


def cmd_make(args: argparse.Namespace) -> int:
    out = _writable(args.output)
    text = _prompt_text(args.prompt, args.story_file)
    progress = ProgressBar()
    progress("story breakdown", 0, 1)
    film = _breakdown(text, args.style, args.length, args.language, args.seed)
    progress("story breakdown", 1, 1)
    progress("character design", 0, 1)
    assets = out.with_suffix("")
    film = _design(film, assets_dir=out.parent)
    progress("character design", 1, 1)
    spec_path = save(film, out.with_suffix(".json"))
    cast_path = _write_cast_sheet(film, Path(f"{assets}-cast.png"))
    return _render_film(film, out, args.preset, args.cache_dir, out.parent, progress, spec_path, cast_path)


def _render_film(film, out, preset_name, cache_dir, assets_dir, progress, spec_path=None, cast_path=None) -> int:  # type: ignore[no-untyped-def]
    from .engine.film import render_film

    preset = _preset(preset_name)
    started = time.monotonic()
    result = render_film(
        film, out, preset, _providers().voice, cache_dir=_cache_dir(cache_dir), assets_dir=assets_dir, progress=progress
    )
    progress.finish()
    elapsed = time.monotonic() - started
    size = f"{preset.width}x{preset.height}"
    print(f"Film:       {result.path}  ({film.duration:.0f} s, {size}, rendered in {elapsed:.0f} s)")
    if spec_path is not None:
        print(f"Spec:       {spec_path}")
    if cast_path is not None:
        print(f"Cast sheet: {cast_path}")
    print(f"Scenes:     {len(result.scenes)} ({result.rendered} rendered, {result.reused} from cache)")
    return 0


def cmd_breakdown(args: argparse.Namespace) -> int:
    out = _writable(args.output)
    film = _breakdown(_prompt_text(args.prompt, args.story_file), args.style, args.length, args.language, args.seed)
    save(film, out)
    print(f"Spec: {out}  ({len(film.cast)} characters, {len(film.scenes)} scenes, {film.duration:.0f} s)")
    return 0


def cmd_cast(args: argparse.Namespace) -> int:
    film = load(args.spec)
    only = set(args.regenerate) if args.regenerate else None
    if only:
        unknown = only - {m.id for m in film.cast}
        if unknown:
            raise CliError(f"no cast member with id {', '.join(sorted(unknown))} in {args.spec}")
    elif all(member.design for member in film.cast):
        only = set()
    designed = _design(film, assets_dir=args.spec.parent, only=only) if only != set() else film
    save(designed, args.spec)
    sheet = _writable(args.output or args.spec.with_name(args.spec.stem + "-cast.png"))
    _write_cast_sheet(designed, sheet)
    for member in designed.cast:
        look = member.design
        detail = f"{member.kind.value}, " + (f"{look.outfit} ({look.outfit_color})" if look else "no design")
        print(f"  {member.id:<14} {member.name:<18} {member.role:<14} {detail}")
    print(f"Spec: {args.spec}\nCast sheet: {sheet}")
    return 0


def _designed(film: Film, spec: Path) -> Film:
    """Render needs a design for everyone; fill in missing ones with the built-in designer."""
    missing = {m.id for m in film.cast if m.design is None}
    if not missing:
        return film
    from .ai.offline.designer import OfflineDesigner

    print(f"note: designing {', '.join(sorted(missing))} (run `aistudio cast {spec}` to keep the designs)")
    return OfflineDesigner().design(film, only=missing)


def _scene_index(film: Film, number: int) -> int:
    if not 1 <= number <= len(film.scenes):
        raise CliError(f"--scene {number}: the film has scenes 1 to {len(film.scenes)}")
    return number - 1


def cmd_render(args: argparse.Namespace) -> int:
    film = _designed(load(args.spec), args.spec)
    progress = ProgressBar()
    if args.scene is None:
        out = _writable(args.output or args.spec.with_suffix(".mp4"))
        return _render_film(film, out, args.preset, args.cache_dir, args.spec.parent, progress)
    from .engine.film import render_scenes

    index = _scene_index(film, args.scene)
    out = _writable(args.output or args.spec.with_name(f"{args.spec.stem}-scene{args.scene}.mp4"))
    outputs, _ = render_scenes(
        film,
        _preset(args.preset),
        _providers().voice,
        _cache_dir(args.cache_dir),
        only=[index],
        assets_dir=args.spec.parent,
        progress=progress,
    )
    progress.finish()
    shutil.copyfile(outputs[0].video, out)
    print(f"Scene {args.scene}: {out}")
    return 0


def cmd_frame(args: argparse.Namespace) -> int:
    import cv2

    from .engine.scene import SceneRenderer

    film = _designed(load(args.spec), args.spec)
    index = _scene_index(film, args.scene)
    scene = film.scenes[index]
    if not 0 <= args.at <= scene.duration:
        raise CliError(f"--at {args.at:g}: scene {args.scene} lasts {scene.duration:g} s")
    out = _writable(args.output)
    renderer = SceneRenderer(film, _preset(args.preset), _providers().voice, assets_dir=args.spec.parent)
    picture = renderer.frame_at(index, args.at)
    if not cv2.imwrite(str(out), cv2.cvtColor(picture, cv2.COLOR_RGB2BGR)):
        raise CliError(f"cannot write {out}: use a .png or .jpg name")
    print(f"Frame: {out}")
    return 0


def cmd_key(args: argparse.Namespace) -> int:
    """Store, check or remove the HTTP providers' API key in the OS keyring."""
    from .ai.keys import KeyStoreError, delete_api_key, get_api_key, set_api_key
    from .ai.registry import KEY_SERVICE

    try:
        if args.action == "set":
            if sys.stdin.isatty():
                import getpass

                key = getpass.getpass("API key (not shown): ")
            else:
                key = sys.stdin.readline()
            if not key.strip():
                raise CliError("no key given: type it at the prompt or pipe it in")
            set_api_key(KEY_SERVICE, key)
            print("API key stored in the OS keyring.")
        elif args.action == "delete":
            print("API key removed." if delete_api_key(KEY_SERVICE) else "No API key was stored.")
        else:
            found = get_api_key(KEY_SERVICE) is not None
            print("An API key is set." if found else "No API key is set (AISTUDIO_API_KEY or `aistudio key set`).")
    except KeyStoreError as error:
        raise CliError(str(error)) from None
    return 0


# -- contact sheets ---------------------------------------------------------------------------

# what `aistudio sheet NAME` draws: "module:function", the function taking (style, width) and giving an
# (h, w, 3) RGB picture. One line per vocabulary; imported only when asked for.
SHEETS: dict[str, str] = {
    "kinds": "render_farm.engine.art.cast_sheet:kinds_sheet",
    "ages": "render_farm.engine.art.cast_sheet:ages_sheet",
    "costumes": "render_farm.engine.art.cast_sheet:costumes_sheet",
    "places": "render_farm.engine.sheets:places_sheet",
    "props": "render_farm.engine.sheets:props_sheet",
}


def cmd_sheet(args: argparse.Namespace) -> int:
    """Draw every entry of one vocabulary in a style on one labelled contact sheet."""
    import importlib

    import cv2

    out = _writable(args.output or Path(f"{args.what}-{args.style.value}.png"))
    module, _, function = SHEETS[args.what].partition(":")
    picture = getattr(importlib.import_module(module), function)(args.style, args.width)
    if not cv2.imwrite(str(out), cv2.cvtColor(picture, cv2.COLOR_RGB2BGR)):
        raise CliError(f"cannot write {out}: use a .png or .jpg name")
    print(f"Sheet: {out}  ({args.what}, {args.style.value}, {picture.shape[1]}x{picture.shape[0]})")
    return 0


def _sheet_width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a width in pixels") from None
    if not 400 <= width <= 6000:
        raise argparse.ArgumentTypeError(f"{width} px: a sheet is 400 to 6000 pixels wide")
    return width


# -- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aistudio", description="Turn a story prompt into an animated film.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def story_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("prompt", nargs="?", help="a one-line premise, a whole story in quotes, or - to read stdin")
        p.add_argument("--story-file", type=Path, help="read the story from a text file instead")
        p.add_argument("--style", type=_style, default=Style.storybook, help="storybook, anime, comic or pastel")
        p.add_argument("--length", type=_length, default=60.0, help="target length in seconds (15 to 600)")
        p.add_argument("--language", default="en", help="language of the dialogue (en, es, fr, de, ...)")
        p.add_argument("--seed", type=int, default=0, help="another seed tells another story")

    def render_args(p: argparse.ArgumentParser, default: str) -> None:
        p.add_argument("--preset", default=default, help="preview (fast, 480p) or final (1080p)")
        p.add_argument("--cache-dir", type=Path, help="where scene renders are cached")

    make = sub.add_parser("make", help="make a whole film from a prompt")
    story_args(make)
    make.add_argument("-o", "--output", type=Path, default=Path("film.mp4"), help="the film to write (MP4)")
    render_args(make, "final")
    make.set_defaults(func=cmd_make)

    breakdown = sub.add_parser("breakdown", help="write the story, cast and scenes as a spec JSON")
    story_args(breakdown)
    breakdown.add_argument("-o", "--output", type=Path, default=Path("film.json"))
    breakdown.set_defaults(func=cmd_breakdown)

    cast = sub.add_parser("cast", help="design the cast of a spec and draw the cast sheet")
    cast.add_argument("spec", type=Path)
    cast.add_argument("--regenerate", action="append", metavar="ID", help="give this character a new look")
    cast.add_argument("-o", "--output", type=Path, help="cast sheet PNG (default: next to the spec)")
    cast.set_defaults(func=cmd_cast)

    render = sub.add_parser("render", help="render a spec (the whole film or one scene)")
    render.add_argument("spec", type=Path)
    render.add_argument("--scene", type=int, help="render this scene only (1-based)")
    render.add_argument("-o", "--output", type=Path)
    render_args(render, "final")
    render.set_defaults(func=cmd_render)

    frame = sub.add_parser("frame", help="render one frame of a scene to a PNG")
    frame.add_argument("spec", type=Path)
    frame.add_argument("--scene", type=int, required=True)
    frame.add_argument("--at", type=float, required=True, metavar="SECONDS")
    frame.add_argument("-o", "--output", type=Path, required=True)
    frame.add_argument("--preset", default="final")
    frame.set_defaults(func=cmd_frame)

    sheet = sub.add_parser("sheet", help="draw every kind, age, costume, place or prop in a style on one contact sheet")
    sheet.add_argument("what", choices=sorted(SHEETS), help="which vocabulary to draw")
    sheet.add_argument("--style", type=_style, default=Style.storybook, help="storybook, anime, comic or pastel")
    sheet.add_argument("-o", "--output", type=Path, help="the PNG or JPEG to write (default: WHAT-STYLE.png)")
    sheet.add_argument("--width", type=_sheet_width, default=1600, help="the sheet's width in pixels")
    sheet.set_defaults(func=cmd_sheet)

    key = sub.add_parser("key", help="store, check or remove the API key of the HTTP providers (OS keyring)")
    key.add_argument("action", choices=["set", "status", "delete"], help="set reads the key from a prompt or stdin")
    key.set_defaults(func=cmd_key)
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        from .extras import desktop_main

        return desktop_main("aistudio")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    from .ai.protocols import ProviderError
    from .engine.errors import RenderError

    try:
        return int(args.func(args))
    except CliError as error:
        print(f"aistudio: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except FilmSpecError as error:
        print(f"aistudio: error: the film spec is not valid: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (ProviderError, RenderError) as error:
        print(f"aistudio: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"aistudio: error: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("aistudio: stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())

"""The local project store: autosave, surviving a kill, reopening on start, export and import."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from aistudio_desktop.project.commands import EditSceneCommand
from aistudio_desktop.project.store import ProjectFileError, ProjectStore
from aistudio_desktop.studio import Studio
from render_farm.film import Film, dumps


def test_autosave_after_an_edit_is_read_by_a_fresh_store(qapp, studio, film: Film, tmp_path: Path) -> None:
    project_id = studio.new_project(film)
    studio.document.push(EditSceneCommand(studio.document, "the-map", title="Edited"))
    assert studio.writer.flush(10)
    fresh = ProjectStore(tmp_path / "data")
    assert fresh.load(project_id).scene(2).title == "Edited"
    assert fresh.info(project_id).revision == 2
    assert fresh.last_project() == project_id


def test_reopen_on_start_shows_the_last_project_as_it_was(qtbot, tmp_path: Path, voice, film, settings) -> None:
    from aistudio_desktop.main_window import MainWindow

    first = Studio(ProjectStore(tmp_path / "data"), voice=voice, cache_dir=tmp_path / "cache")
    first.new_project(film)
    first.document.push(EditSceneCommand(first.document, "home-again", title="Home at last", duration=8.0))
    edited = dumps(first.document.film)
    first.shutdown()

    second = Studio(ProjectStore(tmp_path / "data"), voice=voice, cache_dir=tmp_path / "cache")
    try:
        second.open_last_or_new()
        assert dumps(second.document.film) == edited
        window = MainWindow(second, settings)
        qtbot.addWidget(window)
        model = window.storyboard_model
        assert model.rowCount() == 6
        assert model.index(5).data() == "Home at last"
        assert window.inspector.scene_id == "meadow-morning"  # the first scene is selected
    finally:
        second.shutdown()


def test_first_start_makes_a_blank_project(qapp, studio) -> None:
    studio.open_last_or_new()
    assert studio.document.project_id
    assert studio.store.last_project() == studio.document.project_id


_EDITOR = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from aistudio_desktop.project.autosave import AutosaveWriter
    from aistudio_desktop.project.commands import EditSceneCommand
    from aistudio_desktop.project.document import ProjectDocument
    from aistudio_desktop.project.store import ProjectStore
    from render_farm.film import loads

    app = QCoreApplication([])
    store = ProjectStore(Path(sys.argv[1]))
    film = loads(Path(sys.argv[2]).read_text())
    doc = ProjectDocument(film, store.create(film).id)
    writer = AutosaveWriter(store)
    doc.edited.connect(lambda: writer.submit(doc.project_id, doc.film))
    print(doc.project_id, flush=True)
    i = 0
    while True:
        i += 1
        doc.push(EditSceneCommand(doc, "s001", title=f"edit {i}"))
        if i % 50 == 0:
            app.processEvents()
    """
)


def _big_film() -> Film:
    """About half a megabyte of spec, so that writes take long enough to be killed in the middle."""
    scenes = [
        {
            "id": f"s{n:03d}",
            "number": n,
            "title": f"Scene {n}",
            "duration": 5.0,
            "beats": [f"beat {k} of scene {n}" for k in range(10)],
            "dialogue": [{"speaker": "narrator", "text": f"Line {k} of scene {n}. " * 8} for k in range(12)],
        }
        for n in range(1, 201)
    ]
    return Film.model_validate({"schema_version": 3, "title": "Big", "scenes": scenes})


@pytest.mark.parametrize("round_", range(3))
def test_a_kill_during_a_stream_of_edits_leaves_a_state_that_was_written(tmp_path: Path, round_: int) -> None:
    base = _big_film()
    spec = tmp_path / "film.json"
    spec.write_text(dumps(base))
    data = tmp_path / "data"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    process = subprocess.Popen(
        [sys.executable, "-c", _EDITOR, str(data), str(spec)], stdout=subprocess.PIPE, env=env, text=True
    )
    try:
        assert process.stdout is not None
        project_id = process.stdout.readline().strip()
        assert project_id
        db = sqlite3.connect(data / "projects.sqlite3")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # wait until several versions were written
            row = db.execute("select revision from projects").fetchone()
            if row and row[0] >= 5 + 3 * round_:
                break
            time.sleep(0.02)
        db.close()
        time.sleep(0.013 * round_)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(10)
    assert process.returncode == -signal.SIGKILL

    db = sqlite3.connect(data / "projects.sqlite3")
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    db.close()
    store = ProjectStore(data)
    reopened = store.load(project_id)
    title = reopened.scenes[0].title
    assert title.startswith("edit ")
    expected = base.model_copy(deep=True)
    expected.scenes[0].title = title
    assert dumps(reopened) == dumps(expected)
    assert store.info(project_id).revision >= 5


def test_export_then_import_gives_an_equal_spec(qtbot, studio, film, tmp_path: Path) -> None:
    studio.new_project(film)
    art = studio.store.project_dir(studio.document.project_id) / "art" / "pip.png"
    art.parent.mkdir(parents=True)
    art.write_bytes(b"\x89PNG fake art")
    studio.document.push(EditSceneCommand(studio.document, "the-map", title="Exported"))
    path = tmp_path / "Pip.aistudio"
    with qtbot.waitSignal(studio.exported, timeout=10_000) as exported:
        studio.export_file(path)
    assert exported.args == [str(path), ""]
    with zipfile.ZipFile(path) as archive:
        assert {"manifest.json", "film.json", "art/pip.png"} <= set(archive.namelist())
    original = dumps(studio.document.film)
    with qtbot.waitSignal(studio.imported, timeout=10_000) as imported:
        studio.import_file(path)
    new_id, error = imported.args
    assert error == "" and new_id == studio.document.project_id
    assert dumps(studio.document.film) == original
    assert dumps(studio.store.load(new_id)) == original
    assert (studio.store.project_dir(new_id) / "art" / "pip.png").read_bytes() == b"\x89PNG fake art"


def _zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def _bad_files(tmp_path: Path, film: Film) -> dict[str, tuple[Path, str]]:
    good = dumps(film)
    broken = json.loads(good)
    broken["scenes"][1]["duration"] = 0
    with_art = json.loads(good)
    with_art["cast"][0]["art"] = "art/pip.png"
    manifest = json.dumps({"format": "aistudio-project", "version": 1})
    text = tmp_path / "notes.aistudio"
    text.write_text("just some text")
    return {
        "not a zip": (text, "not a zip archive"),
        "no film": (_zip(tmp_path / "a.aistudio", {"manifest.json": manifest}), "film.json is missing"),
        "bad json": (_zip(tmp_path / "b.aistudio", {"film.json": "{oops"}), "film.json: not valid JSON"),
        "bad spec": (_zip(tmp_path / "c.aistudio", {"film.json": json.dumps(broken)}), "scenes[1].duration"),
        "unsafe": (_zip(tmp_path / "d.aistudio", {"film.json": good, "../evil.txt": "x"}), "unsafe file name"),
        "other": (_zip(tmp_path / "e.aistudio", {"film.json": good, "manifest.json": "{}"}), "unknown format"),
        "art": (_zip(tmp_path / "f.aistudio", {"film.json": json.dumps(with_art)}), "needs art/pip.png"),
        "newer": (
            _zip(tmp_path / "g.aistudio", {"film.json": good, "manifest.json": manifest.replace("1}", "9}")}),
            "newer AI Studio",
        ),
    }


def test_malformed_import_files_get_a_clear_error_and_leave_the_store_unchanged(
    qtbot, studio, film, tmp_path: Path
) -> None:
    project_id = studio.new_project(film)
    before = studio.store.projects()
    folders = (
        sorted((studio.store.data_dir / "projects").glob("*")) if (studio.store.data_dir / "projects").exists() else []
    )
    for name, (path, message) in _bad_files(tmp_path, film).items():
        with pytest.raises(ProjectFileError) as error:
            studio.store.import_project(path)
        assert message in str(error.value), name
        assert str(error.value).startswith(path.name), name
        with qtbot.waitSignal(studio.imported, timeout=10_000) as imported:
            studio.import_file(path)
        assert message in imported.args[1], name
    assert studio.store.projects() == before
    assert studio.document.project_id == project_id
    after = (
        sorted((studio.store.data_dir / "projects").glob("*")) if (studio.store.data_dir / "projects").exists() else []
    )
    assert after == folders

"""File > Open Recent tells projects apart: title, length, scenes, when each changed and its folder."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QPoint

from aistudio_desktop.project.commands import AddSceneCommand


def test_open_recent_entries_can_be_told_apart_and_open_their_project(qtbot, window) -> None:
    studio = window.studio
    first = studio.new_project()  # two blank projects of the same name...
    window.document.push(AddSceneCommand(window.document))  # ...but not the same length
    studio.writer.flush(10)
    second = studio.new_project()
    menu = window.recent_menu
    menu.popup(window.mapToGlobal(QPoint(20, 20)))
    qtbot.waitUntil(menu.isVisible)
    entries = [a for a in menu.actions() if a.text()]
    texts = [a.text() for a in entries]
    assert len(texts) == 3 and len(set(texts)) == 3
    assert texts[0].startswith("Untitled film  ·  6 s, 1 scene  ·  ")
    assert texts[1].startswith("Untitled film  ·  11 s, 2 scenes  ·  ")
    assert texts[2].startswith("Pip and the Mountain  ·  34.6 s, 6 scenes  ·  ")
    assert entries[0].isChecked() and not entries[1].isChecked()
    today = QLocale.system().toString(QDate.currentDate(), QLocale.FormatType.ShortFormat)
    assert all(today in text for text in texts)  # when it changed, as this computer writes dates
    assert str(studio.store.project_dir(first)) in entries[1].toolTip()
    assert str(studio.store.project_dir(second)) in entries[0].toolTip()
    entries[1].trigger()
    menu.hide()
    assert window.document.project_id == first and len(window.document.film.scenes) == 2

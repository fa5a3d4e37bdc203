"""The render cache: a size cap with least-recently-used eviction, sparing what is in use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from aistudio_desktop.preview.cache import DEFAULT_LIMIT, RenderCache, limit_from_settings


def _entry(root: Path, name: str, size: int) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    files = [root / f"{name}.mp4", root / f"{name}.wav"]
    for file in files:
        file.write_bytes(b"x" * (size // 2))
    return files


def test_eviction_removes_least_recently_used_whole_entries_until_under_the_cap(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path, limit=10_000)
    previews = tmp_path / "previews"
    entries = {name: _entry(previews, name, 3_000) for name in ("a", "b", "c", "d")}
    for name in ("a", "b", "c", "d"):
        cache.touch(*entries[name])
    cache.touch(*entries["a"])  # a was used again last: b is now the oldest
    assert cache.size() == 12_000
    removed = cache.evict()
    assert removed == [str(Path("previews") / "b")]
    assert not entries["b"][0].exists() and not entries["b"][1].exists()
    assert all(f.exists() for name in "acd" for f in entries[name])
    assert cache.size() == 9_000
    assert cache.evict() == []  # under the cap: nothing more goes


def test_entries_in_use_are_spared_even_when_oldest(tmp_path: Path) -> None:
    cache = RenderCache(tmp_path, limit=5_000)
    old = _entry(tmp_path / "previews", "open-scene", 4_000)
    cache.touch(*old)
    newer = _entry(tmp_path / "previews", "other-scene", 4_000)
    cache.touch(*newer)
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    (pictures / "thumbnail-x.png").write_bytes(b"p" * 100)
    removed = cache.evict(keep={"open-scene"})
    assert removed and "other-scene" in removed[-1]
    assert all(f.exists() for f in old)
    assert cache.size() <= 5_000


def test_limit_comes_from_settings_with_a_two_gigabyte_default(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat)
    assert limit_from_settings(settings) == DEFAULT_LIMIT == 2 * 1024**3
    settings.setValue("cache/limit_mb", 512)
    assert limit_from_settings(settings) == 512 * 1024**2
    settings.setValue("cache/limit_mb", "lots")
    assert limit_from_settings(settings) == DEFAULT_LIMIT

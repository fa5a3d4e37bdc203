"""The timeline's sound: each rendered scene preview's sound, kept with the playhead.

The play clock leads and :class:`Soundtrack` follows it: it plays the sound of the scene under the
playhead from the same offset, moves with seeks and scene jumps (while paused too, so that Play
resumes where the picture is), and steps back in line when it drifts. QtMultimedia loads a file
asynchronously, so an offset asked for while a scene's sound is loading is applied once it has
loaded, advanced by the time the loading took when playing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, QUrl

from aistudio_desktop.preview.sound import multimedia

DRIFT_MS = 200  # how far the sound may stray from the picture before it is moved back
SETTLE_MS = 1000  # after a move the sound gets this long to settle before drift is measured again


class Soundtrack(QObject):
    """One QMediaPlayer (``media``) following the playhead through the scenes' sound files."""

    def __init__(self, module: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.media: Any = module.QMediaPlayer(self)
        self._output = module.QAudioOutput(self)
        self.media.setAudioOutput(self._output)
        self._status = module.QMediaPlayer.MediaStatus
        self._state = module.QMediaPlayer.PlaybackState
        self.path: Path | None = None
        self._loaded = False
        self._offset, self._playing = 0.0, False
        self._asked = QElapsedTimer()
        self._moved = QElapsedTimer()
        self._asked.start()
        self._moved.start()
        self.media.mediaStatusChanged.connect(self._status_changed)

    @classmethod
    def create(cls, parent: QObject | None = None) -> Soundtrack | None:
        """A soundtrack, or None where QtMultimedia cannot load."""
        module = multimedia()
        return None if module is None else cls(module, parent)

    def follow(self, path: Path | None, offset: float, playing: bool, moved: bool = False) -> None:
        """Be ``offset`` seconds into ``path``, playing or paused; ``path`` None is silence (a scene
        not rendered yet). ``moved``: the playhead jumped, so the sound goes there at once."""
        if path is None:
            if self.path is not None:
                self.media.stop()
                self.media.setSource(QUrl())
                self.path, self._loaded = None, False
            return
        self._offset, self._playing = offset, playing
        self._asked.restart()
        if path != self.path:
            # Changing the source stops the old sound, which reports its own status on the way:
            # only the status that comes once setSource has returned is the new file's.
            self.path, self._loaded = None, False
            self.media.setSource(QUrl.fromLocalFile(str(path)))
            self.path = path
        elif self._loaded:
            self._apply(moved)

    def pause(self) -> None:
        if self.path is not None:
            self.follow(self.path, self._offset, False)

    def _status_changed(self, status: Any) -> None:
        if self._loaded or self.path is None or status not in (self._status.LoadedMedia, self._status.BufferedMedia):
            return
        self._loaded = True
        if self._playing:
            self._offset += self._asked.elapsed() / 1000.0
        self._apply(True)

    def _apply(self, moved: bool) -> None:
        target = round(self._offset * 1000)
        playing_now = self.media.playbackState() == self._state.PlayingState
        at_end = 0 < self.media.duration() <= target + 30
        if self._playing:
            if not playing_now:
                if not at_end:  # a scene's sound may end before its picture: no replay from the end
                    self.media.setPosition(target)
                    self.media.play()
                    self._moved.restart()
            elif moved or (abs(self.media.position() - target) > DRIFT_MS and self._moved.elapsed() > SETTLE_MS):
                self.media.setPosition(target)
                self._moved.restart()
        else:
            if self.media.playbackState() != self._state.PausedState:
                self.media.pause()
            if abs(self.media.position() - target) > 20:
                self.media.setPosition(target)

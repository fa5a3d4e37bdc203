"""Rendering one scene: frames composited from the layout, and its sound mixed from the voices.

:class:`SceneRenderer` owns the per-film caches (character rigs, prepared sprites, spoken lines)
and turns a scene into frames (:meth:`frame_at`, :meth:`render`) that are pure functions of
the scene's inputs. :meth:`compose` gives RGB (stills, previews in the app); the render path,
:meth:`compose_i420`, draws the same picture straight in the encoder's pixel format and colours,
so no frame is ever converted, and :class:`SceneCanvas` draws a scene's frames each over the one
before, redrawing only what changed. While the encoder thread compresses frame N the caller
composites N+1, and the scene's sound is mixed beside the first pictures.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import cv2
import numpy as np

from render_farm.film import INTERIORS, NARRATOR, Action, CameraMove, Emotion, Film, Scene, Shot, TimeOfDay

from .assembly import join_segments
from .audio import AUDIO_REVISION, Placement, mix_scene, write_wav
from .backgrounds import floor_of, render_background
from .characters import CharacterRig, Pose, stature
from .compositing import RGB_TO_YUV601, RGB_TO_YUV709, Sprite, blend, blend_i420, i420_planes, rgb_to_planes
from .encoder import ENCODER_REVISION, VideoWriter, rgb_to_yuv420
from .layout import BASE_HEIGHT, ActorState, CameraState, Extent, PropState, SceneLayout
from .presets import Preset
from .speech import Speech, VoiceProvider
from .stage_pictures import StagePictures
from .subtitles import render_cue

ENGINE_REVISION = "5"  # bump when the same inputs would give different pixels or sound
SPRITE_CACHE = 768

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SceneOutput:
    video: Path
    audio: Path
    frames: int
    key: str


def scene_edges(film: Film, index: int, *, fade_out: float = 0.0) -> tuple[float, float]:
    """Seconds at the head and tail of a scene that belong to transitions (re-encoded when joined)."""
    head = film.scenes[index].transition_in.duration
    tail = film.scenes[index + 1].transition_in.duration if index + 1 < len(film.scenes) else fade_out
    return head, tail


def entering_cast(film: Film, index: int) -> frozenset[str]:
    """Who walks in: those not in the previous scene (in the opening wide shot, everyone)."""
    scene = film.scenes[index]
    if index == 0:
        return frozenset(scene.cast) if scene.shot is Shot.wide else frozenset()
    return frozenset(scene.cast) - frozenset(film.scenes[index - 1].cast)


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def scene_key(
    film: Film,
    index: int,
    preset: Preset,
    voice: VoiceProvider,
    *,
    assets_dir: Path | None = None,
    fade_out: float = 0.0,
) -> str:
    """A content hash of exactly the inputs that decide a scene's render.

    Titles, numbers, other scenes' content and cast members not in the scene do not count, so
    reordering scenes or editing one leaves the others' cached renders valid.
    """
    scene = film.scenes[index]
    speakers = {line.speaker for line in scene.dialogue}
    members = [film.member(m) for m in sorted(set(scene.cast) | (speakers - {NARRATOR}))]
    cast = []
    for member in members:
        drawn = {"id", "kind", "age", "gender", "costume", "design", "voice", "art"}
        entry = member.model_dump(mode="json", include=drawn)
        if member.art and assets_dir is not None:
            entry["art_sha256"] = _file_digest(assets_dir / member.art)
        cast.append(entry)
    head, tail = scene_edges(film, index, fade_out=fade_out)
    inputs = {
        "engine": ENGINE_REVISION,
        "audio": AUDIO_REVISION,
        "encoder": ENCODER_REVISION,
        "preset": asdict(preset),
        "voice": voice.identity(),
        "style": film.style.value,
        "seed": film.seed,
        "output": film.output.model_dump(mode="json"),
        "narrator": film.narrator.model_dump(mode="json") if NARRATOR in speakers else None,
        "scene": scene.model_dump(mode="json", exclude={"number", "title"}),
        "cast": cast,
        "edges": [head, tail],
        "entering": sorted(entering_cast(film, index)),
    }
    blob = json.dumps(inputs, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()[:32]


def scene_mood(scene: Scene) -> str:
    counts: dict[str, int] = {}
    for line in scene.dialogue:
        mood = {
            Emotion.happy: "happy",
            Emotion.excited: "happy",
            Emotion.sad: "sad",
            Emotion.angry: "tense",
            Emotion.scared: "tense",
        }.get(line.emotion, "calm")
        counts[mood] = counts.get(mood, 0) + 1
    return max(sorted(counts), key=lambda m: counts[m]) if counts else "calm"


class SceneRenderer:
    """Renders the scenes of one film at one preset; reuse it across scenes to share caches."""

    def __init__(self, film: Film, preset: Preset, voice: VoiceProvider, *, assets_dir: Path | None = None) -> None:
        self.film, self.preset, self.voice, self.assets_dir = film, preset, voice, assets_dir
        self._rigs: dict[str, CharacterRig] = {}
        self._sprites: OrderedDict[tuple[object, ...], tuple[Sprite, tuple[int, int]]] = OrderedDict()
        self._hands: dict[tuple[object, ...], tuple[tuple[int, int], ...]] = {}  # per cast sprite, its hands
        self._speech: dict[tuple[str, str, str], Speech] = {}
        self._shadows: dict[int, Sprite] = {}
        self._backgrounds: dict[tuple[object, ...], Future[np.ndarray]] = {}
        # the caches are shared with a thread that prepares the next scene's pictures (prepare)
        self._lock = threading.Lock()
        self._text_lock = threading.Lock()
        # the encoder's colours: sprites are converted to them once, frames never
        self._matrix = RGB_TO_YUV709 if preset.accurate_chroma else RGB_TO_YUV601
        self._pictures = StagePictures(film.style, self._matrix)
        self._extents: dict[tuple[str, int], Extent] = {}

    # -- inputs ---------------------------------------------------------------------------

    def speech_for(self, scene: Scene) -> list[Speech]:
        speeches = []
        for line in scene.dialogue:
            style = self.film.narrator if line.speaker == NARRATOR else self.film.member(line.speaker).voice
            key = (line.text, style.model_dump_json(), line.emotion.value)
            if key not in self._speech:
                self._speech[key] = self.voice.speak(line.text, style, line.emotion)
            speeches.append(self._speech[key])
        return speeches

    def layout(self, index: int, *, fade_out: float = 0.0) -> SceneLayout:
        scene = self.film.scenes[index]
        head, tail = scene_edges(self.film, index, fade_out=fade_out)
        return SceneLayout(
            self.film,
            scene,
            self.speech_for(scene),
            width=self.preset.width,
            height=self.preset.height,
            fps=self.preset.fps,
            entering=entering_cast(self.film, index),
            floor_y=floor_of(scene.setting.place),
            head=head,
            tail=tail,
            extents={member_id: self.extent(member_id) for member_id in scene.cast},
        )

    def extent(self, member_id: str) -> Extent:
        """How far a cast member's drawing reaches from its feet (left, up, right, in heights),
        measured on its sprite: what framing keeps inside the frame."""
        # measured on the sprite a wide shot draws, which the render draws anyway (the reach is a
        # fraction of the height, whatever the height)
        height = max(8, round(self.preset.height * BASE_HEIGHT * stature(self.film.member(member_id))))
        key = (member_id, height)
        cached = self._extents.get(key)
        if cached is None:
            sprite = self._rig(member_id).sprite(height, Pose())
            alpha = sprite.pixels[..., 3] > 0
            rows, cols = np.flatnonzero(alpha.any(axis=1)), np.flatnonzero(alpha.any(axis=0))
            ax, ay = sprite.anchor
            if len(rows):
                cached = ((ax - cols[0]) / height, (ay - rows[0]) / height, (cols[-1] + 1 - ax) / height)
            else:
                cached = (0.3, 1.0, 0.3)
            self._extents[key] = cached = tuple(float(v) for v in cached)  # type: ignore[assignment]
        return cached

    def _rig(self, member_id: str) -> CharacterRig:
        rig = self._rigs.get(member_id)
        if rig is None:
            member = self.film.member(member_id)
            art = None
            if member.art and self.assets_dir is not None:
                picture = cv2.imread(str(self.assets_dir / member.art), cv2.IMREAD_UNCHANGED)
                if picture is not None and picture.ndim == 3:
                    code = cv2.COLOR_BGRA2RGBA if picture.shape[2] == 4 else cv2.COLOR_BGR2RGBA
                    art = cv2.cvtColor(picture, code)
            rig = self._rigs.setdefault(member_id, CharacterRig(member, self.film.style, art))
        return rig

    def _sprite(self, member_id: str, height: int, pose: Pose) -> tuple[Sprite, tuple[int, int]]:
        key = (member_id, height, pose)
        with self._lock:
            hit = self._sprites.get(key)
            if hit is not None:
                self._sprites.move_to_end(key)
                return hit
        sprite = self._rig(member_id).sprite(height, pose)
        prepared = (Sprite(sprite.pixels, self._matrix), sprite.anchor)
        with self._lock:
            self._sprites[key] = prepared
            self._hands[key] = sprite.hands
            if len(self._sprites) > SPRITE_CACHE:
                dropped, _ = self._sprites.popitem(last=False)
                self._hands.pop(dropped, None)
        return prepared

    def _hand(self, member_id: str, height: int, pose: Pose) -> tuple[int, int] | None:
        """The pixel of a cast sprite's leading hand, where it holds a prop (drawn by :meth:`_sprite`)."""
        with self._lock:
            hands = self._hands.get((member_id, height, pose))
        return hands[0] if hands else None

    def _shadow(self, width: int) -> Sprite:
        shadow = self._shadows.get(width)
        if shadow is None:
            h = max(2, width // 5)
            ellipse = np.zeros((h * 2, width * 2), np.uint8)
            cv2.ellipse(ellipse, (width, h), (width // 2, h // 2), 0, 0, 360, 70, -1, cv2.LINE_AA)
            pixels = np.zeros((*ellipse.shape, 4), np.uint8)
            pixels[..., 3] = cv2.GaussianBlur(ellipse, (0, 0), max(1.0, h / 4))
            shadow = self._shadows[width] = Sprite(pixels, self._matrix)
        return shadow

    # -- pictures -------------------------------------------------------------------------

    def _backdrop(self, layout: SceneLayout) -> tuple[np.ndarray, float]:
        """The stage picture (rendered once per scene) and the height of its floor line."""
        setting = layout.scene.setting
        w, h = round(layout.stage_width), round(layout.stage_height)
        key = (setting.model_dump_json(), tuple(layout.set_props), w, h)
        with self._lock:
            drawing = self._backgrounds.get(key)
            mine = drawing is None
            if drawing is None:
                drawing = self._backgrounds[key] = Future()
        if mine:  # drawn once, whichever thread asks first; the other waits for it
            try:
                picture = render_background(setting, self.film.style, w, h, seed=self.film.seed).pixels
                if layout.set_props:  # props that stand still all scene are part of the stage
                    picture = picture.copy()
                    self._pictures.set_on_stage(picture, layout.set_props, self._dark(layout))
                drawing.set_result(picture)
            except BaseException as error:
                drawing.set_exception(error)
                with self._lock:
                    del self._backgrounds[key]
                raise
        return drawing.result(), layout.floor

    def _view(self, layout: SceneLayout, camera: CameraState) -> np.ndarray | None:
        """The affine map from stage to screen pixels, or None where the stage is the frame itself."""
        stage, _ = self._backdrop(layout)
        width, height = layout.width, layout.height
        if camera.zoom == 1.0 and stage.shape[:2] == (height, width) and camera.cx == width / 2:
            return None
        # screen = (stage - c) * zoom + centre
        return np.array(
            [
                [camera.zoom, 0.0, width / 2 - camera.cx * camera.zoom],
                [0.0, camera.zoom, height / 2 - camera.cy * camera.zoom],
            ]
        )

    def _stage_view(self, layout: SceneLayout, camera: CameraState) -> np.ndarray:
        """The background as the camera sees it, (height, width, 3) RGB."""
        stage, _ = self._backdrop(layout)
        matrix = self._view(layout, camera)
        if matrix is None:
            return stage
        return cv2.warpAffine(
            stage, matrix, (layout.width, layout.height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
        )

    def _moving(self, layout: SceneLayout) -> bool:
        """The camera moves during the scene (a pan or a zoom), not only cuts between still framings."""
        z0, z1 = layout.zoom_range()
        return z0 != z1 or layout.scene.camera in (CameraMove.pan_left, CameraMove.pan_right)

    def _drawing(self, layout: SceneLayout, t: float, camera: CameraState) -> list[tuple[Sprite, int, int]]:
        """The sprites of the frame at ``t``, back to front, each with its top-left corner on screen:
        the cast (each with its shadow, the props in its hands, a thought bubble when thinking),
        props resting or passing between hands, lightning, the subtitle."""
        width, height = layout.width, layout.height
        everyone = layout.actors_at(t)
        # whoever passes in front of the others is drawn over them, then the speaker over listeners
        states = sorted((s for s in everyone if s.on_stage), key=lambda s: (s.downstage > 0, s.speaking, s.x))
        step = 2 if self._moving(layout) else 1
        dark = self._dark(layout)
        cast: list[tuple[ActorState, list[tuple[Sprite, int, int]]]] = []
        hands: dict[str, tuple[float, float]] = {}  # where each one's leading hand is drawn, on screen
        for state in states:
            px_height = max(8, round(state.height * camera.zoom / step) * step)
            sx, sy = layout.to_screen(camera, state.x, state.y)
            shadow = self._shadow(max(4, int(px_height * 0.45)))
            sprite, (ax, ay) = self._sprite(state.member_id, px_height, state.pose)
            left, top = round(sx - ax), round(sy - ay)
            hand = self._hand(state.member_id, px_height, state.pose)
            hands[state.member_id] = (left + hand[0], top + hand[1]) if hand else layout.to_screen(camera, *state.hand)
            # the shadow picture is twice its ellipse (room for the blur): centre it under the feet
            entries = [(shadow, round(sx - shadow.picture_width / 2), round(sy - shadow.picture_height / 2))]
            entries.append((sprite, left, top))
            if state.action is Action.think:
                bubble = self._pictures.bubble(px_height)
                head = sy - px_height * layout.actor_box(state).height / max(1.0, state.height)
                entries.append(
                    (
                        bubble,
                        round(sx + state.pose.facing * px_height * 0.12 - bubble.picture_width / 2),
                        round(head - bubble.picture_height * 0.9),
                    )
                )
            cast.append((state, entries))
        held: dict[str, list[tuple[Sprite, int, int]]] = {}
        loose: list[tuple[Sprite, int, int]] = []
        passing: list[tuple[Sprite, int, int]] = []
        for item in layout.props_at(t, everyone):
            sprite, _, grip = self._pictures.prop(item, camera.zoom, dark)
            sx, sy = self._prop_point(layout, camera, item, hands)
            entry = (sprite, round(sx - grip[0]), round(sy - grip[1]))
            if item.holder is not None:
                held.setdefault(item.holder, []).append(entry)
            elif item.passing:
                passing.append(entry)
            else:
                loose.append(entry)
        drawing: list[tuple[Sprite, int, int]] = list(loose)
        for state, entries in cast:
            drawing += entries[:2]  # the shadow and the body
            drawing += held.get(state.member_id, [])  # in the hand, in front of the body
            drawing += entries[2:]  # a thought over the head
        drawing += passing
        if layout.flash_at(t):
            outdoors = not self._backdrop_indoor(layout)
            drawing.append((self._pictures.flash(width, height, self.film.seed, outdoors), 0, 0))
        if self.film.output.subtitles:
            cue = layout.cue_at(t)
            if cue is not None:
                picture = self._cue_sprite(cue.text, cue.narrator)
                drawing.append(
                    (
                        picture,
                        (width - picture.picture_width) // 2,
                        height - picture.picture_height - round(height * 0.03),
                    )
                )
        return drawing

    @staticmethod
    def _prop_point(
        layout: SceneLayout, camera: CameraState, item: PropState, hands: dict[str, tuple[float, float]]
    ) -> tuple[float, float]:
        """Where a moving prop's grip is on screen: in the hand its holder is drawn with, or on
        its way from one hand (or where it was set) to another."""
        if item.holder is not None and item.holder in hands:
            return hands[item.holder]
        if not item.passing:
            return layout.to_screen(camera, item.x, item.y)
        a = hands.get(item.source or "") or layout.to_screen(camera, *item.set_at)
        b = hands.get(item.dest or "") or layout.to_screen(camera, *item.set_at)
        k = item.progress
        return a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k - item.hop * camera.zoom

    @staticmethod
    def _dark(layout: SceneLayout) -> bool:
        """Lamps, candles and fires are lit: it is dusk or night."""
        return layout.scene.setting.time_of_day in (TimeOfDay.dusk, TimeOfDay.night)

    @staticmethod
    def _backdrop_indoor(layout: SceneLayout) -> bool:
        return layout.scene.setting.place in INTERIORS

    def compose(
        self, layout: SceneLayout, t: float, out: np.ndarray | None = None, _static: dict | None = None
    ) -> np.ndarray:
        """The frame at ``t`` seconds of the scene, as (height, width, 3) uint8 RGB."""
        frame = out if out is not None else np.empty((layout.height, layout.width, 3), np.uint8)
        camera = layout.camera_at(t)
        moving = self._moving(layout)
        cached = _static.get(("view", camera)) if _static is not None and not moving else None
        if cached is None:
            cached = self._stage_view(layout, camera)
            if _static is not None and not moving:
                _static[("view", camera)] = cached
        np.copyto(frame, cached)
        for sprite, x, y in self._drawing(layout, t, camera):
            blend(frame, sprite, x, y)
        return frame

    def compose_i420(self, layout: SceneLayout, t: float, out: np.ndarray, static: dict) -> np.ndarray:
        """The frame at ``t`` drawn straight into ``out``, an (h*3/2, w) I420 buffer in the
        encoder's colours: the same picture as :meth:`compose` converted, within a level.

        ``static`` holds what one scene's frames share (pass the same dict for all of them):
        the background as I420 when the camera holds still, its planes when it moves.
        """
        camera = layout.camera_at(t)
        planes = i420_planes(out, layout.height)
        if not self._moving(layout):
            np.copyto(out, self._still_stage(layout, camera, static))
        else:
            stage_planes = static.get("stage")
            if stage_planes is None:
                stage_planes = static["stage"] = rgb_to_planes(self._backdrop(layout)[0], self._matrix)
            matrix = self._view(layout, camera)
            if matrix is None:  # a zoom passing through 1 on a stage the size of the frame
                matrix = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
            # a chroma sample j sits at luma position 2j + 0.5, on the stage and on the screen alike
            half = matrix.copy()
            half[:, 2] = (matrix[:, 2] + 0.5 * (matrix[0, 0] - 1)) / 2
            for source, target, m in zip(stage_planes, planes, (matrix, half, half), strict=True):
                cv2.warpAffine(
                    source,
                    m,
                    (target.shape[1], target.shape[0]),
                    dst=target,
                    flags=cv2.INTER_LINEAR,
                    borderMode=cv2.BORDER_REPLICATE,
                )
        for sprite, x, y in self._drawing(layout, t, camera):
            blend_i420(planes, sprite, x, y)
        return out

    def _still_stage(self, layout: SceneLayout, camera: CameraState, static: dict) -> np.ndarray:
        """The background of a scene whose camera holds still between its cuts, as I420 (made
        once per framing, kept in ``static``)."""
        base = static.get(("i420", camera))
        if base is None:
            base = static[("i420", camera)] = self._to_i420(self._stage_view(layout, camera))
        return base

    def _to_i420(self, rgb: np.ndarray) -> np.ndarray:
        height, width = rgb.shape[:2]
        if height % 4 == 0:
            return rgb_to_yuv420(rgb, accurate=self.preset.accurate_chroma)
        out = np.empty((height * 3 // 2, width), np.uint8)
        for plane, source in zip(i420_planes(out, height), rgb_to_planes(rgb, self._matrix), strict=True):
            plane[...] = source
        return out

    def _cue_sprite(self, text: str, narrator: bool) -> Sprite:
        key = ("cue", text, narrator, self.preset.width, self.preset.height)
        with self._lock:
            hit = self._sprites.get(key)
        if hit is None:
            with self._text_lock:  # one font, drawn by one thread at a time
                picture = render_cue(text, self.preset.width, self.preset.height, narrator)
            hit = (Sprite(picture, self._matrix), (0, 0))
            with self._lock:
                self._sprites[key] = hit
        return hit[0]

    def frame_at(self, index: int, t: float) -> np.ndarray:
        layout = self.layout(index)
        t = min(max(0.0, t), max(0.0, layout.duration - 1.0 / self.preset.fps))
        return self.compose(layout, t)

    # -- sound ----------------------------------------------------------------------------

    def mix(self, layout: SceneLayout) -> np.ndarray:
        placements = []
        camera = layout.camera_at(0)
        homes = {a.member_id: a.home_x for a in layout.actors}
        for line in layout.lines:
            pan = 0.0
            if line.speaker in homes:
                sx, _ = layout.to_screen(camera, homes[line.speaker], 0)
                pan = max(-0.6, min(0.6, (sx / layout.width * 2 - 1) * 0.6))
            placements.append(Placement(start=line.start, speech=line.speech, pan=pan))
        return mix_scene(
            placements,
            layout.n_frames / self.preset.fps,
            layout.scene.setting,
            style=self.film.style,
            mood=scene_mood(layout.scene),
            music=self.film.output.music,
            seed=self.film.seed,
        )

    # -- whole scene ----------------------------------------------------------------------

    def edges(self, layout: SceneLayout) -> tuple[int, int]:
        """Frames at the scene's head and tail that belong to its transitions."""
        fps = self.preset.fps
        return round(layout.head * fps), round(layout.tail * fps)

    def prepare(self, layout: SceneLayout, frame: int = 0) -> None:
        """Draw what frame ``frame`` of the scene needs (its stage, the sprites on it) into the
        caches, so a thread can ready a scene while the encoder works on the one before."""
        scratch = np.empty((self.preset.height * 3 // 2, self.preset.width), np.uint8)
        self.compose_i420(layout, frame / self.preset.fps, scratch, {})

    def frames(self, layout: SceneLayout, start: int, stop: int) -> Iterator[np.ndarray]:
        """Frames [start, stop) of the scene in I420 (transitions are blended from them), each drawn
        into the same buffer over the one before: copy a frame to keep it."""
        canvas = SceneCanvas(self, layout)
        for i in range(start, stop):
            yield canvas.draw(i / self.preset.fps)

    def draw(self, layout: SceneLayout, writer: VideoWriter, start: int, stop: int, progress: Progress | None) -> None:
        """Draw frames [start, stop) in the encoder's pixel format and queue them to ``writer``."""
        canvas = SceneCanvas(self, layout)
        fps = self.preset.fps
        for i in range(start, stop):
            frame = canvas.draw(i / fps)
            if canvas.unchanged:
                writer.repeat()  # the frame before, queued again: no drawing, no copy
            else:
                writer.write_yuv(frame)
            if progress is not None:
                progress(i + 1, layout.n_frames)

    def render(
        self,
        index: int,
        video_path: Path,
        audio_path: Path,
        *,
        fade_out: float = 0.0,
        progress: Progress | None = None,
        body_only: bool = False,
    ) -> int:
        """Render scene ``index`` to an MP4 and its full-quality WAV mix; returns the scene's frames.

        The MP4 holds the whole scene with its sound, or with ``body_only`` the frames between its
        transitions alone and no sound (what a film needs: the film encodes its transitions and
        sound itself). The body is encoded by an encoder of its own either way, so the two files
        carry the very same body packets; a whole scene's head and tail get encoders of their own.
        """
        layout = self.layout(index, fade_out=fade_out)
        n = layout.n_frames
        head, tail = self.edges(layout)
        segments = [(head, n - tail)] if body_only else [(0, head), (head, n - tail), (n - tail, n)]
        segments = [(start, stop) for start, stop in segments if stop > start]
        with ThreadPoolExecutor(1, thread_name_prefix="scene-mix") as mixer:
            mixing = mixer.submit(self.mix, layout)
            if body_only:
                with VideoWriter(
                    video_path, self.preset, force_keyframes=[0], with_audio=False, faststart=False
                ) as writer:
                    self.draw(layout, writer, head, n - tail, progress)
            elif len(segments) == 1:
                self._render_whole(layout, video_path, mixing, progress)
            else:
                self._render_segments(layout, video_path, segments, mixing, progress)
            mix = mixing.result()
        write_wav(audio_path, mix)
        return n

    def _render_whole(
        self, layout: SceneLayout, video_path: Path, mixing: Future[np.ndarray], progress: Progress | None
    ) -> None:
        """A scene without transitions: one stream, its sound interleaved as the pictures come."""
        # The sound is mixed while the first second of pictures is drawn and encoded, and handed to
        # the writer at that same frame on every run (so the file's interleaving never varies).
        n = layout.n_frames
        sound_at = min(self.preset.fps, n)
        with VideoWriter(video_path, self.preset, force_keyframes=[0]) as writer:
            self.draw(layout, writer, 0, sound_at, progress)
            writer.set_audio(mixing.result())
            self.draw(layout, writer, sound_at, n, progress)

    def _render_segments(
        self,
        layout: SceneLayout,
        video_path: Path,
        segments: list[tuple[int, int]],
        mixing: Future[np.ndarray],
        progress: Progress | None,
    ) -> None:
        """Head, body and tail encoded one after another (each encoder finishing while the next
        segment is drawn), then joined packet for packet with the sound."""
        parts = [video_path.with_name(f"{video_path.name}.segment-{k}.mp4") for k in range(len(segments))]
        try:
            with ThreadPoolExecutor(1, thread_name_prefix="scene-segment") as closer:
                closing = []
                for part, (start, stop) in zip(parts, segments, strict=True):
                    writer = VideoWriter(part, self.preset, force_keyframes=[0], with_audio=False, faststart=False)
                    try:
                        self.draw(layout, writer, start, stop, progress)
                    except BaseException:
                        writer.abort()
                        raise
                    closing.append(closer.submit(writer.close))
                for done in closing:
                    done.result()
            join_segments(parts, video_path, self.preset, mixing.result())
        finally:
            for part in parts:
                part.unlink(missing_ok=True)


Box = tuple[int, int, int, int]  # x0, y0, x1, y1 on the frame, even (a whole chroma sample), x1/y1 excluded


class SceneCanvas:
    """One scene's frames in I420, each drawn into one buffer over the frame before.

    Where the camera holds still (between the cuts of a medium or close shot, or all scene
    long), only what changed since the frame before is drawn again: for
    each sprite that moved or changed, the stage is put back over its old and new boxes and every
    sprite touching them is blended again there, in order. A frame where nothing changed costs
    nothing (:attr:`unchanged`). Blending is per pixel, so the picture is exactly the one
    :meth:`SceneRenderer.compose_i420` draws whole; a moving camera redraws every frame whole.
    """

    def __init__(self, renderer: SceneRenderer, layout: SceneLayout) -> None:
        self.renderer, self.layout = renderer, layout
        self.buffer = np.empty((layout.height * 3 // 2, layout.width), np.uint8)
        self.planes = i420_planes(self.buffer, layout.height)
        self.unchanged = False  # the last frame drawn is the one before it again
        self._static: dict = {}
        self._moving = renderer._moving(layout)
        self._drawn: list[tuple[Sprite, int, int]] | None = None
        self._boxes: list[Box] = []  # where each sprite of the frame before touches it
        self._camera: CameraState | None = None  # where the camera pointed for the frame before

    def draw(self, t: float) -> np.ndarray:
        """The frame at ``t`` seconds, in :attr:`buffer` (overwritten by the next call)."""
        renderer, layout = self.renderer, self.layout
        if self._moving:
            self.unchanged = False
            return renderer.compose_i420(layout, t, self.buffer, self._static)
        camera = layout.camera_at(t)
        drawing = renderer._drawing(layout, t, camera)
        boxes = [_box(entry, layout.width, layout.height) for entry in drawing]
        before, before_boxes = self._drawn, self._boxes
        self._drawn, self._boxes = drawing, boxes
        stage = renderer._still_stage(layout, camera, self._static)
        cut, self._camera = camera != self._camera, camera
        if before is None or len(before) != len(drawing) or cut:  # the first frame, a cut, a subtitle came or went
            self.unchanged = False
            np.copyto(self.buffer, stage)
            for sprite, x, y in drawing:
                blend_i420(self.planes, sprite, x, y)
            return self.buffer
        # a sprite is the same when it is the same picture at the same place (pictures are cached)
        changed = [_union(before_boxes[k], boxes[k]) for k in range(len(drawing)) if before[k] != drawing[k]]
        self.unchanged = not changed
        stage_planes = i420_planes(stage, layout.height)
        for x0, y0, x1, y1 in _merged(box for box in changed if box[0] < box[2] and box[1] < box[3]):
            regions = []
            for plane, source, scale in zip(self.planes, stage_planes, (1, 2, 2), strict=True):
                region = plane[y0 // scale : y1 // scale, x0 // scale : x1 // scale]
                region[...] = source[y0 // scale : y1 // scale, x0 // scale : x1 // scale]
                regions.append(region)
            for (sprite, x, y), (bx0, by0, bx1, by1) in zip(drawing, boxes, strict=True):
                if bx0 < x1 and x0 < bx1 and by0 < y1 and y0 < by1:
                    blend_i420((regions[0], regions[1], regions[2]), sprite, x - x0, y - y0)
        return self.buffer


def _box(entry: tuple[Sprite, int, int], width: int, height: int) -> Box:
    """Where a sprite drawn at (x, y) touches the frame, luma and chroma, widened to even edges."""
    sprite, x, y = entry
    if not sprite.width:
        return (0, 0, 0, 0)
    left, top = x + sprite.offset[0], y + sprite.offset[1]
    x0, y0 = left - left % 2, top - top % 2
    x1, y1 = left + sprite.width + (left + sprite.width) % 2, top + sprite.height + (top + sprite.height) % 2
    return (max(0, x0), max(0, y0), min(width, x1), min(height, y1))


def _union(a: Box, b: Box) -> Box:
    if a[0] >= a[2] or a[1] >= a[3]:
        return b
    if b[0] >= b[2] or b[1] >= b[3]:
        return a
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _merged(boxes: Iterable[Box]) -> list[Box]:
    """The boxes with every overlapping pair joined into one, so no pixel is drawn twice."""
    merged: list[Box] = []
    for box in boxes:
        while True:
            touching = next(
                (m for m in merged if m[0] < box[2] and box[0] < m[2] and m[1] < box[3] and box[1] < m[3]), None
            )
            if touching is None:
                break
            merged.remove(touching)
            box = _union(box, touching)
        merged.append(box)
    return merged

"""Pasted stories: the author's words become the film, dialogue attributed, narration kept.

Quoted speech becomes dialogue lines of the character who says it ("...," said Mara; Tom asked,
"..."; she replied), the narration between quotes becomes narrator lines, verbatim except for
the speech tags that the attribution replaces. Scenes are cut where the story changes place or
time ("The next morning", "At the castle"). Emotions come from speech verbs and punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from render_farm.ai.protocols import BreakdownRequest
from render_farm.ai.voices import distinct_voices, narrator_voice
from render_farm.film import (
    NARRATOR,
    CastMember,
    DialogueLine,
    Emotion,
    Film,
    Place,
    Scene,
    Setting,
    Shot,
    TimeOfDay,
    Transition,
    TransitionKind,
    Weather,
)
from render_farm.film.timing import LEAD, TAIL, fit_length, line_seconds

from .identity import identity_of
from .ids import slug
from .story_premise import place_in

QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”|«\s*([^»]+?)\s*»')
SPEECH_VERBS = (
    "said", "asked", "replied", "whispered", "shouted", "cried", "called", "answered", "yelled", "murmured",
    "laughed", "sighed", "added", "exclaimed", "muttered", "sang", "screamed", "says", "asks", "replies",
)  # fmt: skip
VERB_EMOTION = {
    "shouted": Emotion.angry, "yelled": Emotion.angry, "screamed": Emotion.scared, "cried": Emotion.excited,
    "exclaimed": Emotion.excited, "whispered": Emotion.thoughtful, "murmured": Emotion.thoughtful,
    "muttered": Emotion.angry, "laughed": Emotion.happy, "sighed": Emotion.sad, "sang": Emotion.happy,
}  # fmt: skip
PRONOUNS = ("he", "she", "they", "i", "we")
NAME = r"([A-Z][a-z]+(?: [A-Z][a-z]+)?|(?:[Tt]he|[Aa]n?) [a-z]+)"
AFTER_TAG = re.compile(rf"^\s*,?\s*(?:{'|'.join(SPEECH_VERBS)})\s+(?:{NAME}|(he|she|they))\b[^.!?\"“]*[.!?,]?", re.I)
AFTER_TAG_NAME_FIRST = re.compile(
    rf"^\s*,?\s*(?:{NAME}|(he|she|they))\s+(?:{'|'.join(SPEECH_VERBS)})\b[^.!?\"“]*[.!?,]?"
)
BEFORE_TAG = re.compile(rf"(?:{NAME}|\b(he|she|they))\s+(?:{'|'.join(SPEECH_VERBS)})\b[^.!?\"“]*[,:]?\s*$")
SCENE_BREAK = re.compile(
    r"^(?:the next (?:morning|day|evening|night)|later|that (?:night|evening|morning)|meanwhile|"
    r"the following|in the morning|at (?:dawn|dusk|night|last)|when (?:they|she|he) (?:reached|arrived)|"
    r"(?:at|in|inside|outside) the \w+)",
    re.I,
)
NOT_NAMES = {"The", "A", "An", "He", "She", "They", "It", "I", "We", "But", "And", "Then", "When", "At", "In"}


def is_pasted_story(text: str) -> bool:
    """A story rather than a premise: quoted dialogue, several sentences, or paragraphs."""
    sentences = [s for s in re.split(r"[.!?]+\s", text.strip()) if s.strip()]
    return bool(QUOTE.search(text)) or len(sentences) >= 3 or "\n\n" in text.strip() or len(text) > 300


@dataclass
class _SceneDraft:
    lines: list[DialogueLine] = field(default_factory=list)
    text: str = ""


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text.strip())
    return [p.strip() for p in parts if p.strip()]


def _emotion(quote: str, verb: str | None) -> Emotion:
    if verb and verb.lower() in ("shouted", "yelled", "cried", "called") and quote.rstrip().endswith("!"):
        return Emotion.excited  # a glad shout; an angry one has no "!" or says so in its words
    if verb and verb.lower() in VERB_EMOTION:
        return VERB_EMOTION[verb.lower()]
    if quote.rstrip().endswith("!"):
        return Emotion.excited
    if quote.rstrip().endswith("?"):
        return Emotion.surprised
    return Emotion.neutral


class _Reader:
    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # id -> name
        self.recent: list[str] = []  # speaker ids, most recent last

    def speaker(self, name: str | None, pronoun: str | None) -> str:
        if name and name.split()[0].lower() in ("the", "a", "an"):
            name = name.split(None, 1)[1].title()  # "the stranger" -> "Stranger"
        if name and name not in NOT_NAMES:
            member = slug(name)
            self.names.setdefault(member, name)
        elif len(self.recent) >= 2:
            member = self.recent[-2]  # in a two-person exchange, speakers alternate
        elif self.recent:
            member = self.recent[-1]
        else:
            return NARRATOR
        self.recent.append(member)
        return member

    def paragraph(self, paragraph: str, draft: _SceneDraft) -> None:
        position = 0
        pending_narration = ""
        paragraph_speaker: str | None = None
        matches = list(QUOTE.finditer(paragraph))
        for match in matches:
            before = paragraph[position : match.start()]
            quote = next(g for g in match.groups() if g is not None).strip()
            after = paragraph[match.end() :]
            name = pronoun = verb = None
            tag = BEFORE_TAG.search(before)
            if tag:
                name, pronoun = tag.group(1), tag.group(2)
                verb = next((w for w in tag.group(0).split() if w.lower() in SPEECH_VERBS), None)
                before = before[: tag.start()]
            pending_narration += before
            consumed = 0
            if not tag:
                follow = AFTER_TAG.match(after) or AFTER_TAG_NAME_FIRST.match(after)
                if follow:
                    name, pronoun = follow.group(1), follow.group(2)
                    verb = next(
                        (w.strip(",.") for w in follow.group(0).split() if w.lower().strip(",.") in SPEECH_VERBS), None
                    )
                    consumed = follow.end()
            self._narrate(pending_narration, draft)
            pending_narration = ""
            if name is None and pronoun is None and paragraph_speaker is not None:
                who = paragraph_speaker  # a quote that goes on in the same paragraph: the same speaker
            else:
                who = self.speaker(name, pronoun)
            paragraph_speaker = who
            if quote.endswith(","):
                quote = quote[:-1] + "."
            draft.lines.append(DialogueLine(speaker=who, text=quote, emotion=_emotion(quote, verb)))
            position = match.end() + consumed
        self._narrate(pending_narration + paragraph[position:], draft)

    @staticmethod
    def _narrate(text: str, draft: _SceneDraft) -> None:
        text = re.sub(r"\s+", " ", text).strip(" ,;")
        if len(text.split()) < 2:
            return
        text = text[0].upper() + text[1:]
        group: list[str] = []
        for sentence in _sentences(text):
            if group and len(" ".join([*group, sentence])) > 220:
                draft.lines.append(DialogueLine(speaker=NARRATOR, text=" ".join(group)))
                group = []
            group.append(sentence)
        if group:
            draft.lines.append(DialogueLine(speaker=NARRATOR, text=" ".join(group)))


def _setting(text: str, previous: Setting | None) -> Setting:
    lowered = text.lower()
    place = place_in(text)
    time = next(
        (t for t, keys in (
            (TimeOfDay.night, ("night", "moon", "stars", "midnight", "dark")),
            (TimeOfDay.dusk, ("evening", "sunset", "dusk")),
            (TimeOfDay.dawn, ("morning", "dawn", "sunrise")),
        ) if any(k in lowered for k in keys)),
        None,
    )  # fmt: skip
    weather = next(
        (w for w, keys in ((Weather.rain, ("rain", "storm")), (Weather.snow, ("snow",)), (Weather.fog, ("fog", "mist")))
         if any(k in lowered for k in keys)),
        Weather.clear,
    )  # fmt: skip
    base = previous or Setting(place=Place.meadow, time_of_day=TimeOfDay.day)
    return Setting(place=place or base.place, time_of_day=time or base.time_of_day, weather=weather)


def story_from_text(text: str, request: BreakdownRequest) -> Film:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    lines = text.strip().splitlines()
    title = None
    if (
        lines
        and len(lines[0]) < 70
        and not lines[0].rstrip().endswith((".", "!", "?", '"', "”"))
        and len(paragraphs) > 1
    ):
        title = lines[0].strip().strip("#").strip()
        paragraphs[0] = "\n".join(paragraphs[0].splitlines()[1:]).strip()
        paragraphs = [p for p in paragraphs if p]
    body = "\n\n".join(paragraphs)
    reader = _Reader()
    drafts: list[_SceneDraft] = [_SceneDraft()]
    for paragraph in paragraphs:
        flat = " ".join(paragraph.split())
        current = drafts[-1]
        if current.lines and SCENE_BREAK.match(flat):
            drafts.append(_SceneDraft())
            current = drafts[-1]
        reader.paragraph(flat, current)
        current.text += " " + flat
    drafts = [d for d in drafts if d.lines]
    line_counts = {m: sum(line.speaker == m for d in drafts for line in d.lines) for m in reader.names}
    cast_ids = sorted(reader.names, key=lambda m: -line_counts[m])  # the one who speaks most leads
    voices = distinct_voices(request.language, len(cast_ids), request.seed)
    cast = []
    for index, (member_id, voice) in enumerate(zip(cast_ids, voices, strict=True)):
        name, description = reader.names[member_id], _describe(reader.names[member_id], body)
        cast.append(
            CastMember(
                id=member_id,
                name=name,
                role="protagonist" if index == 0 else "supporting",
                description=description,
                voice=voice,
                **identity_of(description, name=name),
            )
        )
    rates = {m.id: m.voice.rate for m in cast}
    scenes = []
    previous: Setting | None = None
    for index, draft in enumerate(drafts):
        setting = _setting(draft.text, previous)
        previous = setting
        speakers = list(dict.fromkeys(line.speaker for line in draft.lines if line.speaker != NARRATOR))
        spoken = LEAD + TAIL + sum(line_seconds(line.text, rates.get(line.speaker, 150)) for line in draft.lines)
        transition = Transition(kind=TransitionKind.fade_black, duration=0.8) if index == 0 else Transition(
            kind=TransitionKind.crossfade, duration=0.8
        )  # fmt: skip
        scenes.append(
            Scene(
                id=f"s{index + 1:02d}-{slug(' '.join(draft.text.split()[:4]))}"[:64].rstrip("-"),
                number=index + 1,
                title=_sentences(draft.text)[0][:60] if draft.text.strip() else f"Scene {index + 1}",
                setting=setting,
                beats=[s for s in _sentences(draft.text)[:3]],
                dialogue=draft.lines[:200],
                duration=round(max(4.0, spoken), 2),
                cast=speakers[:6],
                shot=Shot.wide if index == 0 or len(speakers) > 2 else Shot.medium,
                transition_in=transition,
            )
        )
    first_words = " ".join(text.split()[:6])
    film = Film(
        title=title or (f"The Story of {cast[0].name}" if cast else first_words[:60]),
        premise=text,
        style=request.style,
        target_length=max(15.0, min(600.0, request.length)),
        language=request.language,
        seed=request.seed,
        narrator=narrator_voice(request.language),
        cast=cast,
        scenes=scenes,
    )
    return fit_length(film, request.length)


def _describe(name: str, text: str) -> str:
    """What the story says about a character: the narration that names them, and the sentence
    after it when that goes on about them ("He wore a long blue coat")."""
    sentences = [s for s in _sentences(" ".join(text.split())) if not QUOTE.search(s)]
    picked: list[str] = []
    for index, sentence in enumerate(sentences):
        if re.search(rf"\b{re.escape(name)}\b", sentence, re.I):
            picked.append(sentence)
            following = sentences[index + 1] if index + 1 < len(sentences) else ""
            if following.split(" ", 1)[0] in ("He", "She", "They", "It", "His", "Her"):
                picked.append(following)
    return " ".join(dict.fromkeys(picked))[:400] or f"{name}, a character in the story"

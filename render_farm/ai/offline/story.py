"""The built-in story writer: a premise becomes a five-act film; a pasted story keeps its words.

From a one-line premise ("a shy robot learns to dance at the harvest festival") it finds the
hero, the goal and the event (:mod:`.story_premise`), invents a cast of 2-5 with looks and
personalities, and writes scenes through setup, inciting incident, rising action, climax and
resolution, with lines that fit each role and personality (:mod:`.story_templates`). A pasted
story (several sentences, quoted dialogue) is handed to :mod:`.story_paste`, which keeps the
author's words. Either way the running time is sized to the requested length, and everything
is deterministic for the request (seeds come from :mod:`hashlib`, never from ``hash()``).
"""

from __future__ import annotations

import hashlib
import logging
import random
import re
from collections.abc import Sequence
from typing import Any

from render_farm.ai.protocols import BreakdownRequest, ProviderError
from render_farm.ai.voices import distinct_voices, narrator_voice
from render_farm.film import (
    NARRATOR,
    CameraMove,
    CastMember,
    DialogueLine,
    Emotion,
    Film,
    Gender,
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

from . import story_templates as bank
from .identity import identity_of
from .ids import slug
from .story_paste import is_pasted_story, story_from_text
from .story_premise import PLACE_WORDS, Premise, parse_premise, place_in

__all__ = ["PLACE_WORDS", "OfflineStoryWriter", "place_in", "scene_count"]

log = logging.getLogger(__name__)
MIN_LENGTH, MAX_LENGTH = 15.0, 600.0
PLACE_PHRASES = {
    Place.village: "the village", Place.forest: "the forest", Place.river: "the river valley",
    Place.city_street: "the city", Place.room: "the little house", Place.beach: "the seaside town",
    Place.mountains: "the mountains", Place.space: "the space station", Place.castle: "the castle",
    Place.meadow: "the meadow",
}  # fmt: skip
JOURNEY = {  # where a quest's rising action travels, by the place it starts from
    Place.village: (Place.meadow, Place.forest, Place.river),
    Place.forest: (Place.river, Place.mountains, Place.meadow),
    Place.river: (Place.forest, Place.meadow, Place.mountains),
    Place.city_street: (Place.river, Place.meadow, Place.forest),
    Place.room: (Place.city_street, Place.meadow, Place.village),
    Place.beach: (Place.river, Place.forest, Place.village),
    Place.mountains: (Place.forest, Place.river, Place.meadow),
    Place.space: (Place.space, Place.mountains, Place.space),
    Place.castle: (Place.forest, Place.village, Place.river),
    Place.meadow: (Place.forest, Place.river, Place.village),
}
SMALL_WORDS = {"a", "an", "the", "and", "of", "to", "for", "in", "on", "at", "with", "or", "by"}


def stable_random(*parts: object) -> random.Random:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def with_article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def title_case(text: str) -> str:
    words = text.split()
    return " ".join(w if i and w.lower() in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def scene_count(length: float) -> int:
    """About one scene per 11-20 s (longer scenes in longer films); two for the shortest."""
    return 2 if length < 25 else max(3, round(length / (11 + length / 60)))


# -- the cast ---------------------------------------------------------------------------------------


def _gender(member_voice: str) -> str:
    return "f" if member_voice.startswith("f") else "m"


def _look(kind: str, adjectives: Sequence[str], rng: random.Random) -> str:
    """A description a character designer can draw: species, colours, clothes, accessories."""
    colour = rng.choice(bank.CLOTH_COLOURS)
    accessory = rng.choice(bank.ACCESSORIES)
    eyes = rng.choice(bank.EYE_COLOURS)
    adjective = " ".join(adjectives)
    people = ("girl", "boy", "kid", "grandmother", "grandfather", "knight", "princess", "astronaut", "wizard", "witch")
    human = kind in people or kind.endswith(("man", "er", "ess", "ist", "or"))
    if kind == "robot":
        body = f"{adjective} {rng.choice(bank.ROBOT_COLOURS)} robot".strip()
        return f"{with_article(body)} with {with_article(colour + ' ' + accessory)} and round {eyes} eyes"
    if human:
        outfit = rng.choice(bank.OUTFITS)
        outfit = f"{colour} {outfit}" if outfit.endswith("s") else with_article(f"{colour} {outfit}")
        extra = with_article(rng.choice(bank.CLOTH_COLOURS) + " " + accessory)
        return (
            f"{with_article((adjective + ' ' + kind).strip())} with {rng.choice(bank.HAIR)} hair, {outfit} and {extra}"
        )
    palette = bank.CREATURE_COLOURS if kind in ("dragon", "monster", "alien", "yeti") else bank.FUR_COLOURS
    body = f"{adjective} {rng.choice(palette)} {kind}".strip()
    return f"{with_article(body)} with {with_article(colour + ' ' + accessory)} and bright {eyes} eyes"


def _traits(adjectives: Sequence[str], rng: random.Random) -> list[str]:
    found = [t for t, words in bank.TRAIT_WORDS.items() if any(a in words for a in adjectives)]
    return list(dict.fromkeys([*found, *([] if found else [rng.choice(("curious", "shy", "brave", "clumsy"))])]))


def _name(pool: Sequence[str], used: set[str], rng: random.Random) -> str:
    name = rng.choice([n for n in pool if n not in used] or list(pool))
    used.add(name)
    return name


def make_cast(premise: Premise, length: float, request: BreakdownRequest) -> list[CastMember]:
    rng = stable_random(request.prompt, request.seed, "cast")
    roles = ["protagonist", "friend"]
    if length >= 30:
        roles.append("mentor")
    if length >= 60:
        roles.append("rival")
    if length >= 240:
        roles.append("sidekick")
    voices = distinct_voices(request.language, len(roles), request.seed, roles)
    if premise.gender and _gender(voices[0].voice) != premise.gender:  # a girl speaks with a girl's voice
        swap = next((i for i, v in enumerate(voices) if _gender(v.voice) == premise.gender), None)
        if swap is not None:
            voices[0], voices[swap] = voices[swap], voices[0]
    used: set[str] = set()
    members = []
    for role, voice in zip(roles, voices, strict=True):
        gender = _gender(voice.voice)
        people = bank.FEMALE_NAMES if gender == "f" else bank.MALE_NAMES
        if role == "protagonist":
            kind, adjectives = premise.kind, premise.adjectives
            name = premise.name or _name(bank.CREATURE_NAMES.get(kind, people), used, rng)
            traits = [*_traits(adjectives, rng), "determined"]
        elif role == "mentor":
            kind = rng.choice(["owl", "bear", "grandmother" if gender == "f" else "grandfather"])
            adjectives = ["old"]
            name = _name(bank.MENTOR_NAMES_F if gender == "f" else bank.MENTOR_NAMES_M, used, rng)
            traits = [rng.choice(bank.MENTOR_TRAITS), "kind"]
        else:
            pool = bank.RIVAL_KINDS if role == "rival" else bank.COMPANIONS[premise.place.value]
            kind = rng.choice([k for k in pool if k not in ("girl", "boy")] + [("girl" if gender == "f" else "boy")])
            kind = kind.split()[-1] if kind.startswith(("frog", "goat")) else kind
            adjectives = ["little"] if role == "sidekick" else []
            name = _name(bank.CREATURE_NAMES.get(kind, people), used, rng)
            traits = [rng.choice(bank.RIVAL_TRAITS if role == "rival" else bank.FRIEND_TRAITS)]
        used.add(name)
        description = _look(kind, [*traits[:1], *[a for a in adjectives if a not in traits]][:2], rng)
        # who they are: what the words plainly say, and the gender their voice and name were chosen for
        identity: dict[str, Any] = {"gender": Gender.female if gender == "f" else Gender.male}
        identity.update(identity_of(description, name=name, role=role))
        members.append(
            CastMember(
                id=slug(name),
                name=name,
                role=role,
                description=description,
                personality=traits[:4],
                voice=voice,
                **identity,
            )
        )
    return members


# -- the lines --------------------------------------------------------------------------------------


def _pool(act: str, role: str, premise: Premise) -> list[tuple[str, Emotion | None]]:
    """Every template the role could say in the act: (text, emotion or None to infer it)."""
    if premise.quest and act in ("rising action", "climax") and (act, role) in bank.QUEST_LINES:
        tagged = list(bank.QUEST_LINES[(act, role)])
        plain: list[str] = []
    else:
        plain = list(bank.LINES[act].get(role, []))
        tagged = list(bank.NARRATION.get(act, ())) if role == "narrator" else list(bank.ROLE_LINES.get((act, role), ()))
    out: list[tuple[str, Emotion | None]] = [(t, None) for t in plain]
    for entry in tagged:
        emotion, _, text = entry.partition("|")
        out.append((text, Emotion(emotion)))
    if premise.quest:
        out = [(t, e) for t, e in out if "practis" not in t and ("{event" not in t.lower() or premise.has_event)]
    return out


class _Slots(dict[str, str]):
    """Template values; a slot for someone absent raises KeyError so that template is skipped."""

    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def make_slots(premise: Premise, cast: list[CastMember], present: set[str] | None) -> _Slots:
    by_role = {m.role: m for m in cast}
    hero = by_role["protagonist"]
    she = _gender(hero.voice.voice) == "f"
    he, him, his, himself = ("she", "her", "her", "herself") if she else ("he", "him", "his", "himself")
    slots = _Slots(premise.forms(his, himself))
    slots.update(he=he, him=him, his=his, event=premise.event, event_noun=premise.event.split()[-1])
    slots.update(place=premise.location or PLACE_PHRASES[premise.place], kind=premise.kind, hero_noun=premise.kind)
    slots["hero_desc"] = slots["a_hero"] = with_article(" ".join([*premise.adjectives, premise.kind]))
    for role, key in (("protagonist", "hero"), ("friend", "friend"), ("mentor", "mentor"), ("rival", "rival")):
        member = by_role.get(role)
        if member is not None and (present is None or member.id in present or role == "protagonist"):
            slots[key] = member.name
    for key in list(slots):
        slots[key[:1].upper() + key[1:]] = slots[key][:1].upper() + slots[key][1:]
    return slots


EARLY = ("setup", "inciting incident")


def _says_premise(template: str) -> bool:
    return any(slot in template.lower() for slot in ("{goal", "{core", "{event"))


def _premise_words(text: str, premise: Premise) -> int:
    """How much of the premise a line says, once each: the goal (twice as much as the rest), the event
    (if the premise names one) and the place it names. A phrase said twice ("win the contest at the
    contest") scores nothing."""
    lowered = text.lower()
    if lowered.count(premise.event.lower()) > 1:
        return -1
    score = 2 * (premise.core.lower() in lowered)  # the goal matters most
    score += bool(premise.location) and str(premise.location).lower() in lowered
    return score + (premise.has_event and premise.event.lower() in lowered)


def _line_emotion(text: str, act: str, rng: random.Random) -> Emotion:
    lowered = text.lower()
    if any(w in lowered for w in ("did it", "proud", "amazing", "best", "happiest", "glad", "without you")):
        return Emotion.excited if text.endswith("!") else Emotion.happy
    if any(w in lowered for w in ("wrong", "never", "hard", "afraid", "fell", "give up", "oh no", "impossible")):
        return Emotion.scared if act in ("inciting incident", "climax") else Emotion.sad
    if text.endswith("!"):
        return Emotion.excited
    if text.endswith("?"):
        return Emotion.surprised if act == "inciting incident" else Emotion.thoughtful
    return Emotion(rng.choice(bank.EMOTIONS[act]))


def write_lines(
    acts: list[str], present: list[CastMember], cast: list[CastMember], premise: Premise, budget: float,
    rng: random.Random, used: set[str],
) -> list[DialogueLine]:  # fmt: skip
    """A conversation for one scene: the narrator opens an act, the hero and the others take turns,
    each line picked (unused first) to fit the scene's share of the running time."""
    hero = next(m for m in present if m.role == "protagonist")
    others = [m for m in present if m is not hero]
    here = {m.id for m in present}
    scene_left = budget - LEAD - TAIL
    lines: list[DialogueLine] = []
    for act_index, act in enumerate(acts):
        order: list[CastMember | None] = []
        if act_index == 0:
            order.append(None)  # the narrator opens
        for turn in range(14):
            order.append(hero if turn % 2 == 0 or not others else others[(turn // 2 + act_index) % len(others)])
        remaining = scene_left / (len(acts) - act_index)
        said = any(_says_premise(t) for t in used)
        for member in order:
            if remaining < 1.5:
                break
            if lines and member is not None and lines[-1].speaker == member.id:
                continue  # nobody answers themselves
            role = "narrator" if member is None else member.role
            role = "friend" if role == "sidekick" else role
            slots = make_slots(premise, cast, None if member is None else here)
            options = _pool(act, role, premise)
            spice = member is not None and act in ("setup", "rising action") and rng.random() < 0.3
            if spice and member is not None:  # now and then a line that is all personality
                options += [(t.partition("|")[2], Emotion(t.partition("|")[0]))
                            for trait in member.personality for t in bank.TRAIT_LINES.get(trait, ())
                            if not (premise.quest and "practis" in t)]  # fmt: skip
            rng.shuffle(options)
            candidates = []
            for template, emotion in options:
                try:
                    text = template.format_map(slots)
                except KeyError:
                    continue  # names someone who is not here
                candidates.append((template, text[:1].upper() + text[1:], emotion))
            # fresh lines first; early on, lines that say the premise's own words (the goal, the event, the place)
            candidates.sort(key=lambda c: (c[0] in used, -_premise_words(c[1], premise) if act in EARLY else 0))
            rate = member.voice.rate if member else 150
            chosen = None
            for template, text, emotion in candidates:
                room = scene_left if act in EARLY and not said and _says_premise(template) else remaining
                if line_seconds(text, rate) <= room:
                    chosen = template, text, emotion
                    break
            if chosen is None:
                continue
            template, text, emotion = chosen
            used.add(template)
            lines.append(
                DialogueLine(
                    speaker=member.id if member else NARRATOR,
                    text=text,
                    emotion=emotion or (Emotion.neutral if member is None else _line_emotion(text, act, rng)),
                )
            )
            remaining -= line_seconds(text, rate)
            scene_left -= line_seconds(text, rate)
            said = said or _says_premise(template)
    if not lines:  # the scene is too short for any line that fits: say the shortest one
        slots = make_slots(premise, cast, here)
        texts = []
        for template, _ in _pool(acts[0], "protagonist", premise):
            try:
                texts.append(template.format_map(slots))
            except KeyError:
                continue
        shortest = min(texts, key=len)
        lines.append(DialogueLine(speaker=hero.id, text=shortest[:1].upper() + shortest[1:]))
    return lines


# -- scenes ----------------------------------------------------------------------------------------


def acts_per_scene(count: int) -> list[list[str]]:
    acts = list(bank.ACTS)
    if count < len(acts):  # fewer scenes than acts: group consecutive acts
        groups: list[list[str]] = [[] for _ in range(count)]
        for index, act in enumerate(acts):
            groups[index * count // len(acts)].append(act)
        return groups
    weights = [0.15, 0.15, 0.35, 0.2, 0.15]
    shares = [1 + w * (count - len(acts)) for w in weights]
    counts = [int(s) for s in shares]
    for index in sorted(range(len(acts)), key=lambda i: counts[i] - shares[i])[: count - sum(counts)]:
        counts[index] += 1
    return [[act] for act, n in zip(acts, counts, strict=True) for _ in range(n)]


def _present(acts: list[str], cast: list[CastMember], index: int) -> list[CastMember]:
    wanted = {
        "setup": ["protagonist", "friend"],
        "inciting incident": ["protagonist", "friend", "rival" if index % 2 else "mentor"],
        "rising action": [
            "protagonist",
            *(["mentor", "friend"], ["friend", "rival"], ["friend", "sidekick"])[index % 3],
        ],
        "climax": ["protagonist", "friend", "rival", "mentor"],
        "resolution": ["protagonist", "friend", "mentor", "sidekick"],
    }
    by_role = {m.role: m for m in cast}
    roles: list[str] = []
    for act in acts:
        roles += [r for r in wanted[act] if r in by_role and r not in roles]
    return [by_role[r] for r in roles[:4]]


def _transitions(groups: list[list[str]]) -> list[Transition]:
    out = [Transition(kind=TransitionKind.fade_black, duration=1.0)]  # the film fades in
    for index in range(1, len(groups)):
        previous, current = groups[index - 1][-1], groups[index][0]
        if previous == current:
            out.append(Transition())
        elif current == "climax":
            out.append(Transition(kind=TransitionKind.fade_black, duration=1.0))
        elif current == "rising action":
            out.append(Transition(kind=TransitionKind.wipe, duration=0.6))
        else:
            out.append(Transition(kind=TransitionKind.crossfade, duration=0.8))
    return out


def _setting(acts: list[str], premise: Premise, index: int, groups: list[list[str]], rng: random.Random) -> Setting:
    act, home = acts[-1] if "climax" in acts else acts[0], premise.place
    within = sum(1 for g in groups[:index] if g[0] == acts[0])  # how many scenes of this act came before
    place = home
    if act == "rising action":
        away = JOURNEY[home] if premise.quest else (Place.meadow if home is not Place.meadow else Place.forest, home)
        place = away[within % len(away)]
    time = {
        "setup": TimeOfDay.dawn if index == 0 else TimeOfDay.day,
        "inciting incident": TimeOfDay.day,
        "rising action": (TimeOfDay.day, TimeOfDay.dusk, TimeOfDay.day, TimeOfDay.night)[within % 4],
        "climax": TimeOfDay.dusk if within == 0 else TimeOfDay.night,
        "resolution": TimeOfDay.night if within == 0 else TimeOfDay.dawn,
    }[act]
    weather = Weather.clear
    if act == "rising action" and rng.random() < 0.35:
        weather = rng.choice([Weather.cloudy, Weather.rain, Weather.fog])
    if re.search(r"\b(snow|winter|ice)", premise.goal + " " + premise.event):
        weather = Weather.snow
    if place in (Place.space, Place.room):
        weather = Weather.clear
    words = PLACE_PHRASES[place] if place is not home else (premise.location or PLACE_PHRASES[place])
    when = "by day" if time == TimeOfDay.day else f"at {time.value}"
    return Setting(place=place, time_of_day=time, weather=weather, description=f"{words}, {when}")


def _shot(acts: list[str], index: int, count: int, lines: list[DialogueLine]) -> tuple[Shot, CameraMove]:
    feeling = sum(line.emotion in (Emotion.sad, Emotion.scared, Emotion.thoughtful) for line in lines)
    if index == 0:
        return Shot.wide, CameraMove.pan_right
    if index == count - 1:
        return Shot.wide, CameraMove.zoom_out
    if acts[0] == "climax":
        return (Shot.close if feeling else Shot.medium), CameraMove.zoom_in
    if feeling * 2 > len(lines):
        return Shot.close, CameraMove.static
    return ((Shot.medium, CameraMove.static), (Shot.wide, CameraMove.pan_left), (Shot.medium, CameraMove.zoom_in))[
        index % 3
    ]


SCENE_TITLES = {
    "setup": ("A Wish in {Place}", "Morning in {Place}", "{Hero}'s Secret"),
    "inciting incident": ("The News", "A Chance", "Everything Changes"),
    "rising action": ("Trying Again", "Doubts", "Step by Step", "The Long Way", "Not Giving Up", "Help from a Friend"),
    "climax": ("{Event}", "The Big Moment", "Now or Never"),
    "resolution": ("Together at Last", "Home Again", "A New Beginning"),
}


QUEST_BEATS = {
    "inciting incident": "{hero} decides to {goal}, whatever it takes.",
    "rising action": "The way is long: {hero} and {friend} get lost, doubt, and keep going.",
    "climax": "At the hardest moment, {hero} finds the courage to {core}.",
    "resolution": "{hero} has done it, and comes home changed.",
}


def film_title(premise: Premise, rng: random.Random) -> str:
    who = premise.name or "The " + " ".join([*premise.adjectives, premise.kind])
    past = premise.forms()["goal_past"]
    options = [f"{who} Who {past}" if not premise.name else f"How {who} {past}"]
    if premise.has_event:
        options.append(f"{who} and {premise.event}")
    return title_case(rng.choice(options))[:200]


class OfflineStoryWriter:
    """The built-in story writer (offline, deterministic). ``notes`` explains the last breakdown's
    compromises (a pasted story longer than the target, English lines for another language)."""

    name = "builtin"

    def __init__(self) -> None:
        self.notes: list[str] = []

    def breakdown(self, request: BreakdownRequest) -> Film:
        self.notes = []
        text = request.prompt.strip()
        if not text:
            raise ProviderError('the story prompt is empty: describe a story, e.g. "a shy robot learns to dance"')
        if not MIN_LENGTH <= request.length <= MAX_LENGTH:
            raise ProviderError(
                f"a film runs from {MIN_LENGTH:g} to {MAX_LENGTH:g} seconds (10 min), not {request.length:g} s"
            )
        if is_pasted_story(text):
            film = story_from_text(text, request)
            if film.duration > request.length * 1.15:
                self._note(
                    f"the story takes about {film.duration:.0f} s to tell, longer than the {request.length:g} s asked "
                    "for; its words were kept, so the film is longer"
                )
            return film
        if request.language != "en":
            self._note(
                f"the built-in writer writes premises in English; the voices speak '{request.language}'. Paste a "
                "whole story in your language to keep its words, or use an HTTP story writer"
            )
        return self._from_premise(text, request)

    def _note(self, message: str) -> None:
        self.notes.append(message)
        log.warning("%s", message)

    def _from_premise(self, text: str, request: BreakdownRequest) -> Film:
        premise = parse_premise(text)
        length = request.length
        cast = make_cast(premise, length, request)
        groups = acts_per_scene(scene_count(length))
        transitions = _transitions(groups)
        overlap = sum(t.duration for t in transitions[1:])
        budget = (length + overlap) / len(groups)
        rng = stable_random(text, request.seed, request.length, "lines")
        used: set[str] = set()
        scenes = []
        for index, acts in enumerate(groups):
            present = _present(acts, cast, index)
            room = budget - transitions[index].duration * 0.5
            lines = write_lines(acts, present, cast, premise, room, rng, used)
            spoken = LEAD + TAIL + sum(line_seconds(line.text, _rate(line.speaker, cast)) for line in lines)
            shot, camera = _shot(acts, index, len(groups), lines)
            slots = make_slots(premise, cast, None)
            titles = SCENE_TITLES[acts[-1] if "climax" in acts else acts[0]]
            fitting = [
                t for t in titles if (premise.has_event or "{Event}" not in t) and (premise.quest or "Way" not in t)
            ]
            title = rng.choice([t for t in fitting if t not in used] or fitting)
            used.add(title)
            slots["Place"] = slots["place"]
            beat_text = {**bank.BEATS, **(QUEST_BEATS if premise.quest else {})}
            beats = [part for act in acts for part in (act, beat_text[act].format_map(_loose(slots)))]
            scenes.append(
                Scene(
                    id=f"s{index + 1:02d}-{slug(acts[0])}",
                    number=index + 1,
                    title=title_case(title.format_map(_loose(slots)))[:200],
                    setting=_setting(acts, premise, index, groups, rng),
                    beats=beats,
                    dialogue=lines,
                    duration=round(max(4.0, budget, spoken, 2.2 * transitions[index].duration + 0.5), 2),
                    cast=[m.id for m in present],
                    shot=shot,
                    camera=camera,
                    transition_in=transitions[index],
                )
            )
        film = Film(
            title=film_title(premise, stable_random(text, request.seed, "title")),
            premise=text,
            style=request.style,
            target_length=length,
            language=request.language,
            seed=request.seed,
            narrator=narrator_voice(request.language),
            cast=cast,
            scenes=scenes,
        )
        return fit_length(film, length)


def _loose(slots: _Slots) -> dict[str, str]:
    values = dict(slots)
    for key in ("friend", "mentor", "rival"):
        values.setdefault(key, values["hero"])
        values.setdefault(key.capitalize(), values["Hero"])
    return values


def _rate(speaker: str, cast: list[CastMember]) -> int:
    return next((m.voice.rate for m in cast if m.id == speaker), 150)

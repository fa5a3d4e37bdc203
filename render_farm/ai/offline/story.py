"""The built-in story writer: a premise becomes a five-act film; a pasted story keeps its words.

From a one-line premise ("a shy robot learns to dance at the harvest festival") it finds the
hero, the goal and the event, invents a cast of 2-5 with looks and personalities, and writes
scenes through setup, inciting incident, rising action, climax and resolution, with lines that
fit each role. A pasted story (several sentences, quoted dialogue) is handed to
:mod:`.story_paste`, which keeps the author's words. Either way the running time is sized to
the requested length, and everything is deterministic for the request.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

from render_farm.ai.protocols import BreakdownRequest, ProviderError
from render_farm.ai.voices import distinct_voices, narrator_voice
from render_farm.film import (
    NARRATOR,
    CameraMove,
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

from . import story_templates as bank
from .story_timing import LEAD, TAIL, line_seconds

MIN_LENGTH, MAX_LENGTH = 15.0, 600.0

PLACE_WORDS: list[tuple[Place, tuple[str, ...]]] = [
    (Place.space, ("space", "moon", "star", "planet", "rocket", "galaxy", "mars")),
    (Place.castle, ("castle", "king", "queen", "princess", "prince", "palace", "kingdom", "knight")),
    (Place.beach, ("beach", "sea", "ocean", "island", "shore", "wave", "sail", "pirate")),
    (Place.mountains, ("mountain", "hill", "peak", "summit", "cliff", "snow")),
    (Place.river, ("river", "lake", "pond", "stream", "bridge", "boat")),
    (Place.forest, ("forest", "wood", "jungle", "tree", "owl")),
    (Place.city_street, ("city", "street", "downtown", "subway", "traffic")),
    (Place.room, ("house", "home", "room", "kitchen", "school", "bedroom", "library", "bakery", "shop")),
    (Place.village, ("village", "festival", "fair", "market", "town", "harvest", "parade", "carnival")),
    (Place.meadow, ("meadow", "field", "garden", "farm", "park")),
]
ROBOT_WORDS = ("robot", "android", "machine", "droid", "bot")
CREATURE_WORDS = ("dragon", "monster", "troll", "ghost", "alien", "goblin", "creature", "unicorn")
ANIMAL_WORDS = ("fox", "rabbit", "bunny", "cat", "kitten", "dog", "puppy", "bear", "mouse", "owl", "bird", "hedgehog")
VERBS = (
    "learns", "finds", "wants", "discovers", "sails", "travels", "meets", "tries", "dreams", "builds",
    "loses", "saves", "becomes", "goes", "searches", "helps", "must", "has", "makes", "escapes", "flies",
    "befriends", "bakes", "enters", "joins", "opens", "follows", "climbs", "explores", "protects", "races",
)  # fmt: skip
EVENT_PREPOSITIONS = (" at ", " during ", " in ", " on ", " before ")
PLACE_PHRASES = {
    Place.village: "the village",
    Place.forest: "the forest",
    Place.river: "the river",
    Place.city_street: "the city",
    Place.room: "home",
    Place.beach: "the beach",
    Place.mountains: "the mountains",
    Place.space: "the space station",
    Place.castle: "the castle",
    Place.meadow: "the meadow",
}
DEFAULT_EVENTS = {
    Place.village: "the village fair",
    Place.space: "the great launch",
    Place.castle: "the royal ball",
    Place.beach: "the summer regatta",
    Place.mountains: "the mountain race",
    Place.river: "the river festival",
    Place.forest: "the midsummer gathering",
    Place.city_street: "the big parade",
    Place.room: "the school show",
    Place.meadow: "the spring fair",
}


def stable_random(*parts: object) -> random.Random:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def slug(text: str) -> str:
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return value[:40] or "x"


@dataclass(frozen=True)
class Premise:
    adjectives: list[str]
    kind: str  # "robot"
    name: str | None  # a name given in the premise
    goal: str  # infinitive phrase: "learn to dance"
    event: str  # "the harvest festival"
    place: Place
    has_event: bool


def _infinitive(verb: str) -> str:
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes", "oes")):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") else verb


def parse_premise(text: str) -> Premise:
    words = re.sub(r"[^\w\s'-]", " ", text).split()
    lowered = [w.lower() for w in words]
    start = 0
    while start < len(lowered) and lowered[start] in ("a", "an", "the", "once", "upon", "time", "there", "was"):
        start += 1
    verb_at = next((i for i in range(start + 1, len(lowered)) if lowered[i] in VERBS), None)
    if verb_at is None:
        verb_at = min(len(lowered), start + 2)
    hero_words = words[start:verb_at] or ["hero"]
    name = next((w for w in hero_words if w[:1].isupper() and w.lower() not in ("a", "an", "the")), None)
    kind_words = [w.lower() for w in hero_words if w is not name and w.lower() not in ("a", "an", "the")]
    kind = kind_words[-1] if kind_words else "friend"
    adjectives = kind_words[:-1][-2:]
    predicate = " ".join(lowered[verb_at:])
    event, has_event = "", False
    for preposition in EVENT_PREPOSITIONS:
        if preposition in f" {predicate} ":
            head, _, tail = f" {predicate} ".partition(preposition)
            if tail.strip():
                predicate, event, has_event = head.strip(), tail.strip(), True
                break
    verb, _, rest = predicate.partition(" ")
    if verb in ("wants", "must", "has", "needs") and rest.startswith("to "):
        verb, _, rest = rest[3:].partition(" ")
    goal = " ".join(p for p in (_infinitive(verb) if verb else "find a way", rest) if p).strip()
    lowered_text = text.lower()
    place = next((p for p, keys in PLACE_WORDS if any(k in lowered_text for k in keys)), Place.meadow)
    if has_event and not event.startswith(("the ", "a ", "an ", "their ", "his ", "her ")):
        event = "the " + event
    return Premise(adjectives, kind, name, goal, event or DEFAULT_EVENTS[place], place, has_event)


def _family(kind: str) -> str:
    if kind in ROBOT_WORDS:
        return "robot"
    if kind in CREATURE_WORDS:
        return "creature"
    if kind in ANIMAL_WORDS:
        return "animal"
    return "person"


def _describe(kind: str, adjectives: list[str], rng: random.Random) -> str:
    colour, colour2 = rng.sample(bank.COLOURS, 2)
    accessory = rng.choice(bank.ACCESSORIES)
    lead = " ".join([*adjectives, colour if _family(kind) != "person" else ""]).strip()
    who = with_article(f"{lead} {kind}".strip())
    if _family(kind) == "person":
        hair = rng.choice(["brown", "black", "red", "golden", "silver"])
        outfit = with_article(f"{colour} {rng.choice(bank.OUTFITS)}")
        return f"{who} with {hair} hair in {outfit} and {with_article(colour2 + ' ' + accessory)}"
    return f"{who} with {with_article(colour2 + ' ' + accessory)}"


def _cast(premise: Premise, length: float, request: BreakdownRequest) -> list[CastMember]:
    rng = stable_random(request.prompt, request.seed, "cast")
    roles = ["protagonist", "friend"]
    if length > 20:
        roles.append("mentor")
    if length > 60:
        roles.append("rival")
    if length >= 240:
        roles.append("sidekick")
    family = _family(premise.kind)
    used: set[str] = set()
    members = []
    for role in roles:
        if role == "protagonist":
            kind, adjectives = premise.kind, premise.adjectives
            name = premise.name or rng.choice([n for n in bank.NAMES[family] if n not in used])
        else:
            kind = rng.choice(bank.ANIMALS) if role != "mentor" else rng.choice(["owl", "bear", "person"])
            if kind == "person":
                kind = rng.choice(["grandmother", "old baker", "teacher"])
            adjectives = {"friend": ["cheerful"], "mentor": ["old", "wise"], "rival": ["proud"]}.get(role, ["little"])
            pool = (
                bank.ELDER_NAMES if role == "mentor" else bank.RIVAL_NAMES if role == "rival" else bank.NAMES["animal"]
            )
            name = rng.choice([n for n in pool if n not in used])
        used.add(name)
        traits = list(dict.fromkeys([*(premise.adjectives if role == "protagonist" else []), *bank.TRAITS[role]]))[:4]
        members.append(
            CastMember(
                id=slug(name),
                name=name,
                role=role,
                description=_describe(kind, adjectives, rng),
                personality=traits,
            )
        )
    voices = distinct_voices(request.language, len(members), request.seed, [m.role for m in members])
    return [m.model_copy(update={"voice": v}) for m, v in zip(members, voices, strict=True)]


def _acts_per_scene(count: int) -> list[list[str]]:
    acts = list(bank.ACTS)
    if count < len(acts):  # fewer scenes than acts: group consecutive acts
        groups: list[list[str]] = [[] for _ in range(count)]
        for index, act in enumerate(acts):
            groups[index * count // len(acts)].append(act)
        return groups
    weights = [0.2, 0.15, 0.35, 0.15, 0.15]
    shares = [1 + w * (count - len(acts)) for w in weights]
    counts = [int(s) for s in shares]
    for index in sorted(range(len(acts)), key=lambda i: counts[i] - shares[i])[: count - sum(counts)]:
        counts[index] += 1
    return [[act] for act, n in zip(acts, counts, strict=True) for _ in range(n)]


def scene_count(length: float) -> int:
    """Scenes of 15-40 s: long enough for a conversation, many enough to move the story."""
    return max(2, min(16, round(length / (18 + length / 25))))


NEGATIVE = ("wrong", "never", "hard", "afraid", "fell", "not meant", "give up", "oh no", "cry", "impossible")
POSITIVE = (
    "did it", "proud", "amazing", "great", "best", "happiest", "fun", "glad", "believe", "without you", "not afraid",
)  # fmt: skip


def line_emotion(text: str, act: str, rng: random.Random) -> Emotion:
    """How a line is said, from what it says (and the act it is in)."""
    lowered = text.lower()
    if any(word in lowered for word in POSITIVE):
        return Emotion.excited if text.endswith("!") else Emotion.happy
    if any(word in lowered for word in NEGATIVE):
        return Emotion.scared if act in ("inciting incident", "climax") else Emotion.sad
    if text.endswith("!"):
        return Emotion.excited
    if text.endswith("?"):
        return Emotion.surprised if act == "inciting incident" else Emotion.thoughtful
    return Emotion(rng.choice(bank.EMOTIONS[act]))


def with_article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


class OfflineStoryWriter:
    """The built-in story writer (offline, deterministic)."""

    name = "builtin"

    def breakdown(self, request: BreakdownRequest) -> Film:
        text = request.prompt.strip()
        if not text:
            raise ProviderError('the story prompt is empty: describe a story, e.g. "a shy robot learns to dance"')
        if not MIN_LENGTH <= request.length <= MAX_LENGTH:
            raise ProviderError(
                f"a film runs from {MIN_LENGTH:g} s to {MAX_LENGTH / 60:g} min, not {request.length:g} s"
            )
        from .story_paste import is_pasted_story, story_from_text

        if is_pasted_story(text):
            return story_from_text(text, request)
        if request.language != "en":
            raise ProviderError(
                "the built-in writer turns premises into stories in English only: paste a whole story in your "
                "language (its words are kept) or choose an HTTP story writer in Settings"
            )
        return self._from_premise(text, request)

    def _from_premise(self, text: str, request: BreakdownRequest) -> Film:
        premise = parse_premise(text)
        length = request.length
        cast = _cast(premise, length, request)
        by_role = {m.role: m for m in cast}
        hero = by_role["protagonist"]
        slots = {
            "hero": hero.name,
            "friend": by_role["friend"].name,
            "mentor": by_role.get("mentor", by_role["friend"]).name,
            "rival": by_role.get("rival", by_role["friend"]).name,
            "goal": premise.goal,
            "event": premise.event,
            "place": PLACE_PHRASES[premise.place],
            "a_hero": with_article(" ".join([*(premise.adjectives or ["little"]), premise.kind])),
            "kind": premise.kind,
        }
        groups = _acts_per_scene(scene_count(length))
        transitions = _transitions(groups)
        overlap = sum(t.duration for t in transitions[1:])
        budget = (length + overlap) / len(groups)
        rng = stable_random(text, request.seed, request.length, "lines")
        used: set[str] = set()
        scenes = []
        for index, acts in enumerate(groups):
            present = _present(acts, by_role)
            lines = _write_lines(acts, present, slots, budget, rng, used)
            spoken = LEAD + sum(line_seconds(line.text, _rate(line.speaker, cast)) for line in lines) + TAIL
            scenes.append(
                Scene(
                    id=f"s{index + 1:02d}-{slug(acts[0])}",
                    number=index + 1,
                    title=_title_for(acts, slots),
                    setting=_setting(acts, premise.place, index, rng),
                    beats=[f"{act.capitalize()}: {bank.BEATS[act].format(**slots)}" for act in acts],
                    dialogue=lines,
                    duration=round(max(budget, spoken, 2.2 * transitions[index].duration + 0.5), 2),
                    cast=[m.id for m in present],
                    shot=_shot(acts, index, groups),
                    camera=_camera(acts, index, groups, rng),
                    transition_in=transitions[index],
                )
            )
        film = Film(
            title=_film_title(premise),
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


def _rate(speaker: str, cast: list[CastMember]) -> int:
    return next((m.voice.rate for m in cast if m.id == speaker), 150)


def _present(acts: list[str], by_role: dict[str, CastMember]) -> list[CastMember]:
    wanted = {
        "setup": ["protagonist", "friend"],
        "inciting incident": ["protagonist", "friend", "mentor"],
        "rising action": ["protagonist", "mentor", "rival", "friend"],
        "climax": ["protagonist", "friend", "rival"],
        "resolution": ["protagonist", "friend", "mentor", "sidekick"],
    }
    roles: list[str] = []
    for act in acts:
        roles += [r for r in wanted[act] if r in by_role and r not in roles]
    return [by_role[r] for r in roles[:4]]


ROLE_MOODS = {
    "mentor": [Emotion.thoughtful, Emotion.neutral, Emotion.happy],
    "friend": [Emotion.happy, Emotion.excited, Emotion.neutral],
    "rival": [Emotion.angry, Emotion.neutral],
    "sidekick": [Emotion.excited, Emotion.happy],
}


def _write_lines(
    acts: list[str], present: list[CastMember], slots: dict[str, str], budget: float, rng: random.Random, used: set[str]
) -> list[DialogueLine]:
    """A conversation for the scene: the hero answering the others in turn, filling the time."""
    hero = next(m for m in present if m.role == "protagonist")
    others = [m for m in present if m is not hero]
    share = (budget - LEAD - TAIL) / len(acts)
    lines: list[DialogueLine] = []
    for act_index, act in enumerate(acts):
        order: list[CastMember | None] = []
        if act_index == 0 and act in ("setup", "climax", "resolution"):
            order.append(None)  # the narrator opens
        for turn in range(12):
            order.append(hero if turn % 2 == 0 else (others[(turn // 2) % len(others)] if others else hero))
        remaining, spoken_in_act = share, 0
        for member in order:
            if remaining < 1.6:
                break
            role = "narrator" if member is None else member.role
            candidates = bank.LINES[act].get(role) or bank.LINES[act]["protagonist"]
            fresh = [c for c in candidates if c not in used] or list(candidates)
            rng.shuffle(fresh)
            rate = member.voice.rate if member else 150
            chosen = None
            for template in fresh:
                text = template.format(**slots)
                text = text[0].upper() + text[1:]
                if line_seconds(text, rate) <= remaining:
                    chosen = template, text
                    break
            if chosen is None:
                if spoken_in_act:
                    continue
                template = min(fresh, key=len)
                text = template.format(**slots)
                chosen = template, text[0].upper() + text[1:]
            template, text = chosen
            used.add(template)
            if member is None:
                emotion = Emotion.neutral
            elif role in ROLE_MOODS and not text.endswith(("!", "?")):
                emotion = rng.choice(ROLE_MOODS[role])
            else:
                emotion = line_emotion(text, act, rng)
            lines.append(DialogueLine(speaker=member.id if member else NARRATOR, text=text, emotion=emotion))
            remaining -= line_seconds(text, rate)
            spoken_in_act += 1
    return lines


def _transitions(groups: list[list[str]]) -> list[Transition]:
    out = [Transition(kind=TransitionKind.fade_black, duration=0.8)]
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


def _setting(acts: list[str], home: Place, index: int, rng: random.Random) -> Setting:
    act = acts[0]
    place = home
    if act == "rising action" and index % 2:
        place = rng.choice([p for p in (Place.meadow, Place.forest, Place.room, Place.river) if p is not home])
    time = {
        "setup": TimeOfDay.dawn if index == 0 else TimeOfDay.day,
        "inciting incident": TimeOfDay.day,
        "rising action": rng.choice([TimeOfDay.day, TimeOfDay.day, TimeOfDay.dusk]),
        "climax": TimeOfDay.dusk,
        "resolution": TimeOfDay.night,
    }[act]
    weather = Weather.cloudy if act == "rising action" and rng.random() < 0.3 else Weather.clear
    if place is Place.space or place is Place.room:
        weather = Weather.clear
    return Setting(place=place, time_of_day=time, weather=weather)


def _shot(acts: list[str], index: int, groups: list[list[str]]) -> Shot:
    if index == 0 or acts[-1] == "resolution":
        return Shot.wide
    if "climax" in acts:
        return Shot.close
    return Shot.medium if index % 3 else Shot.wide


def _camera(acts: list[str], index: int, groups: list[list[str]], rng: random.Random) -> CameraMove:
    if index == 0:
        return CameraMove.pan_right
    if acts[0] == "climax":
        return CameraMove.zoom_in
    if index == len(groups) - 1:
        return CameraMove.zoom_out
    return rng.choice([CameraMove.static, CameraMove.static, CameraMove.pan_left, CameraMove.zoom_in])


def _title_for(acts: list[str], slots: dict[str, str]) -> str:
    titles = {
        "setup": "A Dream in {place}",
        "inciting incident": "The News",
        "rising action": "Practice",
        "climax": "{event}",
        "resolution": "Together at Last",
    }
    title = titles[acts[0]].format(**slots)
    return (title[0].upper() + title[1:])[:200]


def _film_title(premise: Premise) -> str:
    who = " ".join([*premise.adjectives, premise.kind]).title() if not premise.name else premise.name
    who = who if premise.name else f"The {who}"
    if premise.has_event:
        return f"{who} and {premise.event.title().replace('The ', 'the ', 1)}"
    return f"{who} Who Dared to {premise.goal.split()[0].title()}"


def fit_length(film: Film, target: float) -> Film:
    """Stretch or shrink scene durations (never below what their lines need) toward ``target``."""
    scenes = list(film.scenes)
    needs = []
    for scene in scenes:
        speaking = (
            LEAD
            + TAIL
            + sum(
                line_seconds(line.text, film.member(line.speaker).voice.rate if line.speaker != NARRATOR else 150)
                for line in scene.dialogue
            )
        )
        needs.append(max(speaking, 2.2 * scene.transition_in.duration + 0.5, 2.0))
    for _ in range(3):
        total = sum(s.duration for s in scenes) - sum(s.transition_in.duration for s in scenes[1:])
        error = target - total
        if abs(error) <= target * 0.03:
            break
        slack = [s.duration - n for s, n in zip(scenes, needs, strict=True)]
        if error < 0:
            pool = sum(max(0.0, x) for x in slack)
            if pool <= 0:
                break
            factor = min(1.0, -error / pool)
            scenes = [
                s.model_copy(update={"duration": round(s.duration - max(0.0, x) * factor, 2)})
                for s, x in zip(scenes, slack, strict=True)
            ]
        else:
            scenes = [s.model_copy(update={"duration": round(s.duration + error / len(scenes), 2)}) for s in scenes]
    data = film.model_dump(mode="json")
    data["scenes"] = [s.model_dump(mode="json") for s in scenes]
    return Film.model_validate(data)

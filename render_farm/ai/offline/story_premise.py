"""Reading a one-line premise: who the hero is, what they want, and where and when it happens.

"a shy robot learns to dance at the harvest festival" gives the hero ("robot", adjectives
"shy"), the goal ("learn to dance", with forms for the hero's own mouth and for others
talking to the hero), the event ("the harvest festival") and the kind of place (a village).
Plain word rules, no language model: the premise is English and short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from render_farm.film import Place

PLACE_WORDS: list[tuple[Place, tuple[str, ...]]] = [
    (Place.space, ("space", "moon", "star", "planet", "rocket", "galaxy", "mars", "astronaut", "spaceship")),
    (Place.castle, ("castle", "king", "queen", "princess", "prince", "palace", "kingdom", "knight", "tower")),
    (Place.beach, ("beach", "sea", "ocean", "island", "shore", "wave", "pirate", "seaside", "harbour", "harbor")),
    (Place.mountains, ("mountain", "hill", "peak", "summit", "cliff", "snow", "glacier", "volcano")),
    (Place.river, ("river", "lake", "pond", "stream", "bridge", "boat", "raft", "canal", "fisherman")),
    (Place.forest, ("forest", "wood", "woods", "jungle", "tree", "owl", "glade")),
    (Place.city_street, ("city", "street", "downtown", "subway", "traffic", "skyscraper", "metropolis")),
    (Place.room, ("house", "home", "room", "kitchen", "school", "bedroom", "library", "bakery", "shop", "attic")),
    (Place.village, ("village", "festival", "fair", "market", "town", "harvest", "parade", "carnival")),
    (Place.meadow, ("meadow", "field", "garden", "farm", "park", "valley")),
]
EVENT_WORDS = (
    "festival", "fair", "contest", "competition", "race", "show", "party", "ball", "parade", "concert", "match",
    "wedding", "carnival", "regatta", "tournament", "celebration", "feast", "recital", "championship", "launch",
    "games", "game", "play", "exhibition", "dance",
)  # fmt: skip
VERBS = (
    "learns", "finds", "wants", "discovers", "sails", "travels", "meets", "tries", "dreams", "builds", "loses",
    "saves", "becomes", "goes", "searches", "helps", "must", "has", "makes", "escapes", "flies", "befriends",
    "bakes", "enters", "joins", "opens", "follows", "climbs", "explores", "protects", "races", "teaches",
    "repairs", "fixes", "needs", "decides", "hopes", "sets", "rescues", "looks", "wins", "sings", "paints",
    "plants", "grows", "guards", "chases", "catches", "writes", "returns", "brings", "delivers", "runs", "swims",
    "can't", "cannot", "is", "gets", "starts", "learned", "found",
)  # fmt: skip
QUEST_VERBS = (
    "find", "search", "save", "rescue", "reach", "cross", "explore", "escape", "repair", "fix", "build", "deliver",
    "return", "bring", "catch", "stop", "protect", "climb", "look", "get", "guard", "chase", "follow", "sail",
    "travel", "go", "discover", "open",
)  # fmt: skip
PREPOSITIONS = ("at", "in", "on", "during", "before", "near", "inside", "under", "across", "beyond", "through")
DETERMINERS = ("a", "an", "the", "one", "two", "three", "some", "once", "upon", "time", "there", "was", "lived")
FEMALE = ("girl", "woman", "princess", "queen", "grandmother", "grandma", "mother", "mom", "sister", "lady", "witch",
          "aunt", "daughter", "ballerina", "mermaid", "fairy")  # fmt: skip
MALE = ("boy", "man", "prince", "king", "grandfather", "grandpa", "father", "dad", "brother", "wizard", "fisherman",
        "uncle", "son", "gentleman", "farmer")  # fmt: skip
BASE_VERBS = ("learn", "find", "build", "want", "try", "go", "save", "explore", "search", "meet", "must", "dream",
              "sail", "travel", "help", "make", "discover", "could", "can", "set", "need", "decide")  # fmt: skip
MODALS = ("wants", "want", "must", "has", "needs", "need", "tries", "try", "decides", "decide", "hopes", "sets",
          "can't", "cannot", "can", "could", "not", "dreams", "dream", "starts", "to", "of", "out", "off",
          "going")  # fmt: skip
TIMES = ("night", "dawn", "dusk", "midnight", "noon", "sunset", "sunrise", "morning", "evening", "daybreak")
KIND_WORDS = (*FEMALE, *MALE, "robot", "dragon", "fox", "cat", "dog", "bear", "mouse", "rabbit", "owl", "bird",
              "kitten", "puppy", "monster", "knight", "pirate", "astronaut", "hero")  # fmt: skip
IRREGULAR_PAST = {
    "find": "found", "build": "built", "make": "made", "fly": "flew", "swim": "swam", "sing": "sang", "win": "won",
    "get": "got", "go": "went", "lose": "lost", "catch": "caught", "teach": "taught", "bring": "brought",
    "buy": "bought", "become": "became", "meet": "met", "run": "ran", "ride": "rode", "write": "wrote",
    "draw": "drew", "see": "saw", "take": "took", "keep": "kept", "leave": "left", "grow": "grew", "sell": "sold",
    "tell": "told", "hold": "held", "fight": "fought", "think": "thought", "wake": "woke", "dig": "dug",
    "be": "was", "have": "had", "do": "did", "say": "said", "speak": "spoke", "learn": "learned", "set": "set",
    "put": "put", "cut": "cut", "feel": "felt", "sleep": "slept", "light": "lit", "begin": "began",
}  # fmt: skip


def place_in(text: str) -> Place | None:
    """The kind of place ``text`` names first, by whole words (so "searches" is not the sea)."""
    lowered = text.lower()
    found: list[tuple[int, int, Place]] = []
    for order, (place, keys) in enumerate(PLACE_WORDS):
        for key in keys:
            match = re.search(rf"\b{re.escape(key)}(?:s|es)?\b", lowered)
            if match:
                found.append((match.start(), order, place))
    return min(found)[2] if found else None  # the place named first


def base_form(verb: str) -> str:
    """learns -> learn, tries -> try, watches -> watch, dances -> dance, goes -> go."""
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes", "zzes", "oes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]
    return verb


def _double_final(verb: str) -> bool:
    return bool(re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", verb)) and not verb.endswith(("w", "x", "y"))


def past_form(verb: str) -> str:
    if verb in IRREGULAR_PAST:
        return IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    return verb + verb[-1] + "ed" if _double_final(verb) else verb + "ed"


def gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and verb != "be":
        return verb[:-1] + "ing"
    return verb + verb[-1] + "ing" if _double_final(verb) else verb + "ing"


def _from_gerund(word: str) -> str:
    stem = word[:-3]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        return stem[:-1]
    if stem.endswith(("nc", "k", "v", "at", "ak", "id", "it", "ar", "om", "ag", "iz", "ur", "ov")) or stem in (
        "danc", "rac", "mak", "tak", "becom", "rid", "writ", "sav", "div", "shar", "liv", "mov", "smil", "bak",
    ):  # fmt: skip
        return stem + "e"
    return stem


def _pronouns(phrase: str, owner: str, self_: str) -> str:
    phrase = re.sub(r"\b(his|her|their|its)\b", owner, phrase)
    return re.sub(r"\b(himself|herself|themselves|itself)\b", self_, phrase)


@dataclass(frozen=True)
class Premise:
    adjectives: list[str]
    kind: str  # what the hero is: "robot"
    name: str | None  # a name the premise gives the hero
    goal: str  # base-form phrase, said about the hero: "learn to dance", "teach his grandson to sail"
    event: str  # "the harvest festival"
    place: Place
    has_event: bool
    location: str | None = None  # "the city" when the premise names where it happens

    @property
    def verb(self) -> str:
        return self.goal.split()[0]

    @property
    def core(self) -> str:
        """The goal without "learn to"/"try to": what the hero does at the climax ("dance")."""
        return re.sub(r"^(?:learn (?:how )?to|try to|find a way to|manage to|be able to) ", "", self.goal)

    @property
    def quest(self) -> bool:
        """A journey or a rescue rather than a skill to practise."""
        return self.core.split()[0] in QUEST_VERBS

    @property
    def gender(self) -> str | None:
        words = {self.kind, *self.adjectives}
        if words & set(FEMALE):
            return "f"
        if words & set(MALE):
            return "m"
        return None

    def forms(self, his: str = "their", himself: str = "themselves") -> dict[str, str]:
        """Slots for the templates: the goal said by the narrator, by the hero, and to the hero."""
        verb, _, rest = self.goal.partition(" ")
        core_verb, _, core_rest = self.core.partition(" ")
        slots = {}
        for suffix, owner, self_ in (("", his, himself), ("_me", "my", "myself"), ("_you", "your", "yourself")):
            slots[f"goal{suffix}"] = _pronouns(self.goal, owner, self_)
            slots[f"core{suffix}"] = _pronouns(self.core, owner, self_)
            slots[f"goal_past{suffix}"] = _pronouns(f"{past_form(verb)} {rest}".strip(), owner, self_)
            slots[f"goal_ing{suffix}"] = _pronouns(f"{gerund(verb)} {rest}".strip(), owner, self_)
            slots[f"core_past{suffix}"] = _pronouns(f"{past_form(core_verb)} {core_rest}".strip(), owner, self_)
        return slots


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


def _noun_phrase(words: list[str]) -> str:
    phrase = " ".join(words).strip()
    if phrase and phrase.split()[0] not in ("the", "a", "an", "his", "her", "their", "its", "my"):
        phrase = "the " + phrase
    return re.sub(r"^(a|an) ", "the ", phrase)


def parse_premise(text: str) -> Premise:
    words = re.sub(r"[^\w\s'-]", " ", text).split()
    lowered = [w.lower() for w in words]
    start = 0
    while start < len(lowered) - 1 and lowered[start] in DETERMINERS:
        start += 1
    verb_at = next((i for i in range(start + 1, len(lowered)) if lowered[i] in (*VERBS, *BASE_VERBS)), None)
    if verb_at is None:  # no verb we know: the second word after the hero, or the end
        verb_at = next((i for i in range(start + 1, len(lowered)) if lowered[i].endswith("s")), len(lowered))
    hero = words[start:verb_at] or ["hero"]
    name = None
    for marker in ("named", "called"):
        if marker in [w.lower() for w in hero]:
            at = [w.lower() for w in hero].index(marker)
            name = " ".join(hero[at + 1 :]).strip() or None
            hero = hero[:at]
    cut = next((i for i, w in enumerate(hero) if w.lower() in (*PREPOSITIONS, "who", "with", "from")), len(hero))
    hero = hero[:cut] or ["hero"]
    capitals = [w for w in hero if w[:1].isupper() and w.lower() not in (*DETERMINERS, *KIND_WORDS)]
    if name is None and capitals:  # "Lily finds a map", "a fox called Rusty"
        name = capitals[0]
        hero = [w for w in hero if w != name] or ["kid"]
    kind_words = [w.lower() for w in hero if w.lower() not in DETERMINERS]
    kind = kind_words[-1] if kind_words else "hero"
    if kind.endswith("s") and not kind.endswith("ss") and len(kind) > 3:
        kind = kind[:-1]  # "two friends" -> friend
    adjectives = kind_words[:-1][-2:]
    predicate = lowered[verb_at:]
    location: str | None = None
    event = ""
    for index in range(1, len(predicate)):
        if predicate[index] in PREPOSITIONS and index + 1 < len(predicate):
            tail = predicate[index + 1 :]
            phrase = _noun_phrase(tail)
            if any(w in EVENT_WORDS for w in tail):
                event = phrase
            elif not set(tail) & set(TIMES):
                location = phrase
            predicate = predicate[:index]
            break
    if predicate and predicate[0] in ("is", "was", "feels") and len(predicate) > 1:
        predicate = ["stop", "being", *predicate[1:]]  # "is afraid of the dark" -> "stop being afraid of the dark"
    while predicate and predicate[0] in MODALS:
        predicate = predicate[1:]
    if predicate and predicate[0].endswith("ing") and len(predicate[0]) > 5:
        predicate = [_from_gerund(predicate[0]), *predicate[1:]]
    if not predicate:
        predicate = ["find", "a", "place", "to", "belong"]
    verb = base_form(predicate[0])
    goal = " ".join([verb, *predicate[1:]])
    if not event:  # an event named inside the goal: "save the winter festival"
        for index, word in enumerate(predicate):
            if word in EVENT_WORDS and index > 0:
                begin = max(
                    (i for i in range(index) if predicate[i] in ("the", "a", "an", "his", "her")), default=index
                )
                event = _noun_phrase(predicate[begin : index + 1])
                break
    place = place_in(" ".join([*lowered[start:], location or ""])) or Place.meadow
    if name:
        name = " ".join(part.capitalize() for part in name.split())
    return Premise(adjectives, kind, name, goal, event or DEFAULT_EVENTS[place], place, bool(event), location)

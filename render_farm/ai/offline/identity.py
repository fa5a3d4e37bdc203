"""Who a character is, read from the plain words that describe them: kind, age and gender.

The built-in writers call :func:`identity_of` when they make a :class:`CastMember` ("a grumpy old
goat" is an elder goat, "a cheerful duckling" a duck child, "grandmother" an elder woman), and
:func:`with_identity` fills in what a member from an older path (a version 2 document without a
design, a model's answer) never said. Only plain words count; what they do not say keeps the
spec's default.
"""

from __future__ import annotations

import re
from typing import Any

from render_farm.film import Age, CastMember, Gender, Kind

__all__ = ["identity_of", "kind_in", "with_identity"]

# the words for each kind, singular and plural; what young ones are called is in _YOUNG
_KIND_WORDS: dict[Kind, tuple[str, ...]] = {
    Kind.robot: ("robot", "robots", "android", "droid", "automaton", "cyborg", "machine", "bot"),
    Kind.dragon: ("dragon", "dragons", "wyvern", "drake"),
    Kind.monster: ("monster", "monsters", "creature", "troll", "ogre", "goblin", "beast", "yeti", "gremlin", "imp",
                   "ghoul"),
    Kind.ghost: ("ghost", "ghosts", "spirit", "phantom", "spectre", "specter"),
    Kind.alien: ("alien", "aliens", "martian", "extraterrestrial"),
    Kind.unicorn: ("unicorn", "unicorns"),
    Kind.dinosaur: ("dinosaur", "dinosaurs", "dino", "t-rex", "triceratops", "stegosaurus", "brontosaurus"),
    Kind.cat: ("cat", "cats", "kitty", "tomcat", "feline", "moggy"),
    Kind.dog: ("dog", "dogs", "hound", "doggy", "terrier", "poodle", "beagle", "dachshund", "sheepdog"),
    Kind.fox: ("fox", "foxes", "vixen"),
    Kind.rabbit: ("rabbit", "rabbits", "bunny", "bunnies"),
    Kind.hare: ("hare", "hares"),
    Kind.bear: ("bear", "bears", "teddy", "grizzly"),
    Kind.polar_bear: ("polar-bear",),
    Kind.panda: ("panda", "pandas"),
    Kind.koala: ("koala", "koalas"),
    Kind.mouse: ("mouse", "mice", "rat", "rats", "hamster", "hamsters", "vole"),
    Kind.squirrel: ("squirrel", "squirrels", "chipmunk"),
    Kind.hedgehog: ("hedgehog", "hedgehogs"),
    Kind.raccoon: ("raccoon", "raccoons", "racoon"),
    Kind.badger: ("badger", "badgers"),
    Kind.otter: ("otter", "otters"),
    Kind.beaver: ("beaver", "beavers"),
    Kind.wolf: ("wolf", "wolves"),
    Kind.deer: ("deer", "stag", "doe", "reindeer", "moose", "elk"),
    Kind.lion: ("lion", "lions", "lioness"),
    Kind.tiger: ("tiger", "tigers", "tigress"),
    Kind.elephant: ("elephant", "elephants"),
    Kind.giraffe: ("giraffe", "giraffes"),
    Kind.zebra: ("zebra", "zebras"),
    Kind.hippo: ("hippo", "hippos", "hippopotamus"),
    Kind.rhino: ("rhino", "rhinos", "rhinoceros"),
    Kind.monkey: ("monkey", "monkeys", "ape", "chimp", "chimpanzee", "gorilla", "orangutan"),
    Kind.kangaroo: ("kangaroo", "kangaroos", "wallaby"),
    Kind.pig: ("pig", "pigs", "hog", "boar", "sow"),
    Kind.cow: ("cow", "cows", "bull", "ox", "cattle"),
    Kind.sheep: ("sheep", "ram", "ewe"),
    Kind.goat: ("goat", "goats", "billy-goat", "nanny-goat"),
    Kind.horse: ("horse", "horses", "pony", "ponies", "stallion", "mare"),
    Kind.donkey: ("donkey", "donkeys", "mule"),
    Kind.camel: ("camel", "camels", "llama", "alpaca"),
    Kind.bat: ("bat", "bats"),
    Kind.seal: ("seal", "seals", "walrus", "sea-lion"),
    Kind.whale: ("whale", "whales"),
    Kind.dolphin: ("dolphin", "dolphins", "porpoise"),
    Kind.bird: ("bird", "birds", "robin", "sparrow", "blackbird", "pigeon", "dove", "wren", "finch", "songbird"),
    Kind.owl: ("owl", "owls"),
    Kind.penguin: ("penguin", "penguins"),
    Kind.duck: ("duck", "ducks", "goose", "geese"),
    Kind.chicken: ("chicken", "chickens", "hen", "hens", "rooster", "cockerel"),
    Kind.parrot: ("parrot", "parrots", "parakeet", "macaw", "budgie", "toucan"),
    Kind.eagle: ("eagle", "eagles", "hawk", "falcon"),
    Kind.swan: ("swan", "swans"),
    Kind.crow: ("crow", "crows", "raven", "magpie"),
    Kind.flamingo: ("flamingo", "flamingos", "flamingoes"),
    Kind.frog: ("frog", "frogs", "toad", "toads"),
    Kind.tortoise: ("tortoise", "tortoises", "turtle", "turtles"),
    Kind.crocodile: ("crocodile", "crocodiles", "alligator", "croc"),
    Kind.snake: ("snake", "snakes", "serpent", "python", "cobra"),
    Kind.lizard: ("lizard", "lizards", "gecko", "chameleon", "iguana"),
    Kind.fish: ("fish", "fishes", "goldfish", "salmon", "trout", "minnow"),
    Kind.shark: ("shark", "sharks"),
    Kind.octopus: ("octopus", "octopuses", "octopi", "squid"),
    Kind.crab: ("crab", "crabs", "lobster"),
    Kind.jellyfish: ("jellyfish",),
    Kind.bee: ("bee", "bees", "bumblebee", "honeybee", "wasp"),
    Kind.butterfly: ("butterfly", "butterflies", "moth"),
    Kind.ladybird: ("ladybird", "ladybug", "ladybirds", "ladybugs"),
    Kind.ant: ("ant", "ants"),
    Kind.spider: ("spider", "spiders"),
    Kind.snail: ("snail", "snails", "slug"),
    Kind.caterpillar: ("caterpillar", "caterpillars", "worm", "grub"),
    Kind.human: (
        "girl", "boy", "woman", "man", "kid", "child", "princess", "prince", "king", "queen", "knight", "wizard",
        "witch", "grandma", "grandpa", "granny", "grandmother", "grandfather", "lady", "gentleman", "person",
        "teacher", "farmer", "pirate", "sailor", "scientist", "baker", "detective", "captain", "mother", "father",
        "mom", "mum", "dad", "sister", "brother", "student", "explorer", "astronaut", "chef", "doctor", "nurse",
        "toddler", "teenager", "fisherman", "fisher", "keeper", "inventor", "gardener", "mayor", "queen",
        "librarian", "shopkeeper", "aunt", "uncle", "son", "daughter", "grandson", "granddaughter", "people",
    ),
}  # fmt: skip

# what the young of a kind are called: the kind and a child at once
_YOUNG: dict[str, Kind] = {
    "kitten": Kind.cat, "kittens": Kind.cat, "puppy": Kind.dog, "puppies": Kind.dog, "pup": Kind.dog,
    "cub": Kind.bear, "duckling": Kind.duck, "ducklings": Kind.duck, "gosling": Kind.duck, "chick": Kind.chicken,
    "chicks": Kind.chicken, "owlet": Kind.owl, "lamb": Kind.sheep, "lambs": Kind.sheep, "calf": Kind.cow,
    "foal": Kind.horse, "colt": Kind.horse, "filly": Kind.horse, "piglet": Kind.pig, "piglets": Kind.pig,
    "fawn": Kind.deer, "tadpole": Kind.frog, "joey": Kind.kangaroo, "cygnet": Kind.swan, "fledgling": Kind.bird,
    "leveret": Kind.hare,
}  # fmt: skip

_CHILD = {"kid", "kids", "child", "children", "baby", "toddler", "boy", "girl", "schoolboy", "schoolgirl",
          "grandson", "granddaughter", "cub", "cubs", "hatchling"}  # fmt: skip
_TEEN = {"teen", "teens", "teenager", "teenage", "teenaged", "adolescent"}
_ELDER = {"old", "elderly", "ancient", "aged", "grandma", "grandpa", "granny", "grandmother", "grandfather",
          "grandparent", "grandad", "granddad", "nana", "gran", "grandmama", "grandpapa", "elder"}  # fmt: skip
_FEMALE = {"girl", "woman", "women", "lady", "grandmother", "grandma", "granny", "gran", "nana", "mother", "mom",
           "mum", "mommy", "mummy", "sister", "aunt", "auntie", "queen", "princess", "witch", "daughter",
           "granddaughter", "wife", "bride", "hen", "vixen", "lioness", "tigress", "mare", "ewe", "sow", "doe",
           "mrs", "miss", "ms", "madam", "niece", "schoolgirl", "actress", "waitress", "duchess", "empress",
           "ballerina", "mermaid", "fairy", "godmother", "grandmama"}  # fmt: skip
_MALE = {"boy", "man", "men", "gentleman", "grandfather", "grandpa", "grandad", "granddad", "father", "dad",
         "daddy", "brother", "uncle", "king", "prince", "wizard", "son", "grandson", "husband", "groom",
         "rooster", "cockerel", "tomcat", "stallion", "ram", "bull", "boar", "stag", "mr", "sir", "lord",
         "nephew", "schoolboy", "duke", "emperor", "fisherman", "grandpapa", "billy-goat"}  # fmt: skip

_LOOKUP: dict[str, Kind] = {word: kind for kind, words in _KIND_WORDS.items() for word in words}
_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _words(text: str) -> list[str]:
    words = _WORD_RE.findall(text.lower())
    # two-word kinds ("polar bear", "sea lion") read as one
    joined: list[str] = []
    for word in words:
        if joined and f"{joined[-1]}-{word}" in _LOOKUP:
            joined[-1] = f"{joined[-1]}-{word}"
        else:
            joined.append(word)
    return joined


def kind_in(text: str) -> Kind | None:
    """The first kind the words name ("a girl and her dog": human), or None when they name none.

    A person's word just before an animal's describes the animal ("a pirate cat" is a cat)."""
    words = _words(text)
    for index, word in enumerate(words):
        kind = _LOOKUP.get(word) or _YOUNG.get(word)
        if kind is None:
            continue
        following = words[index + 1] if index + 1 < len(words) else ""
        after = _LOOKUP.get(following) or _YOUNG.get(following)
        if kind is Kind.human and after is not None and after is not Kind.human:
            continue
        return kind
    return None


def _age(words: list[str], kind: Kind) -> Age | None:
    seen = set(words)
    if seen & _ELDER:
        return Age.elder
    if seen & _TEEN:
        return Age.teen
    # "young" says child of an animal; of a person only with boy or girl ("a young man" is grown)
    young = seen & _CHILD or any(_YOUNG.get(w) is kind for w in words)
    if young or ("young" in seen and kind is not Kind.human):
        return Age.child
    return None


def _gender(words: list[str]) -> Gender | None:
    seen = set(words)
    female, male = bool(seen & _FEMALE), bool(seen & _MALE)
    if female == male:
        return None  # neither, or both: the words do not plainly say
    return Gender.female if female else Gender.male


def identity_of(description: str, *, name: str = "", role: str = "") -> dict[str, Any]:
    """The ``kind`` (always), and ``age`` and ``gender`` where the words plainly say them, as
    :class:`CastMember` fields. The description decides; a name ("Whiskers the cat") or a role
    ("king") only where it names no kind."""
    kind = kind_in(description) or kind_in(name) or kind_in(role) or Kind.human
    words = _words(" ".join([description, name, role]))
    found: dict[str, Any] = {"kind": kind}
    age = _age(words, kind)
    if age is not None:
        found["age"] = age
    gender = _gender(words)
    if gender is not None:
        found["gender"] = gender
    return found


def with_identity(member: CastMember) -> CastMember:
    """``member`` with the kind, age and gender it never set read from its words; what it set is kept."""
    unset = {"kind", "age", "gender"} - member.model_fields_set
    if not unset:
        return member
    text = " ".join([member.description, " ".join(member.personality)])
    found = identity_of(text, name=member.name, role=member.role)
    update = {field: value for field, value in found.items() if field in unset}
    return member.model_copy(update=update) if update else member

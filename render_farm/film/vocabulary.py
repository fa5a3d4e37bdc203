"""The film spec's vocabulary: what a film may name and the art must draw, in every style.

Pure enums (lower_snake values) and a few small facts that are part of their meaning:
:data:`INTERIORS` (the places indoors), :data:`HANDHELD` (the props a character can hold and hand
over) and :data:`KIND_SIZE` (how tall an adult of each kind stands next to an adult person).
Word lists that map English words onto these values belong to the writers, not here.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

__all__ = [
    "HANDHELD",
    "INTERIORS",
    "KIND_SIZE",
    "Action",
    "Age",
    "Costume",
    "Gender",
    "Kind",
    "Place",
    "Prop",
    "Season",
    "TimeOfDay",
    "Weather",
]


class Kind(StrEnum):
    """What a character is."""

    # people and beings
    human = "human"
    robot = "robot"
    dragon = "dragon"
    monster = "monster"
    ghost = "ghost"
    alien = "alien"
    unicorn = "unicorn"
    dinosaur = "dinosaur"
    # mammals
    cat = "cat"
    dog = "dog"
    fox = "fox"
    rabbit = "rabbit"
    hare = "hare"
    bear = "bear"
    polar_bear = "polar_bear"
    panda = "panda"
    koala = "koala"
    mouse = "mouse"
    squirrel = "squirrel"
    hedgehog = "hedgehog"
    raccoon = "raccoon"
    badger = "badger"
    otter = "otter"
    beaver = "beaver"
    wolf = "wolf"
    deer = "deer"
    lion = "lion"
    tiger = "tiger"
    elephant = "elephant"
    giraffe = "giraffe"
    zebra = "zebra"
    hippo = "hippo"
    rhino = "rhino"
    monkey = "monkey"
    kangaroo = "kangaroo"
    pig = "pig"
    cow = "cow"
    sheep = "sheep"
    goat = "goat"
    horse = "horse"
    donkey = "donkey"
    camel = "camel"
    bat = "bat"
    seal = "seal"
    whale = "whale"
    dolphin = "dolphin"
    # birds
    bird = "bird"
    owl = "owl"
    penguin = "penguin"
    duck = "duck"
    chicken = "chicken"
    parrot = "parrot"
    eagle = "eagle"
    swan = "swan"
    crow = "crow"
    flamingo = "flamingo"
    # reptiles and amphibians
    frog = "frog"
    tortoise = "tortoise"
    crocodile = "crocodile"
    snake = "snake"
    lizard = "lizard"
    # water
    fish = "fish"
    shark = "shark"
    octopus = "octopus"
    crab = "crab"
    jellyfish = "jellyfish"
    # small creatures
    bee = "bee"
    butterfly = "butterfly"
    ladybird = "ladybird"
    ant = "ant"
    spider = "spider"
    snail = "snail"
    caterpillar = "caterpillar"


class Age(StrEnum):
    """How old a character is; a kitten, a duckling and a baby dragon are children."""

    child = "child"
    teen = "teen"
    adult = "adult"
    elder = "elder"


class Gender(StrEnum):
    female = "female"
    male = "male"
    unspecified = "unspecified"


class Costume(StrEnum):
    """A role or trade the art dresses a character for; ``none`` is everyday clothes."""

    none = "none"
    baker = "baker"
    chef = "chef"
    witch = "witch"
    wizard = "wizard"
    sailor = "sailor"
    captain = "captain"
    lighthouse_keeper = "lighthouse_keeper"
    fisher = "fisher"
    knight = "knight"
    king = "king"
    queen = "queen"
    prince = "prince"
    princess = "princess"
    pirate = "pirate"
    astronaut = "astronaut"
    doctor = "doctor"
    nurse = "nurse"
    teacher = "teacher"
    student = "student"
    farmer = "farmer"
    firefighter = "firefighter"
    police_officer = "police_officer"
    scientist = "scientist"
    inventor = "inventor"
    gardener = "gardener"
    street_sweeper = "street_sweeper"
    bride = "bride"
    groom = "groom"
    detective = "detective"
    explorer = "explorer"
    artist = "artist"
    musician = "musician"
    dancer = "dancer"
    clown = "clown"
    mail_carrier = "mail_carrier"
    builder = "builder"
    miner = "miner"
    shepherd = "shepherd"
    ranger = "ranger"
    superhero = "superhero"
    fairy = "fairy"
    mermaid = "mermaid"
    cowboy = "cowboy"
    librarian = "librarian"
    shopkeeper = "shopkeeper"
    mayor = "mayor"


class Place(StrEnum):
    """Where a scene is set; :data:`INTERIORS` says which places are indoors."""

    # exteriors
    meadow = "meadow"
    forest = "forest"
    river = "river"
    lake = "lake"
    village = "village"
    town_square = "town_square"
    city_street = "city_street"
    park = "park"
    garden = "garden"
    farm = "farm"
    beach = "beach"
    harbour = "harbour"
    cliffs = "cliffs"
    island = "island"
    underwater = "underwater"
    mountains = "mountains"
    mountain_village = "mountain_village"
    arctic = "arctic"
    desert = "desert"
    savanna = "savanna"
    jungle = "jungle"
    swamp = "swamp"
    castle = "castle"
    fairground = "fairground"
    space = "space"
    moon = "moon"
    sky = "sky"
    # interiors
    room = "room"  # a living room
    bedroom = "bedroom"
    kitchen = "kitchen"
    bakery = "bakery"
    classroom = "classroom"
    library = "library"
    shop = "shop"
    town_hall = "town_hall"
    castle_hall = "castle_hall"
    lighthouse_room = "lighthouse_room"
    ship_cabin = "ship_cabin"
    cave = "cave"
    workshop = "workshop"
    laboratory = "laboratory"
    museum = "museum"
    hospital = "hospital"
    theatre = "theatre"
    barn = "barn"
    space_station = "space_station"
    cafe = "cafe"


INTERIORS: Final[frozenset[Place]] = frozenset(
    {
        Place.room,
        Place.bedroom,
        Place.kitchen,
        Place.bakery,
        Place.classroom,
        Place.library,
        Place.shop,
        Place.town_hall,
        Place.castle_hall,
        Place.lighthouse_room,
        Place.ship_cabin,
        Place.cave,
        Place.workshop,
        Place.laboratory,
        Place.museum,
        Place.hospital,
        Place.theatre,
        Place.barn,
        Place.space_station,
        Place.cafe,
    }
)


class TimeOfDay(StrEnum):
    dawn = "dawn"
    day = "day"
    dusk = "dusk"
    night = "night"


class Weather(StrEnum):
    clear = "clear"
    cloudy = "cloudy"
    rain = "rain"
    storm = "storm"  # rain, wind and lightning
    snow = "snow"
    snowstorm = "snowstorm"
    fog = "fog"
    wind = "wind"
    rainbow = "rainbow"


class Season(StrEnum):
    spring = "spring"
    summer = "summer"
    autumn = "autumn"
    winter = "winter"


class Prop(StrEnum):
    """Things set in a scene, or held and handed over (:data:`HANDHELD`)."""

    boat = "boat"
    kite = "kite"
    cake = "cake"
    bread = "bread"
    pie = "pie"
    cookie = "cookie"
    apple = "apple"
    carrot = "carrot"
    lantern = "lantern"
    candle = "candle"
    broom = "broom"
    seed = "seed"
    sprout = "sprout"
    flower = "flower"
    tree_sapling = "tree_sapling"
    wand = "wand"
    book = "book"
    map = "map"
    ball = "ball"
    umbrella = "umbrella"
    basket = "basket"
    letter = "letter"
    chest = "chest"
    key = "key"
    crown = "crown"
    sword = "sword"
    shield = "shield"
    bucket = "bucket"
    hammer = "hammer"
    ladder = "ladder"
    bicycle = "bicycle"
    balloon = "balloon"
    gift = "gift"
    telescope = "telescope"
    guitar = "guitar"
    drum = "drum"
    paintbrush = "paintbrush"
    egg = "egg"
    rocket = "rocket"
    windmill = "windmill"
    tent = "tent"
    campfire = "campfire"
    rope = "rope"
    shovel = "shovel"
    watering_can = "watering_can"
    teapot = "teapot"
    cup = "cup"
    bell = "bell"
    clock = "clock"
    mirror = "mirror"
    camera = "camera"
    trophy = "trophy"
    flag = "flag"
    net = "net"
    fishing_rod = "fishing_rod"
    sled = "sled"
    snowman = "snowman"
    teddy_bear = "teddy_bear"
    honey_pot = "honey_pot"
    acorn = "acorn"
    mushroom = "mushroom"
    crystal = "crystal"
    coin = "coin"
    potion = "potion"
    shell = "shell"
    feather = "feather"
    magnifying_glass = "magnifying_glass"
    suitcase = "suitcase"
    wheelbarrow = "wheelbarrow"
    scarecrow = "scarecrow"
    nest = "nest"
    bone = "bone"
    star = "star"
    cart = "cart"
    car = "car"
    well = "well"
    fountain = "fountain"
    bench = "bench"


# what stands in a scene but is too big or too fixed for a character to hold and hand over
_SET_ONLY: frozenset[Prop] = frozenset(
    {
        Prop.boat,
        Prop.chest,
        Prop.ladder,
        Prop.bicycle,
        Prop.rocket,
        Prop.windmill,
        Prop.tent,
        Prop.campfire,
        Prop.sled,
        Prop.snowman,
        Prop.wheelbarrow,
        Prop.scarecrow,
        Prop.cart,
        Prop.car,
        Prop.well,
        Prop.fountain,
        Prop.bench,
    }
)

HANDHELD: Final[frozenset[Prop]] = frozenset(set(Prop) - _SET_ONLY)


class Action(StrEnum):
    """What a character does on stage."""

    wave = "wave"
    point = "point"
    jump = "jump"
    sit = "sit"
    walk_in = "walk_in"
    walk_out = "walk_out"
    give = "give"
    hold = "hold"
    dance = "dance"
    cheer = "cheer"
    nod = "nod"
    hug = "hug"
    run = "run"
    think = "think"


# Relative height of an adult of each kind next to an adult person (1.0). Layout can show about
# 0.45 to 1.5, so the very big are drawn smaller than life and the very small larger.
KIND_SIZE: Final[Mapping[Kind, float]] = MappingProxyType(
    {
        Kind.human: 1.0,
        Kind.robot: 0.95,
        Kind.dragon: 1.1,
        Kind.monster: 1.12,
        Kind.ghost: 0.95,
        Kind.alien: 0.8,
        Kind.unicorn: 1.15,
        Kind.dinosaur: 1.35,
        Kind.cat: 0.75,
        Kind.dog: 0.82,
        Kind.fox: 0.8,
        Kind.rabbit: 0.72,
        Kind.hare: 0.76,
        Kind.bear: 1.1,
        Kind.polar_bear: 1.15,
        Kind.panda: 1.05,
        Kind.koala: 0.7,
        Kind.mouse: 0.55,
        Kind.squirrel: 0.6,
        Kind.hedgehog: 0.55,
        Kind.raccoon: 0.72,
        Kind.badger: 0.75,
        Kind.otter: 0.72,
        Kind.beaver: 0.75,
        Kind.wolf: 0.9,
        Kind.deer: 1.1,
        Kind.lion: 1.05,
        Kind.tiger: 1.05,
        Kind.elephant: 1.3,
        Kind.giraffe: 1.45,
        Kind.zebra: 1.1,
        Kind.hippo: 1.15,
        Kind.rhino: 1.15,
        Kind.monkey: 0.8,
        Kind.kangaroo: 1.0,
        Kind.pig: 0.8,
        Kind.cow: 1.05,
        Kind.sheep: 0.85,
        Kind.goat: 0.85,
        Kind.horse: 1.2,
        Kind.donkey: 1.0,
        Kind.camel: 1.25,
        Kind.bat: 0.55,
        Kind.seal: 0.8,
        Kind.whale: 1.4,
        Kind.dolphin: 1.0,
        Kind.bird: 0.66,
        Kind.owl: 0.7,
        Kind.penguin: 0.72,
        Kind.duck: 0.62,
        Kind.chicken: 0.62,
        Kind.parrot: 0.62,
        Kind.eagle: 0.8,
        Kind.swan: 0.8,
        Kind.crow: 0.62,
        Kind.flamingo: 0.95,
        Kind.frog: 0.55,
        Kind.tortoise: 0.6,
        Kind.crocodile: 1.0,
        Kind.snake: 0.8,
        Kind.lizard: 0.55,
        Kind.fish: 0.55,
        Kind.shark: 1.1,
        Kind.octopus: 0.75,
        Kind.crab: 0.5,
        Kind.jellyfish: 0.6,
        Kind.bee: 0.45,
        Kind.butterfly: 0.5,
        Kind.ladybird: 0.45,
        Kind.ant: 0.45,
        Kind.spider: 0.5,
        Kind.snail: 0.45,
        Kind.caterpillar: 0.45,
    }
)

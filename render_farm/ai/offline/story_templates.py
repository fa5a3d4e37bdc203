"""The built-in story writer's material: names, looks, personalities and lines for each act.

Lines carry slots filled from the premise: {hero}, {friend}, {mentor}, {rival} (names),
{goal} (an infinitive phrase: "learn to dance"), {event} ("the harvest festival"), {place}
("the village"), {kind} (what the hero is: "robot"). Each act has lines per role so that what
a character says fits who they are: the hero doubts and hopes, the friend cheers, the mentor
teaches, the rival scoffs.
"""

from __future__ import annotations

ACTS = ("setup", "inciting incident", "rising action", "climax", "resolution")

NAMES = {
    "robot": ["Bolt", "Nova", "Pixel", "Gizmo", "Cog", "Sprocket", "Beep", "Orbit"],
    "animal": ["Pip", "Hazel", "Bramble", "Juniper", "Pepper", "Maple", "Clover", "Tuck", "Fern", "Biscuit"],
    "creature": ["Grub", "Zog", "Mossy", "Fizzwick", "Ember", "Quill", "Nib"],
    "person": ["Mara", "Theo", "Ada", "Leo", "Ines", "Kai", "Nora", "Sami", "Ruby", "Omar", "Lila", "Felix"],
}
ELDER_NAMES = ["Grandma Willow", "Old Barnaby", "Professor Hoot", "Auntie Rose", "Master Oakley", "Captain Reed"]
RIVAL_NAMES = ["Rex", "Vera", "Duke", "Sable", "Brock", "Viola"]

COLOURS = ["red", "blue", "green", "yellow", "purple", "orange", "teal", "pink", "silver", "golden", "brown"]
ANIMALS = ["fox", "rabbit", "cat", "bear", "mouse", "dog", "owl"]
ACCESSORIES = ["scarf", "hat", "bow", "backpack", "cape", "flower", "glasses"]
OUTFITS = ["dress", "overalls", "coat", "tunic", "shirt"]

TRAITS = {
    "protagonist": ["curious", "determined", "hopeful"],
    "friend": ["cheerful", "loyal", "chatty"],
    "mentor": ["wise", "patient", "kind"],
    "rival": ["proud", "boastful", "stubborn"],
    "sidekick": ["excitable", "funny", "brave"],
}

# act -> role -> lines
LINES: dict[str, dict[str, list[str]]] = {
    "setup": {
        "protagonist": [
            "Every day I dream that one day I will {goal}.",
            "Some day I am going to {goal}. I just know it.",
            "I have never told anyone, but I want to {goal}.",
            "Look at {place}. Everything is getting ready for {event}.",
            "Do you think someone like me could ever {goal}?",
            "I wish I were brave enough to {goal}.",
        ],
        "friend": [
            "Good morning, {hero}! Have you heard about {event}?",
            "{hero}, you look far away again. Dreaming?",
            "Everyone in {place} is talking about {event}!",
            "You should come with me, {hero}. It will be fun!",
        ],
        "mentor": [
            "Ah, {hero}. I remember when I was just as eager as you.",
            "Every great journey starts with a single small step.",
        ],
        "rival": [
            "Hmph. {event} is not for beginners, you know.",
            "Out of my way. Some of us have practising to do.",
        ],
        "narrator": [
            "In {place}, everyone was getting ready for {event}.",
            "Once upon a time, there was {a_hero} named {hero}.",
            "Every morning, {hero} looked out over {place} and wondered.",
        ],
    },
    "inciting incident": {
        "protagonist": [
            "Wait. A chance to {goal}? At {event}? This is it!",
            "What if I tried? What if this time I really did it?",
            "I will do it. I will {goal}, whatever it takes.",
            "Oh no. Everyone will be watching me.",
        ],
        "friend": [
            "Look at this poster, {hero}! Anyone can join at {event}!",
            "This is your chance, {hero}. You have to try!",
            "I will help you. That is what friends are for.",
        ],
        "mentor": [
            "If your heart is set on it, then you must begin today.",
            "Come and find me tomorrow. I will show you how.",
        ],
        "rival": [
            "You? Try to {goal}? That will be something to see.",
            "Go on then. But do not cry when it goes wrong.",
        ],
        "narrator": [
            "Then came the news that changed everything.",
            "That was the day {hero} decided to {goal}.",
        ],
    },
    "rising action": {
        "protagonist": [
            "One more time. I almost had it!",
            "Why is this so hard? Everyone else makes it look easy.",
            "I keep getting it wrong. Maybe I am not meant to {goal}.",
            "Steady now. One more try, nice and slow!",
            "I think I am getting better. Did you see that?",
            "I fell again. But I am getting back up.",
        ],
        "friend": [
            "You are doing great, {hero}! Try it once more.",
            "Do not give up now. You are so close!",
            "Remember why you started. You can {goal}!",
            "That was your best one yet, {hero}!",
        ],
        "mentor": [
            "Slowly, {hero}. Feel it first, then move.",
            "Mistakes are only steps on the way. Again.",
            "Listen to your heart, {hero}. It will guide you.",
            "You do not need to be perfect. You need to be yourself.",
        ],
        "rival": [
            "Ha! Is that the best you can do?",
            "You will never be ready in time for {event}.",
            "Still trying? How very stubborn of you.",
        ],
        "narrator": [
            "Day after day, {hero} practised.",
            "It was harder than {hero} had ever imagined.",
            "Little by little, something began to change.",
        ],
    },
    "climax": {
        "protagonist": [
            "This is it. Everyone is watching. I can do this.",
            "My heart is beating so fast. Here I go!",
            "I am not afraid any more. Watch me {goal}!",
            "For everyone who believed in me!",
        ],
        "friend": [
            "Go, {hero}! We believe in you!",
            "Look! Look at {hero}! Everybody look!",
            "You are doing it, {hero}! You are really doing it!",
        ],
        "mentor": [
            "Breathe, {hero}. You are ready.",
            "There. That is what I saw in you all along.",
        ],
        "rival": [
            "Impossible. How did {hero} learn that?",
            "I... I have never seen anything like it.",
        ],
        "narrator": [
            "The moment had come. All of {place} fell silent.",
            "And then, in front of everyone, {hero} began.",
        ],
    },
    "resolution": {
        "protagonist": [
            "I did it! I really did it!",
            "I could never have done it without you, {friend}.",
            "Being scared was part of it. I am glad I tried.",
            "This was the best day of my whole life.",
        ],
        "friend": [
            "I knew you could do it, {hero}!",
            "That was amazing! Let us do it again next year!",
            "You were the star of {event}, {hero}.",
        ],
        "mentor": [
            "You see? Courage is just fear that keeps going.",
            "I am proud of you, {hero}. Truly proud.",
        ],
        "rival": [
            "All right. You were good. Really good.",
            "Maybe... maybe you could show me how, some time?",
        ],
        "narrator": [
            "And from that day on, {hero} was never afraid to try.",
            "{event} was the happiest anyone in {place} could remember.",
            "And that is how {hero} learned that dreams are worth the effort.",
        ],
    },
}

BEATS = {
    "setup": "{hero} dreams of being able to {goal}, while {place} prepares for {event}.",
    "inciting incident": "A chance appears: at {event}, {hero} could finally {goal}.",
    "rising action": "{hero} practises and fails and tries again; friends help, doubts grow.",
    "climax": "At {event}, in front of everyone, {hero} faces the fear and goes for it.",
    "resolution": "{hero} succeeds, and {place} celebrates together.",
}

EMOTIONS = {
    "setup": ["thoughtful", "happy", "neutral"],
    "inciting incident": ["surprised", "excited", "scared"],
    "rising action": ["sad", "thoughtful", "excited", "angry"],
    "climax": ["scared", "excited", "surprised"],
    "resolution": ["happy", "excited", "happy"],
}

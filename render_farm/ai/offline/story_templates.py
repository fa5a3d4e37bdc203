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
    "setup": "{hero} longs to {goal}, while {place} gets ready for {event}.",
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


def _bank(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


# -- narrator, per act --------------------------------------------------------------------------

NARRATION: dict[str, tuple[str, ...]] = {  # "emotion|text", added to LINES[act]["narrator"]
    "setup": _bank("""
        neutral|In {place}, everyone was getting ready for {event}.
        neutral|{Hero_desc} named {hero} lived in {place}.
        thoughtful|{Hero} had one secret wish: to {goal}.
        neutral|Every morning, {hero} watched the others and sighed.
        happy|The days were bright in {place}, and {event} was coming soon.
        thoughtful|Nobody knew it yet, but {hero} dreamed of one thing: to {goal}.
        neutral|{Hero} and {friend} had been friends for as long as anyone could remember.
        neutral|Once upon a time, in {place}, there lived {hero_desc} called {hero}.
        thoughtful|In {place}, {hero_desc} named {hero} had one secret wish: to {goal} at {event}.
        thoughtful|In {place}, {hero_desc} named {hero} had one secret wish: to {goal}.
        thoughtful|In {place} lived {hero}, who wanted one thing more than anything: to {goal}.
    """),
    "inciting incident": _bank("""
        surprised|Then one day, the news spread through {place}: {event} was only three days away.
        excited|A bright poster appeared on every door. It was {event}!
        surprised|That was the morning everything changed for {hero}.
        thoughtful|{Hero} stared at the notice for a long time.
        neutral|At first, {hero} told no one. But {he} could not stop thinking about it.
        surprised|And then, out of nowhere, came a challenge.
    """),
    "rising action": _bank("""
        neutral|So {hero} began to practise, day after day.
        sad|It did not go well at first. Not at all.
        thoughtful|That evening, {hero} sat alone and wondered if it was all a mistake.
        neutral|{Friend} never left {his} side.
        happy|Little by little, {hero} got better.
        neutral|{Mentor} watched from a distance, and smiled.
        scared|Then, the day before {event}, everything went wrong.
        thoughtful|{Hero} tried again, and again, and again.
        neutral|Word got around that {hero} wanted to {goal}.
        sad|{Rival} laughed so loudly that the whole street could hear.
    """),
    "climax": _bank("""
        excited|At last, the big night arrived. {Event} had begun.
        neutral|The lanterns were lit, and the whole of {place} gathered round.
        scared|All eyes turned to {hero}. For a moment, {he} could not move.
        thoughtful|{Hero} closed {his} eyes and remembered everything {he} had learned.
        excited|And then {hero} took a deep breath, and began to {core}.
        surprised|The crowd fell silent. Then someone began to cheer.
    """),
    "resolution": _bank("""
        happy|That night, {hero} was the happiest {hero_noun} in all of {place}.
        happy|And from that day on, {hero} never stopped trying new things.
        thoughtful|{Hero} had learned that being afraid and being brave can happen at the same time.
        happy|The friends walked home together under the stars.
        happy|And everyone agreed it was the best {event_noun} there had ever been.
        neutral|{Hero} still remembers that day, and smiles every time.
    """),
}

# -- characters, per act and role ----------------------------------------------------------------

ROLE_LINES: dict[tuple[str, str], tuple[str, ...]] = {  # (act, role) -> "emotion|text"
    ("setup", "protagonist"): _bank("""
        thoughtful|I wish I could {goal_me}. Just once.
        sad|Everyone else seems to know how to {core_me}. Not me.
        thoughtful|Do you think someone like me could ever {goal_me}?
        sad|I tried to {core_me} yesterday. It was a disaster.
        happy|Look at them all, getting ready for {event}. Isn't it wonderful?
        thoughtful|Sometimes I practise when nobody is watching.
        thoughtful|If I could {goal_me}, I think I'd finally feel like I belong.
        neutral|{Friend}, can I tell you a secret? I want to {goal_me}.
    """),
    ("setup", "friend"): _bank("""
        happy|Morning, {hero}! Are you coming to {event}?
        thoughtful|You've been quiet all week, {hero}. What's going on?
        happy|Come on, {hero}, the whole of {place} will be there!
        surprised|You want to {goal_you}? Why didn't you say so?
        happy|I knew it! I've seen you practising behind the shed.
        neutral|Whatever it is, you can tell me. That's what friends are for.
    """),
    ("setup", "mentor"): _bank("""
        thoughtful|Every {event_noun} needs someone brave enough to try something new.
        neutral|Good morning, young {hero}. You look like someone with a question.
        thoughtful|I remember my first {event_noun}. My knees were shaking.
    """),
    ("setup", "rival"): _bank("""
        neutral|Out of the way, {hero}. Some of us have real work to do.
        happy|Everyone knows who'll be the star of {event}. Me, of course.
    """),
    ("inciting incident", "protagonist"): _bank("""
        excited|What if I {goal_me} at {event}?
        surprised|Three days? That's not enough time!
        thoughtful|This could be my chance. My one real chance.
        scared|But what if everyone laughs at me?
        excited|I'm going to do it. I'm going to {goal_me}!
        surprised|Wait, did you say {event}? This year?
    """),
    ("inciting incident", "friend"): _bank("""
        excited|This is your chance, {hero}! You have to try!
        happy|I'll help you. Every single day, I promise.
        excited|Imagine it, {hero}! You, at {event}!
        thoughtful|You don't have to be perfect. You just have to show up.
        happy|Then it's settled. We start tomorrow, first thing!
    """),
    ("inciting incident", "mentor"): _bank("""
        thoughtful|So, you want to {goal_you}. Then you'll need to work hard.
        neutral|Come and see me at sunrise. We'll begin then.
        thoughtful|Wanting it is the first step. The rest takes patience.
    """),
    ("inciting incident", "rival"): _bank("""
        happy|You? {Goal_ing_you}? Don't make me laugh.
        angry|{Event} is no place for beginners, {hero}.
        happy|Go ahead and try. I'll be watching. Everyone will.
        neutral|Nobody like you has ever managed to {core}. Nobody.
    """),
    ("rising action", "protagonist"): _bank("""
        sad|I tried again, and it all went wrong.
        thoughtful|Maybe I'm just not made for this.
        excited|Wait, I think I'm getting it! Look!
        sad|My feet just won't do what I tell them.
        thoughtful|One more time. From the very beginning.
        happy|Did you see that? I almost did it!
        scared|{Event} is tomorrow, and I'm still not ready.
        angry|Why is it so hard to {core_me}?
        thoughtful|I keep thinking about what everyone will say.
        happy|Thank you for not giving up on me.
    """),
    ("rising action", "friend"): _bank("""
        happy|That was better! Much better!
        neutral|Again! From the top!
        thoughtful|Don't listen to {rival}. {Rival} is just scared of losing.
        happy|Remember how bad you were on the first day? Look at you now!
        neutral|Take a breath. Try it slowly this time.
        excited|You're getting closer, {hero}, I can feel it!
        thoughtful|Everybody falls down at first. That's how you learn.
        happy|Here, I brought you something to eat. Practising is hungry work.
    """),
    ("rising action", "mentor"): _bank("""
        thoughtful|To {goal_you}, you don't need to be perfect. You need to be brave.
        neutral|Again. Slower this time. Listen to your own heart.
        thoughtful|Stop thinking about the crowd. Think about why you started.
        happy|There. Did you feel that? That was the real you.
        thoughtful|Every mistake is a lesson, if you let it be.
        neutral|Tomorrow we practise in the rain. A real {hero_noun} is ready for anything.
    """),
    ("rising action", "rival"): _bank("""
        happy|Still trying, {hero}? How sweet.
        angry|You'll never be ready in time. Give up now.
        neutral|I've been practising for years. You've had three days.
        happy|Oh, I can't wait to see your face at {event}.
        angry|Why do you even care so much?
    """),
    ("climax", "protagonist"): _bank("""
        scared|It's now or never.
        thoughtful|I can do this. I can {goal_me}.
        scared|Everyone is looking at me.
        excited|Here I go!
        thoughtful|For everyone who ever helped me. This is for you.
        excited|I'm doing it! I'm really doing it!
    """),
    ("climax", "friend"): _bank("""
        excited|Go on, {hero}! We're right here!
        excited|You can do it! Show them!
        surprised|Look at {him} go!
        happy|I knew it. I always knew it.
    """),
    ("climax", "mentor"): _bank("""
        thoughtful|Remember, breathe. And begin.
        happy|There it is. That's what I saw in you.
        neutral|Don't look at the crowd, {hero}. Look at us.
    """),
    ("climax", "rival"): _bank("""
        neutral|Let's see what you've got, {hero}.
        surprised|Wait, how is {he} doing that?
        surprised|That's impossible!
        thoughtful|Huh. Not bad. Not bad at all.
    """),
    ("resolution", "protagonist"): _bank("""
        happy|I really did it. I {goal_past_me}!
        happy|I couldn't have done it without you, {friend}.
        thoughtful|I was so scared. But I'm glad I tried.
        happy|Same time next year?
        happy|Thank you, {mentor}. For everything.
        thoughtful|I think the hardest part was believing I could.
    """),
    ("resolution", "friend"): _bank("""
        happy|You were amazing, {hero}! Everyone's talking about you!
        happy|I told you so. Didn't I tell you so?
        excited|Next year, you have to teach me!
        happy|Best {event_noun} ever. And it's all because of you.
    """),
    ("resolution", "mentor"): _bank("""
        happy|You had it in you all along, {hero}.
        thoughtful|Now you know. Courage is a thing you practise.
        happy|I am very proud of you.
    """),
    ("resolution", "rival"): _bank("""
        thoughtful|Fine. You were good. Really good.
        neutral|Maybe you could show me how you did that. Sometime.
        sad|I'm sorry I laughed at you, {hero}.
    """),
}

# -- lines that carry a personality, usable in any act -------------------------------------------

TRAIT_LINES: dict[str, tuple[str, ...]] = {
    "shy": _bank("""
        scared|Um... could we practise somewhere quieter?
        thoughtful|I don't really like it when everyone looks at me.
        scared|M-maybe this was a bad idea.
    """),
    "brave": _bank("""
        excited|I'm not afraid. Well, only a little.
        excited|Let's go! No more waiting!
        happy|If it's hard, that just means it's worth doing.
    """),
    "curious": _bank("""
        surprised|Ooh, what does this do?
        thoughtful|I wonder how everyone else learned. Did they fall down too?
        excited|Wait, wait! What if we tried it another way?
    """),
    "cheerful": _bank("""
        happy|Oh, this is going to be wonderful!
        excited|Yay! I love this part!
        happy|Cheer up! Tomorrow is a brand new day.
    """),
    "grumpy": _bank("""
        angry|Hmph. Fine. But only because you asked nicely.
        angry|Bah! In my day we practised in the snow.
        neutral|Don't get soppy on me now.
    """),
    "wise": _bank("""
        thoughtful|Hmm. The river doesn't hurry, and yet it reaches the sea.
        thoughtful|Patience, little one. Patience.
        neutral|The answer is usually simpler than we think.
    """),
    "proud": _bank("""
        happy|Please. Nobody does it better than me.
        angry|I don't need anybody's help.
        neutral|Watch and learn.
    """),
    "clumsy": _bank("""
        surprised|Whoops! Sorry! That was my fault.
        sad|Oof. I tripped over my own feet again.
        happy|I'm fine! I'm fine. Mostly fine.
    """),
    "lonely": _bank("""
        sad|I'm used to doing things on my own.
        thoughtful|It's nice, having someone to practise with.
        sad|Do you ever feel like you don't fit in anywhere?
    """),
    "kind": _bank("""
        happy|Hey. You're doing better than you think.
        thoughtful|Here, lean on me.
        happy|Whatever happens, I'm proud of you.
    """),
    "mischievous": _bank("""
        happy|Heh heh. I have an idea. You won't like it.
        excited|Nobody said we had to follow the rules!
        happy|Shh. Nobody needs to know about this.
    """),
    "sly": _bank("""
        neutral|Well, well. Look who's here.
        happy|How touching. Truly.
        neutral|I'd hate for anything to go wrong on the big day.
    """),
    "loyal": _bank("""
        neutral|Wherever you go, I go.
        happy|I've got your back. Always.
    """),
    "patient": _bank("""
        thoughtful|Take all the time you need.
        neutral|Good. Now once more, gently.
    """),
}

TRAIT_WORDS: dict[str, tuple[str, ...]] = {
    "shy": ("shy", "timid", "nervous", "quiet", "bashful", "anxious", "scared", "frightened"),
    "brave": ("brave", "bold", "fearless", "daring", "courageous", "heroic"),
    "curious": ("curious", "inquisitive", "nosy", "young", "little"),
    "cheerful": ("cheerful", "happy", "jolly", "joyful", "sunny", "bubbly", "silly"),
    "grumpy": ("grumpy", "cranky", "grouchy", "cross", "angry", "stubborn"),
    "wise": ("wise", "old", "elderly", "ancient", "clever", "smart", "bright"),
    "proud": ("proud", "vain", "boastful", "arrogant", "snobby"),
    "clumsy": ("clumsy", "awkward", "wobbly", "lazy", "sleepy"),
    "lonely": ("lonely", "lonesome", "lost", "forgotten", "sad", "last", "homesick"),
    "kind": ("kind", "gentle", "friendly", "sweet", "caring", "helpful"),
    "mischievous": ("mischievous", "naughty", "cheeky", "sneaky", "playful"),
}

# friend, mentor and rival traits that make a good pair with the hero's
FRIEND_TRAITS = ("cheerful", "loyal", "brave", "curious", "clumsy", "kind")
MENTOR_TRAITS = ("wise", "grumpy", "patient")
RIVAL_TRAITS = ("proud", "mischievous")
ANTAGONIST_TRAITS = ("sly", "proud")

# -- names and looks ----------------------------------------------------------------------------

FEMALE_NAMES = ("Mara", "Lily", "Nora", "Ivy", "Rosa", "Tess", "Hazel", "June", "Wren", "Clara", "Elsie", "Maya")
MALE_NAMES = ("Tom", "Leo", "Finn", "Oscar", "Milo", "Sam", "Jonah", "Felix", "Arlo", "Theo", "Ben", "Otto")
CREATURE_NAMES: dict[str, tuple[str, ...]] = {
    "robot": ("Bolt", "Pixel", "Gizmo", "Sprocket", "Widget", "Nova", "Rivet", "Beep"),
    "dragon": ("Ember", "Scorch", "Flint", "Cinder", "Smoky"),
    "cat": ("Whiskers", "Mittens", "Pepper", "Socks", "Marmalade"),
    "dog": ("Biscuit", "Rufus", "Patch", "Scout", "Bramble"),
    "fox": ("Rusty", "Sorrel", "Fennel", "Blaze"),
    "rabbit": ("Clover", "Thistle", "Bun", "Hopper"),
    "bear": ("Bramble", "Honey", "Barley", "Bruno"),
    "mouse": ("Pip", "Crumb", "Nibbles", "Squeak"),
    "bird": ("Skye", "Pepper", "Tweet", "Feather"),
    "monster": ("Grumble", "Bog", "Fuzz", "Lumpy"),
}
MENTOR_NAMES_F = ("Grandma Rose", "Old Agnes", "Madame Iris", "Aunt Bea")
MENTOR_NAMES_M = ("Old Barnaby", "Grandpa Joe", "Master Oak", "Uncle Walter")

# species a companion can be, by the kind of place (designer-readable nouns)
COMPANIONS: dict[str, tuple[str, ...]] = {
    "village": ("girl", "boy", "dog", "cat", "rabbit"),
    "forest": ("fox", "rabbit", "bear", "owl"),
    "beach": ("seagull", "girl", "boy", "dog"),
    "city_street": ("cat", "dog", "girl", "boy"),
    "room": ("cat", "mouse", "teddy bear", "dog"),
    "mountains": ("bear", "eagle", "yeti", "goat-herd boy"),
    "space": ("robot", "alien", "astronaut"),
    "castle": ("knight", "princess", "dragon", "mouse"),
    "river": ("duck", "fox", "frog-green dragon", "boy"),
    "meadow": ("rabbit", "mouse", "fox", "girl"),
}
MENTOR_KINDS = ("grandmother", "old owl", "wizard", "old bear", "baker", "grandfather")
RIVAL_KINDS = ("boy", "girl", "cat", "fox", "raven")

FUR_COLOURS = ("ginger", "brown", "grey", "white", "black", "golden", "cream")
ROBOT_COLOURS = ("silver", "copper", "blue", "white", "bronze")
CREATURE_COLOURS = ("green", "purple", "blue", "red", "golden")
CLOTH_COLOURS = ("red", "blue", "yellow", "green", "purple", "orange", "pink", "teal")
EYE_COLOURS = ("blue", "green", "amber", "brown", "hazel")
HAIR = ("curly red", "short black", "long brown", "golden", "silver", "braided dark")
ACCESSORIES = ("scarf", "hat", "bow", "backpack", "cape", "flower")
OUTFITS = ("dress", "overalls", "tunic", "coat", "shirt")

# -- journeys and rescues: the rising action and climax of a quest are not about practising ------

QUEST_LINES: dict[tuple[str, str], tuple[str, ...]] = {
    ("rising action", "narrator"): _bank("""
        neutral|So {hero} set off, with {friend} close behind.
        thoughtful|The path was longer than anyone had said.
        scared|That night the wind howled, and {hero} could not sleep.
        neutral|They crossed fields and streams, and asked everyone they met for help.
        sad|By the third day, even {friend} was tired.
        surprised|Then, just when they were about to give up, they found a clue.
    """),
    ("rising action", "protagonist"): _bank("""
        thoughtful|Which way now? Everything looks the same out here.
        scared|Did you hear that? Something's moving.
        sad|Maybe this was a mistake. Maybe I can't {core_me} after all.
        excited|Look! Over there! I think we're close!
        thoughtful|We keep going. I promised I would {goal_me}.
        happy|I'm glad you came with me. I couldn't do this alone.
        angry|We've been walking in circles all day!
    """),
    ("rising action", "friend"): _bank("""
        neutral|Stay close, {hero}. It's getting dark.
        happy|Come on, one more hill. You can do it!
        thoughtful|Wait. Let's look at this again, slowly.
        scared|I don't like this place. Let's keep moving.
        happy|Whatever happens, we do this together.
    """),
    ("rising action", "mentor"): _bank("""
        thoughtful|The way to {core_you} is never straight, {hero}. Trust your feet.
        neutral|Take this. You'll know when you need it.
        thoughtful|When you are lost, stop, and listen.
    """),
    ("rising action", "rival"): _bank("""
        happy|Turn back now, {hero}. You'll never make it.
        angry|Out of my way. I'll get there first.
        neutral|You really think you can {core_you}? Fine. Good luck.
    """),
    ("climax", "narrator"): _bank("""
        scared|At last they reached the end of the road, and the hardest part of all.
        thoughtful|{Hero} looked back at how far {he} had come, and stepped forward.
        excited|And then, with everything {he} had, {hero} began to {core}.
    """),
    ("climax", "protagonist"): _bank("""
        scared|This is it. There's no going back now.
        thoughtful|For everyone who believed in me. I'll {goal_me}.
        excited|Hold on! I'm coming!
        excited|We did it! We really did it!
    """),
    ("climax", "friend"): _bank("""
        excited|Go, {hero}! I'm right behind you!
        surprised|Look out!
        excited|You've got it! Don't let go!
    """),
}

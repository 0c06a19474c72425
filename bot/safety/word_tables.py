"""Lookup tables the normaliser uses: how young people spell, abbreviate and decorate words.

These are about *spelling*, not meaning: they turn "im gna kms rn" into "i am going to kill myself
right now" so the lexicon in data/safety/ can be written in plain English. Meaning (what is danger)
lives only in data/safety/. Keep every entry lowercase; values may be several words.
"""
from __future__ import annotations

# Emoji that carry meaning in a disclosure. Keyed by code point (variation selectors are removed
# first). Emoji not listed are dropped. 💀 is mapped to "dead" but the lexicon never treats "dead"
# alone as danger ("im dead 💀" is laughter).
EMOJI_WORDS = {
    "\U0001F52A": "knife", "\U0001F5E1": "knife", "\u2694": "knife", "\U0001FA92": "razor",
    "\u2702": "scissors", "\U0001F52B": "gun", "\U0001F4A3": "bomb",
    "\U0001F480": "dead", "\u2620": "dead", "\u26B0": "coffin", "\u26B1": "urn",
    "\U0001F48A": "pills", "\U0001FA78": "blood", "\U0001FAA2": "rope", "\U0001F309": "bridge",
    "\U0001F198": "sos", "\U0001F691": "ambulance", "\U0001F693": "police", "\U0001F46E": "police",
    "\U0001F3E0": "house", "\U0001F3E1": "house", "\U0001F6AA": "door", "\U0001F697": "car",
    "\U0001F512": "locked", "\U0001F64F": "please", "\U0001F97A": "please",
    "\U0001F62D": "crying", "\U0001F622": "crying", "\U0001F494": "heartbroken",
    "\U0001F602": "laughing", "\U0001F923": "laughing",
}

# Cyrillic and Greek letters that look Latin (after casefold); used to dodge word filters.
CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
    "ɡ": "g", "һ": "h", "ո": "n", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k",
    "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
})

# Leetspeak substitutions inside a word ("k1ll", "r@ped", "$uicide"); "1" may also stand for "l".
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a",
        "$": "s", "!": "i", "|": "l"}

# Whole-token replacements: text-speak, contractions written without apostrophes, misspellings.
WORD_MAP = {
    # contractions
    "im": "i am", "i'm": "i am", "ima": "i am going to", "imma": "i am going to",
    "ive": "i have", "i've": "i have", "i'll": "i will", "i'd": "i would",
    "hes": "he is", "shes": "she is", "theyre": "they are", "youre": "you are", "ur": "your",
    "thats": "that is", "whats": "what is", "theres": "there is",
    "wheres": "where is", "someones": "someone is", "somebodys": "somebody is",
    "dont": "do not", "dnt": "do not", "doesnt": "does not", "didnt": "did not",
    "cant": "can not", "carnt": "can not", "cnt": "can not", "cannot": "can not",
    "wont": "will not", "wnt": "want", "isnt": "is not", "aint": "is not", "arent": "are not",
    "wasnt": "was not", "werent": "were not", "wouldnt": "would not", "couldnt": "could not",
    "shouldnt": "should not", "havent": "have not", "hasnt": "has not", "hadnt": "had not",
    "wanna": "want to", "wana": "want to", "wna": "want to", "wanta": "want to",
    "gonna": "going to", "gunna": "going to", "gona": "going to", "gna": "going to",
    "finna": "going to", "tryna": "trying to", "gotta": "got to", "hafta": "have to",
    "lemme": "let me", "gimme": "give me", "dunno": "do not know", "kinda": "kind of",
    "outta": "out of", "lotta": "lot of",
    # text-speak
    "u": "you", "ya": "you", "yu": "you", "r": "are", "n": "and", "nd": "and", "b": "be",
    "w": "with", "wiv": "with", "wid": "with", "wit": "with", "rn": "right now", "atm": "at the moment",
    "tn": "tonight", "fr": "for real", "frfr": "for real", "ngl": "not going to lie",
    "tbh": "to be honest", "idk": "i do not know", "idc": "i do not care", "idek": "i do not even know",
    "ik": "i know", "ikr": "i know right", "nvm": "never mind", "pls": "please", "plz": "please",
    "plss": "please", "plez": "please", "pleas": "please", "pleaz": "please", "pleasee": "please",
    "hlp": "help", "halp": "help", "ppl": "people", "bf": "boyfriend", "gf": "girlfriend",
    "bff": "best friend", "bc": "because", "cuz": "because", "coz": "because", "cos": "because",
    "bcoz": "because", "bcuz": "because", "becuz": "because", "becos": "because", "abt": "about",
    "tho": "though", "thru": "through", "rly": "really", "rlly": "really", "rli": "really",
    "realy": "really", "tmrw": "tomorrow", "tmr": "tomorrow", "2moro": "tomorrow",
    "2mrw": "tomorrow", "2nite": "tonight", "2night": "tonight", "tonite": "tonight", "2nyt": "tonight",
    "2day": "today", "l8r": "later", "b4": "before", "h8": "hate", "m8": "mate", "gr8": "great",
    "w8": "wait", "4ever": "forever", "4eva": "forever", "foreva": "forever", "sum1": "someone",
    "some1": "someone", "sm1": "someone", "no1": "no one", "noone": "no one", "every1": "everyone",
    "evry1": "everyone", "any1": "anyone", "ne1": "anyone", "wot": "what", "wat": "what", "wut": "what",
    "dat": "that", "dis": "this", "dem": "them", "dey": "they", "da": "the", "luv": "love",
    "smth": "something", "sumthin": "something", "nothin": "nothing", "hav": "have", "av": "have",
    "bout": "about", "cus": "because",
    "kms": "kill myself", "kmsl": "laughing", "shd": "should", "kys": "kill yourself", "ded": "dead",
    # misspellings (the lexicon is written with the right spelling)
    "myslf": "myself", "myslef": "myself", "mysef": "myself", "myelf": "myself", "meself": "myself",
    "mesel": "myself", "maself": "myself", "hisself": "himself", "urself": "yourself",
    "kil": "kill", "kll": "kill", "suicid": "suicide", "sucide": "suicide", "suicde": "suicide",
    "suiside": "suicide", "suacide": "suicide", "susicide": "suicide", "suicied": "suicide",
    "sucidal": "suicidal", "susicidal": "suicidal", "suicdal": "suicidal", "suisidal": "suicidal",
    "suicidel": "suicidal", "suicidial": "suicidal", "sucicidal": "suicidal", "suacidal": "suicidal",
    "suicidle": "suicidal", "suisidle": "suicidal", "selfharm": "self harm",
    "selfharming": "self harming", "selfharmed": "self harmed", "overdoes": "overdose",
    "overdoze": "overdose", "ovrdose": "overdose", "overdosing": "overdosing",
    "depresed": "depressed", "depressd": "depressed", "deppressed": "depressed",
    "depresd": "depressed", "depresion": "depression", "deppression": "depression",
    "harrased": "harassed", "harased": "harassed", "harrassed": "harassed",
    "rapped": "raped", "rapeed": "raped", "raiped": "raped", "rapeing": "raping",
    "assulted": "assaulted", "asaulted": "assaulted", "assauted": "assaulted",
    "abbused": "abused", "abuzed": "abused", "forcd": "forced", "forsed": "forced",
    "foced": "forced", "forcin": "forcing", "theratening": "threatening",
    "threating": "threatening", "thretening": "threatening", "folowing": "following",
    "outsid": "outside", "outsyd": "outside", "outsde": "outside", "owtside": "outside",
    "hous": "house", "nife": "knife", "knif": "knife", "nyf": "knife",
    "dieing": "dying", "dyin": "dying", "scard": "scared",
    "scaired": "scared", "danjer": "danger", "dangar": "danger", "saf": "safe",
}

# "comin", "goin": g dropped. Only these, so "cousin", "coffin", "begin" are untouched.
G_DROPPED = {
    "comin", "goin", "hurtin", "hittin", "killin", "cuttin", "tryin", "followin", "chokin",
    "touchin", "bangin", "shoutin", "waitin", "watchin", "lyin", "feelin", "thinkin", "sayin",
    "doin", "gettin", "takin", "makin", "lookin", "sendin", "screamin", "threatenin", "stalkin",
    "harassin", "grabbin", "holdin", "keepin", "leavin", "livin", "bleedin", "runnin", "hidin",
    "startin", "bein", "burnin", "scratchin", "beatin", "punchin", "kickin", "stabbin", "rapin",
    "plannin", "endin", "jumpin", "starvin", "cryin", "shakin", "breakin", "knockin", "abusin",
}

# Glued words people type without spaces.
COMPOUNDS = {
    "killmyself": "kill myself", "killmyslf": "kill myself", "endmylife": "end my life",
    "wanttodie": "want to die", "iwanttodie": "i want to die", "helpme": "help me",
    "helpmenow": "help me now", "imnotsafe": "i am not safe", "notsafe": "not safe",
}

# "ma house", "me room": UK spellings of "my" before these nouns. "me" only before the nouns
# where "me" cannot be an object ("walk me home", "give me room" stay as they are).
MY_NOUNS = {
    "house", "home", "flat", "room", "bedroom", "door", "window", "life", "mum", "dad", "mam",
    "phone", "school", "friend", "mate", "wrist", "wrists", "arm", "arms", "legs", "body", "bed",
}
ME_MY_NOUNS = {"house", "flat", "bedroom", "door", "window", "life", "mum", "dad", "mam", "phone",
               "wrist", "wrists", "arms", "legs"}

# A doubled last letter is stretching ("noww", "hii") only for letters English words rarely end
# on twice; "-less", "-ll", "-ff", "-ee", "-oo", "-ss" words keep theirs.
STRETCHABLE_FINAL = frozenset("abghijkmnquvwxy")

# "dad's", "ex's" before these words means "dad is", not a possessive.
IS_FOLLOWERS = {
    "outside", "here", "coming", "going", "in", "at", "trying", "hurting", "hitting", "following",
    "waiting", "banging", "back", "downstairs", "upstairs", "forcing", "touching", "choking",
    "holding", "threatening", "drunk", "angry", "on", "got", "been", "not",
}

# Words whose double letter is real, so a stretched "killlll"/"feeeel"/"tooo" keeps two. Used only
# when letters are stretched; inflections are added below.
_DOUBLE_LETTER_BASES = """
all ball call fall hall small tall wall still will kill ill pill skill till fill hill chill spill
bill drill grill thrill bell tell sell well hell yell fell shell smell spell full pull skull dull
roll troll toll doll scroll off stuff staff cliff sniff stiff puff cuff too boo zoo goo loo poo
moo shoo see bee free tree three agree fee pee wee glee flee knee feel feet meet need seed feed
weed bleed speed sleep deep keep weep creep sheep steep sweet street green seen keen been queen
teen screen between sweep cheek week seek peek geek beer deer cheer steer peer weep jeep good food
mood wood hood cool pool fool tool school soon moon noon spoon room broom door floor poor book
look took cook hook shook boot shoot loot root foot loose choose goose moose tooth smooth proof
roof bloody blood flood odd add egg err inn butt ass kiss miss less mess pass class boss loss cross
grass glass press stress dress guess across bless jazz buzz fizz apple happy sorry worry
hurry carry marry berry merry sorry better letter matter latter bitter butter hitting cutting
sitting getting letting setting putting shutting dinner winner summer hammer swimming running
beginning planning stabbed robbed grabbed rubbed sobbing stopped dropped shopping trapped slapped
ripped tripped pinned skinned kidnapped dragged hugged begged scarred starring hopped tapped
willing killing filling feeling falling calling telling selling yelling spelling pulling rolling
bully bullied bullying silly really totally actually finally usually pretty little middle
bottle battle cattle settle apply supply support suppose suggest attack attempt arrest allow
account accept access address affect afford annoy appear arrive assault assist attend attention
bubble cotton coffee committee connect correct occur offer office officer opportunity possible
possess recommend success successful suddenly terrible horrible tomorrow follow following
followed hollow pillow swallow yellow wallow narrow arrow sorrow borrow different difficult
immediately innocent millions messages message passing missing dissolve essay lesson passenger
pressure kissed missed pissed passed obsessed depressed depression harassed harassment embarrassed
aggressive assaulted abusive oppressed possibly happen happened happening upper upset opposite
""".split()


def _with_inflections(words):
    out = set()
    for word in words:
        out.update({word, word + "s", word + "es", word + "ed", word + "ing", word + "er", word + "y"})
    return frozenset(out)


DOUBLE_LETTER_WORDS = _with_inflections(_DOUBLE_LETTER_BASES) | {"shh", "aww", "grr", "zzz"}

"""DangerQuestionPolicy: after the assistant asks a danger question, what comes next.

A Rasa policy (config.yml, priority above RulePolicy) that acts only on the turn right after one
of the questions in data/safety/danger_questions.yml ("Are you in danger right now?", the
re-check, the next-steps question). It reads the young person's answer with
bot.safety.danger_answer.read_answer (button presses, typed titles and numbers, words) and
predicts the response the table names for that answer, then action_listen. Anything but a clear
"I'm safe" keeps the emergency route, whatever the NLU model made of "kinda" or "1".

It abstains (all-zero prediction) everywhere else, and also when the risk stage's word classes
gave the answer a level with a rule of its own (crisis, medical, another language, a recent
assault), so those rules answer with their own 999-first replies. The one exception is an answer
in another language that says clearly "I'm safe now" in a phrase of
data/safety/other_language_answers.yml ("não, agora tô segura, tô em casa com a minha mãe"): it
is read as a safe answer (the gentle re-check, then "glad you're safe") instead of getting the
other-language reply again; any other answer in another language keeps that reply. A level that only the urgency
classifier gave does not count here: it learned first messages, not answers, and would turn "no,
the police came and took him" into a medical reply; the answer is read as an answer instead
(anything but a clear "safe" still keeps the emergency route). A young person can always stop: a short "not now", "gtg" or "bye" with nothing urgent in it
gets a short reply that keeps 999 and the emergency marker, and the route ends (C8). A borough
named after the emergency steps gets 999 first, the borough's local services, then "are you safe?"
again (C8). It needs no action server (except for the borough's services) and no training: the
table is read when the model is loaded, so urgent turns keep working when actions are down.

After the emergency steps (the questions with `moves_on: remind`), something new that is neither
an answer nor urgent no longer gets the whole emergency block again (C9: "sorry typing is slow"
and a young person going on with their story got "Please call 999 now" on every turn). A message
is something new (`something_new`) when all of these hold:
  - the risk stage found nothing urgent in it: no level, or only a level the urgency classifier
    alone gave other than emergency, medical or check (it reads "hang on", "sorry" as crisis);
  - it tells of no danger and answers nothing (danger_answer.tells_something_new: no danger part
    unless about the past, no button, number or 999, no unsure cue such as "idk", "maybe",
    "kinda", no yes or no first, nobody arriving and no door or lock: "he just got home");
  - it is no question (those have their own plan, above), no stop and names no borough;
  - it has MOVES_ON_WORDS words or more, or it is a short aside (ASIDE: thanks, "ok", "sorry",
    sorry for the typing, "hang on", "one sec").
What it gets is the question's `something_new` in the table: right after the whole block
(utter_emergency_next_steps), the short "are you safe?" with 999 (utter_ask_safe_now); after that
or after a heard question (utter_ask_safe_now, utter_emergency_question), `end`: the route ends and
the other policies answer the message as they would anywhere (999 has been said twice by then;
anything urgent later starts the route again). Questions likewise (C10: 31 "please call 999
first" preambles, turn after turn): a question with nothing urgent in it (no level from the risk
stage, no danger part, no 999, nobody arriving: danger_answer.asks_nothing_urgent) gets the table's
`something_asked`: right after the whole block `answer` (999 first once, the answer, "are you
safe?"), after a re-ask `end` (question_ends_route). Such a question that names a borough gets
the borough's services and the question's answers, without 999 first (the route ends there); a
borough named with no question, or with anything urgent, keeps 999 first as before (C8). Where only the classifier gave a level, the short
"are you safe?" comes instead of the end (the other policies would answer that level). A short
message that is no aside ("mum works", "at school") is read as an unsure answer, as before.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Dict, Optional, Sequence, Text

import yaml
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversation.questions import answers_for, audience_of
from bot.conversation.topics import conversation_topic, turn_of
from bot.safety.danger_answer import (
    ANSWERS,
    DANGER,
    NO,
    SAFE,
    load_other_language_answers,
    asks_nothing_urgent,
    names_a_danger,
    read_answer,
    tells_of_danger,
    tells_something_new,
)
from bot.safety.lexicon import DEFAULT_DIR
from bot.safety.normalise import normalise
from bot.rasa_plugins.single_action_policy import SingleActionPolicy, next_in_plan
from bot.rasa_plugins.safety_net import SAFETY_NET_KEY, level_by_classifier_alone, stage_level, weak_check

logger = logging.getLogger(__name__)
QUESTIONS_FILE = "danger_questions.yml"
# intents whose own rule answers even right after a danger question (each leads with 999)
OTHER_LANGUAGE_INTENT = "use_other_language"
OWN_RULE_INTENTS = frozenset(
    {"disclose_self_harm", "report_medical_emergency", OTHER_LANGUAGE_INTENT, "disclose_recent_assault"}
)
DEFAULT_PRIORITY = 7
# a question with `moves_on: true` (the crisis check, the re-check after "I'm safe") lets a new
# message of this many words, or any question, go to the other policies when the risk stage finds
# nothing urgent in it
MOVES_ON_WORDS = 5
# `moves_on: remind`: the new message is answered by the question's `next.question` response, which
# hears that something was asked and keeps 999 first and the emergency marker (the other policies
# cannot answer in the same turn: Rasa's rules only follow a user message)
REMIND = "remind"
QUESTION_ASKED = "question"
BEFORE_ANSWER = "utter_emergency_before_answer"  # 999 first, then the answer
ASK_SAFE_NOW = "utter_ask_safe_now"  # "Are you somewhere safe right now?": a danger question
EMERGENCY_QUESTION = "utter_emergency_question"  # a question heard: 999 first, "are you safe?"
FIRST_QUESTION = "utter_ask_in_danger_now"  # "Are you in danger right now?": the check's question
# after a weak check inside a conversation (C13): a story of this many words with nothing urgent
# goes on as anywhere; the conversation was under way when an earlier message had this many
GOES_ON_WORDS, CONVERSATION_WORDS = 8, 4
# C17: parts that say a check's harm was done before now (data/safety/parts.yml; as the
# urgency classifier's told_before_now_parts, with the long-ago `past`)
TOLD_BEFORE_NOW_PARTS = frozenset(
    {"earlier", "weeks_ago", "yesterday_done", "this_morning_done", "habitual", "habit_when", "past"}
)
# C20: a check whose words told the harm as done before now (TOLD_BEFORE_NOW_PARTS, or a story
# told in the past or as a habit: told_as_account) with none of these parts, which say someone is
# here, coming, acting now or tonight, or a threat or fear, told no danger now: its answer is read
# as after any check on no danger told (first_answer_plan), not with the whole block again
TOLD_AS_STORY_PARTS = TOLD_BEFORE_NOW_PARTS | {"told_as_account"}
STILL_NOW_PARTS = frozenset(
    {
        "present_person", "now_tense_person", "near_me", "intrusion", "harm_now", "immediacy",
        "later_today", "soon_today", "returning", "near_again", "just_happened", "happening_again",
        "approaching", "hiding", "confined", "silenced", "kept", "with_them", "threat",
        "veiled_threat", "image_threat", "deadline", "sends_unless", "fear", "bare_fear", "armed",
        "cut_off", "writer_there_now",
    }
)  # fmt: skip
TRUSTED_ADULT_SLOT = "trusted_adult"  # TrustedAdultPolicy's SLOT (that module imports this one)
# young people rarely type "?": "is that even illegal", "what do i do now" are questions too
# (a new user's trial, 2026-11-30: "is that even illegal" after "im fine now" got "call 999 now")
QUESTION_START = re.compile(
    r"^\W*(?:is|isnt|are|am|was|were|what|whats|wat|how|hows|can|cant|could|will|would|should|"
    r"shall|do|does|doesnt|did|who|whos|where|when|which|any|if)\b",
    re.IGNORECASE,
)
QUESTION_MIN_WORDS = 3  # "is it", "how come": too short to be more than an unsure answer
# C7's first run: questions young people type without "?" that the start alone missed, so the
# emergency block came again instead of an answer: a question after a lead-in or a first sentence
# ("so shud i not go", "ok im back. is this like abuse"), "is it/that ..." later in the message
# ("im 16 tho so is it even illegal", "crimestoppers is that actually anonymous"), and "whats X"
# (C20: "anyway nvm what should i revise first", "btw can they tell my school" after an aside)
QUESTION_LEAD_IN = re.compile(
    r"^\W*(?:(?:so|ok|okay|k|but|and|like|wait|um|umm|hm+|tho|then|right|yeah|yh|no|nah|anyway|anyways|nvm|"
    r"nevermind|never mind|btw|also|oh)\W+)+",
    re.IGNORECASE,
)
QUESTION_SPELLINGS = re.compile(r"^\W*(?:shud|shld|cud|wud|wld|cn|wat|wot|hw|wht|r)\b", re.IGNORECASE)
QUESTION_INSIDE = re.compile(
    r"\b(?:is|was|isnt|isn't) (?:it|that|this|he|she|they) (?:even |actually |really |still |like |just )?"
    r"(?:illegal|legal|allowed|ok|okay|normal|abuse|a crime|rape|assault|anonymous|confidential|private|true|safe|bad|wrong)\b",
    re.IGNORECASE,
)
SHORT_QUESTION = re.compile(r"^\W*(?:whats|what's|wats|whos|who's|wheres|where's)\s+\w+\W*$", re.IGNORECASE)
# C8's first run: a young person stopping ("not now ill come back", "gtg", "bye") was read as an
# unsure answer and got the whole emergency block again. Whatever the danger question, a short
# message that stops, with nothing urgent in it, gets STOP_REPLY (999 kept, the emergency marker,
# "I'm here if you want to come back") and the route ends: they can always stop.
STOPPING = re.compile(
    r"^\W*(?:(?:ok|okay|k|nah|no|sorry|anyway|um+|right|soz)\W+)*"
    r"(?:not now|not rn|not right now|gtg|g2g|got ?ta go|gotta go|got to go|(?:i )?(?:have|hav|need|needa) to go(?! to\b| the\b| back\b| out\b| home\b)"
    r"|(?:i'?ll|ill|i will) (?:come back|talk later|message later|text later)|come back later|brb|bye+|cya|see ya|ttyl|(?:later|leave it|stop)\b\W*$)",
    re.IGNORECASE,
)
STOP_MAX_WORDS = 8  # "not now ill come back", "ok gtg my mum is coming": longer is a story
# C9's first run: after the emergency steps, a message that is neither an answer nor urgent got
# the whole block again, turn after turn. The table's `something_new` says what it gets instead:
# a response, or END (the route ends and the other policies answer; see the module doc)
SOMETHING_NEW = "something_new"
END = "end"
# C10's first run: every question asked inside the route got "please call 999 first" again, turn
# after turn (31 times). The table's `something_asked` says what a question with nothing urgent in
# it gets after a reminding question: ANSWER (999 first once, the answer, "are you safe?"), or END
SOMETHING_ASKED = "something_asked"
# C19: what a story or a question that is no answer and tells of nothing urgent gets instead of
# `next.danger` (after "Have you taken anything?": the crisis reply, not an ambulance, and never
# the risk dropped: "im not being dramatic im just tired" got "it counts enough to talk about")
TOLD_SOMETHING = "told_something"
# on normalised text: a no first ("no one", "nobody", "no way", "no idea" are not)
NO_FIRST = re.compile(r"^\W*(?:no|nah|nope|na)\b(?!\W+(?:one|body|way|idea)\b)")
ANSWER = "answer"
# levels that keep the route whoever gave them (the classifier's crisis on "hang on" does not)
URGENT_LEVELS = frozenset({"emergency", "medical", "check"})
# short asides after the emergency steps, fewer than MOVES_ON_WORDS words and checked only once
# nothing urgent, no answer and no danger was found in them: thanks, an acknowledgement, sorry
# (for the typing, the phone), a pause. Anything else that short is read as an unsure answer.
ASIDE = re.compile(
    r"^\W*(?:(?:ok|okay|k|kk|oh|ah|right|alright|lol|haha|um+|hm+|sorry|soz|sry)\W+)*"
    r"(?:(?:thanks|thank you|thank u|thanku|thx|ty|cheers|ta)(?:\W+\w+){0,3}"
    r"|(?:sorry|soz|sry)(?:\W+(?:\w+\W+){0,3}(?:typing|typo|typos|spelling|slow|phone|battery|signal|wifi|"
    r"data|late|long|delay|english|replying))?"
    r"|(?:hang on|hold on|wait|one sec|1 sec|a sec|one min|1 min|one moment|(?:gimme|give me|just) a "
    r"(?:sec|second|min|minute|moment))(?:\W+(?:a|one|1|sec|second|min|minute|moment|pls|please|plz))*"
    r"|ok|okay|k|kk|alright|right|got it|i get it|i see|i understand|oh|ah|fair enough|cool|lol)\W*$",
    re.IGNORECASE,
)
STOP_REPLY = "utter_emergency_stop"
EMERGENCY_STEPS = (
    "utter_emergency_next_steps"  # a question whose "danger" answer gets it is the emergency route's
)
# C8's first run: a borough named after the emergency steps ("we live in hillingdon", "tooting")
# got the emergency block again and no local services: 999 first, the borough's services
# (actions/local_support.py), then "are you safe?" again
BEFORE_LOCAL = "utter_emergency_before_local"
NOT_GIVEN = "not_given"  # the LocationExtractor's value for "i dont know" (no place at all)
SHOW_LOCAL = "action_show_local_support"
# actions that may follow a danger question's reply without replacing the question: the routes
# for a disclosure made before it (bot/rasa_plugins/topic_policy.py), sent without buttons
PASS_THROUGH_ACTIONS = (
    "action_continue_topic",
)  # above RulePolicy (4), MemoizationPolicy (3) and TEDPolicy (1)


def load_danger_questions(path: Path) -> dict[str, dict]:
    """{question response: {"yes_means": answer, "next": {answer: response}}}; ValueError when
    a question lacks an answer or names an unknown one."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    questions = data.get("questions")
    if not isinstance(questions, dict) or not questions:
        raise ValueError(f"{path}: `questions` must map a response name to yes_means and next")
    for name, entry in questions.items():
        nxt = dict((entry or {}).get("next") or {})
        if entry.get("moves_on") == REMIND and not nxt.pop(QUESTION_ASKED, None):
            raise ValueError(f"{path}: {name}: `moves_on: remind` needs a `next.question` response")
        new = entry.get(SOMETHING_NEW)
        if (entry.get("moves_on") == REMIND) != bool(new) or (
            new and new != END and not new.startswith("utter_")
        ):
            raise ValueError(
                f"{path}: {name}: `moves_on: remind`, and only it, needs `{SOMETHING_NEW}`: a response or {END}"
            )
        asked = entry.get(SOMETHING_ASKED)
        if (entry.get("moves_on") == REMIND) != bool(asked) or asked not in (None, ANSWER, END):
            raise ValueError(
                f"{path}: {name}: `moves_on: remind`, and only it, needs `{SOMETHING_ASKED}`: {ANSWER} or {END}"
            )
        told = entry.get(TOLD_SOMETHING)
        if told is not None and (not isinstance(told, str) or not told.startswith("utter_")):
            raise ValueError(f"{path}: {name}: `{TOLD_SOMETHING}` must be a response name")
        if entry.get("yes_means") not in ("danger", "safe") or set(nxt) != set(ANSWERS):
            raise ValueError(
                f"{path}: {name}: yes_means must be danger or safe, and `next` must "
                f"name a response for each of {', '.join(ANSWERS)}"
            )
    return questions


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class DangerQuestionPolicy(SingleActionPolicy):
    DEFAULT_PRIORITY = DEFAULT_PRIORITY

    @classmethod
    def get_default_config(cls) -> Dict[Text, Any]:
        return {**super().get_default_config(), "questions_file": None}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer=None,
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        path = config.get("questions_file") or DEFAULT_DIR / QUESTIONS_FILE
        self.questions = load_danger_questions(Path(path))
        # read with the table, so a broken edit stops the model loading, not a conversation
        self.other_language = load_other_language_answers(Path(path).parent)

    def next_action(self, tracker: DialogueStateTracker) -> Optional[str]:
        """The action to run now, or None to leave the turn to the other policies."""
        turn = _last_turn(tracker)
        if turn is None:
            return None
        question, buttons, user, actions_since = turn
        entry = self.questions.get(question)
        if entry is None:
            return None
        intent = (user.intent or {}).get("name")
        if (
            intent in OWN_RULE_INTENTS
            and level_by_classifier_alone(user.parse_data) is None
            and intent != OTHER_LANGUAGE_INTENT
        ):
            return None
        answer = read_answer(
            user.text or "", intent, buttons, entry["yes_means"], other_language=self.other_language
        )
        if intent == OTHER_LANGUAGE_INTENT and answer != SAFE:
            return None  # its own reply: 999 with the interpreter line, and Childline
        # the emergency route's questions only (the crisis check has its own replies)
        emergency_route = entry["next"][DANGER] == EMERGENCY_STEPS
        if emergency_route and answer != SAFE and stage_level(user.parse_data) is None:
            if stops(user.text):
                return next_in_plan([STOP_REPLY], actions_since)
            if entry.get("moves_on") and _names_a_borough(user):
                if question_ends_route(entry, user, borough_too=True):
                    # C10: a calm question naming a borough after a re-ask: its services and its
                    # answer, without "call 999 first" a third time; the route ends there
                    return next_in_plan([SHOW_LOCAL, *question_answers(tracker, user)], actions_since)
                if borough_in_news(entry, user, buttons):
                    # C19: once "are you safe?" was asked again, the story going on with a
                    # borough in it ("we both go to a school in harrow") gets its services
                    # without "call 999" a third time; the route ends there
                    return next_in_plan([SHOW_LOCAL], actions_since)
                return next_in_plan([BEFORE_LOCAL, SHOW_LOCAL, ASK_SAFE_NOW], actions_since)
        if (
            emergency_route
            and answer != SAFE
            and question == FIRST_QUESTION  # the user messages are read only then
            and ends_after_a_weak_check(
                question, user, [e for e in reversed(tracker.events) if isinstance(e, UserUttered)][1:]
            )
        ):
            # C13: the classifier alone, with no harm in the words, raised the check ("im nb.
            # they/them"); the young person goes on with the story or asks something with nothing
            # urgent in it: answered as anywhere, not 999 again turn after turn
            return None
        if (
            emergency_route
            and answer != SAFE
            and question == FIRST_QUESTION
            and checked_a_story_told_before_now(
                user, [e for e in reversed(tracker.events) if isinstance(e, UserUttered)][1:]
            )
        ):
            # C17: the check came on harm told as done before now ("last time he got angry and
            # left me in croydon at 3am") and the young person goes on with the story with nothing
            # urgent in it: the short "are you safe?" with 999 once more, not the whole block (the
            # route then ends on the next such message, as after the block)
            return next_in_plan([ASK_SAFE_NOW], actions_since)
        if emergency_route and answer == DANGER and question == FIRST_QUESTION:
            # C19: after a check whose words told of no danger now, a feeling, a worry about what
            # happens next or a calm question, with no danger and no answer cue in it, is no new
            # danger detail: the route is kept (999, "are you safe?" again) without the whole
            # block; the next such message ends it
            earlier = [e for e in reversed(tracker.events) if isinstance(e, UserUttered)][1:]
            plan = None if checked_a_danger_told(earlier) else first_answer_plan(tracker, user, buttons)
            if plan:
                return next_in_plan(plan, actions_since)
        remind = entry.get("moves_on") == REMIND
        if answer == DANGER and entry.get("moves_on") and moves_on(user, questions_only=remind):
            if not remind:
                return None  # a new question or story, not an answer: the other policies answer it
            if question_ends_route(entry, user):
                return None  # 999 and "are you safe?" said twice since: answered as anywhere (C10)
            # after the emergency steps: 999 first, the question's own answer when
            # data/conversation/questions.yml has one, and "are you safe?" again (C5: "would the
            # police send me back?" got the whole emergency reply a third time; C6: "should i just
            # pay some of it" before a sextortion deadline got no answer)
            plan = heard_question_plan(tracker, user, entry["next"][QUESTION_ASKED])
            return next_in_plan(plan, actions_since)
        told = entry.get(TOLD_SOMETHING)
        if told and answer == DANGER and tells_something(user, buttons):
            return next_in_plan([told], actions_since)
        if told and answer == DANGER and denies_first(user):
            answer = NO  # "no i havent" to "Have you taken anything?": a no, whatever follows
        new = something_new(entry, user, buttons, self.other_language)
        if new == END:
            return None  # the route ends here: the other policies answer
        if new:
            return next_in_plan([new], actions_since)
        response = entry["next"][answer]
        if not actions_since:
            logger.debug("danger question %s answered %s -> %s", question, answer, response)
            return response
        if actions_since == [response]:
            return ACTION_LISTEN_NAME
        return None


def heard_question_plan(tracker: DialogueStateTracker, user: UserUttered, no_answer: str) -> list[str]:
    """The responses for a question asked while the emergency route lasts: [BEFORE_ANSWER, the
    question's answers (bot.conversation.questions, none already given), ASK_SAFE_NOW], or
    [no_answer] when questions.yml has no answer for it."""
    answers = question_answers(tracker, user)
    return [BEFORE_ANSWER, *answers, ASK_SAFE_NOW] if answers else [no_answer]


def checked_a_danger_told(earlier: Sequence[UserUttered]) -> bool:
    """The danger question's check was on a first message, or before any conversation was under
    way (C13: "being followed" keeps the whole route, whatever follows), or on a message (earlier[0]; earlier newest first) with an emergency
    or medical level, or that tells of a danger now in the word classes (its parts as the risk
    stage stored them, or danger_answer.names_a_danger: "hes outside", "hes still by the
    trees"): then anything but a clear safe gets the whole block."""
    under_way = any(
        len((e.text or "").split()) >= CONVERSATION_WORDS and stage_level(e.parse_data) is None
        for e in earlier[1:]
    )
    if not under_way:
        return True
    check = earlier[0]
    stored = frozenset((((check.parse_data or {}).get(SAFETY_NET_KEY)) or {}).get("parts") or ())
    level = stage_level(check.parse_data)
    if level == "check" and told_as_a_story(stored):
        return False  # C20: "yesterday one of them followed me to my road": no danger now told
    return level in ("emergency", "medical") or tells_of_danger(stored) or names_a_danger(check.text or "")


def told_as_a_story(parts: frozenset[str]) -> bool:
    """The word classes told the harm as done before now or as a habit (TOLD_AS_STORY_PARTS) and
    nothing that says now, here, coming, tonight, a threat or fear (STILL_NOW_PARTS)."""
    return bool(TOLD_AS_STORY_PARTS & parts) and not STILL_NOW_PARTS & parts


def first_answer_plan(
    tracker: DialogueStateTracker, user: UserUttered, buttons: Sequence[dict] = ()
) -> Optional[list[str]]:
    """After "Are you in danger right now?" (FIRST_QUESTION), the plan for a message that is no
    answer and tells of no danger (danger_answer.tells_something_new: no yes or no first, no
    unsure cue, no button, number or 999, no danger part, nobody arriving), with nothing urgent
    from the risk stage (no level, or one only the urgency classifier gave, not urgent): a
    question gets heard_question_plan (999 first once, its answer, "are you safe?"); a story, a
    feeling or a worry of MOVES_ON_WORDS words or more gets the short "are you safe?" with 999
    (ASK_SAFE_NOW). None (the whole emergency block) for anything else: "idk", "kinda", "1",
    "999", "hes downstairs", short asides and words ("at home", "hold on")."""
    text = (user.text or "").strip()
    level = stage_level(user.parse_data)
    if level in URGENT_LEVELS or (level and level_by_classifier_alone(user.parse_data) is None):
        return None
    if stops(text) or _names_a_borough(user) or not tells_something_new(text, buttons):
        return None
    if asks_a_question(text) and not level:
        return heard_question_plan(tracker, user, EMERGENCY_QUESTION)
    return [ASK_SAFE_NOW] if len(text.split()) >= MOVES_ON_WORDS else None


def question_answers(tracker: DialogueStateTracker, user: UserUttered) -> list[str]:
    """The responses data/conversation/questions.yml gives the question in `user` (none already
    given in the conversation before it); [] when it has none."""
    audience = audience_of(tracker.get_slot(TRUSTED_ADULT_SLOT))
    events = list(tracker.events)
    last = max(i for i, e in enumerate(events) if isinstance(e, UserUttered))
    # what was said before this message (the plan must stay the same while it is carried out)
    said = tuple(e.action_name for e in events[:last] if isinstance(e, ActionExecuted))
    messages = [e for e in events if isinstance(e, UserUttered)]

    def topic() -> Optional[str]:
        return conversation_topic(turn_of(e.parse_data, e.text) for e in reversed(messages))

    return [
        name
        for name in answers_for(user.text or "", audience, given=said, topic=topic)
        if name.startswith("utter_") and name not in said
    ]


def something_new(
    entry: dict, user: UserUttered, buttons: Sequence[dict] = (), other_language=None
) -> Optional[str]:
    """After a `moves_on: remind` question (entry: its row of the table): what a message that is
    neither an answer nor urgent gets (the row's `something_new`: a response, or END when the
    route ends there), or None when the message is an answer, urgent, a question, a stop or a
    borough, and the table's other entries decide (see the module doc)."""
    new = entry.get(SOMETHING_NEW)
    text = (user.text or "").strip()
    level = stage_level(user.parse_data)
    if not new or level in URGENT_LEVELS or (level and level_by_classifier_alone(user.parse_data) is None):
        return None
    intent = (user.intent or {}).get("name")
    if read_answer(text, intent, buttons, entry["yes_means"], other_language=other_language) != DANGER:
        return None
    if asks_a_question(text) or stops(text) or _names_a_borough(user):
        return None
    if len(text.split()) < MOVES_ON_WORDS and not ASIDE.match(text):
        return None
    if not tells_something_new(text, buttons):
        return None
    if new == END and level is not None:
        return ASK_SAFE_NOW  # the other policies would answer the classifier's level
    return new


def question_ends_route(entry: dict, user: UserUttered, borough_too: bool = False) -> bool:
    """After a `moves_on: remind` question whose `something_asked` is END (the re-asks: "are you
    safe?" asked twice by then), whether the message is a question with nothing urgent in it (no
    level from the risk stage, no danger part, no 999, nobody arriving): the route ends and the
    other policies answer it. Right after the whole block (`something_asked: answer`) never. A
    question naming a borough counts only with borough_too (its services are shown, then the
    question's answers, without 999 first)."""
    text = (user.text or "").strip()
    return (
        entry.get(SOMETHING_ASKED) == END
        and moves_on(user, questions_only=True)
        and not stops(text)
        and (borough_too or not _names_a_borough(user))
        and asks_nothing_urgent(text)
    )


def denies_first(user: UserUttered) -> bool:
    """A no first ("no i havent", "nah not yet"), with nothing urgent from the risk stage and no
    danger in the words (danger_answer.names_a_danger)."""
    text = user.text or ""
    return (
        stage_level(user.parse_data) is None
        and bool(NO_FIRST.match(normalise(text)))
        and not names_a_danger(text)
    )


def tells_something(user: UserUttered, buttons: Sequence[dict] = ()) -> bool:
    """A question, or MOVES_ON_WORDS words or more, with nothing urgent from the risk stage, no
    answer cue and no danger (danger_answer.tells_something_new): no "yes", "idk" or "maybe"."""
    text = (user.text or "").strip()
    return (
        stage_level(user.parse_data) is None
        and (asks_a_question(text) or len(text.split()) >= MOVES_ON_WORDS)
        and tells_something_new(text, buttons)
    )


def borough_in_news(entry: dict, user: UserUttered, buttons: Sequence[dict] = ()) -> bool:
    """After a re-ask (`something_new: end`), a message naming a borough that is no answer and
    tells of nothing urgent (danger_answer.tells_something_new), of MOVES_ON_WORDS words or more
    ("we're in croydon" is an answer: 999 first, as before)."""
    text = (user.text or "").strip()
    return (
        entry.get(SOMETHING_NEW) == END
        and stage_level(user.parse_data) is None
        and len(text.split()) >= MOVES_ON_WORDS
        and not stops(text)
        and tells_something_new(text, buttons)
    )


def goes_on(user: UserUttered) -> bool:
    """A message that goes on with the story (GOES_ON_WORDS words or more, no question: a question
    keeps its own plan) and tells of nothing urgent: no level, no danger part, no 999, nobody
    arriving (danger_answer.asks_nothing_urgent)."""
    text = (user.text or "").strip()
    return (
        stage_level(user.parse_data) is None
        and len(text.split()) >= GOES_ON_WORDS
        and not asks_a_question(text)
        and asks_nothing_urgent(text)
    )


def ends_after_a_weak_check(question: str, user: UserUttered, earlier: Sequence[UserUttered]) -> bool:
    """The route ends at `user`'s message (the other policies answer it as anywhere): the danger
    question was the first one (FIRST_QUESTION), asked right after a weak check
    (safety_net.weak_check) that came inside a conversation already under way (an earlier message
    of CONVERSATION_WORDS words or more with nothing urgent), and the message goes on with the
    story (goes_on). earlier: the user's messages before `user`, newest first. A first message
    ("being followed", "took them all") keeps the whole route, whatever follows (C13)."""
    if question != FIRST_QUESTION or len(earlier) < 2 or not weak_check(earlier[0].parse_data):
        return False
    under_way = any(
        len((e.text or "").split()) >= CONVERSATION_WORDS and stage_level(e.parse_data) is None
        for e in earlier[1:]
    )
    return under_way and goes_on(user)


def checked_a_story_told_before_now(user: UserUttered, earlier: Sequence[UserUttered]) -> bool:
    """The danger question's check (earlier[0], the message before `user`; earlier newest first)
    was a `check`, not emergency or medical, on a message whose words say the harm was done before
    now (TOLD_BEFORE_NOW_PARTS: last week, last time, yesterday, this morning told in the past, a
    habit, long ago), and `user` goes on with the story with nothing urgent in it (goes_on)."""
    if not earlier or stage_level(earlier[0].parse_data) != "check":
        return False
    parts = frozenset((((earlier[0].parse_data or {}).get(SAFETY_NET_KEY)) or {}).get("parts") or ())
    # C20: and nothing in its words said someone is here, coming, acting now, a threat or fear
    return told_as_a_story(parts) and goes_on(user)


def stops(text: str | None) -> bool:
    """A short message that ends the conversation for now ("not now ill come back", "gtg",
    "bye"), not "i need to go to the police"."""
    text = (text or "").strip()
    return bool(STOPPING.match(text)) and len(text.split()) <= STOP_MAX_WORDS


def _names_a_borough(user: UserUttered) -> bool:
    """The message names a borough the LocationExtractor resolved (a choice of several is left to
    the emergency steps: the borough slot would not be set)."""
    return any(
        e.get("entity") == "borough" and e.get("value") not in (None, NOT_GIVEN)
        for e in (user.entities or [])
    )


def moves_on(user: UserUttered, questions_only: bool = False) -> bool:
    """A message that is not an answer but something new: a question (a "?", or a question word
    first and QUESTION_MIN_WORDS words or more), or MOVES_ON_WORDS words or more (unless
    questions_only: after the emergency steps, "edmonton. near the big tesco" or "im scared, mum
    is at work till 6" are part of the emergency), that the risk stage found nothing urgent in.
    "idk", "kinda", "..." are answers (unsure)."""
    text = (user.text or "").strip()
    words = len(text.split())
    return stage_level(user.parse_data) is None and (
        asks_a_question(text) or (words >= MOVES_ON_WORDS and not questions_only)
    )


def asks_a_question(text: str) -> bool:
    """A "?" anywhere, or a question word first (QUESTION_START) and QUESTION_MIN_WORDS words or
    more: young people rarely type "?" ("is that even illegal", "what do i do now")."""
    text = (text or "").strip()
    if "?" in text or QUESTION_INSIDE.search(text) or SHORT_QUESTION.match(text):
        return True
    for sentence in re.split(r"[.!]\s+", text):
        rest = QUESTION_LEAD_IN.sub("", sentence)
        words = len(sentence.split())  # the lead-in counts: "so is it" is a question
        if (QUESTION_START.match(rest) or QUESTION_SPELLINGS.match(rest)) and words >= QUESTION_MIN_WORDS:
            return True
    return False


def _last_turn(tracker: DialogueStateTracker):
    """(question asked before the latest user message, its buttons, that UserUttered, actions
    run since it) or None. The question is the last bot action before the message."""
    events = list(tracker.events)
    user_index = next((i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], UserUttered)), None)
    if user_index is None:
        return None
    actions_since = [
        e.action_name
        for e in events[user_index + 1 :]
        if isinstance(e, ActionExecuted) and e.action_name != ACTION_LISTEN_NAME
    ]
    question, buttons = question_before(events, user_index)
    return question, buttons, events[user_index], actions_since


def question_before(events: list, user_index: int) -> tuple[Optional[str], list[dict]]:
    """(the last bot action before events[user_index], the buttons of the last bot message before
    it): the question a message answers and its buttons (PASS_THROUGH_ACTIONS skipped)."""
    buttons: list[dict] = []
    for event in reversed(events[:user_index]):
        if isinstance(event, BotUttered) and not buttons:
            buttons = list((event.data or {}).get("buttons") or [])
        if isinstance(event, ActionExecuted) and event.action_name not in (
            ACTION_LISTEN_NAME,
            *PASS_THROUGH_ACTIONS,
        ):
            return event.action_name, buttons
    return None, buttons

"""Which questions a message asks, and the reply that answers each, for its audience.

Pure functions over data/conversation/questions.yml (word patterns and answer names an
administrator can extend); read by QuestionAnswerPolicy (bot.rasa_plugins.question_policy).
Issue 13: "answer what was asked" - "is it my fault? will i get in trouble?", "should I speak
to him first?".

    answers_for(text, audience) -> list[str]   response names, in the order the questions are
                                                asked, at most MAX_ANSWERS, no name twice
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable
from pathlib import Path

import yaml

from bot import REPO_ROOT
from bot.conversation.pattern_files import compile_patterns, followed, plain_quotes
from bot.conversation.reply_cues import TOLD_CUES
from bot.conversation.trusted_adults import GENERAL, SITUATIONS
from bot.conversation.turn_memo import remembered

DEFAULT_FILE = REPO_ROOT / "data" / "conversation" / "questions.yml"
AUDIENCES = ("young_person", "staff", "parent_carer", "safeguarding_lead", "employer")
LEAD = "safeguarding_lead"  # staff who are the DSL (or a club's welfare officer): staff answers
# unless a kind gives them their own (C9: a DSL was told "tell your DSL")
# C22: an employer or business owner writing about their young worker: no DSL to tell, so the
# lead's answers (their own route) unless a kind gives them their own, then the staff answers
EMPLOYER = "employer"
MAX_ANSWERS = 2  # more than two answers in one turn is a wall of text on a phone


def audience_of(trusted_adult: str | None, lead: bool = False, employer: bool = False) -> str:
    """The audience answers are chosen for, from the conversation's `trusted_adult` slot ("staff",
    "parent_carer" or unset): a young person unless an adult has shown who they are; staff who
    said they are the safeguarding lead (`lead`) are "safeguarding_lead"; staff who employ the
    young person (`employer`: a cafe owner, a shop manager) are "employer"."""
    if trusted_adult == "staff" and lead:
        return LEAD
    if trusted_adult == "staff" and employer:
        return EMPLOYER
    return trusted_adult if trusted_adult in ("staff", "parent_carer") else AUDIENCES[0]


# who gets another audience's answer when a kind gives them none of their own
FALLBACK = {LEAD: ("staff",), EMPLOYER: (LEAD, "staff")}


def _with_fallback(answers: dict, audience: str):
    for name in (audience, *FALLBACK.get(audience, ())):
        if answers.get(name):
            return answers[name]
    return None


@dataclass(frozen=True)
class QuestionKind:
    name: str
    alternatives: tuple[tuple[re.Pattern, ...], ...]  # any alternative; all patterns in it
    answers: dict[str, tuple[str, ...]]  # audience -> responses/actions, in order
    instead_of: frozenset[str] = frozenset()  # kinds this more specific one replaces
    again: dict[str, str] | None = None  # audience -> short answer when asked again
    topics: frozenset[str] = frozenset()  # only in a conversation about these
    # topics: the conversation's newest topic (default) or any topic told in it (`topics_told`:
    # "how do i get it deleted" about a picture after later turns about school or self-harm, C7)
    any_topic: bool = False
    # C17: only while a trusted adult's situation is one of these (bot.conversation.trusted_adults:
    # "where do I get help for him" when the writer's own child is the one accused)
    situations: frozenset[str] = frozenset()
    # C17: only in a conversation that gave one of these replies (`when_said`: the adult's 999
    # reply, so "she's begging me not to call the police" is answered as danger now), or none of
    # them (`unless_said`: the same words from a father whose daughter is home gets the Havens)
    when_said: frozenset[str] = frozenset()
    unless_said: frozenset[str] = frozenset()
    # C20: asked in words the model reads as a request for local support ("if the head brushes it
    # off, is there anywhere else I can go?"), an adult gets this answer, not the borough question
    over_local_support: bool = False
    # C22: a worry told in a young person's first disclosure ("... and now he's coming to the
    # wedding next month") is answered after that disclosure's own reply and routes
    after_a_first_disclosure: bool = False
    # C22: only in a conversation where some message (this one or earlier) shows one of these cues
    # (bot.conversation.reply_cues.TOLD_CUES: "shared_image", the writer sent on someone else's
    # picture, so "will i get arrested" gets the honest answer for them, not "you're not in trouble")
    told: frozenset[str] = frozenset()

    def answer_for(self, audience: str) -> tuple[str, ...] | None:
        """This kind's answer for the audience; the safeguarding lead gets the staff answer unless
        the kind gives them their own; an employer the lead's, then the staff answer."""
        return _with_fallback(self.answers, audience)

    def again_for(self, audience: str) -> str | None:
        return _with_fallback(self.again or {}, audience)

    def position(self, text: str) -> int | None:
        """Where the question starts in the text (the earliest matching alternative's first
        pattern), or None when the message does not ask it."""
        found = [
            m.start()
            for alternative in self.alternatives
            if all(p.search(text) for p in alternative)
            for m in [alternative[0].search(text)]
        ]
        return min(found) if found else None


def _kind(name: str, entry, path: Path) -> QuestionKind:
    where = f"{path}: questions.{name}"
    if not isinstance(entry, dict) or not isinstance(entry.get("when"), list) or not entry["when"]:
        raise ValueError(f"{where}: `when` must be a non-empty list")
    unknown = set(entry) - {
        "when",
        "instead_of",
        "again",
        "topics",
        "topics_told",
        "situations",
        "when_said",
        "unless_said",
        "over_local_support",
        "after_a_first_disclosure",
        "told",
        *AUDIENCES,
    }
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)} (audiences: {', '.join(AUDIENCES)})")
    answers = {
        a: tuple(entry[a] if isinstance(entry[a], list) else [entry[a]]) for a in AUDIENCES if entry.get(a)
    }
    if not answers or not all(
        names and isinstance(n, str) and n.startswith(("utter_", "action_"))
        for names in answers.values()
        for n in names
    ):
        raise ValueError(
            f"{where}: give at least one audience an utter_* response (or a list of responses and actions)"
        )
    alternatives = tuple(
        compile_patterns(alt if isinstance(alt, list) else [alt], where) for alt in entry["when"]
    )
    instead_of = entry.get("instead_of") or []
    if not isinstance(instead_of, list):
        raise ValueError(f"{where}: `instead_of` must be a list of kind names")
    again = entry.get("again") or {}
    if (
        not isinstance(again, dict)
        or set(again) - set(AUDIENCES)
        or not all(isinstance(r, str) and r.startswith("utter_") for r in again.values())
    ):
        raise ValueError(f"{where}: `again` maps audiences to utter_* responses")
    topics = entry.get("topics") or entry.get("topics_told") or []
    if not isinstance(topics, list) or (entry.get("topics") and entry.get("topics_told")):
        raise ValueError(
            f"{where}: `topics` (or `topics_told`, not both) must be a list of conversation topics"
        )
    lists = {key: entry.get(key) or [] for key in ("situations", "when_said", "unless_said")}
    if not all(isinstance(v, list) and all(isinstance(n, str) for n in v) for v in lists.values()):
        raise ValueError(f"{where}: `situations`, `when_said` and `unless_said` must be lists of names")
    if set(lists["situations"]) - {*SITUATIONS, GENERAL}:
        raise ValueError(
            f"{where}: `situations` names unknown situations (situations: {', '.join(SITUATIONS)})"
        )
    told = entry.get("told") or []
    if not isinstance(told, list) or set(told) - set(TOLD_CUES):
        raise ValueError(f"{where}: `told` must be a list of cues (cues: {', '.join(TOLD_CUES)})")
    return QuestionKind(
        name,
        alternatives,
        answers,
        frozenset(instead_of),
        again,
        frozenset(topics),
        bool(entry.get("topics_told")),
        frozenset(lists["situations"]),
        frozenset(lists["when_said"]),
        frozenset(lists["unless_said"]),
        bool(entry.get("over_local_support")),
        bool(entry.get("after_a_first_disclosure")),
        frozenset(told),
    )


def load_questions(path: Path = DEFAULT_FILE) -> tuple[QuestionKind, ...]:
    """The file's question kinds, compiled, in file order. ValueError names the kind when an entry
    is malformed or a pattern is not a valid regular expression."""
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    kinds = data.get("questions")
    if not isinstance(kinds, dict) or not kinds:
        raise ValueError(f"{path}: a non-empty `questions` mapping is needed")
    loaded = tuple(_kind(name, entry, path) for name, entry in kinds.items())
    for kind in loaded:
        if kind.instead_of - set(kinds):
            raise ValueError(
                f"{path}: questions.{kind.name}: instead_of names unknown kinds "
                f"{sorted(kind.instead_of - set(kinds))}"
            )
    return loaded


def current_questions(path: Path = DEFAULT_FILE) -> tuple[QuestionKind, ...]:
    """load_questions, following an administrator's edit (bot.conversation.pattern_files.followed)."""
    return followed(path, load_questions)


def answers_for(
    text: str | None,
    audience: str,
    kinds: tuple[QuestionKind, ...] | None = None,
    given: tuple[str, ...] = (),
    topic: str | None | Callable[[], str | None] = None,
    topics_told: Iterable[str] | Callable[[], Iterable[str]] = (),
    situation: str | None | Callable[[], str | None] = None,
    earlier_texts: Iterable[str] | Callable[[], Iterable[str]] = (),
) -> list[str]:
    """The responses (and actions) answering the questions the message asks, for this audience
    ("young_person", "staff", "parent_carer" or "safeguarding_lead"): the answers of at most MAX_ANSWERS questions,
    in the order the questions appear in the message, no name twice. [] when it asks none we
    can answer. `given`: what the conversation already said; a question whose answer is among it
    gets the kind's short `again` answer (or none). `topic`: the conversation's topic (or a
    function giving it, called only when a kind that needs it matches), for kinds that only make
    sense within one ("how do I get it deleted" about a picture). `topics_told`: every topic the
    conversation told (or a function giving them), for kinds with `topics_told`. `situation`: a
    trusted adult's situation (or a function giving it), for kinds with `situations`; kinds with
    `when_said` or `unless_said` read `given`. `earlier_texts`: the conversation's earlier user
    messages (or a function giving them), for kinds with `told` (read with this message)."""
    clean = plain_quotes(text)
    matched = []
    if kinds is None:  # the file's kinds: where each is asked, read once per message handled
        kinds = current_questions()
        positions = remembered(("question_positions", clean), dict)

        def position_of(kind: QuestionKind) -> int | None:
            if kind.name not in positions:
                positions[kind.name] = kind.position(clean)
            return positions[kind.name]

    else:

        def position_of(kind: QuestionKind) -> int | None:
            return kind.position(clean)

    for kind in kinds:
        answer = kind.answer_for(audience)
        position = position_of(kind) if answer else None
        if position is None:
            continue
        if kind.topics and kind.any_topic and topics_told != ():  # (without it, the newest topic)
            if callable(topics_told):
                topics_told = frozenset(topics_told())  # read only when a kind needs it, once
            if not kind.topics & frozenset(topics_told):
                continue
        elif kind.topics:
            if callable(topic):
                topic = topic()  # read the conversation only when a kind needs it, once
            if topic not in kind.topics:
                continue
        if kind.when_said and not kind.when_said & set(given):
            continue
        if kind.unless_said & set(given):
            continue
        if kind.told:
            if callable(earlier_texts):
                earlier_texts = tuple(earlier_texts())  # read only when a kind needs it, once
            texts = (text or "", *earlier_texts)
            if not any(TOLD_CUES[cue](t) for cue in kind.told for t in texts):
                continue
        if kind.situations:
            if callable(situation):
                situation = situation()
            if situation not in kind.situations:
                continue
        if set(answer) <= set(given):
            again = kind.again_for(audience)
            answer = (again,) if again and again not in given else None
        # C18: a kind already answered still replaces the kinds it is `instead_of` (the accused
        # child's parent asked again about the picture got the harmed child's parent's reply,
        # "It's not your child's fault", from the less specific kind)
        matched.append((kind, position, answer))
    replaced = set().union(*(kind.instead_of for kind, _, _ in matched)) if matched else set()
    matched = [(kind, position, answer) for kind, position, answer in matched if answer]
    asked = [(position, answer) for kind, position, answer in matched if kind.name not in replaced]
    ordered: list[str] = []
    answered = 0
    for _position, names in sorted(asked, key=lambda pair: pair[0]):
        new = [n for n in names if n not in ordered]
        if new and answered < MAX_ANSWERS:
            ordered.extend(new)
            answered += 1
    return ordered

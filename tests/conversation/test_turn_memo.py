"""bot/conversation/turn_memo.py: a message's words read once while it is handled (issue 17),
never reused outside a policy's prediction, for another message, or across a pattern-file edit."""

import time

from bot.conversation import turn_memo
from bot.conversation.pattern_files import followed
from bot.conversation.questions import answers_for
from bot.conversation.topics import topic_of_turn
from bot.conversation.trusted_adults import situation_of


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls


def test_kept_for_one_message_inside_its_handling():
    compute, owner = Counter(), object()
    with turn_memo.handling(owner):
        assert turn_memo.remembered("k", compute) == 1
        assert turn_memo.remembered("k", compute) == 1
        assert turn_memo.remembered("other", compute) == 2
    with turn_memo.handling(owner):  # the next prediction for the same message
        assert turn_memo.remembered("k", compute) == 1
    turn_memo.forget()


def test_not_kept_outside_a_prediction_or_for_another_message():
    compute, first, second = Counter(), object(), object()
    assert turn_memo.remembered("k", compute) == 1
    assert turn_memo.remembered("k", compute) == 2  # outside: computed every time
    with turn_memo.handling(first):
        assert turn_memo.remembered("k", compute) == 3
    assert turn_memo.remembered("k", compute) == 4  # after the block: not reused
    with turn_memo.handling(second):
        assert turn_memo.remembered("k", compute) == 5  # another message: dropped
    with turn_memo.handling(None):
        assert turn_memo.remembered("k", compute) == 6  # no message: nothing kept
        assert turn_memo.remembered("k", compute) == 7
    turn_memo.forget()


def test_forget_drops_what_was_kept():
    compute, owner = Counter(), object()
    with turn_memo.handling(owner):
        turn_memo.remembered("k", compute)
    turn_memo.forget()
    with turn_memo.handling(owner):
        assert turn_memo.remembered("k", compute) == 2
    turn_memo.forget()


def test_an_edit_taken_in_drops_what_was_kept(tmp_path):
    path = tmp_path / "words.yml"
    path.write_text("one\n", encoding="utf-8")

    def load(p):
        return p.read_text(encoding="utf-8").strip()

    owner = object()

    def read():
        return followed(path, load)

    with turn_memo.handling(owner):
        assert turn_memo.remembered("k", read) == "one"
        path.write_text("two\n", encoding="utf-8")
        deadline = time.monotonic() + 5  # the file is checked at most once a second
        while followed(path, load) != "two" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert turn_memo.remembered("k", read) == "two"
    turn_memo.forget()


# the readers give the same answers with and without the memo, for several messages in a row
MESSAGES = [
    ("disclose_grooming", "my bf is 23 is that weird. hes really good to me", None),
    ("affirm", "ok", None),
    ("nlu_fallback", "they said they'd post my pics unless i send more", "disclose_grooming"),
    ("disclose_friend_concern", "my friend's dad is taking her abroad to get married in the summer", None),
    ("ask_privacy", "is this private? will u tell my school", None),
    ("say_thanks", "thanks. should i tell my mum?", None),
]


def test_same_readings_with_and_without_the_memo():
    plain = [
        (
            topic_of_turn(*m),
            situation_of([m[1], "one of my players told me something"]),
            answers_for(m[1], "young_person"),
            answers_for(m[1], "staff", given=("utter_staff_general",)),
        )
        for m in MESSAGES
    ]
    for _ in range(2):
        for m, expected in zip(MESSAGES, plain):
            with turn_memo.handling(m):
                for _again in range(3):  # one prediction after another for the same message
                    assert (
                        topic_of_turn(*m),
                        situation_of([m[1], "one of my players told me something"]),
                        answers_for(m[1], "young_person"),
                        answers_for(m[1], "staff", given=("utter_staff_general",)),
                    ) == expected
    turn_memo.forget()

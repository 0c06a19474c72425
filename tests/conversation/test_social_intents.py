"""bot/conversation/social_intents.py and data/conversation/social_intents.yml: a short social
intent only for a message with its words. Phrasings of our own (C4 stays the measure)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from bot import REPO_ROOT
from bot.conversation.social_intents import guarded_intents, has_its_words, load_patterns, unfounded_intents


def test_the_file_guards_thanks_not_now_and_staff_guidance():
    assert {"say_thanks", "say_not_now", "ask_staff_guidance", "disclose_friend_concern"} <= set(
        load_patterns()
    )


def test_every_nlu_example_of_a_guarded_intent_has_its_words():
    data = load_data(str(REPO_ROOT / "data" / "nlu"))
    missing = [
        (m.get("intent"), m.get("text"))
        for m in data.intent_examples
        if m.get("intent") in guarded_intents() and not has_its_words(m.get("intent"), m.get("text"))
    ]
    assert missing == []


@pytest.mark.parametrize(
    "intent,text",
    [
        ("say_thanks", "thank you so much"),
        ("say_thanks", "ok cheers"),
        ("say_thanks", "that\u2019s helpful, thx"),
        ("say_not_now", "not right now sorry"),
        ("say_not_now", "can we do this another day"),
        ("say_not_now", "skip"),
        ("say_not_now", "i have to go, mum's back"),
        ("say_not_now", "im not ready to talk about it"),
        # C7's kind: staff asking for guidance write about a pupil, a disclosure, their role
        ("ask_staff_guidance", "a student in year 9 says a boy is sharing her photos"),
        ("ask_staff_guidance", "who do I ring to make a referral?"),
        ("ask_staff_guidance", "as a cover supervisor do I need to log this"),
        ("ask_staff_guidance", "I work in a primary and a child said something odd"),
        ("ask_staff_guidance", "my stepdaughter told me last night, what do we do"),  # a parent
        # C10's kind: health staff and carers of a disabled child, by their work
        ("ask_staff_guidance", "clinic q - does a 13 yo asking for condoms mean I have to report"),
        ("ask_staff_guidance", "she's gillick competent so can I keep it between us?"),
        ("ask_staff_guidance", "he came back from respite covered in scratches"),
        ("ask_staff_guidance", "I'm one-to-one support for a deaf girl and she's upset"),
        # deleting this chat is asked of the assistant
        ("request_forget", "pls wipe this"),
        ("request_forget", "can you get rid of what i typed"),
        ("request_forget", "i said too much, delete it"),
        ("request_forget", "forget it all, delete what i said"),
        ("request_forget", "forget everything i told you"),
        # what happens after telling or reporting
        ("ask_what_happens_after_report", "what would the police do with it"),
        ("ask_what_happens_after_report", "what about if i tell my form tutor"),
        ("ask_what_happens_after_report", "would it end up in court"),
        # support near them
        ("ask_local_support", "anything close to me in enfield"),
        ("ask_local_support", "where could i go to see someone"),
        # worry about someone else names them, or speaks only of others
        ("disclose_friend_concern", "my mate says his coach messages him at night"),
        ("disclose_friend_concern", "someone in my form told me she gets hit at home"),
        ("disclose_friend_concern", "her stepdad keeps touching her and she wont tell anyone"),
        # a yes is short and says yes
        ("affirm", "yeah ok go on"),
        ("affirm", "ok"),
        ("affirm", "yes please 👍"),
    ],
)
def test_messages_with_their_words_keep_the_intent(intent, text):
    assert has_its_words(intent, text)


@pytest.mark.parametrize(
    "intent,text",
    [
        ("say_thanks", "my coach did something to me on the away trip in march"),
        ("say_thanks", "it happened on friday after school"),
        ("say_not_now", "i might skip swimming so i dont see him"),
        ("say_not_now", "im not ready to break up with her"),
        # C7's kind: a young person writing about a teacher or a leader is not staff asking
        ("ask_staff_guidance", "i told a teacher last year and she said just ignore him"),
        ("ask_staff_guidance", "there is a leader at scouts who buys me stuff"),
        ("ask_staff_guidance", "a boy in my class said he'd share it"),
        ("ask_staff_guidance", "our school just says its banter"),
        # C10's kind: a young person at a clinic is not staff asking
        ("ask_staff_guidance", "i went to the clinic for the pill and the nurse asked loads of questions"),
        # C7's kind: deleting a picture, or from someone's phone, is not deleting this chat
        ("request_forget", "how can i get the video deleted"),
        ("request_forget", "should we wipe it off her ipad?"),
        ("request_forget", "can i make him delete them"),
        # C14: "forget it" after telling something is "never mind", not "delete this chat"
        ("request_forget", "forget it. i'll deal with it myself"),
        ("request_forget", "forget about it, it doesnt matter"),
        # C7's kind: a fear about telling is not the police process
        ("ask_what_happens_after_report", "she said nobody would believe me if i tell"),
        ("ask_what_happens_after_report", "if i tell my dad he will go mental"),
        # C7's kind: a parent's question about the child's phone is not support near them
        ("ask_local_support", "should we take his tablet off him tonight?"),
        ("ask_local_support", "my son said an older lad touched him in the changing rooms"),
        # C15's kind, in our own words: what was done to the writer is not worry about a friend
        ("disclose_friend_concern", "this guy from tiktok made me take my top off on video"),
        ("disclose_friend_concern", "i woke up and my jeans were undone and i dont remember"),
        # C16's kind, in our own words: a telling that happens to contain a yes-word is not a yes
        ("affirm", "ok so at the weekend this lad from the party did stuff to me when i was asleep"),
        ("affirm", "i was so out of it and he had sex with me i think, woke up with my top gone"),
    ],
)
def test_messages_without_their_words_lose_the_intent(intent, text):
    assert not has_its_words(intent, text)


def test_an_unguarded_intent_is_always_kept():
    assert has_its_words("disclose_harassment", "anything at all")


def test_unfounded_intents_names_the_guarded_intents_a_message_has_no_words_for():
    assert unfounded_intents("it was on friday at his house") == guarded_intents()
    assert "say_thanks" not in unfounded_intents("thanks, it was on friday")

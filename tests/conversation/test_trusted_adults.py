"""Who is writing, and which situation a trusted adult describes (bot/conversation/trusted_adults.py,
data/conversation/trusted_adults.yml; the policy that reads them is tested in
tests/rasa_plugins/test_trusted_adult_policy.py). Kinds, not single sentences: each case below
stands for a way adults write and a way young people write about adults, which must never be
taken for an adult writing."""

from __future__ import annotations

import pytest

from bot.conversation.trusted_adults import (
    FORCED_MARRIAGE,
    GENERAL,
    SITUATIONS,
    SPEAKERS,
    load_patterns,
    situation_of,
    speaker_of,
)
from bot.directory.select import Situation, select_services
from bot.nlg.placeholders import fill_message


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("I'm a teacher and a pupil told me something", "staff"),  # role stated
        # C5's kinds: professionals who never name their role
        ("got a disclosure from a year 8 at break, not sure where to start", "staff"),
        ("one of the dads rang me this morning about something his son said", "staff"),
        ("i've confiscated her phone and there's a video on it", "staff"),
        ("our deputy DSL is off sick, who else can take this", "staff"),
        ("what am I meant to do when a pupil tells me something like this", "staff"),
        # C6's kinds
        ("quick q - a year 10 girl disclosed in my lesson today", "staff"),
        ("kinship carer here. my 13 yo came home really upset", "parent_carer"),
        ("hi, TA here. quick question", "staff"),  # role + "here"
        ("youth worker in Newham. worried about a girl", "staff"),  # role opens the message
        ("as her form tutor what should i do", "staff"),  # "as a ..."
        ("I coach an under 13s team", "staff"),  # what they do
        ("I volunteer at a weekend drama club for kids", "staff"),
        ("one of my players said his uncle hits him", "staff"),  # "one of my ..."
        ("a pupil has just told me she was assaulted", "staff"),  # a child told me
        ("some staff say it's just banter, should I report it?", "staff"),  # what colleagues say
        ("my daughter is 14 and has an older boyfriend", "parent_carer"),  # my child
        ("My son is 14 and he's just come to me in tears", "parent_carer"),
        ("im her mum and i'm worried", "parent_carer"),
        # C6's kind: a social worker's shorthand
        ("SW in ealing, 14yo in our area", "staff"),
        ("a girl on my caseload told her foster carer something", "staff"),
        ("the alleged perpetrator is her older stepbrother", "staff"),
        ("would this go to a strategy meeting first", "staff"),
        ("disclosure at lunch about an incident on the bus", "staff"),
        # C7's kinds: the situation shows the writer's role, the role is never named
        ("a yr 11 pupil has told me her uncle touches her", "staff"),  # a pupil by year told me
        ("y8 student came to me at lunch in tears", "staff"),
        # B22's kind: a pupil by year handed in a piece of work (to the teacher who writes)
        ("A Year 8 boy handed in a poem about his own death yesterday", "staff"),
        ("one yr 11 has just turned in her sketchbook and the last page worries me", "staff"),
        ("a year 9 boy came to the medical room asking for condoms", "staff"),
        ("the student says a supply teacher sent her messages", "staff"),  # what a student alleges
        ("confiscated the ipad in maths and there are pictures on it", "staff"),  # no "I"
        ("we've just confiscated a phone with a video on it", "staff"),
        ("a 15 yo at our project says she's being picked up by older men", "staff"),
        ("young person from our drop-in says she owes someone money", "staff"),
        ("concerned about a fellow volunteer and how he talks to the girls", "staff"),
        # C8's kinds: the writer speaks of the child in the third person and of their own setting
        ("I'm just a teaching assistant, what do I do", "staff"),  # role after "just"/"only"
        ("a yr 10 lad was passing round a pic of a girl from his form", "staff"),  # "his form"
        ("LAC at the unit hasn't come back since friday", "staff"),  # the care system's shorthand
        ("she's still here in the office, shaking", "staff"),  # the child is at the writer's setting
        ("lad (14) in our group said a man pays him to carry bags", "staff"),  # age in brackets
        ("we've made the misper report, do we tell anyone else", "staff"),
        ("should I hand the phone over to the DSL now", "staff"),
        ("our placement has been staying out late and won't say where", "parent_carer"),
        ("she got back from contact with her dad and went straight to her room", "parent_carer"),
        ("i can't get hold of her social worker till monday", "parent_carer"),
        ("my lad's 12 and someone online keeps asking him for pics", "parent_carer"),
        # B15: school staff who are not teachers, the role opening the message
        ("Lunchtime supervisor at a junior school. A girl in year 4 said something worrying", "staff"),
        ("midday supervisor here, a boy told me his stepdad locks him out", "staff"),
    ],
)
def test_a_trusted_adult_is_recognised_from_how_they_write(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "my teacher keeps messaging me at night",  # a young person about their teacher
        "a teacher at my school messages me",
        "teacher at my school keeps touching my arm",
        "a youth worker at the club touches me",
        "my coach is kinda weird with me",
        "a girl in my class used to self harm",  # about a classmate
        "a boy in my class got me to send a photo",
        "my mum's boyfriend hits me",  # family words a young person uses
        "my dad is outside to pick me up",
        "our head of year is nice, should i tell her",  # pupils speak of "our" staff too
        "my mum took my phone off me for the night",
        "what do you do if your friend tells you something bad",
        "my 16 year old brother keeps hitting me",  # a sibling named by age
        "a year 9 told me a rumour about me",
        "i volunteer at a charity shop and my manager touches me",
        "my social worker is nice but i dont want to tell her",
        "sw london innit",  # a postcode area, not a social worker
        "i told my teacher yesterday and now theres a meeting",
        # C7's look-alikes: a young person about staff, a peer, their own phone or their club
        "i told a teacher once and she just said ignore it",
        "theres a leader at my youth club who drives me home",
        "a girl in year 10 told me she got touched",  # a peer, not "a year 10 pupil"
        "a year 8 boy told me he has my pics",
        "a student said i was easy in front of everyone",
        "sir confiscated my phone and saw my messages",
        "another coach at our club keeps looking at me",
        "im worried about my coach",
        "a lad at the centre keeps messaging me",
        "i came in for the morning after pill and the nurse was nice",
        # C8's look-alikes: a young person about a friend, a sibling, their own carer or placement
        "a boy in my class sent round a pic of a girl in his form",  # no year group first
        "im just a kid, what am i meant to do",
        "im in care and my placement is rubbish",  # their own placement
        "i came back from contact and my foster carer shouted at me",  # their own contact
        "my friend (15) says her bf is 20",  # a friend with an age in brackets
        "he's still here at the party and i want to go home",  # not a setting of the writer's
        "should i tell her social worker what she told me",  # a friend's social worker, "tell"
        "my lad is 16 and he wants me to send pics",  # a boyfriend: "my lad" over 13
        "she reported him missing to the police",
        # B22's kind the other way: a pupil about their own or a friend's work
        "all of year 10 handed in our coursework today and i didnt finish mine",
        "my mate in year 9 handed in his homework with my answers copied",
    ],
)
def test_a_young_person_writing_about_an_adult_is_not_taken_for_one(text):
    assert speaker_of(text) is None


@pytest.mark.parametrize(
    "texts,situation",
    [
        (["they want £200 or they'll send it to everyone"], "sextortion"),
        (["someone has a naked picture of him and is demanding £500"], "sextortion"),
        (["if i dont send more hes gonna post the old ones"], "sextortion"),
        (["he wants £20 for the ticket"], GENERAL),
        (["a pupil told me she was raped last night"], "recent_assault"),
        (["a colleague keeps messaging a year 10 student"], "staff_allegation"),
        (["another volunteer offers the kids lifts"], "staff_allegation"),
        (["a parent says the minibus driver kissed her son"], "staff_allegation"),
        (["should i screenshot it as evidence?"], "image_nudes"),
        (["she says her boyfriend is 24"], "exploitation"),
        (["boys keep grabbing girls' bra straps"], "harassment"),
        (["one of my lads told me his uncle touches him"], "disclosure"),
        (["who do I call?", "a colleague messages a pupil"], "staff_allegation"),  # kept from before
        (["hello"], GENERAL),
        (["some man keeps begging my son to send him pictures"], "image_nudes"),
        (["a grown woman has been DMing my 13 year old"], "exploitation"),
        (["can you send me the pictures from sports day"], GENERAL),
        # C8: a colleague named by subject contacting a child, with screenshots: not a picture case
        (["a parent showed me screenshots, one of our music staff snapchatting her son"], "staff_allegation"),
        (["a year 9 boy has screenshots of a nude of a girl"], "image_nudes"),
        # C15's kinds, in our own words: marks seen in care; a child's own words quoted
        (["changing him after swimming I saw red marks round his bottom"], "disclosure"),
        (["she said 'he makes me do sex stuff when mum's out'"], "disclosure"),
        (["he bruised his knee at football"], GENERAL),  # a body mark that is not intimate
        # C13's and C15's kind, in our own words: a fostering household; a teacher at a school
        (["she told me the last foster carer's boyfriend used to touch her"], "staff_allegation"),
        (["in his previous placement something happened at night, he says"], "staff_allegation"),
        (["my daughter said a coach at her old club groped her in the minibus"], "staff_allegation"),
        (["my son's carer is lovely with him"], GENERAL),
    ],
)
def test_the_situation_is_read_from_the_newest_message_that_shows_one(texts, situation):
    assert situation_of(texts) == situation


def test_the_shipped_patterns_load_and_name_every_speaker_and_situation(repo):
    patterns = load_patterns(repo / "data" / "conversation" / "trusted_adults.yml")
    # forced marriage is read from data/conversation/forced_marriage.yml, shared with young people
    assert set(patterns.speakers) == set(SPEAKERS)
    assert set(patterns.situations) | {FORCED_MARRIAGE} == set(SITUATIONS)


def test_a_broken_pattern_file_is_refused_with_the_key_named(tmp_path):
    bad = tmp_path / "t.yml"
    bad.write_text('speakers: {staff: ["(unclosed"], parent_carer: ["x"]}\nsituations: {}\n')
    with pytest.raises(ValueError, match="speakers.staff|situations"):
        load_patterns(bad)


def test_staff_guidance_says_never_to_copy_a_nude_and_names_the_lado_for_staff(domain_yaml, directory):
    nudes = fill_message(domain_yaml["responses"]["utter_staff_image_nudes"][0], directory)["text"]
    assert "Don't view, copy, screenshot" in nudes and "UKCIS" in nudes and "11 Mar 2024" in nudes
    allegation = fill_message(domain_yaml["responses"]["utter_staff_staff_allegation"][0], directory)["text"]
    assert "LADO" in allegation and "Keeping children safe in education" in allegation


def test_sextortion_advice_says_dont_pay_and_names_report_remove_and_ceop(domain_yaml, directory):
    for name in ("utter_parent_sextortion", "utter_staff_sextortion"):
        text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
        assert "pay" in text and "Report Remove" in text and "CEOP" in text, name


def test_guidance_documents_are_never_offered_as_people_who_can_help(directory):
    guidance = {"ukcis_sharing_nudes", "kcsie", "nca_sextortion_advice"}
    for topic in ("staff_advice", "image_abuse", "grooming", None):
        for audience in ("staff", "parent_carer", "young_person"):
            offered = {
                o.service.id for o in select_services(directory, Situation(topic=topic, audience=audience))
            }
            assert not offered & guidance, (topic, audience)


def test_a_broken_edit_of_the_patterns_keeps_the_last_good_ones(tmp_path, repo):
    from bot.safety.reloading import ReloadingLexicon

    path = tmp_path / "trusted_adults.yml"
    path.write_text((repo / "data" / "conversation" / "trusted_adults.yml").read_text())
    now = [0.0]
    reloader = ReloadingLexicon(
        tmp_path, clock=lambda: now[0], loader=lambda _: load_patterns(path), refused=(ValueError,)
    )
    good = reloader.current()
    path.write_text("speakers: {}\n")
    now[0] = 5.0
    assert reloader.current() is good


@pytest.mark.parametrize(
    "text",
    [
        # C9's kind: a volunteer at a club outside school, by what they run or who they coach with
        "we're all volunteers, I help coach the under-11s on sundays",
        "I manage a u15s netball team in Lewisham",
        "i help out with a girls' cricket squad at weekends",
        "two of our other volunteers saw him give her a lift",
    ],
)
def test_c9_a_club_volunteer_is_recognised_as_staff(text):
    assert speaker_of(text) == "staff"


@pytest.mark.parametrize(
    "text",
    [
        # young people at a club: their team, their coach, training
        "i play in the under 15s team and the coach is weird",
        "one of the other coaches at training keeps staring at me",
        "after training he drove me home on my own",
        "i go to a club on saturdays and the manager messages me",
    ],
)
def test_c9_a_player_writing_about_their_club_is_not_taken_for_staff(text):
    assert speaker_of(text) is None


def test_c9_a_fellow_coach_is_a_staff_allegation():
    assert situation_of(["two of our other coaches keep DMing the players"]) == "staff_allegation"


@pytest.mark.parametrize(
    "texts,lead",
    [
        (["Deputy DSL here, a year 8 has just told me something"], True),
        (["hi", "I'm the designated safeguarding lead at a primary"], True),  # said earlier
        (["as the club welfare officer, what do I do with this"], True),
        # look-alikes: staff who are not the lead, the lead named by others, a pupil about the DSL
        (["I'm not the DSL, just her tutor"], False),
        (["our DSL is off today"], False),
        (["should i tell the safeguarding lead at school"], False),
        (["the DSL here is really nice"], False),
    ],
)
def test_c9_the_safeguarding_lead_is_recognised_when_they_say_so(texts, lead):
    from bot.conversation.trusted_adults import writes_as_lead

    assert writes_as_lead(texts) is lead


@pytest.mark.parametrize(
    "text,situation",
    [
        # C9: days, not months, are still a recent assault
        ("a girl in year 11 says she was raped 3 days ago at a party", "recent_assault"),
        ("she was sexually assaulted last friday walking home", "recent_assault"),
        ("he told me he was raped when he was nine", "disclosure"),  # years ago: not recent
    ],
)
def test_c9_an_assault_days_ago_is_recent(text, situation):
    assert situation_of([text]) == situation


@pytest.mark.parametrize(
    "text,speaker",
    [
        # C10's kinds: health staff shown by their clinic and their work
        ("sexual health clinic query - 14 yo in for the pill, older partner", "staff"),
        ("had a lad in clinic this week who I'm worried about", "staff"),
        ("at our clinic we saw a year 10 who wants the coil fitted", "staff"),
        ("patient asking for emergency contraception, says he's 25", "staff"),
        ("she's gillick competent but she's only 13", "staff"),
        ("gillick competence is fine I reckon, the relationship isn't", "staff"),
        ("should we refer even though she'll stop attending", "staff"),
        ("her family are not known to children's services", "staff"),
        ("practice nurse here, a teenager said something odd", "staff"),
        # support staff and carers who name a role without an article, or a child in their care
        ("i'm just lunchtime staff but a girl said something to me", "staff"),
        ("I work as a support worker at a care home for teens", "staff"),
        ("I support a 12 year old with autism at home visits", "staff"),
        ("two children in our care have gone missing again", "staff"),
        # a pupil who showed the writer something, the writer's form by year, the DSL unreachable
        ("one pupil showed me a video in registration", "staff"),
        ("something's happened in my year 8 tutor group", "staff"),
        ("the head's mobile went straight to voicemail and it's the weekend", "staff"),
        # an adult looking after a disabled child, no role named: the child's care and signing
        ("since her overnight respite she won't let anyone near her", "staff"),
        ("he's completely non-verbal and he kept signing 'no'", "staff"),
        ("she communicates with her talker and she typed 'hurt'", "staff"),
        ("when we help her with personal care she flinches now", "staff"),
        # a parent telling of their child's disclosure
        ("our youngest came out with something awful tonight", "parent_carer"),
        ("at bedtime she said the babysitter does secret games", "parent_carer"),
    ],
)
def test_c10_an_adult_is_recognised_from_their_situation(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # young people's own words about clinics, competence, referrals and disabled siblings
        "i went to the clinic today to get the implant",
        "am i gillick competent if im 14",
        "what does gillick competence mean",
        "can i refer myself to camhs",
        "i'm 15 and i asked the nurse for the pill",
        "my little brother is non verbal and someone hurt him",
        "my sister uses makaton and she signed 'man' at me",
        "after my brother's respite weekend he was crying",
        "a boy in my form showed me a video",
        "our eldest brother is scary",
        "someone in my year sent it to me",
        "i'm a young carer for my mum",
    ],
)
def test_c10_a_young_persons_own_words_stay_a_young_persons(text):
    assert speaker_of(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "we think it might be the agency carer who does nights",
        "his dad suspects the taxi driver who takes him to school",
    ],
)
def test_c10_someone_in_the_childs_care_or_transport_is_a_staff_allegation(text):
    assert situation_of([text]) == "staff_allegation"


def test_c10_care_patterns_name_a_known_speaker(tmp_path, repo):
    import yaml

    data = yaml.safe_load((repo / "data" / "conversation" / "trusted_adults.yml").read_text(encoding="utf-8"))
    data["shown_by_care"]["pupil"] = ["x"]
    path = tmp_path / "trusted_adults.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="shown_by_care.pupil"):
        load_patterns(path)


# the gate's C9 and C10 (issue 13): a concern about the people caring for a child, told by what
# was seen, not as "an allegation": the LADO's route


@pytest.mark.parametrize(
    "text",
    [
        # a colleague named by their post in the school, crossing a boundary with a pupil
        "the assistant head has been giving a year 10 boy lifts home after rehearsals",
        "our drama teacher follows one of the girls on snapchat and likes all her posts",
        "I keep seeing the site manager alone with a year 8 in the boiler room",
        "her form tutor has been DMing her late at night",
        # a child back from a setting's care, hurt or frightened
        "since her overnight short break she has had marks on her back",
        "he came back from the residential terrified and wouldn't get changed in front of anyone",
    ],
)
def test_gate_c9_c10_a_concern_about_a_childs_carers_is_a_staff_allegation(text):
    assert situation_of([text]) == "staff_allegation"


@pytest.mark.parametrize(
    "text",
    [
        "our head of year is off until Thursday",
        "the science teacher said to ignore it",
        "after nursery he was tired and grumpy",
        "since his respite started he sleeps better",
        "the form tutor messaged the parents about homework",
    ],
)
def test_gate_c9_c10_staff_named_or_respite_mentioned_alone_is_no_allegation(text):
    assert situation_of([text]) != "staff_allegation"


# ---- C11's first run: a school nurse and a church volunteer answered as the victim ----
@pytest.mark.parametrize(
    "text",
    [
        "14yo keeps asking us about the implant, her partner is 19",
        "had a 15 year old asking me for condoms today",
        "he's due back in clinic on monday",
        "i volunteer at a bible club on saturdays and one of the helpers worries me",
        "I teach at our sunday school and something about a dad there bothers me",
        "we help run a youth group at the mosque",
    ],
)
def test_c11_health_staff_and_faith_volunteers_are_recognised_as_staff(text):
    assert speaker_of(text) == "staff"


@pytest.mark.parametrize(
    "text",
    [
        "my mate is 14 and keeps asking me about the pill",
        "i go to sunday school and one of the helpers is creepy",
        "im back in clinic next week for my asthma",
        "i sing in the church choir and the leader hugs me",
    ],
)
def test_c11_a_young_persons_look_alikes_stay_a_young_persons(text):
    assert speaker_of(text) is None


def test_c11_a_fellow_volunteer_at_church_is_a_staff_allegation():
    assert situation_of(["I lead a church youth group and I'm uneasy about another volunteer"]) == (
        "staff_allegation"
    )


# ---- C12's first run: adults shown only by how they speak of the child got a victim's line ----
@pytest.mark.parametrize(
    "text",
    [
        "a year 8 lad in my tutor group said something worrying about his stepdad this morning",
        "A year 11 student has disclosed that her brother hits her",
        "the headteacher's on a course until friday and a boy has told me about his uncle",
        "two of our 13-year-olds came to me about a man at the bus stop",
        "one of my year 10s seems scared of going home",
        "We're running a sexual health clinic at the school today, a girl there worries me",
        "a 14 yo has come in asking for the morning after pill, she says he's 22",
        "should we send him home? he's on duty period 3",
        "I'm agency staff so not sure of the process",
        "my tutee told me something about her mum's boyfriend",
        "my player hasn't been himself since the away trip",
    ],
)
def test_c12_adults_shown_by_how_they_speak_of_the_child_are_staff(text):
    assert speaker_of(text) == "staff"


@pytest.mark.parametrize(
    "text",
    [
        "the girl we look after has come back from her dad's with bruises",
        "we foster two teenagers and one of them is getting texts from an older man",
    ],
)
def test_c12_a_child_the_writer_fosters_shows_a_carer(text):
    assert speaker_of(text) == "parent_carer"


@pytest.mark.parametrize(
    "text",
    [
        "a girl in my form told me her uncle does stuff to her",
        "im in year 9 and a boy in my class said he'd share my pics",
        "the head is off today so nobody can help me",
        "one of our teachers keeps messaging me",
        "my player got banned on fortnite and a guy online says he can unban it if i send pics",
        "my friend is 15 and has asked about the pill",
        "i'm running a bit late for school because of him",
        "we foster kittens lol but thats not why im here",
    ],
)
def test_c12_a_young_persons_look_alikes_stay_a_young_persons(text):
    assert speaker_of(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "a year 8 girl says the music teacher touched her leg in a lesson",
        "one of the drama coaches grabbed a boy by the neck at rehearsal",
    ],
)
def test_c12_a_colleague_named_by_subject_who_touched_a_child_is_a_staff_allegation(text):
    assert situation_of([text]) == "staff_allegation"


# ---- C13's first run: a coach, a youth volunteer and a faith volunteer answered as the victim ----
@pytest.mark.parametrize(
    "text",
    [
        "one of my swimmers (13) said something on the poolside that worried me",
        "two of my cadets have told me about an older lad at the base",
        "another of my boxers has said the new sparring partner messages her",
        "one of my dancers seems frightened of her lift home",
        "i help out at youth club on tuesdays and a girl told me her uncle scares her",
        "I volunteer with the children's church and one of the kids said something odd",
        "I help at the gurdwara with the kids' punjabi class and a boy mentioned a man there",
        "our parish safeguarding officer hasn't replied to my email",
        "Two of the girls (14) said a man at the bus stop keeps filming them",
    ],
)
def test_c13_a_club_or_faith_volunteer_is_recognised_as_staff(text):
    assert speaker_of(text) == "staff"


@pytest.mark.parametrize(
    "text",
    [
        "one of my boxers has a hole in it lol",
        "one of my boxers ripped at pe and everyone laughed",
        "i help with the kids at home because mum works nights",
        "i go to youth on fridays and the leader keeps texting me",
        "i help out at the mosque with my dad and a man there stares at me",
        "im a youth offending case and my worker is nice",
        "one of the dancers in my group said the teacher touched her",
    ],
)
def test_c13_a_young_persons_look_alikes_stay_a_young_persons(text):
    assert speaker_of(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "lad from the gym said a man at a house party on friday night forced himself on him",
        "she told me a man forced sex on her two days ago",
        "last weekend an older boy forced her to do sexual things",
    ],
)
def test_c13_forced_sex_days_ago_is_a_recent_assault(text):
    assert situation_of([text]) == "recent_assault"


def test_c13_abuse_placed_years_back_is_not_recent_though_told_today():
    text = "she told me today that her stepbrother raped her when she was 10"
    assert situation_of([text]) == "disclosure"


@pytest.mark.parametrize(
    "text",
    [
        "she says her uncle made her do stuff in his car",
        "he told his key worker a man did things to him at the swimming baths",
        "on his communication board he pressed 'man', then 'sore' and pointed between his legs",
        "she's started showing sexualised behaviour with the dolls this term",
        "he's been doing sexual stuff in the playground that's new for him",
        "the man put his hand up her skirt on the bus",
    ],
)
def test_c13_a_disclosure_told_indirectly_or_without_words_is_read(text):
    assert situation_of([text]) == "disclosure"


@pytest.mark.parametrize(
    "text",
    [
        "our youth leader gives her lifts home and messages her at midnight",
        "the imam keeps texting him late at night",
        "the scout leader had his hand on the boy's knee in the minibus",
        "she showed me snaps from one of our volunteers telling her she's pretty",
    ],
)
def test_c13_a_faith_or_club_leader_crossing_a_boundary_is_a_staff_allegation(text):
    assert situation_of([text]) == "staff_allegation"


@pytest.mark.parametrize(
    "opener",
    [
        "a girl in my netball squad told me something tonight and I don't know what to do",
        "I'd like some advice about a disclosure please",
        "can a child with no speech even make a disclosure?",
    ],
)
def test_c13_an_opener_shows_no_situation_so_the_telling_after_gets_its_own(opener):
    assert situation_of([opener]) == GENERAL
    telling = "she said her step-dad hits her when her mum is at work"
    assert situation_of([telling, opener]) == "disclosure"


def test_c13_what_is_told_with_the_opener_still_shows_its_situation():
    assert situation_of(["a boy told me something about his coach touching him"]) != GENERAL


@pytest.mark.parametrize("name", ["utter_parent_general", "utter_parent_disclosure"])
def test_c13_a_parents_guidance_names_routes_open_at_night_before_the_daytime_helpline(
    name, domain_yaml, directory
):
    # C13: a foster carer on a Friday evening got the NSPCC Helpline marked "closed now" as the only
    # route: the police non-emergency line (24 hours) and children's services' out-of-hours numbers
    # come before it
    text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
    assert "out-of-hours" in text or "out of hours" in text
    assert text.index("101") < text.index("NSPCC Helpline")


@pytest.mark.parametrize(
    "text",
    [
        # C14's kinds in our own words: a school nurse's case notes, professional terms, a child
        # named by age as someone who told the writer
        "16yo male, came in for an sti screen, older partner picks him up",
        "quick query, anonymised: a student has told me about her stepbrother",
        "at the club one 13 year old girl told me the coach messages her at night",
    ],
)
def test_c14_a_nurses_notes_or_a_child_who_told_the_writer_shows_an_adult(text):
    assert speaker_of(text) == "staff"


@pytest.mark.parametrize(
    "text",
    [
        "im 15 and my boyfriend is 24 is that ok",
        "can i stay anonymous if i report it",
        "my friend is 14 and she told me her uncle touches her",
        "a 15 year old boy keeps messaging me",
    ],
)
def test_c14_a_young_persons_look_alikes_stay_a_young_persons(text):
    assert speaker_of(text) is None


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("I'm a Year 9 form tutor. One of my tutees told me something this morning", "staff"),
        ("im the yr 11 head of year and a student came to me at lunch", "staff"),
    ],
)
def test_c15_a_school_year_inside_the_role_shows_an_adult(text, speaker):
    # C15: "I'm a Year 9 form tutor" was not recognised, so her question was answered with the
    # young person's "You're not being dramatic" once the danger check no longer came first
    assert speaker_of(text) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "im in year 9 and my form tutor keeps messaging me",
        "i'm a year 9 and my tutor said something weird",
        "im a year 10 girl and a teacher keeps staring at me",
    ],
)
def test_c15_a_young_persons_school_year_stays_a_young_persons(text):
    assert speaker_of(text) is None


@pytest.mark.parametrize(
    "text,speaker",
    [
        # C16's kinds, in our own words: an adult who says they are not the parent but family; a
        # question about what happened to "a child"; a grown man messaging children by age
        ("I'm not their mum, I'm their grandma, she lives with me", "parent_carer"),
        ("how long do you have to report abuse that happened to a child in the 90s", "parent_carer"),
        ("a grown man keeps messaging 12 year olds from our club on insta", "staff"),
        # look-alikes: a young person's own words
        ("im not a mum im only 15 lol", None),
        ("a grown man keeps messaging me and im 12", None),
        ("is there a time limit on reporting something that happened to me as a child", None),
    ],
)
def test_c16_adults_who_name_no_role_are_recognised(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize(
    "text,speaker",
    [
        # C17's kinds, in our own words: an adult who relays what a young child said, before any
        # role is named (answered "You're not being dramatic" and "I believe you ... not your
        # fault" with the age buttons, then the Havens "if you are 13 or over")
        ("hello, a child said something odd to me at breakfast club and it's bothering me", "staff"),
        ("one of the little ones whispered something to me during nap time", "staff"),
        ("a little girl in my group mentioned to me that her stepdad hurts her", "staff"),
        ("a reception child told me something about his uncle", "staff"),
        ("A year 4 boy came up to me in the playground and said a man touches him", "staff"),
        ("a yr 3 pupil has told me her big cousin shows her videos", "staff"),
        ("the concern is about our headteacher, where do I go", "staff"),
        ("I have an allegation about the deputy head", "staff"),
        ("im on a supply contract so I don't know the procedures here", "staff"),
        ("I'm an ECT and I don't know who to go to", "staff"),
        ("one of the children in my room said something upsetting to me", "staff"),
        ("a pupil mentioned something to me that didn't sit right", "staff"),
        ("a boy in year 3 told the class his uncle does rude things", "staff"),
        # look-alikes a young person writes: a peer, a sibling, their own year; "a kid", "a girl"
        ("a kid said something to me on the bus and i cant stop thinking about it", None),
        ("a girl in my class told me her dad hits her", None),
        ("a year 9 girl told me today that a sixth former touched her", None),
        ("im in year 7 and a year 6 boy told me his brother touches him", None),
        ("my little brother is 6 and he said something weird to me", None),
        ("a student said something to me in the corridor and it made me feel gross", None),
        ("one of the kids in my year said something to me about my body", None),
        ("a girl in year 11 said she saw it happen", None),
        ("what if its the headteacher doing it", None),
        ("my concern is about my form tutor", None),
        ("the head keeps making me come to his office", None),
    ],
)
def test_c17_an_adult_relaying_a_childs_words_is_recognised_before_any_victim_line(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize(
    "texts,situation",
    [
        # C17's kinds in our own words: the head (or another post in school) keeping a child back
        # alone or touching them is an allegation about staff, not a young person's assault
        (["a year 5 boy says the deputy head takes him to his office alone every week"], "staff_allegation"),
        (["she said the headteacher strokes her hair and sits really close in reading"], "staff_allegation"),
        (["the concern is about the DSL himself"], "staff_allegation"),
        (["our head of year keeps one of the girls behind in his classroom at lunch"], "staff_allegation"),
        # and not when the head is only who the adult told
        (["I told the head of year and she said her uncle touched her"], "disclosure"),
        # a young child's words about a secret or tickle game, or having to do it back
        (["he drew a picture and said it's the tickle game with his mum's friend"], "disclosure"),
        (["she said she has to do it back to him and that it's their secret"], "disclosure"),
    ],
)
def test_c17_the_head_keeping_a_child_back_or_a_secret_game_shows_its_situation(texts, situation):
    assert situation_of(texts) == situation


# ---- C17: the writer's own child is the one accused (harmful_behaviour) -----------------------


@pytest.mark.parametrize(
    "texts",
    [
        ["the school called, they say our boy has shown HSB on a residential trip"],
        ["got a letter home saying there'd been harmful sexual behaviour involving my stepson"],
        ["my 15 year old has been suspended for groping a year 10 in the lunch queue"],
        ["my daughter's been reported for sending round a picture of another girl"],
        ["our eldest was arrested yesterday for sexually assaulting someone at a party"],
        # what the other child says he did, told after: still the accused child's situation
        [
            "a girl in his tutor group says he touched her under the table and sent her nudes",
            "my lad's school rang about harmful sexual behaviour",
        ],
        ["the girl says he raped her last night", "my son has been accused of sexual assault"],
    ],
)
def test_c17_a_parent_whose_own_child_is_accused_has_that_situation(texts):
    assert situation_of(texts) == "harmful_behaviour"


@pytest.mark.parametrize(
    "texts,situation",
    [
        # look-alikes: the writer's child was the one harmed, or the words are a young person's
        (["my daughter was the victim of harmful sexual behaviour at school"], "general"),
        (["my son reported a boy for touching him in the changing rooms"], "disclosure"),
        (["a boy in her year keeps grabbing my daughter at the bus stop"], "harassment"),
        (["we did harmful sexual behaviour in pshe today"], "general"),
        (["a lad in my year got excluded for groping girls"], "harassment"),
        # the accused child's situation does not hold over a new kind of harm to their own child
        (
            [
                "someone is threatening to post his pics unless he pays £100",
                "my son has been accused of sharing nudes",
            ],
            "sextortion",
        ),
    ],
)
def test_c17_look_alikes_of_an_accused_childs_parent_keep_their_situation(texts, situation):
    assert situation_of(texts) == situation


# C21's first run: a grandmother who said so in her first message was answered as the one harmed
@pytest.mark.parametrize(
    "text",
    [
        "Salaam, I am a grandmother and my English is not good",
        "im her nan, she's 9",
        "I'm an auntie to a 13 year old girl and I'm worried",
        "i am his grandad, he lives with us",
    ],
)
def test_c21_a_grandparent_aunt_or_uncle_saying_so_is_an_adult(text):
    assert speaker_of(text) == "parent_carer"


@pytest.mark.parametrize(
    "text",
    ["my nan is so strict", "i am the uncle's favourite lol", "im staying at my aunties this week"],
)
def test_c21_a_young_person_naming_a_grandparent_or_aunt_is_not_one(text):
    assert speaker_of(text) is None


def test_staff_role_reads_the_lead_first_then_an_employer_and_nothing_for_other_speakers():
    from bot.conversation.trusted_adults import staff_role

    employer = "I own a cafe and one of my waitresses is 16"
    assert staff_role("staff", [employer]) == (False, True)
    assert staff_role("staff", ["DSL here", employer]) == (True, False)
    assert staff_role("parent_carer", [employer]) == (False, False)
    assert staff_role(None, ["DSL here"]) == (False, False)

#!/usr/bin/env python3
"""Build danger_answers.yml: replies to 'Are you in danger right now?'
(buttons: "Yes, I'm in danger" / "No, I'm safe right now" / "You misunderstood me").
Each tuple: (expect, lang, before, reply). Written from own knowledge."""
import yaml

K, S = "keep_urgent", "safe"

ITEMS = [
# ---- keep_urgent (28) ----
(K, "en", "someones been following me since the station", "yes"),
(K, "en", "theres a man banging on our door saying he knows im in", "Yes, I'm in danger"),
(K, "en", "guy from snap wont let me out of his car", "1"),
(K, "en", "dad is drunk with a knife in the kitchen", "999"),
(K, "en", "i think someone is outside my window", "idk"),
(K, "en", "a man in a car keeps circling the block im on", "not sure tbh, hes still in the car park"),
(K, "en", "im hiding in the bathroom at his flat", "cant talk"),
(K, "en", "my stepdad is shouting and throwing stuff", "hes coming up the stairs"),
(K, "en", "my ex keeps turning up at my house", "no im fine, hes just banging on the door again"),
(K, "en", "I'm a youth worker, one of my girls got into a car with older men", "I'm fine, but she's still in the car with them and not answering"),
(K, "en", "some boys said they're waiting for me after school", "You misunderstood me. Its worse, one of them has a knife and they're at the gate now"),
(K, "en", "this guy followed me into the shop", "yeah kinda"),
(K, "en", "they got my brother in the stairwell", "ye"),
(K, "en", "someone tried the door handle", "yh"),
(K, "en", "my mums boyfriend is back and hes not allowed here", "sort of? hes gone out but he said hell be back in 5 mins"),
(K, "en", "people from the trap house keep calling me", "maybe"),
(K, "en", "theres someone downstairs i can hear them", "shh"),
(K, "en", "im in a flat i dont know and the door is locked", "cant type much phone on 2%"),
(K, "en", "the man from the bus is outside my house", "no... well hes still outside"),
(K, "en", "they were chasing me and my brother", "im safe but my brother isnt, they caught him"),
(K, "en", "opps are outside the block", "ya bro"),
(K, "en", "hes got my phone password and says hes coming", "help"),
(K, "en", "smoke is coming under the door", "the fire is in the hallway now"),
(K, "en", "i just want everything to stop", "you misunderstood me, nobodys hurting me. im planning to end it tonight"),
(K, "pl", "ktoś idzie za mną od stacji", "tak, nadal idzie za mną"),
(K, "es", "mi padrastro tiene un cuchillo", "sí, estoy en peligro"),
(K, "ar", "في رجال برا الباب عم يدق", "ايه، لسا برا"),
(K, "ur-Latn", "koi mere peeche aa raha hai", "haan, bohat dar lag raha hai, wo abhi bhi peeche hai"),
# ---- safe (12) ----
(S, "en", "someone was following me from the station", "No, I'm safe right now"),
(S, "en", "a guy was banging on our door earlier", "2"),
(S, "en", "there was a man outside the chicken shop", "no im home now, mums here and the door is locked"),
(S, "en", "he stabbed him in the kitchen and there was blood everywhere", "it was just a film, you misunderstood"),
(S, "en", "they shot me in the head and i died", "you misunderstood me, it was in a game lol"),
(S, "en", "this older guy kept messaging me and wanted to meet", "nah im good, i blocked him ages ago and told my dad"),
(S, "en", "someone chased me after school", "safe now, im at my aunties eating pizza"),
(S, "en", "i got killed by a sniper on the bridge", "no i was talking about fortnite 😂"),
(S, "en", "my dad used to hit my mum", "Im fine thanks, that was years ago, hes not in our lives anymore"),
(S, "en", "a man grabbed my arm on the bus", "all good, the police came and took him, im at my nans with a cuppa"),
(S, "pl", "jakiś facet szedł za mną", "nie, jestem już bezpieczna w domu z mamą"),
(S, "fr", "des mecs m'attendaient en bas de l'immeuble", "non ça va, je suis chez moi avec ma mère, ils sont partis"),
]


def build():
    return [{"before": b, "reply": r, "expect": e} for (e, lg, b, r) in ITEMS]


if __name__ == "__main__":
    data = build()
    with open("danger_answers.yml", "w", encoding="utf-8") as f:
        yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False, width=1000)
    print("wrote", len(data), "items")

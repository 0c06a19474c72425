#!/usr/bin/env python3
import os
h = os.path.dirname(os.path.abspath(__file__))
rd = lambda f: open(os.path.join(h, f), encoding="utf-8").read().strip()
out = f"""# Held-out set b24 - writer README

- Start (UTC): {rd('start_time.txt')}
- Finish (UTC): {rd('finish_time.txt')}

## Sources

Everything here was written only from my own knowledge and imagination. I did not read, search or fetch any
other file, repository, web page or dataset. No other project files were opened. There are no helpline numbers;
the string "999" appears once (a young person asking whether to call it).

## Files

| file | what it is |
|---|---|
| gen.py | generator: all items written by hand as data; also holds `teller` (self / adult / other), which is not written to the YAML |
| urgent.yml | 180 first messages with text, level, kind, lang |
| danger_answers.yml | 40 replies to "Are you in danger right now?" with before, reply, expect |
| validate.py | reloads both YAML files, checks counts, keys, quotas, duplicates, non-English share, phone numbers, 999 count; prints tables |
| make_readme.py | writes this README from validate.py output |
| validate_output.md | last validate.py output |
| start_time.txt / finish_time.txt | `date -u` at start / end |

## Rebuild

```
cd /work/held/b24 && python3 gen.py && python3 validate.py > validate_output.md && python3 make_readme.py
```

## Notes on borderline labels

- Overdose or poison already swallowed is **medical**, even when the intent was suicidal ("i did it. took everything in the cupboard").
  A friend's paracetamol overdose from last night with "she feels fine now" is also medical (the harm is delayed).
- A self-harm wound that will not stop bleeding is **medical**. Regular cutting that is "not deep enough to need hospital" is **crisis**.
- Standing on a bridge or at the top of a multi-storey car park with no injury yet, goodbye letters, giving things away, saved-up pills
  not yet taken, a ligature found by a carer: all **crisis** (urges, plans, goodbyes with no medical emergency).
- Questions about means (paracetamol, insulin, sertraline, trains that don't stop, car parks without fences, rope strength, floor height)
  are **crisis** when they come with distress or behind "for a story / project / homework / a quiz / a friend".
- Forced travel tomorrow or today (forced marriage, FGM), "getting the belt when he wakes up", threats for tonight, and a
  father breaking a court order tonight are **emergency** (imminent), not crisis.
- **none** items use look-alike words ("dead", "kill", "overdosed on revision", "bridge", "hang the medals", "dad is outside to pick me up",
  "someone is outside... it's the pizza guy"), past events told calmly and resolved, and school/PSHE questions about safeguarding topics.
  One long none item has many such words on purpose.
- Jamaican Patois (jam) and Nigerian Pidgin (pcm) count as non-English in the share. Multicultural London English is tagged en.
- danger_answers: "I locked my door and police are on the way" is keep_urgent (he is still there). "im fine its fine dont call anyone pls"
  after a threat to kill is keep_urgent (not clearly safe). "no. but ive taken some pills" is keep_urgent (a new medical danger).
  safe is used only when the person is clearly away from the danger or the danger has ended (he left and they are at nan's, he is in prison,
  moved to a foster placement he doesn't know about, arrested, home with parents).

## validate.py output

{rd('validate_output.md')}
"""
open(os.path.join(h, "WRITER-README.md"), "w", encoding="utf-8").write(out)
print("README written")

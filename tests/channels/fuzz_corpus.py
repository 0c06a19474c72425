"""The fuzz corpus: hostile, odd and broken input, shared by the web and Telegram fuzz tests."""

from __future__ import annotations

ZW = "\u200b"  # zero-width space
ZWNJ, ZWJ, WJ, BOM = "\u200c", "\u200d", "\u2060", "\ufeff"
RLO, LRO, PDF = "\u202e", "\u202d", "\u202c"

# (id, typed text): whatever a person (or a script) could type into the chat box.
TEXTS: list[tuple[str, str]] = [
    ("empty", ""),
    ("whitespace_only", " \t\n  \r\n "),
    ("nbsp_only", "\u00a0\u2003\u3000"),
    ("zero_width_only", ZW * 5 + ZWJ + BOM),
    ("10000_chars", "a" * 10_000),
    ("10000_emoji", "\U0001f600" * 10_000),
    ("2000_emoji", "\U0001f62d" * 2000),
    ("flags_and_skin_tones", "\U0001f1ec\U0001f1e7\U0001f44d\U0001f3fd" * 50),
    ("nul_bytes", "hello\x00world\x00"),
    ("only_nul", "\x00\x00\x00"),
    ("control_chars", "".join(chr(c) for c in range(1, 32)) + "hi\x7f"),
    ("lone_surrogate_escape", "caf\u00e9 \\ud800 not a real surrogate"),
    ("direction_override", f"{RLO}hello there{PDF}"),
    ("direction_override_urgent", f"{RLO}i want to die{PDF}"),
    ("html_tags", "<b>bold</b> <i>x</i> <img src=x onerror=alert(1)>"),
    ("script_tag", "<script>alert('x')</script>"),
    ("script_tag_mixed_case", "<ScRiPt src=//evil.example/x.js></sCrIpT>"),
    ("html_entities", "&lt;script&gt; &amp; &#60;script&#62;"),
    ("markdown_link", "[click me](https://evil.example/phish)"),
    ("markdown_javascript_link", "[help](javascript:alert(document.cookie))"),
    ("javascript_url", "javascript:alert(1)"),
    ("data_url", "data:text/html,<script>alert(1)</script>"),
    ("markdown_formatting", "**bold** _it_ `code` ```block``` # heading > quote"),
    ("slash_restart", "/restart"),
    ("slash_intent_injection", "/report_immediate_danger"),
    ("slash_intent_with_entities", '/inform_age{"age_band": "18_plus"}'),
    ("slash_urgent_danger", "/urgent_danger"),
    ("slash_greet", "/greet"),
    ("slash_only", "/"),
    ("many_slashes", "////"),
    ("slash_session_start", "/session_start"),
    ("json_looking", '{"sender": "someone-else", "message": "/restart"}'),
    ("json_array_looking", '[{"recipient_id": "x", "text": "<script>"}]'),
    ("template_looking", "{{emergency}} [[childline]] ${jndi:ldap://x} %s %n"),
    ("sql_looking", "'; DROP TABLE events; --"),
    ("path_looking", "../../etc/passwd"),
    ("crlf_injection", "hi\r\nSet-Cookie: x=1\r\n\r\n"),
    ("full_postcode", "i live at SW1A 1AA"),
]

# Urgent phrases with invisible characters inside: the safety net must still fire "emergency"
# on the text the gateway forwards (bot.safety.normalise drops these characters).
URGENT_INVISIBLE: list[tuple[str, str]] = [
    ("zwsp_outside_my_house", f"he{ZW}s out{ZW}side my ho{ZW}use"),
    ("zwj_zwnj_outside", f"hes outsi{ZWJ}de my h{ZWNJ}ouse"),
    ("word_joiner_in_danger", f"i{WJ}m in dan{WJ}ger"),
    ("bom_in_danger", f"{BOM}im in {BOM}danger{BOM}"),
    ("zwsp_knife", f"someone has a kn{ZW}ife"),
    ("rlo_and_zwsp_in_danger", f"{RLO}im in d{ZW}anger{PDF}"),
    ("soft_hyphen_in_danger", "im in dan\u00adger"),
]

"""The human words for the values fraudwatch stores: verdicts, categories, review states,
audit actions, site and letter statuses, search fields, fingerprint kinds, browser resource types.

The values themselves are declared by their owners (classifiers.verdict, store.vocabulary,
takedown.letters, fraudwatch.networks); this module only names them for people, in English
msgids that `fraudwatch.i18n` translates. tests/test_words.py fails when an owner gains a
value that has no name here.
"""

from __future__ import annotations

from fraudwatch.i18n import N_, _

# kind -> value -> English words (distinct where a language may need different words)
WORDS: dict[str, dict[str, str]] = {
    "verdict": {"illegal": N_("illegal"), "suspicious": N_("suspicious"),
                "clean": N_("no signs found"), "licensed": N_("licensed")},
    "category": {"casino": N_("casino"), "loan": N_("loan"), "pyramid": N_("pyramid"),
                 "legit": N_("legitimate")},
    "review_state": {"new": N_("not reviewed"), "confirmed": N_("confirmed"),
                     "rejected": N_("rejected"), "needs_info": N_("needs information"),
                     "delisted": N_("delisted")},
    "action": {"confirm": N_("confirm"), "reject": N_("reject"),
               "needs_info": N_("ask for information"), "appeal": N_("appeal"),
               "delist": N_("delist"), "comment": N_("comment"),
               "mirror_alert": N_("new mirror of a confirmed site"),
               "letter_draft": N_("letter drafted"), "letter_sent": N_("letter sent"),
               "letter_acknowledged": N_("letter acknowledged"), "blocked": N_("site blocked"),
               "verified_live": N_("re-check: still reachable"),
               "verified_moved": N_("re-check: moved elsewhere"),
               "verified_down": N_("re-check: down"),
               "model_trained": N_("model version trained"),
               "model_promoted": N_("model version promoted"),
               "model_rolled_back": N_("model rolled back"),
               "model_shadow": N_("model version set to run in shadow"),
               "reclassified": N_("new model disagrees with the review")},
    "status": {"live": N_("live"), "down": N_("down"), "parked": N_("parked"),
               "blocked": N_("blocked"), "error": N_("fetch error")},
    "letter_type": {"blocking": N_("blocking request"),
                    "abuse_registrar": N_("abuse notice to the registrar"),
                    "abuse_hosting": N_("abuse notice to the host"),
                    "delisting": N_("delisting request")},
    "letter_status": {"draft": N_("draft"), "sent": N_("sent"),
                      "acknowledged": N_("acknowledged"), "blocked": N_("blocked")},
    "field": {"category": N_("Category"), "verdict": N_("Verdict"),
              "review_state": N_("Review state"), "tld": N_("Domain zone"),
              "lang": N_("Language"), "status": N_("Status"), "registrar": N_("Registrar"),
              "hosting": N_("Hosting"), "domain": N_("Domain"), "sign": N_("Sign"),
              "ip": N_("IP address"), "html_sha256": N_("page content"),
              "final_url": N_("final address"), "title": N_("title"),
              "since": N_("Last seen from"), "until": N_("Last seen to"), "page": N_("Page"),
              "size": N_("Results per page"), "score": N_("Score"),
              "first_seen": N_("First seen"), "last_seen": N_("Last seen"),
              "network_id": N_("Network")},
    "sort": {"relevance": N_("relevance"), "last_seen": N_("last seen, oldest first"),
             "-last_seen": N_("last seen, newest first"), "score": N_("score, lowest first"),
             "-score": N_("score, highest first"), "domain": N_("domain A–Z")},
    "fingerprint": {"btc": N_("Bitcoin wallet"), "eth": N_("Ethereum wallet"),
                    "tron": N_("Tron wallet"), "telegram": N_("Telegram account"),
                    "ym": N_("Yandex Metrica id"), "link_target": N_("same link target"),
                    "ga": N_("Google Analytics id"), "gtm": N_("Google Tag Manager id"),
                    "fbpixel": N_("Facebook pixel"), "phone": N_("phone number"),
                    "email": N_("e-mail address"), "template": N_("same page template"),
                    "favicon": N_("same icon"), "ns": N_("name servers"),
                    "ip": N_("IP address")},
    "stage": {"detected": N_("detected"), "confirmed": N_("confirmed"),
              "letter sent": N_("letter sent"), "blocked": N_("blocked"),
              "reappeared": N_("came back after the block")},
    "render": {"static": N_("plain fetch"), "desktop": N_("desktop browser"),
               "mobile": N_("mobile browser")},
    "resource": {"document": N_("page"), "stylesheet": N_("style sheet"), "image": N_("image"),
                 "media": N_("audio or video"), "font": N_("font"), "script": N_("script"),
                 "texttrack": N_("subtitles"), "xhr": N_("data request (XHR)"),
                 "fetch": N_("data request (fetch)"), "eventsource": N_("event stream"),
                 "websocket": N_("WebSocket"), "manifest": N_("web app manifest"),
                 "other": N_("other")},
    "role": {"viewer": N_("viewer"), "analyst": N_("analyst"), "supervisor": N_("supervisor"),
             "admin": N_("administrator")},
    "language": {"kk": N_("Kazakh"), "ru": N_("Russian"), "en": N_("English"),
                 "uk": N_("Ukrainian"), "ky": N_("Kyrgyz"), "uz": N_("Uzbek"),
                 "tk": N_("Turkmen"), "tr": N_("Turkish"), "es": N_("Spanish"),
                 "pt": N_("Portuguese"), "de": N_("German"), "zh": N_("Chinese"),
                 "tg": N_("Tajik"), "az": N_("Azerbaijani"),
                 "mixed": N_("several languages")},
}


def word(value, kind: str) -> str:
    """The words for a stored `value` of `kind` in the current language; a value without a
    name (a language code fraudwatch has no word for, a registrar) is shown as it is."""
    english = WORDS[kind].get(str(value))
    return _(english) if english else str(value if value is not None else "")

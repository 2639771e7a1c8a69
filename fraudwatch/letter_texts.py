"""The texts a letter prints, each in every letter language, and the plain letter settings.

`letters.NAME` is the Russian text, `letters.NAME_kk` and `letters.NAME_en` the Kazakh and
English ones (Config.letter_text falls back to the Russian one when a language is left empty).
The defaults are demo values: an agency replaces them in its config file.
"""

from __future__ import annotations

LANG_WORDS = {"ru": "Russian", "kk": "Kazakh", "en": "English"}

LETTER_TEXTS: dict[str, tuple[str, dict[str, str]]] = {
    "sender_name": ("sender of takedown letters: the body's full name, printed in the "
                    "letterhead (Kazakh and Russian side by side on kk and ru letters)", {
        "ru": "Агентство по защите прав потребителей (демо)",
        "kk": "Тұтынушылардың құқықтарын қорғау агенттігі (демо)",
        "en": "Consumer Rights Protection Agency (demo)"}),
    "sender_address": ("sender's postal address printed in the letterhead", {
        "ru": "010000, г. Астана, ул. Примерная, 1",
        "kk": "010000, Астана қ., Примерная к-сі, 1",
        "en": "1 Primernaya Street, Astana 010000, Kazakhstan"}),
    "signatory_position": ("position of the person who signs letters, printed on the left "
                           "of the signature line", {
        "ru": "Руководитель департамента",
        "kk": "Департамент басшысы",
        "en": "Head of Department"}),
    "signatory_name": ("initials and surname of the person who signs letters, printed on the "
                       "right of the signature line", {
        "ru": "А. Примеров",
        "kk": "А. Примеров",
        "en": "A. Primerov"}),
    "ministry_addressee": ("the addressee line of blocking and delisting requests: the "
                           "ministry in the dative, as official letters address it", {
        "ru": "Министерству цифрового развития, инноваций и аэрокосмической промышленности "
              "Республики Казахстан",
        "kk": "Қазақстан Республикасының Цифрлық даму, инновациялар және аэроғарыш "
              "өнеркәсібі министрлігіне",
        "en": "To the Ministry of Digital Development, Innovations and Aerospace Industry of "
              "the Republic of Kazakhstan"}),
    "addressee_official": ("position and name of the official blocking and delisting requests "
                           "are addressed to, in the dative, printed under the ministry", {
        "ru": "Вице-министру Б. Образцову",
        "kk": "Вице-министр Б. Образцовқа",
        "en": "Attn.: B. Obraztsov, Vice Minister"}),
    "executor": ("the employee who prepared letters (исполнитель), printed with "
                 "letters.executor_phone at the foot of the letter; empty = not printed", {
        "ru": "А. Аналитикова",
        "kk": "А. Аналитикова",
        "en": "A. Analitikova"}),
    "legal_basis": ("the law under which access is restricted, cited in blocking requests "
                    "before the laws the listed sites break (those come from the signs "
                    "catalogue, per category)", {
        "ru": "статья 41-1 Закона Республики Казахстан «О связи»",
        "kk": "«Байланыс туралы» Қазақстан Республикасы Заңының 41-1-бабы",
        "en": "Article 41-1 of the Law of the Republic of Kazakhstan “On Communications”"}),
}

# (name, default, help) of the letter settings that are the same in every language
LETTER_SETTINGS: tuple[tuple[str, str, str], ...] = (
    ("sender_email", "takedown@example.kz", "reply e-mail in letters"),
    ("sender_phone", "+7 (7172) 00-00-00", "sender's phone printed in the letterhead"),
    ("executor_phone", "+7 (7172) 00-00-01", "phone of the employee who prepared letters"),
    ("logo", "", "PNG, JPEG or SVG file of the emblem or logo printed in the centre of the "
                 "letterhead; empty = none"),
)

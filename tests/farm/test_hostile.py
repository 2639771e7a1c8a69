"""Each hostile site misbehaves the way the crawler's defences expect."""

import socket
import time
import zlib

from fraudwatch.farm.hostile import BOMB_SIZE, HUGE_SIZE


def test_gzip_bomb_is_small_compressed_and_huge_decompressed(get):
    reply = get("gzip-bomba.com")
    assert reply.headers["Content-Encoding"] == "gzip"
    assert len(reply.body) < 2 * 1024 * 1024
    inflater, inflated = zlib.decompressobj(31), 0
    pending = reply.body
    while pending and inflated <= 256 * 1024 * 1024:  # enough to prove the point
        inflated += len(inflater.decompress(pending, 1 << 24))
        pending = inflater.unconsumed_tail
    assert inflated > 256 * 1024 * 1024 and BOMB_SIZE / len(reply.body) > 500


def test_redirect_loop_loops(get):
    seen, path = [], "/"
    for _ in range(6):
        reply = get("redirect-petlya.kz", path)
        assert reply.status == 302
        path = reply.headers["Location"]
        seen.append(path)
    assert seen == ["/loop/a", "/loop/b"] * 3


def test_drip_sends_a_byte_a_second(farm):
    with socket.create_connection(("127.0.0.1", farm.base_port), timeout=5) as conn:
        conn.sendall(f"GET / HTTP/1.0\r\nHost: medlenno.kz:{farm.base_port}\r\n\r\n".encode())
        started, received = time.monotonic(), b""
        while len(received.partition(b"\r\n\r\n")[2]) < 2:  # headers, two body bytes
            received += conn.recv(4096)
        assert received.startswith(b"HTTP/1.0 200") and time.monotonic() - started >= 1
        assert received.endswith(b"<!")


def test_huge_page_is_50_mb_and_streamed(get):
    reply = get("ogromnaya-stranica.com", limit=100_000)
    assert int(reply.headers["Content-Length"]) == HUGE_SIZE
    assert reply.body.startswith(b"<!doctype html>")
    assert "Content-Length" not in get("ogromnaya-stranica.com", "/stream", limit=1000).headers


def test_calendar_links_to_the_next_month_forever(get):
    path = "/"
    for expected in ("/calendar/2025/02", "/calendar/2025/03"):
        html = get("afisha-kalendar.kz", path).text
        path = html.split('следующий месяц')[0].rsplit('href="', 1)[1].split('"')[0]
        assert path == expected
    assert get("afisha-kalendar.kz", "/calendar/9999/12").text.count("/calendar/10000/01") == 1
    assert get("afisha-kalendar.kz", "/calendar/10000/01").status == 200


def test_legacy_encoded_pages_have_no_charset_anywhere(get):
    for host, codec, words in (("kazino-1251.kz", "cp1251", "Добро пожаловать"),
                               ("zaim-koi8.kz", "koi8_r", "деньги на карту")):
        reply = get(host)
        assert reply.headers["Content-Type"] == "text/html"
        assert b"charset" not in reply.body.lower()
        assert words.encode(codec) in reply.body
        try:
            reply.body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            raise AssertionError(f"{host} decodes as UTF-8")


def test_broken_html_is_broken_but_keeps_its_text(get):
    html = get("krivoy-html.kz").text
    assert "</p>" not in html and "</body>" not in html and "class=t" in html
    assert "гарантированный доход" in html


def test_js_trap_opens_dialogs_and_hangs(get):
    landing = get("popup-casino.com").text
    assert all(call in landing for call in ("alert(", "confirm(", "window.open("))
    assert "for (;;) {}" in get("popup-casino.com", "/bonus").text


def test_downloads_are_octet_streams(get):
    landing = get("skachat-kazino.kz").text
    for path in ("/download/kazino.apk", "/download/setup.exe"):
        assert f'href="{path}"' in landing
        reply = get("skachat-kazino.kz", path)
        assert reply.headers["Content-Type"] == "application/octet-stream"
        assert "attachment" in reply.headers["Content-Disposition"]


def test_error_sites(get):
    assert get("oshibka-servera.kz").status == 500
    assert get("propavshiy-sait.kz").status == 404

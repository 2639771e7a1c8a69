"""Review actions by role, bulk review, and the audit log export."""

from __future__ import annotations

import csv
import io

from tests.web.support import csrf_of


def _review(client, domain, action, comment=""):
    token = csrf_of(client, f"/sites/{domain}")
    return client.post(f"/sites/{domain}/review", follow_redirects=False,
                       data={"action": action, "comment": comment, "csrf_token": token})


def test_supervisor_confirms_and_the_site_page_shows_it(as_role, sample_store):
    boss = as_role("supervisor")
    assert _review(boss, "altyn-bonus.kz", "confirm", "casino <b>mirror</b>").status_code \
        == 303
    page = boss.get("/sites/altyn-bonus.kz").text
    assert '<dd class="review-state" data-state="confirmed">confirmed</dd>' in page
    assert "casino &lt;b&gt;mirror&lt;/b&gt;" in page
    assert sample_store.get_site_by_domain("altyn-bonus.kz").review_state == "confirmed"


def test_analyst_proposes_but_cannot_confirm(as_role):
    analyst = as_role("analyst")
    assert _review(analyst, "tez-nesie.kz", "confirm").status_code == 403
    assert _review(analyst, "tez-nesie.kz", "needs_info", "owner?").status_code == 303
    assert "needs_info" in analyst.get("/sites/tez-nesie.kz").text


def test_viewer_cannot_review_at_all(as_role):
    viewer = as_role("viewer")
    assert 'action="/sites/tez-nesie.kz/review"' not in viewer.get("/sites/tez-nesie.kz").text
    assert _review(viewer, "tez-nesie.kz", "needs_info").status_code == 403


def test_reject_needs_a_comment(as_role):
    boss = as_role("supervisor")
    resp = _review(boss, "tez-nesie.kz", "reject")
    assert resp.status_code == 400 and "needs a comment" in resp.text


def test_bulk_review_from_search(as_role, sample_store):
    boss = as_role("supervisor")
    token = csrf_of(boss, "/search")
    resp = boss.post("/review/bulk", follow_redirects=False, data={
        "action": "confirm", "comment": "bulk", "csrf_token": token,
        "domain": ["altyn-bonus.kz", "tez-nesie.kz"], "next": "/search?category=loan"})
    assert resp.status_code == 303 and resp.headers["location"] == "/search?category=loan"
    assert {s.domain for s in sample_store.iter_sites(review_state="confirmed")} == {
        "altyn-bonus.kz", "tez-nesie.kz"}
    told = boss.get(resp.headers["location"]).text  # the page the reviewer comes back to
    assert '<p class="flash" role="status">Confirm recorded for 2 sites.</p>' in told
    assert 'class="flash"' not in boss.get("/search").text  # said once


def test_the_review_is_confirmed_in_the_reviewers_language(as_role):
    boss = as_role("supervisor")
    boss.get("/search?hl=ru")
    resp = boss.post("/review/bulk", data={
        "action": "needs_info", "csrf_token": csrf_of(boss, "/search"),
        "domain": ["tez-nesie.kz"], "next": "/search"})
    flash = resp.text.split('class="flash"', 1)[1].split("</p>", 1)[0]
    assert "1" in flash and "recorded" not in flash


def test_bulk_review_never_redirects_off_site(as_role):
    boss = as_role("supervisor")
    resp = boss.post("/review/bulk", follow_redirects=False, data={
        "action": "needs_info", "csrf_token": csrf_of(boss, "/search"),
        "domain": ["tez-nesie.kz"], "next": "//evil.example/"})
    assert resp.headers["location"] == "/search"


def test_audit_export_for_supervisors_only(as_role):
    boss = as_role("supervisor")
    _review(boss, "tez-nesie.kz", "reject", "=HYPERLINK(\"x\")")
    rows = list(csv.DictReader(io.StringIO(boss.get("/audit.csv").text)))
    assert rows[0]["domain"] == "tez-nesie.kz" and rows[0]["action"] == "reject"
    assert rows[0]["comment"].startswith("'=")
    assert boss.get("/api/audit").json()[0]["user"] == "supervisor"
    analyst = as_role("analyst")
    assert analyst.get("/audit.csv").status_code == 403
    assert analyst.get("/api/audit").status_code == 403


def _form(page: str) -> str:
    return page.split('<form method="post" action="/sites/', 1)[1].split("</form>", 1)[0]


def test_a_rejection_names_the_signs_the_model_got_wrong_and_the_logs_show_them(as_role,
                                                                               sample_store):
    boss = as_role("supervisor")
    form = _form(boss.get("/sites/altyn-bonus.kz").text)
    assert '<input type="checkbox" name="wrong_sign" value="casino.free_spins"> Free spins' \
        in form and "Deposit bonus" in form  # the site's signs, by name
    resp = boss.post("/sites/altyn-bonus.kz/review", follow_redirects=False, data={
        "action": "reject", "comment": "a casino review blog", "csrf_token":
        csrf_of(boss, "/sites/altyn-bonus.kz"), "wrong_sign": ["casino.free_spins"]})
    assert resp.status_code == 303
    site = sample_store.get_site_by_domain("altyn-bonus.kz")
    [entry] = sample_store.reviews_for(site.id)
    assert (entry.user, entry.action, entry.wrong_signs) == (
        "supervisor", "reject", ["casino.free_spins"])
    history = boss.get("/sites/altyn-bonus.kz").text.split('id="reviews"', 1)[1]
    assert 'Signs the model got wrong: <span class="sign" data-sign="casino.free_spins">' \
           'Free spins</span>' in history
    assert "Deposit bonus" not in history.split("</table>", 1)[0]
    audit = boss.get("/audit?hl=ru").text
    assert '<span class="sign" data-sign="casino.free_spins">Фриспины</span>' in audit
    rows = list(csv.DictReader(io.StringIO(boss.get("/audit.csv").text.lstrip("\ufeff"))))
    assert rows[-1]["wrong_signs"] == "casino.free_spins"
    assert boss.get("/api/audit").json()[-1]["wrong_signs"] == ["casino.free_spins"]


def test_signs_named_wrong_are_refused_outside_a_rejection_or_off_the_site(as_role,
                                                                         sample_store):
    boss = as_role("supervisor")
    token = csrf_of(boss, "/sites/altyn-bonus.kz")
    confirm = boss.post("/sites/altyn-bonus.kz/review", data={
        "action": "confirm", "csrf_token": token, "wrong_sign": ["casino.free_spins"]})
    assert confirm.status_code == 400
    assert "only a rejection or a delisting can name signs the model got wrong" in confirm.text
    elsewhere = boss.post("/sites/altyn-bonus.kz/review?hl=kk", data={
        "action": "reject", "comment": "x", "csrf_token": token,
        "wrong_sign": ["loan.no_refusal"]})
    assert elsewhere.status_code == 400
    assert "loan.no_refusal — модель" in elsewhere.text  # said in the reader's language
    assert sample_store.reviews_for(sample_store.get_site_by_domain("altyn-bonus.kz").id) == []


def test_an_analyst_is_offered_no_signs_to_name_and_may_not_reject(as_role):
    analyst = as_role("analyst")
    assert 'name="wrong_sign"' not in analyst.get("/sites/altyn-bonus.kz").text
    resp = analyst.post("/sites/altyn-bonus.kz/review", data={
        "action": "reject", "comment": "x", "csrf_token": csrf_of(analyst, "/sites/altyn-bonus.kz"),
        "wrong_sign": ["casino.free_spins"]})
    assert resp.status_code == 403

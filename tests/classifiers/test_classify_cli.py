"""`fraudwatch classify|evaluate|licences` through click's CliRunner."""

import csv
import json

import pytest
from click.testing import CliRunner

from fraudwatch.cli import main


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAUDWATCH_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.chdir(tmp_path)
    return lambda *args, **kw: CliRunner().invoke(main, list(args), **kw)


def lines(result):
    return [json.loads(line) for line in result.output.splitlines()]


def test_classify_file_empty_and_missing(run, tmp_path):
    page = tmp_path / "scam.txt"
    page.write_text("Займ без отказа! Введите номер карты и CVV.", encoding="utf-8")
    (tmp_path / "empty.html").write_text("", encoding="utf-8")
    result = run("classify", str(page), str(tmp_path / "empty.html"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 0, result.output
    ok, empty, missing = lines(result)
    assert {"input", "category", "verdict", "score", "lang", "signs", "model"} <= set(ok)
    assert ok["category"] == "loan"
    assert "error" in empty and "error" in missing


def test_classify_all_failed_exits_nonzero(run, tmp_path):
    result = run("classify", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1 and "error" in lines(result)[0]


def test_classify_stdin_and_directory(run, tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_text("<p>Free spins and a 200% welcome bonus</p>")
    assert lines(run("classify", "-", input="Instant loans, no credit check"))[0]["input"] == "-"
    assert lines(run("classify", str(tmp_path / "pages")))[0]["input"].endswith("a.html")


def test_licences_import_validates_and_merges(run, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(
        "name,bin,domains,licence_number,kind\nBet LLP,170540000099,luckywin.kz,9,bookmaker\n"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("name,bin,domains,licence_number,kind\nBad,1,bad.kz,9,casino\n")
    assert run("licences", "import", str(good)).exit_code == 0
    assert (tmp_path / "var" / "licences.csv").exists()
    assert run("licences", "import", str(bad)).exit_code != 0


@pytest.mark.parametrize("command", [["classify"], ["train"], ["evaluate"], ["licences", "import"]])
def test_help(run, command):
    assert run(*command, "--help").exit_code == 0


def labelled_folder(tmp_path, rows: list[tuple[str, str, str]]):
    """A folder of pages and its labels.csv: rows of (file name, label, content)."""
    folder = tmp_path / "labelled"
    folder.mkdir()
    lines = ["id,label,lang"]
    for name, label, content in rows:
        (folder / name).write_text(content, encoding="utf-8")
        lines.append(f"{name.rsplit('.', 1)[0]},{label},ru")
    (folder / "labels.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_evaluate_labelled_folder_reports_the_figures(run, tmp_path):
    folder = labelled_folder(tmp_path, [
        ("scam.txt", "loan", "Займ без отказа! Оплатите страховку до получения займа, "
                             "введите номер карты и CVV."),
        ("casino.html", "casino", "<title>Казино</title><p>Фриспины, вейджер x35, бонус 200% "
                                  "на первый депозит, рабочее зеркало.</p>"),
        ("bank.txt", "legit", "Депозит «Накопительный»: 14% годовых. Вклады гарантирует КФГД. "
                              "Лицензия АРРФР № 1.2.3/45. АО «Пример Банк», БИН 990140000001."),
    ])
    result = run("evaluate", str(folder), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["documents"] == 3
    assert {"macro_f1", "illegal_precision", "fraud_flagged", "legit_illegal",
            "confusion", "per_class", "by_lang"} <= set(report)
    assert report["per_class"]["loan"]["support"] == 1
    assert report["legit_illegal"] == 0
    text = run("evaluate", str(folder))
    assert "macro-F1" in text.output and "illegal precision" in text.output


def test_evaluate_lists_the_pages_it_answered_wrongly(run, tmp_path):
    # The bank page is labelled loan on purpose: it is the one page the report must list.
    folder = labelled_folder(tmp_path, [
        ("bank.txt", "loan", "Депозит «Накопительный»: 14% годовых. Вклады гарантирует КФГД. "
                             "Лицензия АРРФР № 1.2.3/45. АО «Пример Банк», БИН 990140000001."),
        ("casino.html", "casino", "<title>Казино</title><p>Фриспины, вейджер x35, бонус 200% "
                                  "на первый депозит, рабочее зеркало.</p>"),
    ])
    out = tmp_path / "wrong.csv"
    result = run("evaluate", str(folder), "--mistakes", str(out))
    assert result.exit_code == 0, result.output
    assert "answered wrongly: 1 of 2" in result.output
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["id"], r["label"], r["category"]) for r in rows] == [("bank", "loan", "legit")]
    refused = run("evaluate", str(folder), "--mistakes", str(tmp_path / "no" / "such.csv"))
    assert refused.exit_code != 0 and "macro-F1" in refused.output
    assert "cannot write" in refused.output and "Traceback" not in refused.output


@pytest.mark.parametrize(("labels", "message"), [
    ("id,label\nscam,fraud\n", "is not one of"),
    ("id,label\nnothere,loan\n", "no page 'nothere'"),
    ("id,label\nscam,loan\nscam,loan\n", "listed twice"),
    ("name,kind\nscam,loan\n", "header must be id,label"),
    ("id,label\n", "no labelled pages"),
])
def test_evaluate_bad_labels_say_what_is_wrong(run, tmp_path, labels, message):
    folder = labelled_folder(tmp_path, [("scam.txt", "loan", "Займ без отказа")])
    (folder / "labels.csv").write_text(labels, encoding="utf-8")
    result = run("evaluate", str(folder))
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


PAGE = ("<html><head><title>Казино Алтын</title></head><body><h1>Онлайн казино: бонус 200% "
        "на первый депозит, фриспины и джекпот каждый день</h1></body></html>")


@pytest.mark.parametrize("name,body", [
    ("cp1251.html", PAGE.encode("cp1251")),
    ("koi8r.html", PAGE.encode("koi8-r")),
    ("utf16.html", PAGE.encode("utf-16")),  # with its BOM
    ("one-bad-byte.html", PAGE.encode().replace("бонус".encode(), b"\xff" + "онус".encode())),
])
def test_classify_reads_what_the_crawler_reads(run, tmp_path, name, body):
    from fraudwatch.cli.pagefiles import read_page

    (tmp_path / name).write_bytes(body)
    assert "Онлайн казино" in read_page(str(tmp_path / name))[1]
    [result] = lines(run("classify", str(tmp_path / name)))
    assert "error" not in result, result
    assert result["lang"] == "ru" and result["verdict"] != "clean"


def test_classify_refuses_an_oversized_input_without_reading_it_all(run, tmp_path):
    from fraudwatch.cli.pagefiles import MAX_PAGE_BYTES

    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(MAX_PAGE_BYTES + 10)
    result = run("classify", str(big))
    assert result.exit_code == 1 and "larger than 10 MB" in lines(result)[0]["error"]

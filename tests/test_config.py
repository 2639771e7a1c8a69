"""Configuration values are typed, layered and explained when wrong."""

from __future__ import annotations

import pytest

from fraudwatch.config import KEYS, ConfigError, load_config


def test_environment_values_are_converted_to_the_key_type(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(environ={"FRAUDWATCH_LETTERS_REPLY_DAYS": "5",
                                  "FRAUDWATCH_ES_TIMEOUT": "2.5",
                                  "FRAUDWATCH_BROWSER_HEADLESS": "no"})
    assert config.letters.reply_days == 5
    assert config.es.timeout == 2.5
    assert config.browser.headless is False
    assert config.sources["letters.reply_days"] == "FRAUDWATCH_LETTERS_REPLY_DAYS"


@pytest.mark.parametrize("env, message", [
    ({"FRAUDWATCH_LETTERS_REPLY_DAYS": "three"}, "not a whole number"),
    ({"FRAUDWATCH_ES_TIMEOUT": "soon"}, "not a number"),
    ({"FRAUDWATCH_BROWSER_HEADLESS": "maybe"}, "not true or false"),
    ({"FRAUDWATCH_LOG_LEVEL": "LOUD"}, "log.level"),
    ({"FRAUDWATCH_CONFIG": "/nonexistent/fw.toml"}, "does not exist"),
    ({"FRAUDWATCH_ES_SHARDS": "0"}, r"es.shards = 0 \(from FRAUDWATCH_ES_SHARDS\) is out of range"),
    ({"FRAUDWATCH_ES_SHARDS": "two"}, "es.shards .* not a whole number"),
    ({"FRAUDWATCH_ES_REPLICAS": "-1"}, "es.replicas = -1"),
    ({"FRAUDWATCH_ES_RETRIES": "-2"}, "es.retries = -2"),
    ({"FRAUDWATCH_ES_BACKOFF": "-0.5"}, "es.backoff = -0.5"),
    ({"FRAUDWATCH_ES_BULK_SIZE": "0"}, "es.bulk_size = 0"),
])
def test_bad_values_name_the_key_and_the_fix(tmp_path, monkeypatch, env, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=message) as err:
        load_config(environ=env)
    assert "fix" in str(err.value)


def test_toml_with_a_whole_number_where_a_float_is_expected(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fraudwatch.toml").write_text("[es]\ntimeout = 10\n")
    assert load_config(environ={}).es.timeout == 10.0
    (tmp_path / "fraudwatch.toml").write_text("[letters]\nreply_days = 2.5\n")
    with pytest.raises(ConfigError, match="reply_days"):
        load_config(environ={})


def test_elasticsearch_scale_keys_default_and_come_from_toml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    defaults = load_config(environ={})
    es = defaults.es
    assert [es.shards, es.replicas, es.retries, es.backoff, es.max_backoff, es.bulk_size] == \
        [1, 0, 5, 0.5, 8.0, 500]
    (tmp_path / "fraudwatch.toml").write_text(
        "[es]\nshards = 4\nreplicas = 1\nretries = 2\nbackoff = 1\nbulk_size = 2000\n")
    config = load_config(environ={})
    assert (config.es.shards, config.es.replicas, config.es.retries) == (4, 1, 2)
    assert config.es.backoff == 1.0 and config.es.bulk_size == 2000
    assert config.sources["es.shards"] == "fraudwatch.toml"


@pytest.mark.parametrize(("key", "now"), [
    ("letters.signatory_kk", "letters.signatory_position_kk"),
    ("classifier.encoder_backlog", "classifier.encoder_wait")])
def test_a_renamed_key_in_the_file_names_its_replacement(tmp_path, key, now):
    section, name = key.split(".")
    path = tmp_path / "fraudwatch.toml"
    path.write_text(f'[{section}]\n{name} = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=f"{key}' is now '{now}'.*fix: rename it"):
        load_config(path=path, environ={})


def test_every_key_is_read_typed_from_its_section_as_config_show_lists_it():
    """Each key of every section has a typed attribute (config.es.timeout) that gives the
    value `config show` lists; a section Config does not hand out would fail here."""
    config = load_config(environ={"FRAUDWATCH_ES_TIMEOUT": "2.5",
                                  "FRAUDWATCH_LETTERS_REPLY_DAYS": "9"})
    for name, value, _source in config.items():
        section, _, field_name = name.rpartition(".")
        typed = getattr(getattr(config, section), field_name) if section else \
            getattr(config, field_name)
        assert str(typed) == str(value), name
        assert isinstance(value, KEYS[name].type), name
    assert (config.es.timeout, config.letters.reply_days) == (2.5, 9)
    with pytest.raises(AttributeError):
        config.es.timout  # noqa: B018 - a misspelt key fails where it is read

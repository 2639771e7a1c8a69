"""The crawl's configuration is read once, by the addon, and every component reads that copy."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from crawler import settings as project_settings
from crawler.addon import FraudwatchAddon, crawl_config
from crawler.pipelines.classify import ClassifyPipeline
from fraudwatch.config import ConfigError


def _started(tmp_path, monkeypatch, toml: str) -> Settings:
    """Project settings after the addon ran, with `toml` as the configuration file."""
    path = tmp_path / "fraudwatch.toml"
    path.write_text(toml)
    monkeypatch.delenv("FRAUDWATCH_VAR_DIR", raising=False)
    settings = Settings()
    settings.setmodule(project_settings)
    settings.setdict({"FRAUDWATCH_CONFIG": str(path), "FRAUDWATCH_RENDER": "never",
                      "FRAUDWATCH_VAR_DIR": str(tmp_path / "var")}, priority="cmdline")
    FraudwatchAddon().update_settings(settings)
    return settings


def test_components_see_the_configuration_as_it_was_when_the_crawl_started(tmp_path,
                                                                            monkeypatch):
    settings = _started(tmp_path, monkeypatch,
                        '[classifier]\nencoder_pages = 7\n[es]\nindex_prefix = "kz"\n')
    (tmp_path / "fraudwatch.toml").write_text("[classifier]\nencoder_pages = 1\n")
    config = crawl_config(settings)
    assert (config.classifier.encoder_pages, config.es.index_prefix) == (7, "kz")
    assert config.var_dir == (tmp_path / "var").resolve()
    assert config.store == settings["FRAUDWATCH_STORE"]


def test_the_crawls_configuration_still_says_where_each_value_came_from(tmp_path,
                                                                        monkeypatch):
    settings = _started(tmp_path, monkeypatch, '[es]\nindex_prefix = "kz"\n')
    config = crawl_config(settings)
    assert config.path == tmp_path / "fraudwatch.toml"
    sources = {name: source for name, _, source in config.items()}
    assert str(tmp_path / "fraudwatch.toml") in sources["es.index_prefix"]
    assert sources["var_dir"] == "Scrapy setting FRAUDWATCH_VAR_DIR"
    assert sources["log.level"] == "default"


def test_the_classify_pipeline_reads_the_addons_copy(tmp_path, monkeypatch):
    from scrapy.utils.test import get_crawler

    settings = _started(tmp_path, monkeypatch,
                        '[classifier]\nencoder = "never"\nencoder_pages = 7\n')
    (tmp_path / "fraudwatch.toml").write_text('[classifier]\nencoder = "always"\n')
    ours = {k: v for k, v in settings.copy_to_dict().items() if k.startswith("FRAUDWATCH_")}
    pipeline = ClassifyPipeline.from_crawler(get_crawler(settings_dict=ours))
    assert (pipeline.mode, pipeline.pages_per_site, pipeline.worker) == ("never", 7, None)


def test_a_crawl_without_the_addon_says_how_to_fix_it():
    with pytest.raises(ConfigError, match="keep it in ADDONS"):
        crawl_config(Settings())

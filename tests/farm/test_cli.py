"""`fraudwatch farm` subcommands, `serve` in a real process stopped by SIGTERM."""

import http.client
import json
import signal
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from fraudwatch.cli.farm_cmd import register


@pytest.fixture
def cli():
    @click.group()
    def main():
        pass

    register(main)
    return main


@pytest.mark.parametrize("args", [["farm"], ["farm", "serve"], ["farm", "seeds"],
                                  ["farm", "sites"]])
def test_every_subcommand_has_help(cli, args):
    result = CliRunner().invoke(cli, [*args, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_sites_json_and_seeds(cli):
    runner = CliRunner()
    sites = json.loads(runner.invoke(cli, ["farm", "sites", "--json", "--port", "9000"]).output)
    seeds = runner.invoke(cli, ["farm", "seeds", "--port", "9000"]).output.split()
    assert seeds == [s["url"] for s in sites if s["seed"]]
    assert {"domain", "category", "lang", "variant", "mirror_of", "hard_negative",
            "hostile"} <= set(sites[0])
    table = runner.invoke(cli, ["farm", "sites", "--no-hostile"]).output
    assert "zolotaya-fishka.kz" in table and "gzip-bomb" not in table


SERVE = ("import click, sys; from fraudwatch.cli.farm_cmd import register\n"
         "main = click.Group(); register(main); main(sys.argv[1:])")


def test_serve_until_sigterm(tmp_path):
    seeds_file = tmp_path / "seeds.txt"
    command = [sys.executable, "-c", SERVE, "farm", "serve", "--port", "0", "--seeds-out",
               str(seeds_file)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as proc:
        try:
            port = int(proc.stdout.readline().split(" port ")[1].split(",")[0])
            assert seeds_file.read_text().count(f":{port}/") >= 30
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/", headers={"Host": "tan-nany.kz"})
            assert conn.getresponse().status == 200
            conn.close()
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=10) == 0
            assert "stopped" in proc.stdout.read()
        finally:
            proc.kill()

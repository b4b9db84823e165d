"""lib.parse: hand-computed cases, including malformed input."""
import math

from lib import parse


def test_money_published_strings():
    assert parse.money("$400,000,000") == 400_000_000.0
    assert parse.money("$1,292,698,547") == 1_292_698_547.0
    assert parse.money("-$5") == -5.0
    assert parse.money("12.5") == 12.5


def test_money_bad_input_is_missing_not_zero():
    for bad in ["", "-", "n/a", "$4OO", "$1,2,3x", "1.2.3", None, float("nan"), "暂无"]:
        assert parse.money(bad) is None, bad


def test_runtime_and_integer_and_percent():
    assert parse.runtime_minutes("181 minutes") == 181.0
    assert parse.runtime_minutes("95") == 95.0
    assert parse.runtime_minutes("about two hours") is None
    assert parse.integer("4,662") == 4662
    assert parse.integer("4.5") is None
    assert parse.percent("-4.8%") == -4.8
    assert parse.percent("+290.6%") == 290.6
    assert parse.percent("-") is None


def test_json_list_keeps_order_and_handles_empty():
    text = '[{"iso_3166_1": "US", "name": "United States of America"}, {"iso_3166_1": "GB", "name": "United Kingdom"}]'
    assert parse.json_list(text, "iso_3166_1") == ["US", "GB"]
    assert parse.json_list(text) == ["United States of America", "United Kingdom"]
    assert parse.json_list("[]") == []
    assert parse.json_list("") == []
    assert parse.json_list("not json") == []
    assert parse.json_list('{"a": 1}') == []
    assert parse.json_records('[{"id": 28, "name": "Action"}]') == [{"id": 28, "name": "Action"}]


def test_norm_title_and_mojibake():
    assert parse.fix_mojibake("PenÃ©lope Cruz") == "Penélope Cruz"
    assert parse.fix_mojibake("Wolf Warrior 2") == "Wolf Warrior 2"
    assert parse.norm_title("Hi, Mom") == "hi mom"
    assert parse.norm_title("Alice in Wonderland (2010)") == "alice in wonderland"
    assert parse.norm_title("The Mermaid") == "mermaid"
    assert parse.norm_title("Pokémon: Zoroark") == "pokemon zoroark"
    assert parse.norm_title("Fast & Furious") == "fast and furious"
    assert parse.norm_title(None) == "" and parse.norm_title(math.nan) == ""

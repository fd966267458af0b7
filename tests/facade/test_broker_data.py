"""Each broker's description is a data file (``orderbridge/brokers/<broker>/broker.toml``) read by
one loader: read lazily, once, and strictly (a broken file fails loudly, naming the file and key)."""

from __future__ import annotations

import importlib.resources
import subprocess
import sys
import textwrap

import pytest

import orderbridge as ob
from orderbridge.brokers import (
    BROKERS,
    DATA_FILE,
    DESCRIPTIONS,
    ORDERS_FILE,
    describe,
    load_description,
    load_order_shape,
    order_shape,
)


def _text(broker: str) -> str:
    """The broker's data file as the installed package holds it."""
    return importlib.resources.files(f"orderbridge.brokers.{broker}").joinpath(DATA_FILE).read_text(encoding="utf-8")


def _broken(old: str, new: str, broker: str = "topstepx") -> str:
    text = _text(broker)
    assert old in text, f"the fixture edit {old!r} no longer applies to {broker}'s {DATA_FILE}"
    return text.replace(old, new, 1)


def _refused(text: str, broker: str = "topstepx") -> str:
    with pytest.raises(ob.ConfigurationError) as caught:
        load_description(broker, text, filename=f"test/{broker}/{DATA_FILE}")
    message = str(caught.value)
    assert message.startswith(f"test/{broker}/{DATA_FILE}: "), message
    return message


@pytest.mark.parametrize("broker", BROKERS)
def test_every_broker_file_reads_into_its_description(broker: str) -> None:
    description = describe(broker)
    assert description is describe(broker)  # read once
    assert description == load_description(broker, _text(broker), filename="again")
    assert description.name == description.capabilities.broker == broker
    assert description.module == f"orderbridge.brokers.{broker}.adapter"
    assert DESCRIPTIONS[broker] is description
    assert list(DESCRIPTIONS) == list(BROKERS) == list(ob.all_capabilities())


def test_the_shared_wording_is_filled_in() -> None:
    how = describe("tradestation").capabilities.operations["flatten"][1]
    assert "${" not in how and how.startswith("open_orders, then cancel_order for each working order; then ")
    assert "an opposite market order" in how


def test_an_unknown_broker_is_a_configuration_error() -> None:
    for name in ("nope", "", "TopstepX", None, ["topstepx"]):
        with pytest.raises(ob.ConfigurationError, match="unknown broker"):
            describe(name)  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        DESCRIPTIONS["nope"]


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        # unknown keys, at the top and nested
        ('name = "topstepx"', 'name = "topstepx"\ncolour = "blue"', "colour", "unknown key"),
        ("brackets = true", "brackets = true\nbracket = true", "capabilities.bracket", "unknown key"),
        ("kind = ", 'charst = "[0-9]"\nkind = ', "order_ids.charst", "unknown key"),
        ("windows.bars = {", "windows.bars = { minutes = 1, ", "budget.windows.bars.minutes", "unknown key"),
        # wrong types
        ("max_length = 19", 'max_length = "19"', "order_ids.max_length", "expected int, got str"),
        ("max_length = 19", "max_length = true", "order_ids.max_length", "expected int, got bool"),
        ("brackets = true", "brackets = 1", "capabilities.brackets", "expected bool, got int"),
        ('credentials = ["username", "api_key"]', 'credentials = "username"', "credentials", "expected an array"),
        ("windows.bars = { requests = 30, seconds = 30 }", "windows.bars = 30", "budget.windows.bars", "a table"),
        ('credentials = ["username"', "credentials = [1", "credentials[0]", "expected str, got int"),
        ('operations.retrieve_bars = "bars"', "operations.retrieve_bars = 2", "budget.operations.retrieve_bars", "str"),
        # unknown enum words
        ('modify_order = ["yes"', 'modify_order = ["maybe"', "capabilities.operations.modify_order[0]", "'maybe'"),
        ('order_types = ["market"', 'order_types = ["iceberg"', "capabilities.order_types[0]", "unknown OrderType"),
        ('kind = "integer"', 'kind = "uuid"', "order_ids.kind", "expected one of 'integer', 'text'"),
        # operations: an unknown name, a missing one, a malformed row
        ('place_oco = ["no"', 'place_oca = ["no"', "capabilities", "unknown: place_oca"),
        ('fills = ["yes", "Trade/search"]\n', "", "capabilities", "missing: fills"),
        ('fills = ["yes", "Trade/search"]', 'fills = ["yes"]', "capabilities.operations.fills", "2 items"),
        # missing required keys
        ('production_url = "https://api.topstepx.com"', "", "production_url", "missing required key"),
        ('client_order_id_field = "customTag"', "", "capabilities.client_order_id_field", "missing required key"),
        (
            "windows.requests = { requests = 200, ",
            "windows.requests = { ",
            "budget.windows.requests.requests",
            "missing",
        ),
        # the classes' own rules, named by table
        ('operations.retrieve_bars = "bars"', 'operations.retrieve_bars = "bar"', "budget", "'bar' has no window"),
        ("requests = 200, seconds = 60", "requests = 0, seconds = 60", "budget.windows.requests", ">= 1"),
        # the conveniences
        ('name = "topstepx"', 'name = "crosstrade"', "name", "must be 'topstepx'"),
        ("brackets = true", 'brackets = true\nbroker = "x"', "capabilities.broker", "taken from name"),
        ('"${by_order}"', '"${by_cheque}"', "capabilities.operations.cancel_all_orders[1]", "'by_cheque'"),
        ('"${by_order}"', '"costs $5"', "capabilities.operations.cancel_all_orders[1]", "placeholder"),
        ("kind = ", "kind = = ", "", "not valid TOML"),
    ],
)
def test_a_broken_file_fails_naming_the_file_and_the_key(old: str, new: str, key: str, problem: str) -> None:
    message = _refused(_broken(old, new))
    assert f": {key}: " in message or (not key and problem in message), message
    assert problem in message, message


def test_a_doubled_dollar_is_a_literal_dollar() -> None:
    description = load_description("topstepx", _broken('"${by_order}"', '"costs $$5 (${by_market})"'), filename="test")
    assert description.capabilities.operations["cancel_all_orders"][1] == (
        "costs $5 (an opposite market order for the position's size (positions first))"
    )


def test_a_repeated_word_is_refused_not_folded() -> None:
    message = _refused(_broken('order_types = ["market"', 'order_types = ["market", "market"'))
    assert ": capabilities.order_types: repeats an item" in message


def test_no_file_is_read_before_the_first_describe() -> None:
    """``import orderbridge`` (and the registry) read no data file; the first describe reads one, once."""
    probe = textwrap.dedent(
        f"""
        import sys
        opened = []
        sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
        import orderbridge, orderbridge.brokers
        before = [p for p in opened if p.endswith({DATA_FILE!r})]
        orderbridge.capabilities("crosstrade"); orderbridge.brokers.describe("crosstrade")
        after = [p for p in opened if p.endswith({DATA_FILE!r})]
        assert before == [] and len(after) == 1 and "crosstrade" in after[0], (before, after)
        clients = {{"topstepx_client", "crosstrade_client", "tradestation_client", "sophic_client"}}
        assert not clients & {{m.split(".")[0] for m in sys.modules}}, "a generated client was imported"
        """
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]


def _orders_text(broker: str) -> str:
    return importlib.resources.files(f"orderbridge.brokers.{broker}").joinpath(ORDERS_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize("broker", BROKERS)
def test_every_order_table_reads_into_its_shape(broker: str) -> None:
    shape = order_shape(broker)
    assert shape.statuses.broker == broker and shape.status and shape.statuses.words
    assert shape == load_order_shape(broker, _orders_text(broker), filename="again")
    # integer codes stay integers (TopstepX), words stay words
    assert all(isinstance(word, int) is (broker == "topstepx") for word in shape.statuses.words)


@pytest.mark.parametrize(
    ("broker", "old", "new", "key", "problem"),
    [
        (
            "crosstrade",
            'quantity = ["quantity"]',
            'quantity = ["quantity"]\nqty = ["x"]',
            "paths.qty",
            "expected one of",
        ),
        ("crosstrade", 'quantity = ["quantity"]', 'quantity = "quantity"', "paths.quantity", "expected an array"),
        (
            "crosstrade",
            'quantity = ["quantity"]',
            'quantity = ["quantity"]\nstatus = ["x"]',
            "paths.status",
            "got 'status'",
        ),
        ("crosstrade", "status = [", 'instrument = ["i"]\nstatus = [', "instrument", "unknown key"),
        ("crosstrade", 'Working = "open"', 'Working = "busy"', "statuses.words.Working", "unknown OrderStatus"),
        ("crosstrade", 'BuyToCover = "buy"', 'BuyToCover = "cover"', "sides.BuyToCover", "unknown Side"),
        ("crosstrade", 'parse_time = "offset"', 'parse_time = "local"', "parse_time", "expected one of"),
        ("crosstrade", 'parse_time = "offset"', 'zone = "Mars/Olympus"', "zone", "not an IANA zone"),
        ("crosstrade", 'status = ["orderState"]\n', "", "status", "missing required key"),
        ("crosstrade", "[statuses]\n", '[statuses]\nbroker = "x"\n', "statuses.broker", "folder's"),
        ("crosstrade", "[statuses.words]", "[statuses.word]", "statuses.word", "unknown key"),
        ("sophic", 'source = "Sophic', 'sauce = "Sophic', "statuses.sauce", "unknown key"),
        ("topstepx", '1 = "sell"', 'one = "sell"', "sides.one", "expected an integer code"),
        ("topstepx", "integer_codes = true", "integer_codes = 1", "integer_codes", "expected bool"),
        ("topstepx", "\n[statuses]\n", "\n[statuses_]\n", "statuses.source", "missing required key"),
    ],
)
def test_a_broken_order_table_fails_naming_the_file_and_the_key(
    broker: str, old: str, new: str, key: str, problem: str
) -> None:
    text = _orders_text(broker)
    assert old in text, f"the fixture edit {old!r} no longer applies to {broker}'s {ORDERS_FILE}"
    with pytest.raises(ob.ConfigurationError) as caught:
        load_order_shape(broker, text.replace(old, new, 1), filename=f"test/{ORDERS_FILE}")
    message = str(caught.value)
    assert message.startswith(f"test/{ORDERS_FILE}: {key}: "), message
    assert problem in message, message


def test_an_order_table_without_statuses_is_refused() -> None:
    text = _orders_text("sophic")
    with pytest.raises(ob.ConfigurationError, match=r"^f: statuses: missing required table$"):
        load_order_shape("sophic", text[: text.index("[statuses]")], filename="f")


def test_a_shape_for_an_unknown_broker_is_a_configuration_error() -> None:
    with pytest.raises(ob.ConfigurationError, match="unknown broker"):
        order_shape("nope")

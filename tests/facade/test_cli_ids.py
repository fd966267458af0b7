"""The CLI accepts every valid id, including ids that start with '-' (urlsafe base64 allows it)."""

from __future__ import annotations

import pytest

from orderbridge import cli


@pytest.mark.parametrize("option", ["--client-order-id", "--order-id", "--account"])
def test_an_id_starting_with_a_dash_is_a_value_not_an_option(option: str) -> None:
    argv = ["resolve", "crosstrade", "--account", "Sim101", "--client-order-id", "x"]
    if option == "--order-id":
        argv = ["get", "crosstrade", "--account", "Sim101", "--order-id", "x"]
    argv[argv.index(option) + 1] = "-i4-fnQ2xZbWlK0aYc9Ag"
    args = cli._parser().parse_args(cli._attach_values(argv))
    assert getattr(args, option[2:].replace("-", "_")) == "-i4-fnQ2xZbWlK0aYc9Ag"


def test_without_the_rewrite_argparse_refuses_it() -> None:
    """The bug the rewrite fixes: argparse alone reads the id as an unknown option."""
    with pytest.raises(SystemExit):
        cli._parser().parse_args(["resolve", "crosstrade", "--account", "Sim101", "--client-order-id", "-i4-fn"])


def test_other_tokens_are_untouched() -> None:
    argv = ["place", "sophic", "--account", "a", "--instrument", "i", "--side", "buy", "--dry-run"]
    assert cli._attach_values(argv) == argv


def test_main_takes_a_dash_id_through_to_the_broker(capsys: pytest.CaptureFixture[str]) -> None:
    """End to end through main(): the id reaches the session (argparse would exit with 2 before it).

    Sophic has no lookup by key, so resolving an id this session never placed is NotSupported
    (exit 3) and the message is about the id, not about the command line. Nothing is sent.
    """
    argv = ["resolve", "sophic", "--account", "acc", "--client-order-id", "-i4-fn", "--base-url", "http://127.0.0.1:9"]
    code = cli.main(argv)
    err = capsys.readouterr().err
    assert code == cli.EXIT_NOT_SUPPORTED, err
    assert "no record of that client_order_id" in err

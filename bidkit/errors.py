"""The exception tree: InputError is the user's file or option (one sentence, exit code 2);
anything else is a bug and shows a traceback under --debug."""

from __future__ import annotations


class BidkitError(Exception):
    """Base of every error bidkit raises on purpose."""


class InputError(BidkitError):
    """The input (file, directory, option value) cannot be used. The message is one sentence
    for the user that names the file, what was found and what to do next."""

    exit_code = 2


class NotATenderError(InputError):
    """The document was read, but it does not look like a tender."""


class ConfigError(BidkitError):
    """A setting (bidkit.toml, BIDKIT_* variable) is invalid."""

    exit_code = 2

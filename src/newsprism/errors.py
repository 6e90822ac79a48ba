"""User-facing errors in one place: each has a code, says what is wrong and how to fix it."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class: ``code`` is stable, ``hint`` tells the user what to do."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def line(self, source: str | None = None) -> str:
        """One readable line: ``[E101] path: what is wrong -- what to do``."""
        where = f"{source}: " if source else ""
        fix = f" -- {self.hint}" if self.hint else ""
        return f"[{self.code}] {where}{self.message}{fix}"


class InputError(NewsprismError):
    """An input (file, folder, URL, feed) could not be read. The batch goes on without it."""

    code = "E100"


class MissingInput(InputError):
    code = "E101"
    hint = "check the path; give files, folders, URLs or feeds that exist"


class EmptyInput(InputError):
    code = "E102"
    hint = "the file holds no text; remove it or fill it"


class BinaryInput(InputError):
    code = "E103"
    hint = "newsprism reads text, HTML, JSONL, RSS/Atom and WARC; convert the file to one of these"


class UndecodableInput(InputError):
    code = "E104"
    hint = "save the file as UTF-8 (for instance with iconv -t UTF-8)"


class UnsupportedInput(InputError):
    code = "E105"
    hint = "use .txt, .html/.htm, .jsonl(.gz), .xml/.rss/.atom/.rdf, .warc(.gz)/.arc, or an http(s) URL"


class TooLargeInput(InputError):
    code = "E106"
    hint = "split the file, or raise the limit with --max-bytes"


class FetchFailed(InputError):
    code = "E107"
    hint = "check the URL and your connection; the rest of the batch was processed"


class MalformedRecord(InputError):
    code = "E108"
    hint = "fix the record (each JSONL line must be an object with a non-empty \"text\")"


class NoArticleText(InputError):
    code = "E109"
    hint = "the page held no article text that could be extracted; give the article's own URL"


class NotEnglish(InputError):
    """The article is in another language: newsprism's analysis (spaCy's English model, English word
    lists) would read it wrongly, so it is skipped and said so."""

    code = "E110"
    hint = "newsprism analyses English articles; give the English edition or a translation"


class ConfigError(NewsprismError):
    """A bad option or settings file: the run cannot start."""

    code = "E200"


class ModelMissing(NewsprismError):
    code = "E300"
    hint = "run `make install` (or `pip install -e .`) to install the spaCy English model"


class NoArticles(NewsprismError):
    code = "E400"
    hint = "give at least one readable article"  # the line itself names what was skipped and why


class OutputError(NewsprismError):
    """A report or store could not be written (read-only or full disk, a file in the way)."""

    code = "E500"
    hint = "check that the output folder is writable and the disk has room; any earlier report was kept"


class UndeclaredRead(NewsprismError):
    """A stage read a value it did not declare in its table entry (a bug in newsprism)."""

    code = "E900"
    hint = "add the name to the stage's `requires` in its table, or stop reading it"

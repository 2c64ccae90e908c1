"""Load and validate council.yml: a council's branding, contact details and who may embed the site."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_COUNCIL_FILE = ROOT / "council.yml"
ENV_VARIABLE = "TOOLKIT_COUNCIL"

Blankable = Annotated[str, StringConstraints(strip_whitespace=True)]
# A CSS colour we can put in a stylesheet safely: hex, rgb()/hsl() or a named colour, nothing else.
COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/]+\)|[a-zA-Z]+)$")
# A CSP source expression for frame-ancestors: an origin with an optional "*." host wildcard, or "*".
FRAME_ANCESTOR = re.compile(r"^(\*|'self'|https?://(\*\.)?[a-zA-Z0-9.-]+(:[0-9]+)?)$")


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organisation(Settings):
    name: Blankable = ""
    url: Blankable = ""


class Colours(Settings):
    primary: Blankable = ""
    primary_dark: Blankable = ""
    accent: Blankable = ""
    link: Blankable = ""

    @field_validator("*")
    @classmethod
    def _css_colour(cls, value: str) -> str:
        if value and not COLOUR.match(value):
            raise ValueError(f"'{value}' is not a CSS colour (use e.g. #1d4f6e)")
        return value


class Contact(Settings):
    name: Blankable = ""
    email: Blankable = ""
    phone: Blankable = ""
    url: Blankable = ""


class FooterLink(Settings):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    url: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Embedding(Settings):
    frame_ancestors: list[str] = Field(default_factory=list)

    @field_validator("frame_ancestors")
    @classmethod
    def _sources(cls, values: list[str]) -> list[str]:
        for value in values:
            if not FRAME_ANCESTOR.match(value):
                raise ValueError(f"'{value}' is not an origin like https://intranet.example.gov.uk")
        return values


class Council(Settings):
    """Everything a council sets. `folder` is where the file was, for resolving the logo path."""

    organisation: Organisation = Organisation()
    logo: Blankable = ""
    colours: Colours = Colours()
    contact: Contact = Contact()
    footer_links: list[FooterLink] = Field(default_factory=list)
    embedding: Embedding = Embedding()
    folder: Optional[Path] = Field(default=None, exclude=True)

    @property
    def logo_path(self) -> Path | None:
        if not self.logo:
            return None
        return (self.folder or ROOT) / self.logo

    @property
    def has_contact(self) -> bool:
        return any(vars(self.contact).values())


class CouncilError(Exception):
    """council.yml is wrong; the message names the file and every field at fault."""


def council_file() -> Path:
    return Path(os.environ.get(ENV_VARIABLE) or DEFAULT_COUNCIL_FILE)


def load_council(path: Path | None = None) -> Council:
    path = Path(path or council_file())
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise CouncilError(f"{path}: {error}") from None
    try:
        council = Council.model_validate({**data, "folder": path.resolve().parent})
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in detail['loc'])}: {detail['msg']}" for detail in error.errors()
        )
        raise CouncilError(f"{path}: {problems}") from None
    if council.logo_path and not council.logo_path.is_file():
        raise CouncilError(f"{path}: logo: no file at {council.logo_path}")
    return council


def branding_css(council: Council) -> str:
    """A stylesheet setting Material's colour variables from the council's colours (empty if none set)."""
    names = {
        "primary": ["--md-primary-fg-color", "--md-footer-bg-color"],
        "primary_dark": ["--md-primary-fg-color--dark", "--md-footer-bg-color--dark"],
        "accent": ["--md-accent-fg-color"],
        "link": ["--md-typeset-a-color"],
    }
    declarations = [
        f"  {variable}: {value};"
        for field, variables in names.items()
        if (value := getattr(council.colours, field))
        for variable in variables
    ]
    if not declarations:
        return "/* No council colours set in council.yml. */\n"
    return "/* Council colours from council.yml (generated at build time). */\n:root, [data-md-color-primary] {\n" + "\n".join(declarations) + "\n}\n"

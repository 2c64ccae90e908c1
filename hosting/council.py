"""Load and validate council.yml: a council's branding, contact details and who may embed the site."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Annotated, Optional

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_COUNCIL_FILE = ROOT / "council.yml"
ENV_VARIABLE = "TOOLKIT_COUNCIL"

Blankable = Annotated[str, StringConstraints(strip_whitespace=True)]
# Every pattern below is used with fullmatch(): "$" alone would accept a value ending in a newline.
# A CSS colour we can put in a stylesheet safely: hex, rgb()/hsl() or a named colour, nothing else.
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,% /]+\)|[a-zA-Z]+")
# A CSP source expression for frame-ancestors: 'self', 'none', "*", or an origin scheme://host[:port]
# (the host may start with a "*." wildcard). No path, and nothing that could end or split a header.
HOST = r"(\*\.)?[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*"
FRAME_ANCESTOR = re.compile(rf"\*|'self'|'none'|https?://{HOST}(:[0-9]{{1,5}})?")
# A link a council may put on its pages: http(s) with a host, mailto: or tel:, and no character that
# could leave an HTML attribute or hide in one (quotes, angle brackets, backslash, backtick, spaces,
# control characters). Anything else (javascript:, data:, relative addresses) is refused.
URL_CHARACTERS = r"[^\s\"'<>\\`\x00-\x1f\x7f]"
URL = re.compile(rf"(?i:https?)://[a-zA-Z0-9.-]+(:[0-9]{{1,5}})?([/?#]{URL_CHARACTERS}*)?|(?i:mailto|tel):{URL_CHARACTERS}+")
EMAIL = re.compile(r"[a-zA-Z0-9.!#$%&*+/=?^_{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?")
PHONE = re.compile(r"\+?[0-9(][0-9 ()-]*[0-9]")
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")


def _link(value: str) -> str:
    if value and not URL.fullmatch(value):
        raise ValueError(
            f"'{value}' is not a web address: use https://…, http://…, mailto:… or tel:…, "
            "with no spaces, quotes or angle brackets"
        )
    return value


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Link = Annotated[Blankable, AfterValidator(_link)]


class Organisation(Settings):
    name: Blankable = ""
    url: Link = ""


class Colours(Settings):
    primary: Blankable = ""
    primary_dark: Blankable = ""
    accent: Blankable = ""
    link: Blankable = ""

    @field_validator("*")
    @classmethod
    def _css_colour(cls, value: str) -> str:
        if value and not COLOUR.fullmatch(value):
            raise ValueError(f"'{value}' is not a CSS colour (use e.g. #1d4f6e)")
        return value


class Contact(Settings):
    name: Blankable = ""
    email: Blankable = ""
    phone: Blankable = ""
    url: Link = ""

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if value and not EMAIL.fullmatch(value):
            raise ValueError(f"'{value}' is not an email address like team@example.gov.uk")
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        if value and not PHONE.fullmatch(value):
            raise ValueError(f"'{value}' is not a phone number (digits, spaces, +, -, brackets only)")
        return value


class FooterLink(Settings):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    url: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_link)]


class Embedding(Settings):
    frame_ancestors: list[str] = Field(default_factory=list)

    @field_validator("frame_ancestors")
    @classmethod
    def _sources(cls, values: list[str]) -> list[str]:
        for value in values:
            if not isinstance(value, str) or not FRAME_ANCESTOR.fullmatch(value):
                raise ValueError(
                    f"{value!r} is not an origin like https://intranet.example.gov.uk (scheme://host[:port], "
                    "no path, spaces, commas or semicolons), 'self' or 'none'"
                )
        if "'none'" in values and len(values) > 1:
            raise ValueError("'none' cannot be combined with other origins")
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

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: str) -> str:
        # The published name is assets/council/logo<suffix>: only a plain image suffix may reach it.
        if value and Path(value).suffix.lower() not in LOGO_TYPES:
            raise ValueError(f"'{value}' is not an image file ({', '.join(LOGO_TYPES)})")
        return value

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
            f"{'.'.join(str(part) for part in detail['loc'])}: {detail['msg'].removeprefix('Value error, ')}"
            for detail in error.errors()
        )
        raise CouncilError(f"{path}: {problems}") from None
    if council.logo_path and not council.logo_path.is_file():
        raise CouncilError(f"{path}: logo: no file at {council.logo_path}")
    return council


def branding_css(council: Council) -> str:
    """A stylesheet setting Material's colour variables from the council's colours ("" if none is set)."""
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
        return ""
    return "/* Council colours from council.yml (generated at build time). */\n:root, [data-md-color-primary] {\n" + "\n".join(declarations) + "\n}\n"

"""Typed models of the toolkit's content: what every file in content/ may hold.

Every model forbids unknown fields, so a typo in a key is an error rather than silently ignored text.
Every user-facing string is a `Text`: either plain English, or a mapping of language codes to strings
(`{en: ..., cy: ...}`), so a Welsh translation can sit beside the English without changing the schema.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator, model_validator

LANGUAGES = ("en", "cy")
DEFAULT_LANGUAGE = "en"

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Localised(BaseModel):
    """A string in one or more languages; English is required. A plain string is English."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    en: NonEmpty
    cy: Optional[NonEmpty] = None

    @model_validator(mode="before")
    @classmethod
    def _plain_string_is_english(cls, value: object) -> object:
        return {"en": value} if isinstance(value, str) else value

    # Set by the loader, never written in content: "outdated" when the English has changed since the
    # translation was made (the translation is still shown), "missing" when there is no translation yet.
    _translation_state: Optional[str] = PrivateAttr(default=None)

    def get(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The text in `language`, falling back to English where there is no translation yet."""
        return getattr(self, language, None) or self.en

    def translation_state(self, language: str) -> Optional[str]:
        """None when the text in `language` is up to date; "outdated" or "missing" when it is being updated."""
        return None if language == DEFAULT_LANGUAGE else self._translation_state

    def __str__(self) -> str:
        return self.en


Text = Localised


class Model(BaseModel):
    """Base for content models: unknown fields are errors, so a typo in a key is caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------------------------------------
# Sources and shared pieces


class Link(Model):
    text: Text
    url: NonEmpty


class Contact(Model):
    name: Text
    lines: list[Text] = []
    links: list[Link] = []


class Source(Model):
    """One of the published guides, with what is needed to attribute it."""

    id: Id
    title: Text
    short_title: Text
    publisher: Text
    authors: Text
    date: NonEmpty
    place: Text
    licence: Text
    attribution: Text
    contacts: list[Contact] = []
    notes: list[Text] = []


class Section(Model):
    """A titled passage of prose (Markdown) with a stable id."""

    id: Id
    title: Text
    body: Text


# ---------------------------------------------------------------------------------------------------------
# The principles-based process (Welsh Government / Cwmpas)


class Principle(Model):
    id: Id
    name: Text  # short name used in tables and charts, e.g. "Prevention"
    full_name: Text  # the name as the definitions table gives it
    matrix_label: Text  # the wording in the overview matrix and the scoring question
    definition: Text  # Markdown; sub-lists (the eight areas, "It's worth asking") live here


# The labelled scales answers are given on: scores of a service against the principles, and ratings of a
# Big Idea against the four tests. Values are stored in saved answers, so they never change; labels are
# ui.yaml's "<scale>.<value>" strings.
SCALES = {
    "score": ("not-at-all", "partly", "mostly", "fully"),
    "rating": ("no", "partly", "mostly", "yes"),
    "yes_no": ("yes", "no"),
}

AnswerKind = Literal["text", "list", "principle-scores", "design-options", "yes-no", "choice"]


class DesignOption(Model):
    """One row of the Redesign table: current design against a better re-design option."""

    id: Id
    title: Text
    prompt: Text  # Markdown guidance under the row
    gap: Optional[NonEmpty] = None  # where the source text is cut off: what is missing (not published)


class Question(Model):
    """A question a team answers together, with the kind of answer it takes and why it matters."""

    id: Id
    number: Optional[NonEmpty] = None  # the guide's own label, e.g. "Q1", "a)"
    text: Text
    answer: AnswerKind = "text"
    hint: Optional[Text] = None  # short Markdown shown under the label
    guidance: Optional[Text] = None  # "Why this question is important", Markdown
    stakeholders: list[Text] = []  # e.g. the people to talk with
    guidance_after: Optional[Text] = None  # Markdown that follows a stakeholder list
    example: Optional[Text] = None
    changed_since: Optional[Id] = None  # id of the earlier question it revisits ("Has this changed?")
    principles: list[Id] = []  # principle ids scored, for answer "principle-scores"
    options: list[DesignOption] = []  # rows, for answer "design-options"
    choices: list[Text] = []  # for answer "choice"

    @field_validator("principles")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("lists the same principle twice")
        return value


class QuestionGroup(Model):
    """Questions the guide sets under one heading, e.g. "2. Enabling Community".

    A group may instead `revisit` a group of an earlier step: the loader copies its questions under this
    group's id, each asking "Has this changed?" of the original, so the words stay in one place.
    """

    id: Id
    title: Optional[Text] = None
    intro: Optional[Text] = None
    revisits: Optional[Id] = None
    questions: list[Question] = []

    @model_validator(mode="after")
    def _questions_or_revisit(self) -> "QuestionGroup":
        if bool(self.questions) == bool(self.revisits):
            raise ValueError("give either questions or revisits (the id of an earlier group), not both")
        return self


class Step(Model):
    id: Id
    number: int  # the guide's "STEP TWO" etc.
    title: Text
    matrix_title: Text  # column heading in the overview matrix
    matrix_questions: list[Text] = Field(min_length=1)
    intro: Optional[Text] = None
    groups: list[QuestionGroup] = []
    callout: Optional[Text] = None  # the guide's pull quote for the step
    closing: Optional[Text] = None  # prose after the questions


class PrinciplesGuide(Model):
    """The principles guide's introduction, its six principles and its closing reminder (principles.yaml)."""

    source: Id
    intro: list[Section] = Field(min_length=1)
    principles_intro: Section
    principles: list[Principle] = Field(min_length=1)
    principles_callout: Optional[Text] = None
    closing: list[Section] = []


class Process(Model):
    """The overview matrix and the steps with their questions (process.yaml)."""

    source: Id
    matrix: Section  # title and intro of the overview matrix
    matrix_row_heading: Text
    matrix_pattern_labels: list[Text] = []  # "Existing pattern of services" / "Better pattern of services"
    steps: list[Step] = Field(min_length=1)


# ---------------------------------------------------------------------------------------------------------
# Big Ideas (CCPS)


class Note(Model):
    """An endnote; text refers to it as [[note.iv]]."""

    id: Id
    marker: NonEmpty  # roman numeral as printed
    text: Text
    url: Optional[NonEmpty] = None


class Lens(Model):
    """One of the three questions or four tests every Big Idea is examined through."""

    id: Id
    text: Text
    short: Text  # a short label for tables and charts, e.g. "Power"
    hint: Optional[Text] = None


class Approach(Model):
    id: Id
    title: Text
    description: Optional[Text] = None


class BigIdea(Model):
    id: Id
    number: Optional[int] = None
    title: Text
    approach: Id
    idea: Text  # "What's the Big Idea?", Markdown
    implications: dict[Id, Text]  # keyed by question lens id (people, providers, purchasers)
    tests: dict[Id, Text]  # keyed by test lens id
    implementation: Text
    enablers: Optional[Text] = None


class BigIdeasGuide(Model):
    source: Id
    intro: list[Section] = Field(min_length=1)
    approaches: list[Approach] = Field(min_length=1)
    approaches_note: Optional[Text] = None
    questions: list[Lens] = Field(min_length=1)
    tests: list[Lens] = Field(min_length=1)
    lenses_intro: Optional[Text] = None
    contributions: Optional[Text] = None  # "All nine Big Ideas contribute to..."
    ideas: list[BigIdea] = Field(min_length=1)
    core_components: Section
    own_idea: Section  # the toolkit's prompt for developing your own Big Idea
    notes: list[Note] = []


# ---------------------------------------------------------------------------------------------------------
# Toolkit interface strings (labels, buttons, messages), kept as data so they can be translated


class Ui(Model):
    strings: dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9_.-]+$")], Text]


class Page(Model):
    """The toolkit's own words for one page (its title and introduction), not the guides' text."""

    id: Id
    title: Text
    body: Optional[Text] = None  # Markdown; relative links are relative to the site root


class Pages(Model):
    pages: list[Page] = Field(min_length=1)


class Sources(Model):
    sources: list[Source] = Field(min_length=1)


NOTE_REFERENCE = re.compile(r"\[\[(note\.[a-z0-9.-]+)\]\]")


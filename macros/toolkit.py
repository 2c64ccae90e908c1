"""The loaded content: every file's model, with lookups by id and the site path of each worksheet's page.

Built only by the loader (macros/loader.py), which validates and cross-checks everything first, so a
`Toolkit` is always whole. Plain Python: nothing here reads files or knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator

from pydantic import BaseModel

from .files import CONTENT_FILE_FIELDS
from .models import (
    BigIdea,
    BigIdeasGuide,
    Localised,
    Note,
    Page,
    Pages,
    Principle,
    PrinciplesGuide,
    Process,
    Question,
    QuestionGroup,
    Sources,
    Step,
    Ui,
)
from .yaml_positions import LoadedYaml


@dataclass(frozen=True)
class Worksheet:
    """A form a team fills in: one per step, one per Big Idea, and one for their own Big Idea."""

    id: str
    title: Localised
    kind: str  # "step" or "big-idea"
    page: str  # where it lives in the site, e.g. "process/evaluate.html"
    step: Step | None = None
    idea: BigIdea | None = None


@dataclass
class Toolkit:
    """All content, validated, with lookups by id."""

    sources: Sources
    principles: PrinciplesGuide
    process: Process
    big_ideas: BigIdeasGuide
    ui: Ui
    pages: Pages
    folder: Path
    lines: dict[str, LoadedYaml] = field(default_factory=dict, repr=False)
    translation_reviews: dict[str, str] = field(default_factory=dict)  # file -> "draft" | "reviewed"
    # Outdated, missing and orphaned translations: warnings the build prints (mistakes in strict mode).
    translation_notices: list = field(default_factory=list, repr=False)

    def model_of(self, name: str) -> BaseModel:
        """The loaded model of a content file, by its name ("process.yaml")."""
        return getattr(self, CONTENT_FILE_FIELDS[name][1])

    @cached_property
    def principle_by_id(self) -> dict[str, Principle]:
        return {principle.id: principle for principle in self.principles.principles}

    @cached_property
    def note_by_id(self) -> dict[str, Note]:
        return {note.id: note for note in self.big_ideas.notes}

    @cached_property
    def page_by_id(self) -> dict[str, Page]:
        return {page.id: page for page in self.pages.pages}

    @cached_property
    def step_by_id(self) -> dict[str, Step]:
        return {step.id: step for step in self.process.steps}

    @cached_property
    def idea_by_id(self) -> dict[str, BigIdea]:
        return {idea.id: idea for idea in self.big_ideas.ideas}

    @cached_property
    def group_by_id(self) -> dict[str, QuestionGroup]:
        return {group.id: group for step in self.process.steps for group in step.groups}

    @cached_property
    def question_by_id(self) -> dict[str, Question]:
        return {question.id: question for _, question in self.step_questions()}

    def step_questions(self) -> Iterator[tuple[Step, Question]]:
        for step in self.process.steps:
            for group in step.groups:
                for question in group.questions:
                    yield step, question

    @cached_property
    def worksheets(self) -> list[Worksheet]:
        sheets = [
            Worksheet(step.id, step.title, "step", self.page_path(step.id), step=step) for step in self.process.steps
        ]
        sheets += [
            Worksheet(idea.id, idea.title, "big-idea", self.page_path(idea.id), idea=idea)
            for idea in self.big_ideas.ideas
        ]
        own = self.big_ideas.own_idea
        sheets.append(Worksheet(own.id, own.title, "big-idea", self.page_path(own.id)))
        return sheets

    @cached_property
    def worksheet_by_id(self) -> dict[str, Worksheet]:
        return {sheet.id: sheet for sheet in self.worksheets}

    def page_path(self, item_id: str) -> str:
        """The site path of the page that shows a step, a Big Idea or the own-idea worksheet.

        One place for these paths: the docs/ files are named to match (docs/process/<step id>.md,
        docs/big-ideas/<idea id without "big-idea.">.md), and a test checks every one is built."""
        if item_id in self.step_by_id:
            return f"process/{item_id}.html"
        if item_id in self.idea_by_id:
            return f"big-ideas/{item_id.removeprefix('big-idea.')}.html"
        if item_id == self.big_ideas.own_idea.id:
            return "big-ideas/your-own.html"
        raise KeyError(f"no step or Big Idea with id '{item_id}' has a page")

    @cached_property
    def _step_of_question(self) -> dict[str, Step]:
        steps: dict[str, Step] = {}
        for step, question in self.step_questions():
            steps.setdefault(question.id, step)
        return steps

    def step_of(self, question_id: str) -> Step:
        """The step a question belongs to (e.g. to say "Has this changed from Step 2?")."""
        try:
            return self._step_of_question[question_id]
        except KeyError:
            raise KeyError(f"no question with id '{question_id}' in process.yaml") from None

    def text(self, key: str, language: str = "en") -> str:
        """An interface string from ui.yaml; a missing key is a build error, not a blank."""
        try:
            return self.ui.strings[key].get(language)
        except KeyError:
            raise KeyError(f"content/ui.yaml has no string '{key}'") from None

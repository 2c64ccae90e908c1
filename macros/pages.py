"""The macros pages call: each renders one piece of content through its partial.

Every macro looks its content up by id and fails the build (KeyError naming the id) when it is not there.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

from markupsafe import Markup

from .blocks import RenderedBlocks
from .models import Localised
from .render import PageContext, Renderer


@dataclass(frozen=True)
class Stop:
    """One page of a journey (a step of the process, or a Big Idea): its title and where it is."""

    id: str
    title: Localised
    path: str  # the page's path in the site, e.g. "process/evaluate.html"


@dataclass(frozen=True)
class Journey:
    """Where a page sits in its sequence, for the step indicator and the "Previous"/"Next" links.

    `kind` is "step" (Principles → Evaluate → Redesign → Commission → Deliver) or "idea" (the nine Big
    Ideas, then your own idea). `before` and `after` are the pages either side of the sequence (the
    process overview before the principles, the final reminder after the last step)."""

    kind: str
    stops: tuple[Stop, ...]
    current: int  # index into stops
    before: Optional[Stop] = None
    after: Optional[Stop] = None

    @property
    def number(self) -> int:
        return self.current + 1

    @property
    def total(self) -> int:
        return len(self.stops)

    @property
    def previous(self) -> Optional[Stop]:
        return self.stops[self.current - 1] if self.current > 0 else self.before

    @property
    def next(self) -> Optional[Stop]:
        return self.stops[self.current + 1] if self.current + 1 < len(self.stops) else self.after

    def shown(self, limit: int = 12, around: int = 2) -> list[tuple[int, Stop] | None]:
        """The stops to list, with their index: all of them up to `limit`; past it, as in a long pagination,
        the first, the last and `around` either side of the current one, None standing for each gap.
        A page lists a bounded number of stops, so pages do not grow with the number of steps or ideas."""
        indexes = range(self.total)
        if self.total > limit:
            near = range(self.current - around, self.current + around + 1)
            indexes = sorted({0, self.total - 1, *(i for i in near if 0 <= i < self.total)})
        shown: list[tuple[int, Stop] | None] = []
        for index in indexes:
            if shown and shown[-1] is not None and index > shown[-1][0] + 1:
                shown.append(None)
            shown.append((index, self.stops[index]))
        return shown


def _toolkit_version() -> str:
    """The version in pyproject.toml: worksheet exports record it."""
    with open(Path(__file__).resolve().parent.parent / "pyproject.toml", "rb") as file:
        return tomllib.load(file)["project"]["version"]


class PageMacros:
    """The public macros. Method names are the names pages use: {{ step_page("evaluate") }}."""

    toolkit_version = _toolkit_version()

    def __init__(
        self, renderer: Renderer, current_page: Callable[[], PageContext], blocks: RenderedBlocks | None = None
    ):
        self._renderer = renderer
        self._current_page = current_page
        self._toolkit = renderer.toolkit
        self._blocks = blocks or RenderedBlocks()

    @classmethod
    def names(cls) -> list[str]:
        return [name for name in vars(cls) if not name.startswith("_") and callable(getattr(cls, name))
                and name != "names"]

    def _render(self, template: str, **context) -> Markup:
        return self._blocks.hold(self._renderer.render(template, self._current_page(), **context))

    # -- the principles-based process ------------------------------------------------------------------

    def section(self, section_id: str) -> Markup:
        """A titled passage of either guide, by id (intro sections, closing reminder, core components)."""
        return self._render("section.html", section=_find_section(self._toolkit, section_id))

    def principles(self) -> Markup:
        guide = self._toolkit.principles
        return self._render(
            "principles.html", guide=guide, principles=guide.principles, journey=self._step_journey("principles")
        )

    def process_matrix(self) -> Markup:
        return self._render(
            "matrix.html", process=self._toolkit.process, principles=self._toolkit.principles.principles
        )

    def step_page(self, step_id: str) -> Markup:
        step = _lookup(self._toolkit.step_by_id, step_id, "step")
        worksheet = _lookup(self._toolkit.worksheet_by_id, step_id, "worksheet")
        return self._render("step.html", step=step, worksheet=worksheet, journey=self._step_journey(step_id))

    def steps_list(self) -> Markup:
        return self._render("steps-list.html", steps=self._toolkit.process.steps)

    # -- Big Ideas -------------------------------------------------------------------------------------

    def big_ideas_overview(self) -> Markup:
        return self._render("big-ideas-overview.html", guide=self._toolkit.big_ideas)

    def lenses(self) -> Markup:
        return self._render("lenses.html", guide=self._toolkit.big_ideas)

    def big_idea_page(self, idea_id: str) -> Markup:
        idea = _lookup(self._toolkit.idea_by_id, idea_id, "Big Idea")
        worksheet = _lookup(self._toolkit.worksheet_by_id, idea_id, "worksheet")
        guide = self._toolkit.big_ideas
        approach = next(a for a in guide.approaches if a.id == idea.approach)
        return self._render(
            "big-idea.html", idea=idea, guide=guide, approach=approach, worksheet=worksheet,
            journey=self._idea_journey(idea_id),
        )

    def own_big_idea_page(self) -> Markup:
        guide = self._toolkit.big_ideas
        worksheet = _lookup(self._toolkit.worksheet_by_id, guide.own_idea.id, "worksheet")
        return self._render(
            "own-big-idea.html", guide=guide, worksheet=worksheet, journey=self._idea_journey(guide.own_idea.id)
        )

    def start_page(self) -> Markup:
        """The home page as a start page: what the toolkit is for, one "Start" button, the guides."""
        pages = self._toolkit.page_by_id
        return self._render(
            "start.html", home=pages["page.home"], start=pages["page.home.start"], guides=pages["page.home.guides"],
            first=self._step_journey("principles").stops[0],
            sources=self._toolkit.sources.sources,
        )

    # -- journeys: where a page sits, and the way on ------------------------------------------------

    def _step_journey(self, current: str) -> Journey:
        """Principles → Evaluate → Redesign → Commission → Deliver; names from the content."""
        toolkit = self._toolkit
        pages = toolkit.page_by_id
        stops = (
            Stop("principles", pages["step.principles"].title, "principles.html"),
            *(Stop(step.id, step.title, toolkit.page_path(step.id)) for step in toolkit.process.steps),
        )
        index = [stop.id for stop in stops].index(current)
        return Journey(
            "step", stops, index,
            before=Stop("page.process", pages["page.process"].title, "process/index.html"),
            after=Stop("page.final-reminder", pages["page.final-reminder"].title, "process/final-reminder.html"),
        )

    def _idea_journey(self, current: str) -> Journey:
        """The nine Big Ideas in the guide's order, then your own idea."""
        toolkit = self._toolkit
        guide = toolkit.big_ideas
        stops = (
            *(Stop(idea.id, idea.title, toolkit.page_path(idea.id)) for idea in guide.ideas),
            Stop(guide.own_idea.id, guide.own_idea.title, toolkit.page_path(guide.own_idea.id)),
        )
        index = [stop.id for stop in stops].index(current)
        return Journey(
            "idea", stops, index,
            before=Stop("page.lenses", toolkit.page_by_id["page.lenses"].title, "big-ideas/questions-and-tests.html"),
        )

    def notes(self) -> Markup:
        return self._render("notes.html", notes=self._toolkit.big_ideas.notes)

    # -- the worksheets kept on this device ------------------------------------------------------------

    def report(self) -> Markup:
        """The report page: an assessment as one document (report/report.js), every worksheet's questions."""
        return self._render("report.html", worksheets=self._toolkit.worksheets)

    def my_worksheets(self) -> Markup:
        """The "My worksheets" page: every assessment on this device, listed by worksheet/my-worksheets.js."""
        return self._render("my-worksheets.html")

    # -- sources and interface -------------------------------------------------------------------------

    def sources(self) -> Markup:
        return self._render("sources.html", sources=self._toolkit.sources.sources)

    def source_credit(self, source_id: str) -> Markup:
        source = _lookup({s.id: s for s in self._toolkit.sources.sources}, source_id, "source")
        return self._render("source-credit.html", source=source)

    def help_contact(self, council: dict | None = None) -> Markup:
        """Who to contact about this copy of the toolkit (the accessibility statement): the council's
        contact from council.yml when it sets one, else the publishers' own contacts (sources.yaml)."""
        contact = (council or {}).get("contact") or {}
        has_council = bool((council or {}).get("has_contact"))
        return self._render(
            "help-contact.html", council=contact if has_council else None,
            organisation=((council or {}).get("organisation") or {}).get("name") or "",
            sources=self._toolkit.sources.sources,
        )

    def title(self, item_id: str) -> str:
        """The title of a step, Big Idea or section, for a page's h1 (so no guide text lives in docs/)."""
        toolkit = self._toolkit
        titled = {
            **toolkit.step_by_id,
            **toolkit.idea_by_id,
            **toolkit.page_by_id,
            toolkit.big_ideas.own_idea.id: toolkit.big_ideas.own_idea,
        }
        return self._renderer.on(self._current_page()).translate(_lookup(titled, item_id, "titled item").title)

    def page_body(self, page_id: str) -> Markup:
        """The toolkit's own introduction for a page (content/pages.yaml), as HTML."""
        page = _lookup(self._toolkit.page_by_id, page_id, "page")
        return self._render("page-body.html", page=page)

    def language_links(self, language: str) -> dict:
        """What the theme needs for the language switch: the other language, its root and labels.

        English is built at the site root and Welsh under cy/; every page has the same path in both.
        """
        other = "cy" if language == "en" else "en"
        toolkit = self._toolkit
        draft = language != "en" and any(
            status == "draft" for status in toolkit.translation_reviews.values()
        )
        return {
            "language": language,
            "other": other,
            "other_root": "cy/" if other == "cy" else "../",
            "switch_text": toolkit.text("language.switch_to", language),
            "switch_label": toolkit.text("language.switch_label", language),
            "draft_notice": toolkit.text("language.draft_notice", language) if draft else "",
        }

    def ui(self, key: str) -> str:
        return self._renderer.on(self._current_page()).ui(key)


def _lookup(items: dict, item_id: str, kind: str):
    try:
        return items[item_id]
    except KeyError:
        raise KeyError(f"no {kind} with id '{item_id}' in content/ (known: {', '.join(sorted(items))})") from None


def _find_section(toolkit, section_id: str):
    candidates = [
        *toolkit.principles.intro,
        toolkit.principles.principles_intro,
        *toolkit.principles.closing,
        toolkit.process.matrix,
        *toolkit.big_ideas.intro,
        toolkit.big_ideas.core_components,
        toolkit.big_ideas.own_idea,
    ]
    return _lookup({section.id: section for section in candidates}, section_id, "section")

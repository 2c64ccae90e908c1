"""MkDocs hook: council branding, interface strings for the theme templates, and server header files.

The header files go in the site's root (`_headers`, `.htaccess`, `web.config`); the nginx and Apache
snippets are staged in `.server-config/` there, and tools/build.py (hosting/publish.py) moves them out of
the published tree into `server-config/` beside the site, and gives every file mode 0644 (folders 0755).

Thin on purpose: the work is done by plain modules in hosting/ (no MkDocs there). Registered in
mkdocs.yml under `hooks:`. `mkdocs serve` does not reload changed Python modules: restart it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from hosting.classic_script import write_classic_script
from hosting.council import Council, CouncilError, branding_css, load_council
from hosting.csp import content_security_policy, site_scripts
from hosting.head_script import write_head_script
from hosting.headers import header_root, site_headers, write_header_files
from macros.cache import TEMPLATE_BYTECODE, compile_strings_once, current_toolkit

BRANDING_CSS = "assets/council/branding.css"
log = logging.getLogger("mkdocs.hooks.site_hosting")  # a warning fails a strict build
_state: dict = {}


def on_config(config):
    try:
        council = load_council()
    except CouncilError as error:
        from mkdocs.exceptions import PluginError

        raise PluginError(str(error)) from None
    _state["council"] = council
    _state["toolkit"] = current_toolkit()  # the same loaded content as the macros' (macros/cache.py)
    config.extra["council"] = council.model_dump() | {"has_contact": council.has_contact}
    if council.logo_path:
        logo = f"assets/council/logo{council.logo_path.suffix.lower()}"
        config.theme["logo"] = logo
        config.extra["council"]["logo_url"] = logo
    # Linked only when the council sets colours: otherwise it would be one more request before first paint.
    _state["branding_css"] = branding_css(council)
    if _state["branding_css"] and BRANDING_CSS not in config.extra_css:
        config.extra_css.append(BRANDING_CSS)
    return config


def on_files(files, config):
    macros = config.plugins.get("macros")
    if macros is not None:  # its Jinja environment exists from its on_config on: pages compiled once
        compile_strings_once(macros.env)
    council: Council = _state["council"]
    if _state["branding_css"]:
        files.append(File.generated(config, BRANDING_CSS, content=_state["branding_css"]))
    if council.logo_path:
        files.append(File.generated(config, config.extra["council"]["logo_url"], abs_src_path=str(council.logo_path)))
    return files


def on_env(env, config, files):
    toolkit = _state["toolkit"]
    language = config.theme.get("language", "en")
    env.globals["ui"] = lambda key: toolkit.text(key, language)
    env.bytecode_cache = TEMPLATE_BYTECODE  # the theme's templates compiled once per process, not per language
    return env


@event_priority(-110)  # after every plugin that writes pages (offline runs at -100)
def on_post_build(config):
    council: Council = _state["council"]
    root = header_root(Path(config.site_dir))  # the whole site, when this is a second language's build
    scripts = site_scripts(root, [Path(folder) for folder in config.theme.dirs])
    for page, start in scripts.untrusted:
        log.warning(
            f"{page}: an inline script that no theme template writes, so the Content-Security-Policy "
            f"does not allow it and browsers will block it: <script>{start}"
        )
    policy = content_security_policy(scripts.hashes, council.embedding.frame_ancestors)
    write_header_files(root, site_headers(policy))
    write_classic_script(Path(config.site_dir) / "assets")  # for copies opened from file://
    write_head_script(Path(config.site_dir), config.extra.get("polyfills") or [])  # one request before first paint

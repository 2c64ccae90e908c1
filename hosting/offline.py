"""Pack the built site as a zip to open from disk: a shared drive, a laptop without network, a USB stick.

Everything is inside one top folder, with a short README.txt: unzip, then open index.html.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

README = """\
{title}

Open index.html in this folder with a web browser (Edge, Chrome, Firefox or Safari).
Unzip the whole folder first: opening a page from inside the zip file shows it without its styles and links.

Worksheet answers are kept in the browser on this computer, not in these files. To keep or share them,
use "Save answers to a file" on a worksheet.
"""


def pack(site_dir: Path, output: Path, folder: str = "social-care-toolkit", title: str = "Social care commissioning toolkit") -> Path:
    site_dir, output = Path(site_dir), Path(output)
    if not (site_dir / "index.html").is_file():
        raise FileNotFoundError(f"{site_dir} has no index.html: build the site first (make build)")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{folder}/README.txt", README.format(title=title))
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
    partial.replace(output)
    return output

"""No tracked file names a folder of some machine: provenance cites the public doc pages, paths are repo-relative."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# An absolute path into a machine's own folders (a POSIX home, /work, /tmp, ...), a Windows drive, or a file:// URL.
MACHINE_PATH = re.compile(
    r"""(?<![\w.:/~-])(?:/(?:work|home|root|Users|tmp|var/folders|private/var|opt|mnt|srv|media)/[\w.-]"""
    r"""|[A-Za-z]:\\(?:Users|work)\\|file:///[\w])"""
)


def tracked_text_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    files = []
    for name in out.decode().split("\0"):
        path = ROOT / name
        if not name or not path.is_file():
            continue
        head = path.read_bytes()[:4096]
        if b"\0" not in head:
            files.append(path)
    return files


def test_the_scan_sees_the_tree_and_the_pattern_catches_machine_paths() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in tracked_text_files()}
    assert {"README.md", "spec/PROVENANCE.md", "tests/client/conftest.py"} <= names
    root = "/"  # the samples are assembled so that this file passes its own scan
    samples = (f"see {root}work/shared/x.yaml", f"({root}home/dev/korusticket)", f"at {root}tmp/abc/spec")
    for found in (*samples, "C:" + "\\Users\\me", "file:" + "///opt/x"):
        assert MACHINE_PATH.search(found), found
    for fine in ("/v1/booking/orders", "https://docs.korusticket.com/how-to/introduction", "spec/openapi.yaml", "/tmp"):
        assert not MACHINE_PATH.search(fine), fine


def test_no_tracked_file_names_an_absolute_path_of_a_machine() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in tracked_text_files()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if MACHINE_PATH.search(line)
    ]
    assert not found, "absolute paths of a machine (cite the doc page URL or a repo-relative path):\n" + "\n".join(
        found
    )

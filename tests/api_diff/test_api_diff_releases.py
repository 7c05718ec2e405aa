"""The CI gate: which release the head is compared with (by record, never by sorting), what the
changelog acknowledges, and the checks no acknowledgement waives."""

from __future__ import annotations

from pathlib import Path

import apidiff as api_diff
import pytest
import surface as surface_mod
import yaml

from tests.support.git import git

# 1.0.7 sorts after 1.0.38 as a string, `release` came after 1.0.38, and 1.0.40 after `release`.
ORDER = ["1.0.7", "1.0.10", "1.0.38", "release", "1.0.40"]


def spec(version: str, description: str = "") -> str:
    doc = {"openapi": "3.1.0", "info": {"title": "t", "version": version, "description": description}, "paths": {}}
    return yaml.safe_dump(doc, sort_keys=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    releases = tmp_path / "spec" / "releases"
    releases.mkdir(parents=True)
    for version in ORDER:
        (releases / f"{version}.yaml").write_text(spec(version), encoding="utf-8")
    (releases / api_diff.MANIFEST).write_text("# oldest first\n" + "\n".join(ORDER) + "\n", encoding="utf-8")
    (tmp_path / "spec" / "openapi.yaml").write_text(spec("1.0.40"), encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    return tmp_path


def test_releases_are_in_the_order_recorded_never_sorted(repo: Path) -> None:
    assert [p.stem for p in api_diff.release_files(repo)] == ORDER
    assert api_diff.last_release(repo, "1.0.40") == repo / "spec" / "releases" / "release.yaml"
    assert api_diff.last_release(repo, "release") == repo / "spec" / "releases" / "1.0.38.yaml"
    assert api_diff.last_release(repo, "1.0.10") == repo / "spec" / "releases" / "1.0.7.yaml"
    assert api_diff.last_release(repo, "1.0.7") == repo / "spec" / "releases" / "1.0.7.yaml"  # the first: itself
    # A version not recorded yet (a spec edited by hand) is compared with the newest release.
    assert api_diff.last_release(repo, "2.0.0") == repo / "spec" / "releases" / "1.0.40.yaml"


def test_the_ci_base_is_the_release_before_the_current_one(repo: Path) -> None:
    report = api_diff.build_report(api_diff.LAST_RELEASE, repo / "spec" / "openapi.yaml", client=False)
    assert (report.base_version, report.head_version) == ("release", "1.0.40")
    assert any("the release before 1.0.40 in spec/releases/manifest.txt" in n for n in report.notes)


def test_a_manifest_that_disagrees_with_the_files_is_refused(repo: Path) -> None:
    (repo / "spec" / "releases" / "1.0.41.yaml").write_text(spec("1.0.41"), encoding="utf-8")
    with pytest.raises(api_diff.DiffError, match=r"1\.0\.41\.yaml is not listed"):
        api_diff.release_files(repo)
    (repo / "spec" / "releases" / "1.0.41.yaml").unlink()
    (repo / "spec" / "releases" / "1.0.10.yaml").unlink()
    with pytest.raises(api_diff.DiffError, match=r"1\.0\.10 is listed but"):
        api_diff.release_files(repo)
    (repo / "spec" / "releases" / api_diff.MANIFEST).unlink()
    with pytest.raises(api_diff.DiffError, match=r"no manifest\.txt"):
        api_diff.release_files(repo)


def test_record_release_appends_after_the_outgoing_one(repo: Path) -> None:
    api_diff.record_release(repo, "1.0.40")  # recorded already: unchanged
    (repo / "spec" / "releases" / "1.0.41.yaml").write_text(spec("1.0.41"), encoding="utf-8")
    api_diff.record_release(repo, "1.0.41", after="1.0.40")
    assert api_diff.release_order(repo) == [*ORDER, "1.0.41"]
    with pytest.raises(api_diff.DiffError, match=r"the newest release is 1\.0\.41, not release"):
        api_diff.record_release(repo, "1.0.42", after="release")


def test_a_released_spec_changed_under_its_version_fails_ci_whatever_the_changelog_says(repo: Path) -> None:
    head = repo / "spec" / "openapi.yaml"
    head.write_text(spec("1.0.40", "edited after the release"), encoding="utf-8")
    changelog = repo / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## 0.9.0: KorusTicket API 1.0.40\n\n- `info.version`\n", encoding="utf-8")
    code = api_diff.main(["--base", "last-release", "--head", str(head), "--ack", str(changelog), "--allow-breaking"])
    assert code == 1
    report = api_diff.build_report(api_diff.LAST_RELEASE, head, client=False, ack=changelog)
    assert report.breaking
    assert any("differs from spec/releases/1.0.40.yaml" in f for f in report.failures)


def test_version_not_bumped_blocks_ci_even_when_acknowledged(tmp_path: Path) -> None:
    base, head = tmp_path / "base.yaml", tmp_path / "head.yaml"
    base.write_text(spec("1.0.40"), encoding="utf-8")
    head.write_text(spec("1.0.40", "changed"), encoding="utf-8")
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text("# Changelog\n\n## 0.9.0: KorusTicket API 1.0.40\n\n- `info.version`\n", encoding="utf-8")
    report = api_diff.build_report(str(base), head, client=False, ack=changelog)
    assert [c.kind for c in report.changes] == ["version-not-bumped"]
    assert report.breaking
    args = ["--base", str(base), "--head", str(head), "--no-client", "--ack", str(changelog)]
    assert api_diff.main(args) == 1
    assert api_diff.main([*args, "--allow-breaking"]) == 1


CHANGELOG = """# Changelog

## 0.10.0: KorusTicket API 1.0.38

<!-- draft: review it -->

- `korusticket.types.New.field`

## 0.9.0: KorusTicket API 1.0.3

- `korusticket.KorusTicket.old.method`

## 0.8.0: KorusTicket API release

- `korusticket.KorusTicket.products`
"""


def test_the_acknowledgements_of_a_release_end_at_the_next_entry(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(CHANGELOG, encoding="utf-8")
    ids, failures = api_diff.acknowledgements(changelog, "1.0.38")
    assert ids == frozenset({"korusticket.types.New.field"})
    assert failures
    assert "draft" in failures[0]
    ids, failures = api_diff.acknowledgements(changelog, "1.0.3")
    assert ids == frozenset({"korusticket.KorusTicket.old.method"})  # not the 1.0.38 entry, nor the older one
    assert failures == []


def test_the_entry_heading_names_the_version_exactly(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(CHANGELOG.replace("API 1.0.3\n", "API 1.0.30\n"), encoding="utf-8")
    assert api_diff.acknowledgements(changelog, "1.0.3") == (frozenset(), [])
    assert api_diff.acknowledgements(changelog, "1.0.30")[0] == frozenset({"korusticket.KorusTicket.old.method"})


def test_a_response_field_that_may_now_be_none_is_breaking() -> None:
    def field(annotation: str) -> surface_mod.Surface:
        return {"korusticket.types.Order": {"kind": "model"}, "korusticket.types.Order.customer": {
            "kind": "field", "annotation": annotation}}  # fmt: skip

    (change,) = surface_mod.diff_surfaces(field("OrderCustomer"), field("OrderCustomer | None"))
    assert (change.kind, change.breaking) == ("field-type-changed", True)
    (change,) = surface_mod.diff_surfaces(field("OrderCustomer | None"), field("OrderCustomer"))
    assert (change.kind, change.breaking) == ("field-type-changed", False)


def test_private_attributes_are_no_public_surface() -> None:
    base: surface_mod.Surface = {"korusticket.types.Order": {"kind": "model"}}
    head = {**base, "korusticket.types.Order._src": {"kind": "field", "annotation": "Mapping[str, Any]"}}
    head["korusticket.types.Order._extra"] = {"kind": "field", "annotation": "dict[str, Any] | None"}
    assert surface_mod.diff_surfaces(base, head) == []
    assert surface_mod.diff_surfaces(head, base) == []


def method(annotation: str, *, deprecated: bool = False) -> surface_mod.Surface:
    entry: dict[str, object] = {"kind": "method", "returns": "X", "params": {
        "product_base": {"kind": "KEYWORD_ONLY", "required": False, "annotation": annotation}}}  # fmt: skip
    if deprecated:
        entry["deprecated"] = True
    return {"korusticket.KorusTicket.offers.list": entry}


@pytest.mark.parametrize(
    ("old", "new", "breaking"),
    [
        ("IdLike | None", "str | None", True),  # a configured id filter renamed on the wire: now a text
        ("Literal['a', 'b'] | None", "Literal['a'] | None", True),
        ("Literal['a'] | None", "Literal['a', 'b'] | None", False),
        ("str | None", "IdLike | str | None", False),
        ("Mapping[str, Any]", "CustomerInput", False),  # a mapping refined into its TypedDict
    ],
)
def test_a_narrowed_parameter_is_breaking(old: str, new: str, breaking: bool) -> None:
    (change,) = surface_mod.diff_surfaces(method(old), method(new))
    assert change.path == "korusticket.KorusTicket.offers.list(product_base)"
    assert (change.kind, change.breaking) == ("parameter-narrowed" if breaking else "parameter-type-changed", breaking)


def test_a_deprecated_method_is_reported_not_breaking_yet() -> None:
    (change,) = surface_mod.diff_surfaces(method("str"), method("str", deprecated=True))
    assert (change.kind, change.path, change.breaking) == ("deprecated", "korusticket.KorusTicket.offers.list", False)

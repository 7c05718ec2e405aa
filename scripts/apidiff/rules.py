"""The rule ids diff_specs can emit, with their breaking flags and reasons (`--list-rules`)."""

from __future__ import annotations

from collections.abc import Iterator

# Every rule id diff_specs can emit, with its breaking flag and why. Rules whose flag
# depends on the change (type widened or narrowed, which status code) say "varies".
RULES: dict[str, tuple[bool | None, str]] = {
    "operation-added": (False, "a new operation"),
    "operation-removed": (True, "callers of the operation get 404/405"),
    "operation-deprecated": (False, "still served; plan the migration"),
    "parameter-added": (False, "a new optional parameter"),
    "parameter-added-required": (True, "existing calls lack the parameter"),
    "parameter-removed": (True, "the generated method loses the argument"),
    "parameter-made-required": (True, "existing calls may lack the parameter"),
    "parameter-made-optional": (False, "relaxed"),
    "parameter-type-changed": (True, "values that were valid may be refused"),
    "parameter-became-nullable": (False, "relaxed"),
    "parameter-became-non-nullable": (True, "null is refused"),
    "parameter-enum-value-added": (False, "more values accepted"),
    "parameter-enum-value-removed": (True, "a value callers send is refused"),
    "parameter-enum-added": (True, "an enum now restricts a free value"),
    "parameter-enum-removed": (False, "any value accepted"),
    "request-body-added": (False, "a new optional request body"),
    "request-body-added-required": (True, "existing calls send no body"),
    "request-body-removed": (True, "the body callers send is no longer accepted"),
    "request-body-made-required": (True, "existing calls may send no body"),
    "request-media-type-added": (False, "another accepted media type"),
    "request-media-type-removed": (True, "the media type callers send is refused"),
    "request-property-added": (False, "a new optional request property"),
    "request-property-added-required": (True, "existing payloads lack it"),
    "request-property-removed": (True, "the server no longer accepts it"),
    "request-property-made-required": (True, "existing payloads may lack it"),
    "request-property-made-optional": (False, "relaxed"),
    "request-property-type-changed": (None, "breaking unless the type was only widened"),
    "request-property-became-nullable": (False, "relaxed"),
    "request-property-became-non-nullable": (True, "null is refused"),
    "request-enum-value-added": (False, "more values accepted"),
    "request-enum-value-removed": (True, "a value callers send is refused"),
    "request-enum-added": (True, "an enum now restricts a free value"),
    "request-enum-removed": (False, "any value accepted"),
    "response-status-added": (False, "a new status code"),
    "response-status-removed": (None, "breaking for a success (2xx/default) response"),
    "response-media-type-added": (False, "another media type served"),
    "response-media-type-removed": (True, "the media type the client asks for is gone"),
    "response-property-added": (False, "clients ignore or keep unknown properties"),
    "response-property-removed": (True, "callers reading it break"),
    "response-property-made-required": (False, "always present now, e.g. @id/@type"),
    "response-property-made-optional": (True, "callers may find it missing"),
    "response-property-type-changed": (None, "breaking unless the type was only narrowed"),
    "response-property-became-nullable": (True, "callers may receive null"),
    "response-property-became-non-nullable": (False, "never null now"),
    "response-enum-value-added": (False, "the client keeps unknown enum values"),
    "response-enum-value-removed": (False, "reported: the value will no longer be served"),
    "response-enum-added": (False, "values are now restricted"),
    "response-enum-removed": (False, "the client keeps unknown values"),
    "schema-added": (False, "a new component schema (a new model class)"),
    "schema-removed": (True, "the generated model class disappears"),
    # Component schemas used by no operation have no direction: the stricter of the
    # request and response readings is used.
    "schema-property-added": (None, "breaking if added as required"),
    "schema-property-removed": (True, "unused schema lost a property"),
    "schema-property-made-required": (True, "breaking for request use"),
    "schema-property-made-optional": (True, "breaking for response use"),
    "schema-property-type-changed": (True, "breaking in one direction at least"),
    "schema-property-became-nullable": (True, "breaking for response use"),
    "schema-property-became-non-nullable": (True, "breaking for request use"),
    "schema-enum-value-added": (False, "more values"),
    "schema-enum-value-removed": (True, "breaking for request use"),
    "schema-enum-added": (True, "breaking for request use"),
    "schema-enum-removed": (False, "relaxed"),
    "security-changed": (True, "the operation needs other credentials"),
    "security-scheme-added": (False, "a new scheme"),
    "security-scheme-removed": (True, "credentials of that scheme no longer work"),
    "security-scheme-changed": (True, "the way credentials are sent changed"),
    "version-not-bumped": (True, "process: every spec change must bump info.version"),
    # Same structure, other meaning: where a change of semantics hides (never breaking by rule).
    "description-changed": (False, "the documented meaning changed: check what callers send or read"),
    "pattern-changed": (False, "the documented format of the value changed"),
    "example-changed": (False, "the documented examples changed (the values may mean something else)"),
    "format-changed": (False, "the documented format changed"),
}

MEANING_RULES = frozenset({"description-changed", "pattern-changed", "example-changed", "format-changed"})


def iter_rules() -> Iterator[str]:
    """Yield one "rule: breaking - why" line per rule (for --help readers and tests)."""
    for kind, (brk, why) in RULES.items():
        yield f"{kind}: {'varies' if brk is None else 'breaking' if brk else 'non-breaking'} - {why}"

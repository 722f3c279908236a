"""Find what would run in a browser in an HTML page: the check behind the XSS probes."""

from __future__ import annotations

from html.parser import HTMLParser

#: Elements a page of this app never has, so any one of them was injected.
FOREIGN_TAGS = {"iframe", "img", "object", "embed", "base", "style", "frame", "meta"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
TEMPLATE_RESULT = "3703701"  # what {{ 1234567*3 }} would render to if a template evaluated it


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "head":
            self._in_head = True
        if tag == "script" and not values.get("src"):
            self.problems.append("inline <script>")
        if tag in FOREIGN_TAGS and not (tag == "meta" and self._in_head):
            self.problems.append(f"<{tag}> element")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"{name}= handler on <{tag}>")
            if name == "style":
                self.problems.append(f"style= on <{tag}>")
            cleaned = "".join(ch for ch in value if ch > " ").lower()
            if name in URL_ATTRIBUTES and cleaned.startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"{name}={value!r} on <{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False


def script_problems(html: str) -> list[str]:
    """Everything in ``html`` that could run script or that the page did not write itself."""
    audit = _Audit()
    audit.feed(html)
    audit.close()
    if TEMPLATE_RESULT in html:
        audit.problems.append("a template expression was evaluated")
    return audit.problems

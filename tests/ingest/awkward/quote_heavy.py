"""A synthetic quote-heavy article of any length: many short paragraphs of direct quotes,
split quotes, unclosed quotation marks and apostrophes (the shape that made quote finding
quadratic), plus one giant paragraph with no sentence end (log dumps read as text)."""

from __future__ import annotations

SPEAKERS = ("Maria Lopez", "the minister", "John Smith", "a spokeswoman", "Dr. Amara Okafor")
LINES = (
    '"We will not leave our homes," {s} said. "They shot people in their homes."',
    '{s} told reporters: "There could be many more."',
    "According to {s}, the talks broke down after the rebels' convoy was stopped.",
    "“The situation is very serious,” {s} said on Tuesday, adding that aid was ‘on its way’.",
    '"This sentence never closes, said {s} as the line goes on',
    "{s} said that the crossing would open again next week.",
)


def quote_heavy_text(n_chars: int, *, dump_chars: int = 0) -> str:
    parts, size, i = [], 0, 0
    while size < n_chars:
        line = LINES[i % len(LINES)].format(s=SPEAKERS[i % len(SPEAKERS)])
        parts.append(line)
        size += len(line) + 2
        i += 1
    text = "\n\n".join(parts)
    if dump_chars:  # one paragraph with quotes and apostrophes but no line break or full stop
        unit = ' key "value" it\'s \'open '
        text += "\n\n" + (unit * (dump_chars // len(unit) + 1))[:dump_chars]
    return text

"""A hand-built report on the five Aleppo seeds, covering every section, with exact offsets.

Used by the HTML, web and browser tests until the real pipeline fills every section. Every
span is located in the real seed text with ``str.find``, so ``text[start:end] == span.text``.
Also builds a hostile report (script tags, event handlers, ``javascript:`` links, broken markup).
"""

from __future__ import annotations

from pathlib import Path

from newsprism.model import (
    Article,
    Claim,
    Entity,
    Figure,
    FigureValue,
    FramingRow,
    Mention,
    OutletProfile,
    Part,
    Quote,
    Report,
    Skipped,
    Speaker,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
)

OUTLETS = {
    "000_f1b6a418e25c13d0": ("Wire report", None, "2016-12-13"),
    "001_cb9f1f31c9d981d9": ("Opinion blog", None, "2016-12-14"),
    "002_3f25034ae387d3ff": ("Partisan site", "Massacres And Bloodshed Mark Latest Assad/Russian Victory In Syria", "2016-12-16"),
    "003_fa7155357702da57": ("Slate", "The Battle for Aleppo Has Entered Its Bloody End Stage", "2016-12-13"),
    "004_9903f25920507770": ("Pro-government outlet", None, "2016-12-12"),
}
W, B, P, S, G = OUTLETS  # article ids, in seed order


def load_seed_articles(seeds_dir: Path) -> dict[str, Article]:
    articles = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        outlet, title, published = OUTLETS[path.stem]
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        articles[path.stem] = Article(id=path.stem, outlet=outlet, text=text, title=title, published=published,
                                      url=f"https://example.org/aleppo/{path.stem}", source=str(path))
    return articles


class Finder:
    """Locate phrases in the seed texts; fails loudly when a phrase is not there."""

    def __init__(self, articles: dict[str, Article]):
        self.articles = articles

    def span(self, article_id: str, phrase: str, nth: int = 0) -> Span:
        text = self.articles[article_id].text
        start = -1
        for _ in range(nth + 1):
            start = text.find(phrase, start + 1)
            if start < 0:
                raise ValueError(f"{phrase!r} not in {article_id}")
        return Span(article_id, start, start + len(phrase), phrase)

    def mentions(self, article_id: str, phrase: str, label: str) -> list[Mention]:
        text, out, start = self.articles[article_id].text, [], 0
        while (start := text.find(phrase, start)) >= 0:
            out.append(Mention(article_id, start, start + len(phrase), phrase, label))
            start += len(phrase)
        return out

    def quote(self, qid: str, article_id: str, said: str, speaker_words: str, speaker: str, *, direct: bool = True,
              also_in: tuple[str, ...] = (), entity_id: str | None = None) -> Quote:
        said_span = self.span(article_id, said)
        who = self.span(article_id, speaker_words)
        return Quote(qid, article_id, said, said_span.start, said_span.end, direct, (Part(said_span.start, said_span.end),),
                     Speaker(speaker, who.start, who.end, who.text, entity_id), cue="said", also_in=also_in)

    def value(self, article_id: str, words: str, value: float, qualifier: str | None, what: str) -> FigureValue:
        sp = self.span(article_id, words)
        return FigureValue(article_id, value, qualifier, words, sp.start, sp.end, what)


def build_seed_report(seeds_dir: Path) -> Report:
    articles = load_seed_articles(seeds_dir)
    f = Finder(articles)

    entities = (
        Entity("e1", "Aleppo", "GPE", (), tuple(m for aid in articles for m in f.mentions(aid, "Aleppo", "GPE"))),
        Entity("e2", "Vitaly Churkin", "PERSON", ("Churkin",), tuple(
            f.mentions(W, "Vitaly Churkin", "PERSON") + f.mentions(B, "Vitaly Churkin", "PERSON"))),
        Entity("e3", "Rupert Colville", "PERSON", ("Colville",), tuple(
            f.mentions(W, "Rupert Colville", "PERSON") + f.mentions(B, "Rupert Colville", "PERSON") + f.mentions(G, "Rupert Colville", "PERSON"))),
        Entity("e4", "Bashar al-Assad", "PERSON", ("Assad", "Bashar Al-Assad"), tuple(
            f.mentions(W, "Bashar al-Assad", "PERSON") + f.mentions(B, "Bashar al-Assad", "PERSON")
            + f.mentions(P, "Bashar Al-Assad", "PERSON") + f.mentions(S, "Bashar al-Assad", "PERSON") + f.mentions(G, "Bashar al-Assad", "PERSON"))),
    )

    churkin_w = f.quote("q1", W, "My latest information is that they indeed have an arrangement achieved on the ground that the fighters are going to leave the city",
                        "Russian U.N. Ambassador Vitaly Churkin", "Vitaly Churkin", entity_id="e2")
    colville_b = f.quote("q2", B, "pro-government forces have killed at least 82 civilians in recent days", "Rupert Colville", "Rupert Colville",
                         direct=False, also_in=("q8",), entity_id="e3")
    colville_w = f.quote("q3", W, "The reports we had are of people being shot in the street trying to flee and shot in their homes", "Rupert Colville",
                         "Rupert Colville", entity_id="e3")
    colville_g = f.quote("q4", G, "Civilians are being used as pawns and prevented from leaving", "UN spokesman Rupert Colville", "Rupert Colville", entity_id="e3")
    lavrov = f.quote("q5", S, "we are tired of hearing this whining from our American colleagues in the current administration that we need to immediately halt military action",
                     "Russian foreign minister Sergei Lavrov", "Sergei Lavrov")
    saleh = f.quote("q6", G, "surrender or die", "Lieutenant Gen. Zaid al-Saleh", "Zaid al-Saleh")
    power = f.quote("q7", P, "Is there nothing that can shame you?", "Samantha Power", "Samantha Power")
    un_office = f.quote("q8", S, "it received reports of regime troops executing at least 82 civilians on Monday, including 13 children",
                        "The U.N. human rights office", "U.N. human rights office", direct=False, also_in=("q2",))
    quotes = (churkin_w, colville_b, colville_w, colville_g, lavrov, saleh, power, un_office)

    figures = (
        Figure("f1", "civilians killed by pro-government forces", "disputed", (
            f.value(B, "at least 82 civilians", 82, "at least", "civilians killed"),
            f.value(W, "at least eighty-two civilians", 82, "at least", "civilians gunned down"),
            f.value(S, "at least 82 civilians", 82, "at least", "civilians executed"),
            f.value(P, "executing 79 people", 79, None, "people executed"),
        )),
        Figure("f2", "people trapped or displaced", "single", (
            f.value(S, "More than 100,000", 100000, "more than", "displaced"),
        )),
    )

    claims = (
        Claim("c1", "The Syrian government took control of Aleppo from the rebels.", "agreed", (
            f.span(W, "the Syrian government claimed victory on Tuesday over rebel groups holding out in the besieged city of Aleppo"),
            f.span(P, "Aleppo, the last major rebel city in Syria, has fallen"),
            f.span(G, "Aleppo has been officially liberated after the Syrian army ousted rebels from their remaining bastions in the eastern part of the city"),
        )),
        Claim("c2", "The ceasefire held and fighting ended.", "disputed", (
            f.span(B, "all military action has officially ended in Aleppo"),
        ), (
            f.span(B, "the Assad regime and Iran had already breached the ceasefire"),
            f.span(P, "the previous truce had been broken during Wednesday’s fighting"),
        ), "polarity"),
        Claim("c3", "Terrorist groups used civilians as human shields.", "single", (
            f.span(G, "terrorist groups fighting in Aleppo forcibly prevented civilians from leaving the area whilst using them as human shields"),
        )),
    )

    framing = (
        FramingRow("the armed opposition", {W: ("rebel groups", "opposition groups"), B: ("rebel forces",), P: ("rebel forces",),
                                            S: ("rebel groups",), G: ("anti-government forces", "terrorist groups")},
                   (f.span(W, "rebel groups"), f.span(W, "opposition groups"), f.span(B, "rebel forces"), f.span(P, "rebel forces"),
                    f.span(S, "rebel groups"), f.span(G, "anti-government forces"), f.span(G, "terrorist groups"))),
        FramingRow("the government takeover of Aleppo", {W: ("claimed victory",), P: ("has fallen",), S: ("fall of Aleppo",), G: ("liberated",)},
                   (f.span(W, "claimed victory"), f.span(P, "has fallen"), f.span(S, "fall of Aleppo"), f.span(G, "liberated"))),
    )

    outlets = (
        OutletProfile(W, ("Vitaly Churkin", "Zeid Ra’ad al-Hussein", "Rupert Colville"), (f.span(W, "wanton slaughter"),), (), -0.62),
        OutletProfile(B, ("Rupert Colville", "Staffan de Mistura"), (f.span(B, "slaughtered"), f.span(B, "genocide"), f.span(B, "propaganda")), (), -0.81),
        OutletProfile(P, ("Zeid Ra’ad Al Hussein", "Samantha Power", "David French"),
                      (f.span(P, "ruthlessly bombed"), f.span(P, "Syrian dictator"), f.span(P, "savagery")),
                      (f.span(P, "Please share the story"),), -0.93),
        OutletProfile(S, ("Sergei Lavrov",), (f.span(S, "bloody victory"),), (), -0.55),
        OutletProfile(G, ("Zaid al-Saleh", "Rupert Colville", "Sergey Lavrov"), (f.span(G, "liberated"), f.span(G, "terrorist groups")), (), 0.34),
    )

    timeline = (
        TimelineEntry("2011-03-15", "Protests erupt after the arrest of teenagers who painted slogans", (W, S), (f.span(W, "pro-democracy protests erupted all over the nation"),)),
        TimelineEntry("2012-07-19", "Fighting breaks out in Aleppo", (G,), (f.span(G, "fighting broke out on July 19, 2012"),)),
        TimelineEntry("2016-11-15", "Start of the count of people killed in Aleppo", (S,), (f.span(S, "since Nov. 15"),)),
        TimelineEntry("2016-12-12", "Syrian army celebrates victory in Aleppo", (G,), (f.span(G, "December 12, 2016"),)),
        TimelineEntry("2016-12-13", "The Syrian government claims victory; ceasefire announced", (W, B), (f.span(W, "claimed victory on Tuesday"),)),
    )

    summary = (
        SummarySentence("The Syrian government claimed victory over rebel groups in Aleppo.", (W, G),
                        (f.span(W, "the Syrian government claimed victory on Tuesday over rebel groups holding out in the besieged city of Aleppo"),
                         f.span(G, "Aleppo has been officially liberated after the Syrian army ousted rebels from their remaining bastions in the eastern part of the city"))),
        SummarySentence("The U.N. human rights office said it had reports of at least 82 civilians killed by pro-government forces.", (S, B),
                        (f.span(S, "The U.N. human rights office says it received reports of regime troops executing at least 82 civilians on Monday, including 13 children."),
                         f.span(B, "pro-government forces have killed at least 82 civilians in recent days"))),
        SummarySentence("Whether the ceasefire held is disputed.", (B, P),
                        (f.span(B, "all military action has officially ended in Aleppo"), f.span(P, "the previous truce had been broken during Wednesday’s fighting"))),
        SummarySentence("Celebrations were reported in the streets of Aleppo.", (G,),
                        (f.span(G, "Residents have poured onto the streets to celebrate the liberation of their city."),)),
    )

    story = Story("s1", OUTLETS[P][1] or "", tuple(articles), entities, quotes, figures, claims, framing, outlets, timeline, summary)
    skipped = (Skipped("feeds/broken.xml", "the feed is not well-formed XML: line 3, column 7", "E105"),
               Skipped("https://example.org/gone", "HTTP 404 Not Found", "E106"))
    return Report("0.1.0", tuple(articles.values()), skipped, (story,))


HOSTILE_TITLE = '<script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=\'img\'">'
HOSTILE_TEXT = (
    "Breaking: <script>window.__pwned = 'text'; alert(1)</script> officials said.\n\n"
    "<img src=x onerror=\"window.__pwned='onerror'\"> An <a href=\"javascript:window.__pwned='link'\">official link</a> here.\n\n"
    "Broken markup <div><b><i>unclosed <!-- comment </textarea></style></script><svg onload=\"window.__pwned='svg'\">\n"
    "Separators \u2028 and \u2029 and an emoji \U0001F1F8\U0001F1FE then “the quoted words <b>bold</b>” the spokesman said & more.\n"
)


def build_hostile_report() -> Report:
    aid = "evil\"'><img src=x onerror=alert(1)>"
    art = Article(id=aid, outlet='<b onmouseover="window.__pwned=\'outlet\'">Evil News</b>', text=HOSTILE_TEXT,
                  title=HOSTILE_TITLE, url="javascript:window.__pwned='url'", published="2016-12-13")
    other = Article(id="plain", outlet="Plain Outlet", text="The spokesman said the city had fallen.", title="A plain article",
                    url="https://example.org/plain?a=1&b=<2>", published="2016-12-14")
    f = Finder({aid: art, other.id: other})
    quoted = "the quoted words <b>bold</b>"
    q = f.span(aid, quoted)
    script = f.span(aid, "<script>window.__pwned = 'text'; alert(1)</script>")
    link = f.span(aid, "<a href=\"javascript:window.__pwned='link'\">official link</a>")
    story = Story(
        "s1<script>", HOSTILE_TITLE, (aid, other.id),
        entities=(Entity("e<1>", "<svg onload=alert(1)>", "ORG", ("<i>x</i>",), (Mention(aid, script.start, script.end, script.text, "ORG"),)),),
        quotes=(Quote("q1", aid, quoted, q.start, q.end, True, (Part(q.start, q.end),), Speaker("<img src=x onerror=alert(2)>")),),
        figures=(Figure("f1", "<b>deaths</b>", "disputed", (FigureValue(aid, 1.0, "<i>about</i>", link.text, link.start, link.end),)),),
        claims=(Claim("c1", "<script>alert('claim')</script>", "disputed", (script,), (f.span(other.id, "the city had fallen"),)),),
        framing=(FramingRow("<u>referent</u>", {aid: ("<script>",), other.id: ("fallen",)}),),
        outlets=(OutletProfile(aid, ("<img src=x onerror=alert(3)>",), (link,), (), -0.5),),
        timeline=(TimelineEntry("2016-12-13<script>", "<img src=x onerror=alert(4)>", (aid,), (script,)),),
        summary=(SummarySentence("<script>alert('summary')</script> Officials said it.", (aid,), (script, q)),),
    )
    skipped = (Skipped("<img src=x onerror=alert(5)>.txt", "</script><script>window.__pwned='skipped'</script>"),)
    return Report("0.1.0", (art, other), skipped, (story,))

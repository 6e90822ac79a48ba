"""Story-level links between referents: the sides of a conflict and the frames of its events.

Two signals the sentence-by-sentence links cannot see, both weighed over the whole story:

- sides: descriptions of the organs of one state ("the Syrian government", "the Assad regime",
  "regime forces", "pro-Assad militias") are one actor of the story, found from their role nouns
  (``resources/referent_roles.json``) and their owner (a name among their narrowing words, a
  person the story says holds a state office, "pro-X"); the non-state armed actors the story sets
  against that state ("rebels", "terrorist groups", "anti-government forces") are the other.
  Owners that differ ("the Mexican side" / "the U.S. side") keep descriptions apart.
- frames: event words of one frame (``resources/event_frames.json``: "fall", "liberate",
  "victory") are one event when they share a participant ("the fall of Aleppo" / "Aleppo has
  been liberated") or each states the main event in its article's lead. A word's second sense
  ("strike" as an impact, "capture" as an arrest), or a frame word of many senses in news
  ("hit", "keep"), joins only event words done to one thing (``SECOND_SENSE_ROLES``: "struck
  Qeshm island" / "hit Qeshm island"); a state or a verb that frames its sentence ("kept
  fighting") is in no frame.

Every join goes through the resolver's ``join``, which never joins opposite participants.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..model import PARTICIPANT_ROLES, RefMention
from ..resources.frames import frames, patient_only, roles, second_senses

Key = tuple[str, int]
LEAD_SENTENCES = 2  # a headline and the first sentence: where an outlet states its main event


_roles = roles
_frames = frames
_second_senses = second_senses
_patient_only = patient_only
# the roles a shared participant must fill for a second sense to join: the thing it is done to
# (ECB+ coref_dev 1-22 event CoNLL: patient 0.8120, patient or "at" 0.8120, agent or patient
# 0.8124; the agent left out as weak evidence of one happening)
SECOND_SENSE_ROLES = ("patient",)


def role_words(kind: str) -> tuple[str, ...]:
    """One list of ``referent_roles.json`` ("collective", "state", ...)."""
    return _roles()[kind]


def _stance(mod: str) -> tuple[str, str]:
    """("for" | "against" | "of" | "", the word) for a narrowing word: "pro-assad" -> ("for",
    "assad"), "anti-government" -> ("against", "government"), "russian-backed" -> ("", "")."""
    roles = _roles()
    if any(mod.endswith(s) for s in roles["affiliation_suffixes"]):
        return "", ""  # a backer or an ally is not the owner
    if mod.startswith(roles["for_prefix"]):
        return "for", mod[len(roles["for_prefix"]):]
    for p in roles["against_prefixes"]:
        if mod.startswith(p):
            return "against", mod[len(p):]
    return "of", mod


def role_class(m: RefMention) -> str:
    """state | nonstate | "" for one description: its head, or for a collective head
    ("groups", "forces") its narrowing words ("terrorist groups", "government forces")."""
    if m.kind != "entity" or m.label:
        return ""
    c = _role_class([m.head])
    if c == "collective":
        c = _role_class([_stance(x)[1] for x in m.mods if _stance(x)[0] in ("of", "for")])
        return c if c in ("state", "nonstate") else "collective"
    return c


def stance_words(m: RefMention) -> tuple[set[str], set[str]]:
    """(words a description is of/for, words it is against): "anti-government forces" is against
    "government"; "government forces" is of "government" and "force"."""
    of, against = {m.head}, set()
    for x in m.mods:
        kind, word = _stance(x)
        if kind == "against":
            against.add(word)
        elif word:
            of.add(word)
    return of, against


def _role_class(words: list[str]) -> str:
    """state | nonstate | collective | "" for the head (and narrowing words) of a description."""
    roles = _roles()
    for w in words:
        if w in roles["state"]:
            return "state"
        if w in roles["nonstate_armed"]:
            return "nonstate"
    return "collective" if any(w in roles["collective"] for w in words) else ""


def side_owner_mismatch(a: RefMention, b: RefMention) -> bool:
    """Two descriptions narrowed by different names ("the Mexican side" / "the U.S. side",
    "South Korean officials" / "North Korea's agency") are never one referent."""
    oa, ob = set(a.owners), set(b.owners)
    return bool(oa and ob and not _related(oa, ob))


def _related(a: set[str], b: set[str]) -> bool:
    """One owner in two forms: "syria" / "syrian", "korea" / "korean" (one word starts the other)."""
    return any(x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))) for x in a for y in b)


def join_sides(mentions: dict[Key, RefMention], uf, members_of: dict[Key, list[Key]], groups_ent, join) -> None:
    roles = _roles()
    roots = sorted(members_of)
    # a person the story says holds a state office ("Syrian president, Bashar al-Assad") stands
    # for that state: his name as an owner ("the Assad regime") is the state's
    person_state: dict[str, set[str]] = {}
    for r in roots:
        keys = members_of[r]
        if not groups_ent.get(r):
            continue
        offices = [mentions[k] for k in keys if not mentions[k].label and mentions[k].head in roles["state_person"]]
        states = {o for m in offices for o in m.owners if not o.startswith("!")}
        for k in keys if states else ():
            if mentions[k].label == "PERSON":
                text = mentions[k].text.lower()
                for w in {text, *text.split()}:
                    person_state[w] = states

    def owners(m: RefMention) -> tuple[set[str], set[str]]:
        """(owners this mention belongs to, owners it stands against); "" is the unnamed state."""
        mine, against = set(), set()
        for o in m.owners:
            if o.startswith("!"):
                against |= person_state.get(o[1:], {o[1:]})
            else:
                mine |= person_state.get(o, {o})
        for mod in m.mods:
            kind, word = _stance(mod)
            if word in roles["state"]:
                (against if kind == "against" else mine).add("")
        if m.label:  # a name holding a state noun ("Syrian Arab Army"): the rest is its owner
            words = m.text.lower().split()
            rest = " ".join(w for w in words if w not in roles["state"])
            if rest and len(rest.split()) < len(words):
                mine.add(rest)
        return mine, against

    # each participant referent: its role class and its owner(s)
    info: dict[Key, tuple[str, set[str], set[str]]] = {}
    for r in roots:
        keys = members_of[r]
        cls = Counter()
        mine: set[str] = set()
        against: set[str] = set()
        for k in keys:
            m = mentions[k]
            if m.kind != "entity" or (m.label and m.label not in ("ORG", "NORP", "GPE")):
                continue
            if set(m.mods) & set(roles["other_mods"]):
                continue  # "foreign governments", "rival forces": not the story's own
            words = [m.head] if not m.label else [w.lower() for w in m.text.split()]
            c = _role_class(words)
            if c == "collective" or (c and not m.label):
                c = _role_class([_stance(x)[1] or x for x in m.mods] + words) if c == "collective" else c
            if c in ("state", "nonstate"):
                cls[c] += 1
                o, a = owners(m)
                mine |= o
                against |= a
            elif c == "collective":
                o, a = owners(m)
                if o or a:
                    cls["collective"] += 1
                    mine |= o
                    against |= a
        if cls:
            info[r] = (cls.most_common(1)[0][0], mine, against)
    if not info:
        return
    # the story's state: the named owner most state descriptions belong to
    counts = Counter()
    for cls, mine, _ in info.values():
        if cls == "state":
            for o in mine - {""}:
                counts[o] += 1
    if not counts:
        return
    main = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def is_main(o: str) -> bool:
        return _related({o}, {main})

    if sum(v for o, v in counts.items() if is_main(o)) * 3 < sum(counts.values()) * 2:
        return  # no one state dominates the story: leave sides alone
    def heads_of(r: Key) -> set[str]:
        return {mentions[k].head for k in members_of[r]} | {w for k in members_of[r] for w in mentions[k].mods}

    owned_state_heads = {w for r, (cls, mine, _) in info.items() if cls == "state" and any(o and is_main(o) for o in mine)
                         for w in heads_of(r) if w in roles["state"]}
    alone = all(is_main(o) for o in counts)
    state_side: list[Key] = []
    challengers: list[Key] = []
    for r, (cls, mine, against) in sorted(info.items()):
        named = {o for o in mine if o}
        ours = any(is_main(o) for o in named)
        if ours and any(not is_main(o) for o in named):
            continue  # owned by the state and by someone else: leave it
        if any(o == "" or is_main(o) for o in against):
            if not ours:
                challengers.append(r)
        elif ours or (cls == "state" and not named and (alone or heads_of(r) & owned_state_heads)):
            # "the government" is the story's state when no other state has organs in it;
            # else "the regime" is the regime the story names ("the Assad regime")
            state_side.append(r)
        elif cls == "nonstate" and not named:
            challengers.append(r)
    if not challengers:
        return  # no one set against the state: no sides ("police" / "authorities" of a shooting stay two)
    for side, why in ((state_side, "side:state"), (challengers, "side:against-state")):
        if len(side) < 2:
            continue
        anchor = max(side, key=lambda r: (len({k[0] for k in members_of.get(uf.find(r), [r])}), -r[1], r[0]))
        for r in side:
            join(anchor, r, why)


def join_frames(mentions: dict[Key, RefMention], uf, members_of: dict[Key, list[Key]], join) -> None:
    """Event referents of one frame that share a participant, or that lead their articles."""
    frames, seconds, narrow = _frames(), _second_senses(), _patient_only()
    by_frame: dict[str, list[Key]] = defaultdict(list)
    second: set[tuple[str, Key]] = set()  # (frame, root) named by a word's second sense, or a word of many senses
    for r in sorted(members_of):
        # a state or a verb that frames its sentence ("kept fighting") names no happening of a frame
        if all(mentions[k].stative or mentions[k].frame_verb for k in members_of[r]):
            continue
        # the group's own head decides (a "Syrian Army victory" inside an actor's group does not)
        heads = Counter(mentions[k].head for k in members_of[r])
        top = min(heads.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        frame = frames.get(top)
        if frame:
            by_frame[frame].append(r)
            if top in narrow:
                second.add((frame, r))
        for other in seconds.get(top, ()):
            by_frame[other].append(r)
            second.add((other, r))
    if not by_frame:
        return
    # participants of each event referent (their referent roots) by role, and whether it leads an article
    participants: dict[Key, set[Key]] = defaultdict(set)
    by_role: dict[tuple[Key, str], set[Key]] = defaultdict(set)
    for k, m in mentions.items():
        if m.pred >= 0 and (k[0], m.pred) in mentions and m.role in PARTICIPANT_ROLES:
            participants[uf.find((k[0], m.pred))].add(uf.find(k))
            by_role[(uf.find((k[0], m.pred)), m.role)].add(uf.find(k))
    for frame, roots in sorted(by_frame.items()):
        roots = sorted(roots)
        lead = {r for r in roots if any(mentions[k].sent < LEAD_SENTENCES for k in members_of[uf.find(r)])}
        lead_articles = {k[0] for r in lead for k in members_of[uf.find(r)] if mentions[k].sent < LEAD_SENTENCES}
        for i, a in enumerate(roots):
            for b in roots[i + 1 :]:
                ra, rb = uf.find(a), uf.find(b)
                if ra == rb:
                    continue
                if (frame, a) in second or (frame, b) in second:
                    # a word's second sense ("strike" as an impact, "capture" of people), or a word
                    # with other senses in news ("hit a record", "kept the crowd back"), holds
                    # only for what it is done to: the one it is done by does many things
                    shared = any((_roots(uf, by_role[(ra, role)]) & _roots(uf, by_role[(rb, role)])) - {ra, rb} for role in SECOND_SENSE_ROLES)
                    if shared:
                        _join_keeping(join, uf, ra, rb, f"frame:{frame}+participant", participants, by_role)
                    continue
                shared = (_roots(uf, participants[ra]) & _roots(uf, participants[rb])) - {ra, rb}
                # the lead signal needs the frame to lead several articles: one story, one main event
                if shared or (a in lead and b in lead and len(lead_articles) >= 2):
                    _join_keeping(join, uf, ra, rb, f"frame:{frame}" + ("+participant" if shared else "+lead"), participants, by_role)


def _roots(uf, keys: set[Key]) -> set[Key]:
    """The groups the participants are in now (a participant's group may have joined another)."""
    return {uf.find(k) for k in keys}


def _join_keeping(join, uf, ra: Key, rb: Key, why: str, participants: dict, by_role: dict) -> None:
    """``join``, then the joined group keeps both groups' participants: a third event word of the
    frame meets it by either's ("the liberation of their city" joined to "victory" still shares
    the city with "Assad's conquest of Aleppo")."""
    join(ra, rb, why)
    root = uf.find(ra)
    if root != uf.find(rb):
        return  # refused
    for old in (ra, rb):
        if old != root:
            participants[root] |= participants.get(old, set())
            for role in PARTICIPANT_ROLES:
                by_role[(root, role)] |= by_role.get((old, role), set())

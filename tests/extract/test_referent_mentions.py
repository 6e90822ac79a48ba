"""Mentions that may corefer across articles, with their roles, read from the parse."""

from __future__ import annotations

from newsprism.extract import analyze_article, referent_mentions
from newsprism.extract.entities import extract_mentions
from newsprism.extract.referent_mentions import extract_ref_mentions
from newsprism.model import Article

TEXT = (
    "Vitaly Churkin, Russia's envoy, said the rebels had been defeated by the Syrian army. "
    "The fall of Aleppo was announced. Anti-government forces withdrew. Aleppo has fallen."
)


def _mentions(nlp, text=TEXT):
    article = Article("a", "o", text)
    doc = nlp(text)
    return article, extract_ref_mentions(doc, article, {"mentions": extract_mentions(doc, article, {})})


def test_offsets_hold_and_kinds_are_set(nlp):
    article, ms = _mentions(nlp)
    for m in ms:
        assert article.text[m.start : m.end] == m.text
        assert m.kind in ("entity", "event", "time")
    texts = {m.text: m for m in ms}
    assert texts["Vitaly Churkin"].label == "PERSON"
    assert texts["defeated"].kind == "event"
    assert texts["fall of Aleppo"].kind == "event"  # a nominal event keeps its of-phrase


def test_roles_and_apposition(nlp):
    _, ms = _mentions(nlp)
    texts = {m.text: m for m in ms}
    defeated = ms.index(texts["defeated"])
    assert (texts["rebels"].role, texts["rebels"].pred) == ("patient", defeated)
    assert (texts["Syrian army"].role, texts["Syrian army"].pred) == ("agent", defeated)
    assert ms[texts["Russia's envoy"].same_as].text == "Vitaly Churkin"


def test_where_or_into_what_an_event_goes_is_its_at(nlp):
    _, ms = _mentions(nlp, "The actress checked into the Betty Ford Center on Friday, her lawyer said.")
    texts = {m.text: m for m in ms}
    checked = ms.index(texts["checked"])
    assert (texts["Betty Ford Center"].role, texts["Betty Ford Center"].pred) == ("at", checked)
    assert (texts["actress"].role, texts["actress"].pred) == ("agent", checked)
    # a time or a recipient is no place: "ended at 4 am", "broke out in July 2012", "spoke to Putin"
    _, ms = _mentions(nlp, "The fighting ended at 4 am. The war broke out in July 2012. Obama spoke to Putin in Lima.")
    roles = {m.text: m.role for m in ms}
    assert roles.get("4 am", "") == "" and roles["July 2012"] == "when" and roles["Putin"] == ""
    assert roles["Lima"] == "at"


def test_hyphenated_prefix_stays_on_its_word(nlp):
    _, ms = _mentions(nlp)
    forces = next(m for m in ms if m.head == "force")
    assert forces.mods == ("anti-government",)


def test_owners_say_whose_a_description_is(nlp):
    _, ms = _mentions(nlp, "North Korea's state news agency praised the launch. Russian-backed regime forces "
                           "advanced. The Mexican side walked out. Sarah Palin's church was burned.")
    by_head = {m.head: m for m in ms if not m.label}
    assert by_head["agency"].owners == ("north korea",)
    assert by_head["force"].owners == ()  # a backer is not an owner
    assert by_head["side"].owners == ("mexican",)
    assert "sarah" not in by_head["church"].mods  # a possessor's words do not narrow


def test_a_frame_noun_is_an_event_and_a_title_describes_its_name(nlp):
    _, ms = _mentions(nlp, "President Donald Trump hailed the victory.")
    texts = {m.text: m for m in ms}
    assert texts["victory"].kind == "event"
    assert "president" in texts["Donald Trump"].describers


def test_a_multiword_verb_is_named_by_its_one_word(nlp):
    # "opened fire" is a shooting and "passed away" a death: the event word is that one word, and
    # the "fire" of "opened fire" is no blaze of its own
    _, ms = _mentions(nlp, "A gunman opened fire on shoppers in the mall on Friday. The guard passed away in hospital. "
                           "The actress checked into a clinic in Malibu.")
    texts = {m.text: m for m in ms}
    assert (texts["opened"].kind, texts["opened"].head) == ("event", "shoot")
    assert texts["passed"].head == "die" and texts["checked"].head == "enter"
    assert "fire" not in texts
    _, ms = _mentions(nlp, "Firefighters said the fire destroyed the barn on Friday.")
    assert {m.text: m for m in ms}["fire"].kind == "event"


def test_checking_in_is_entering_unless_it_is_a_visit_or_a_call(nlp):
    cases = [
        ("The singer checked in at a clinic in Malibu on Tuesday.", "checked", "enter"),
        ("She checked herself in on Tuesday, her lawyer said.", "checked", "enter"),
        ("The mayor checked in on flood victims in the town on Tuesday.", "checked", "check"),
        ("The reporter checked in with her editor on Tuesday.", "checked", "check"),
        ("Rescuers checked in the rubble for survivors on Tuesday.", "checked", "check"),
        # a particle the parse takes for a preposition of a time or of oneself is still the particle
        ("The actress decided to check in last week.", "check", "enter"),
        ("She checked in herself, her lawyer said.", "checked", "enter"),
        ("He checked in his bags at the desk.", "checked", "check"),
    ]
    for text, word, head in cases:
        _, ms = _mentions(nlp, text)
        assert {m.text: m for m in ms}[word].head == head, text


def test_a_place_named_with_of_is_that_place_and_a_list_is_no_apposition(nlp):
    text = ("The next fight will be in the northwest city of Idlib, after the battle of Aleppo. "
            "“The crushing of Aleppo, the terrifying toll on its people, the bloodshed, the destruction,” he said.")
    _, ms = _mentions(nlp, text)
    by_text = {m.text: m for m in ms}
    city = by_text["northwest city"]
    assert ms[city.same_as].text == "Idlib"
    assert [m.same_as for m in ms if m.head == "battle"] == [-1]  # "the battle of Aleppo" is no Aleppo
    toll = next(m for m in ms if m.head == "toll")
    assert toll.same_as == -1  # one item of a list after "Aleppo", not another name for it


def test_a_state_is_told_apart_from_a_happening(nlp):
    text = ("Fighters that remain in rebel controlled regions will leave the areas held by the rebel forces. "
            "Russia appears little interested. That appeared quite likely a few years ago. "
            "The end of the war remains elusive. He appeared in court on Monday. "
            "A fired accountant was charged in the shooting.")
    _, ms = _mentions(nlp, text)
    stative = {m.text for m in ms if m.kind == "event" and m.stative}
    happening = {m.text for m in ms if m.kind == "event" and not m.stative}
    assert {"controlled", "held", "appears", "remains"} <= stative
    assert sum(m.text == "appeared" and m.stative for m in ms) == 1  # "appeared quite likely", not "in court"
    assert {"leave", "remain", "fired"} <= happening  # "remain in ...": a place; "fired": no holding


def test_a_verb_that_frames_a_sentence_is_marked(nlp):
    text = ("The Journal reported that the group is pushing to accept cuts. Many believed it would pass. "
            "The program will make it strong. Trump did not want to give up his right. Police reported two arrests. "
            "Obama will continue campaigning. The talks continued on Monday.")
    _, ms = _mentions(nlp, text)
    framing = {m.text for m in ms if m.kind == "event" and m.frame_verb}
    assert {"reported", "believed", "make"} <= framing  # saying or thinking that reports a clause; a light verb
    assert "give" not in framing  # "give up" means by itself
    assert [m.frame_verb for m in ms if m.head == "continue"] == [True, False]  # "continued on Monday" tells a happening
    assert [m.frame_verb for m in ms if m.text == "reported"] == [True, False]  # "reported two arrests" tells a happening


def test_a_headline_title_case_noun_is_that_noun(nlp):
    # "Guards" in a Title Case headline is the body's "guards": a description of lemma "guard"
    _, ms = _mentions(nlp, "Inmate Pulls Gun On Guards , Runs Away\nAn inmate took a gun from the guards before fleeing, officials said.\n")
    assert any(m.text == "Guards" and m.head == "guard" and not m.label for m in ms)
    # ... and no name, whatever the tagger said ("Handcuffs Guards" as a PERSON)
    article, ms = _mentions(nlp, "Prison Inmate Pulls Gun On And Handcuffs Guards\n"
                                 "An inmate took a gun from the guards and handcuffed them in the van, officials said.\n")
    assert not any(m.label and "Guards" in m.text for m in ms)
    assert all(article.text[m.start : m.end] == m.text for m in ms)
    # a name the body writes capitalised stays a name
    _, ms = _mentions(nlp, "Pirates Attack Ship Near Somalia\nPirates attacked a ship near Somalia on Monday.\n")
    assert any(m.label and m.text == "Somalia" for m in ms)


def test_a_participle_of_naming_set_on_a_noun_tells_a_state(nlp):
    _, ms = _mentions(nlp, "Democrats will pass the bill through a process known as reconciliation.")
    assert {m.text: m for m in ms}["known"].stative
    _, ms = _mentions(nlp, "Few people knew the senator before the vote.")
    assert not {m.text: m for m in ms}["knew"].stative
    _, ms = _mentions(nlp, "Police arrested a man named by officers as the gunman on Friday.")
    assert not {m.text: m for m in ms}["named"].stative


def test_a_noun_for_a_person_is_no_event_of_the_verb_it_looks_like(nlp):
    # "the host" beside "will host", "the suspect" beside "suspected": people, not happenings
    _, ms = _mentions(nlp, "Hugh Jackman will host the Oscars. The host said he was thrilled. Jackman will be the host of the show.")
    hosts = [m for m in ms if m.head == "host"]
    assert [m.kind for m in hosts] == ["event", "entity", "entity"]
    assert ms[hosts[2].same_as].text == "Jackman"
    _, ms = _mentions(nlp, "Police suspected the man of arson. The suspect was arrested on Friday.")
    assert {m.text: m.kind for m in ms}["suspect"] == "entity"
    # a noun the article says of a person is a role even when it is no listed one
    for text in ("Kate Moss, a model, modelled the new line in Paris. The model said she was thrilled.",
                 "Kate Moss is a model. She modelled the new line in Paris. The model said she was thrilled."):
        _, ms = _mentions(nlp, text)
        assert [m.kind for m in ms if m.text == "model"] == ["entity", "entity"]
    # ... and a noun of a thing stays the verb's event, whatever an "as" or an apposition says
    _, ms = _mentions(nlp, "Rebels attacked the base. The attack killed four soldiers.")
    assert {m.text: m.kind for m in ms}["attack"] == "event"
    _, ms = _mentions(nlp, "Obama condemned the bombing as an attack on freedom. The attack killed four people.")
    assert [m.kind for m in ms if m.text == "attack"] == ["event", "event"]
    _, ms = _mentions(nlp, "Police announced the arrest of the suspect, John Smith, on Friday. The arrest came after a chase; police arrested him.")
    assert [m.kind for m in ms if m.head == "arrest" and m.text != "arrested"] == ["event", "event"]


def test_a_headline_verb_in_title_case_is_the_article_s_verb(nlp):
    _, ms = _mentions(nlp, "Esther Williams Dead : Technicolor Star Dies At Age 91\nEsther Williams died in her sleep on Thursday, her publicist said.\n")
    assert any(m.text == "Dies" and m.kind == "event" and m.head == "die" for m in ms)
    # a multiword verb keeps its one word in the headline's order ...
    _, ms = _mentions(nlp, "Lindsay Lohan Checks Into Rehab\nThe actress checked into rehab on Thursday.\n")
    assert any(m.text == "Checks" and m.head == "enter" for m in ms)
    # ... unless a preposition after the particle gives it another sense
    _, ms = _mentions(nlp, "Mayor Checks In On Flood Victims\nThe mayor checked in on flood victims on Monday.\n")
    assert any(m.text == "Checks" and m.head == "check" for m in ms)
    # a noun for people is no verb: "Host" stays the host
    _, ms = _mentions(nlp, "Oscars Name Jackman Host\nThe academy said Jackman will host the show.\n")
    assert not any(m.text == "Host" and m.kind == "event" for m in ms)
    # nor is a name, though the body has its verb: "Price" of "Tom Price", "Mark" of "Mark Zuckerberg"
    _, ms = _mentions(nlp, "Tom Price Resigns As Health Secretary\nTom Price resigned on Friday after tickets were priced higher.\n")
    assert [(m.text, m.kind) for m in ms if m.start < 10] == [("Tom Price", "entity")]
    _, ms = _mentions(nlp, "Mark Zuckerberg Testifies Before Congress\nThe hearing marked a turning point, Zuckerberg testified.\n")
    assert not any(m.text == "Mark" for m in ms)


def test_an_apposition_is_one_as_written_not_one_the_parse_reaches_for(nlp):
    def appositions(text):
        _, ms = _mentions(nlp, text)
        return {(m.text, ms[m.same_as].text) for m in ms if m.same_as >= 0}

    # over a clause, or along a list of people: no second name
    assert appositions("Max Richtman, executive vice president of the National Committee to Preserve Social Security "
                       "and Medicare, an advocacy group in Washington, said the timing was wrong.") == {("executive vice president", "Max Richtman")}
    assert not appositions("Mitt Romney, Rick Perry, Michele Bachmann and the president spoke on Monday.")
    # a place or party, or an age, between them does not part them
    assert ("majority leader", "Harry Reid") in appositions("Harry Reid, Democrat of Nevada, the majority leader, said the bill would pass.")
    assert appositions("Cynthia Burgiss, 22, a student, said she was worried.") == {("student", "Cynthia Burgiss")}
    assert appositions("Mitch McConnell, the Senate's top Republican, said the bill would pass.") == {("Republican", "Mitch McConnell")}
    # a title keeps its own phrases; a common noun only its of-phrase
    assert ("Zeid Ra’ad Al Hussein", "UN High Commissioner") in appositions(
        "UN High Commissioner for Human rights Zeid Ra’ad Al Hussein said that the attack was a war crime.")
    assert not appositions("Officials made a reference to another terrorist group, Ansar al-Sharia, in the draft.")


def test_the_unstated_doer_of_a_participle_is_the_subject_of_its_clause(nlp):
    text = ("A 61-year-old man was charged with murder after allegedly opening fire at an office party, killing one man, police said. "
            "One man was shot and killed. A former employee who opened fire and killed a guard was arrested.")
    _, ms = _mentions(nlp, text)
    texts = {m.text: m for m in ms}
    done_by = lambda text: {ms[e].text for e in texts[text].controls}  # noqa: E731
    assert {"opening", "killing"} <= done_by("61-year-old man")  # charged, passive, yet he opened fire and killed
    assert done_by("One man") == set()  # "was shot and killed": killed is done to him
    assert "killed" in done_by("former employee")  # through "who"
    # English gives some of them to the object: "urged residents to evacuate", "stopped the gunman from killing"
    _, ms = _mentions(nlp, "Officials urged residents to evacuate. Police stopped the gunman from killing more people.")
    texts = {m.text: m for m in ms}
    assert {ms[e].text for e in texts["residents"].controls} == {"evacuate"} and not texts["Officials"].controls
    assert {ms[e].text for e in texts["gunman"].controls} == {"killing"} and not texts["Police"].controls


def test_a_negated_copula_equates_nothing_and_an_indefinite_one_classifies(nlp):
    _, ms = _mentions(nlp, "America is not a circus. Afghanistan is a largely unwinnable war. Obama is the president.")
    texts = {m.text: m for m in ms}
    assert texts["circus"].same_as == -1
    war = texts["largely unwinnable war"]
    assert ms[war.same_as].text == "Afghanistan" and war.classifies
    president = texts["president"]
    assert ms[president.same_as].text == "Obama" and not president.classifies


def test_the_second_object_of_a_verb_of_giving_is_no_apposition(nlp):
    _, ms = _mentions(nlp, "Georgetown faculty sent Paul Ryan, R-Wis., a letter on Tuesday. Police questioned Eric Smith, a former employee.")
    texts = {m.text: m for m in ms}
    assert texts["letter"].same_as == -1
    assert ms[texts["former employee"].same_as].text == "Eric Smith"
    # an apposition closed by a comma is one, whatever the verb
    _, ms = _mentions(nlp, "He told Mary Jones, a reporter for the Times, that he would resign.")
    texts = {m.text: m for m in ms}
    assert ms[texts["reporter"].same_as].text == "Mary Jones"


def test_a_pronoun_stands_for_the_nearest_person_of_its_gender_before_it(nlp):
    text = ("A publicist says Tara Reid has checked herself into rehab. Jack Ketsoyan said Friday that the star went to the Promises Treatment Center. "
            "He did not specify what she was being treated for.")
    _, ms = _mentions(nlp, text)
    stands_for = {(m.text, m.start): ms[m.antecedent].text for m in ms if m.antecedent >= 0}
    assert stands_for[("herself", text.index("herself"))] == "Tara Reid"
    assert stands_for[("He", text.index("He "))] == "Jack Ketsoyan"
    # "He" shows Ketsoyan is a man: "she" passes over him to Tara Reid
    assert stands_for[("she", text.index("she "))] == "Tara Reid"
    # a pronoun with no person before it stands for no one
    _, ms = _mentions(nlp, "She said the vote was close. The count ended on Monday.")
    assert all(m.antecedent == -1 for m in ms) and "She" not in {m.text for m in ms}


def test_a_relative_pronoun_stands_for_the_phrase_its_clause_is_set_on(nlp):
    _, ms = _mentions(nlp, "Police arrested a former employee who opened fire at the party.")
    who = next(m for m in ms if m.text == "who")
    assert ms[who.antecedent].text == "former employee" and who.kind == "entity"
    _, ms = _mentions(nlp, "Police arrested a driver whose car struck a woman.")
    whose = next(m for m in ms if m.text == "whose")  # it hangs on its noun, not on the clause
    assert ms[whose.antecedent].text == "driver"


def test_its_stands_for_the_one_organisation_or_country_named_before_it_in_its_sentence(nlp):
    text = "Boeing said its new jet would fly in May. Airbus and Boeing sold planes to Qatar, but its order was small."
    _, ms = _mentions(nlp, text)
    its = [m for m in ms if m.text == "its"]
    assert ms[its[0].antecedent].text == "Boeing"
    assert len(its) == 1  # the second sentence names three: its "its" stands for none of them


def test_a_second_object_that_says_something_is_no_apposition_whatever_comma_follows(nlp):
    text = ("A group of faculty members has sent Ryan, R-Wis., a letter saying he's misused Catholic doctrine to support "
            "his deficit-reducing, GOP House budget.")
    _, ms = _mentions(nlp, text)
    assert next(m for m in ms if m.text == "letter").same_as == -1
    # an apposition with a clause of its own, closed by a comma, is one
    for text in ("He told Mary Jones, a reporter who covers the city, that he would resign.",
                 "He told Mary Jones, a reporter covering the city, that he would resign."):
        _, ms = _mentions(nlp, text)
        assert ms[next(m for m in ms if m.text == "reporter").same_as].text == "Mary Jones", text


def test_a_title_before_a_name_says_its_gender(nlp):
    text = "Ms. Mary Jones met Mr. John Smith on Monday. She said the talks went well."
    _, ms = _mentions(nlp, text)
    she = next(m for m in ms if m.text == "She")
    assert ms[she.antecedent].text == "Mary Jones"  # the nearest name, John Smith, is a man's


def test_the_writer_s_pronoun_passes_over_a_name_inside_a_quotation(nlp):
    text = 'John Smith spoke on Monday. "I met Barack Obama in May," he said.'
    ms = analyze_article(Article("a", "o", text), nlp(text), only=("mentions", "ref_mentions")).ref_mentions  # with the quotation marks read
    he = next(m for m in ms if m.text == "he")
    assert ms[he.antecedent].text == "John Smith"


def test_a_new_sentence_s_subject_continues_the_last_subject_and_a_person_has_one_gender(nlp):
    for text, expected in (("Sarah Palin endorsed Joe Miller. She said he would win.", {"She": "Sarah Palin", "he": "Joe Miller"}),
                           ("Barack Obama met Chancellor Angela Merkel. He praised her.", {"He": "Barack Obama", "her": "Angela Merkel"})):
        _, ms = _mentions(nlp, text)
        assert {m.text: ms[m.antecedent].text for m in ms if m.antecedent >= 0} == expected, text



def test_a_time_word_before_a_name_describes_no_role(nlp):
    _, ms = _mentions(nlp, "Democrats tried to paint Paul Ryan as a latter-day Dan Quayle. U.S. automaker Chrysler said it would close plants.")
    texts = {m.text: m for m in ms}
    assert "day" not in texts["Dan Quayle"].describers
    assert "automaker" in texts["Chrysler"].describers


def test_a_time_is_a_mention_of_its_own_told_with_the_event_it_dates(nlp, monkeypatch):
    text = ("Police arrested the gunman in Athens on Friday night. His neighbour, 58, said the fire "
            "started yesterday and had burned since Tuesday.")
    _, ms = _mentions(nlp, text)
    times = {m.text: m for m in ms if m.kind == "time"}
    assert set(times) == {"Friday night", "yesterday", "Tuesday"}  # an age ("58") tells no time
    assert times["Friday night"].role == "when" and ms[times["Friday night"].pred].text == "arrested"
    assert times["yesterday"].role == "when" and ms[times["yesterday"].pred].text == "started"
    assert times["Tuesday"].pred == -1  # "since Tuesday" bounds the burning; it is not when it burned
    monkeypatch.setattr(referent_mentions, "TIME_POINT_PREPS", False)
    _, ms = _mentions(nlp, text)
    assert ms[next(m for m in ms if m.text == "Tuesday").pred].text == "burned"
    monkeypatch.setattr(referent_mentions, "TIMES_ON", False)
    _, ms = _mentions(nlp, text)
    assert not any(m.kind == "time" for m in ms)


def test_a_pronoun_with_no_name_of_its_gender_stands_for_the_description_of_that_gender(nlp, monkeypatch):
    def antecedents(text):
        _, ms = _mentions(nlp, text)
        return [(m.text, ms[m.antecedent].text) for m in ms if m.antecedent >= 0]

    assert antecedents("A woman has died after a car hit her in Queens. She was 59, and the driver fled.") == [("her", "woman"), ("She", "woman")]
    # a name of the pronoun's gender comes first; "he" is not Mary Johnson
    assert antecedents("Mary Johnson met a man at the station. She said he was calm.") == [("She", "Mary Johnson"), ("he", "man")]
    monkeypatch.setattr(referent_mentions, "GENDERED_DESCRIPTIONS", False)
    assert antecedents("A woman has died after a car hit her in Queens. She was 59, and the driver fled.") == []


def test_they_stands_for_the_nearest_plural_description_of_people_in_its_sentence(nlp, monkeypatch):
    def antecedents(text):
        _, ms = _mentions(nlp, text)
        return [(m.text, ms[m.antecedent].text) for m in ms if m.antecedent >= 0 and m.text.lower() in referent_mentions.THEY_WORDS]

    assert antecedents("The inmate pulled a gun on two guards during the transfer and held them hostage.") == [("them", "two guards")]
    # a body is no people; a name between is another candidate
    assert antecedents("Analysts said the companies would cut their costs.") == []
    assert antecedents("Finance ministers will gather in Washington while the IMF and the World Bank hold their meetings.") == []
    monkeypatch.setattr(referent_mentions, "THEY_ON", False)
    assert antecedents("The inmate pulled a gun on two guards during the transfer and held them hostage.") == []

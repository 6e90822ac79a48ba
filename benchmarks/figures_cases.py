"""Hand-labelled sentences for the figures benchmark (written for newsprism, not taken from data).

Each case: a sentence and the figures a careful reader would list, as
(exact words with qualifier, value, counted-noun lemma, event lemma); "" where there is none.
Sentences with no figures test that dates, times, ages, ordinals, phone numbers and URLs
are left alone.
"""

from __future__ import annotations

CASES: tuple[tuple[str, tuple[tuple[str, float, str, str], ...]], ...] = (
    ("At least 45 people were killed when the bridge collapsed.", (("At least 45", 45, "people", "kill"),)),
    ("Rescuers pulled 12 survivors from the rubble on Sunday.", (("12", 12, "survivor", "pull"),)),
    ("The ministry said nearly 3,000 families had been evacuated.", (("nearly 3,000", 3000, "family", "evacuate"),)),
    ("Hundreds of protesters gathered outside parliament.", (("Hundreds", 200, "protester", "gather"),)),
    ("Tens of thousands of refugees crossed into Jordan last month.", (("Tens of thousands", 20000, "refugee", "cross"),)),
    ("Dozens of homes were destroyed by the fire.", (("Dozens", 24, "home", "destroy"),)),
    ("Police arrested more than 200 demonstrators in the capital.", (("more than 200", 200, "demonstrator", "arrest"),)),
    ("Officials estimate that between 5,000 and 7,000 residents remain trapped.", (("5,000 and 7,000", 5000, "resident", "remain"),)),
    ("About 40 percent of the city is without power.", (("About 40 percent", 40, "city", ""),)),
    ("Unemployment fell to 4.2 percent in March.", (("4.2 percent", 4.2, "unemployment", ""),)),
    ("The company plans to cut up to 1,200 jobs worldwide.", (("up to 1,200", 1200, "job", "cut"),)),
    ("Some 600 soldiers were deployed to the border region.", (("Some 600", 600, "soldier", "deploy"),)),
    ("Two journalists and three aid workers were detained.", (("Two", 2, "journalist", "detain"), ("three", 3, "worker", "detain"))),
    ("The storm left roughly 1.5 million homes without electricity.", (("roughly 1.5 million", 1500000, "home", "leave"),)),
    ("Eighty-seven passengers survived the crash.", (("Eighty-seven", 87, "passenger", "survive"),)),
    ("The UN said 50,000 to 60,000 people had fled the fighting.", (("50,000 to 60,000", 50000, "people", "flee"),)),
    ("Thousands of civilians are trapped in the old town.", (("Thousands", 2000, "civilian", "trap"),)),
    ("The army said it had captured 14 villages.", (("14", 14, "village", "capture"),)),
    ("Almost 90 students were rescued from the school.", (("Almost 90", 90, "student", "rescue"),)),
    ("The council approved the plan by 31 votes to 12.", (("31", 31, "vote", ""),)),
    ("The summit begins on March 3, 2021, at 9:30 a.m.", ()),
    ("The 17-year-old was charged with assault in 2019.", ()),
    ("She finished third in the 100-metre final.", ()),
    ("For tickets, call 020 7946 0958 or visit www.example.org/tickets/2022.", ()),
    ("The war, which began in 2011, has lasted more than ten years.", ()),
    ("Resolution 2334 was adopted on Dec. 23.", ()),
    ("One of the officials spoke to reporters.", ()),
    ("The talks lasted 36 hours and ended at 2 am.", ()),
    ("Ms Jones, 54, has run the charity since 1998.", ()),
    ("Flight 370 disappeared on March 8, 2014.", ()),
)

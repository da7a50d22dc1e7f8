"""Word lists the rules read: reporting cues, speaker nouns, titles, pronouns.

These are closed-class grammar of news English (how attribution is phrased), not facts
about any article.
"""

from __future__ import annotations

import re

from crossref.words import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES, word_list, words

# base form -> irregular forms (past, participle, 3rd person, -ing); regular ones are derived
_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
    "think": ("thought", "thinks", "thinking"),
    "find": ("found", "finds", "finding"),
    "show": ("showed", "shown", "shows", "showing"),
    "know": ("knew", "known", "knows", "knowing"),
    "hold": ("held", "holds", "holding"),
    "feel": ("felt", "feels", "feeling"),
    "swear": ("swore", "sworn", "swears", "swearing"),
    "forecast": ("forecast", "forecasts", "forecasting"),
    "foresee": ("foresaw", "foreseen", "foresees", "foreseeing"),
    "put": ("put", "puts", "putting"),
    "tweet": ("tweeted", "tweets", "tweeting"),
}

# Verbs that report speech or a stance. Each takes its content after it (said that ...),
# before it ("..., X said") or as a quote.
SPEECH_VERBS = word_list(
    """
    say tell add note claim accuse deny confirm warn state insist report describe hail threaten announce
    argue assert declare explain acknowledge admit allege suggest write tweet respond reply recall
    emphasize emphasise stress predict promise pledge vow urge blame criticize criticise praise reveal
    contend observe complain concede estimate caution counter charge dismiss reject condemn demand
    indicate mention quip joke boast brag signal agree echo testify conclude propose recommend repeat
    reiterate disclose announce affirm assure remark comment continue complain lament question ask
    retort scoff concur point exclaim whisper shout chant cite tout decry denounce slam blast lash
    ridicule mock welcome applaud speculate forecast predict project fear worry hope believe think feel
    expect show find know doubt guarantee swear acknowledge underline underscore highlight clarify
    specify inform notify advise remind assure complain protest object call want support attack endorse
    plan decide decline back oppose defend offer seem vow pledge see appear seek consider express
    request deem prefer discuss challenge restate reaffirm rebuff dispute maintain
    """
)

# Verbs whose -ing form is a participial cue ("..., telling the agency that ...")
# and whose object is the person addressed rather than the content.
ADDRESSEE_VERBS = words(
    """
    tell inform notify advise brief remind assure warn urge ask
    """
)

# Stance verbs: attributions in news corpora, but weaker evidence than speech verbs; they
# need a clause complement ("believes that", "thinks the") to count.
STANCE_VERBS = words(
    """
    believe think feel expect hope fear worry know doubt show find
    """
)

PHRASAL = {"point": "out", "call": "for"}


def _regular_forms(base: str) -> tuple[str, ...]:
    if base.endswith("e"):
        return base + "d", base + "s", base[:-1] + "ing"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ied", base[:-1] + "ies", base + "ing"
    if (
        re.fullmatch(r".*[^aeiou][aeiou][pgtb]", base)
        and base not in {"visit", "edit", "limit", "credit"}
        and len(base) <= 4
    ):
        return base + base[-1] + "ed", base + "s", base + base[-1] + "ing"
    if base.endswith(("sh", "ch", "ss", "x")):
        return base + "ed", base + "es", base + "ing"
    return base + "ed", base + "s", base + "ing"


def _build_cue_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for base in SPEECH_VERBS:
        forms[base] = base
        derived = _IRREGULAR.get(base) or _regular_forms(base)
        for f in derived:
            forms.setdefault(f, base)
    forms["admitted"] = "admit"
    forms["admitting"] = "admit"
    forms.update({"slammed": "slam", "slamming": "slam", "signalled": "signal", "signalling": "signal"})
    forms["regretted"] = "regret"
    return forms


CUE_FORMS: dict[str, str] = _build_cue_forms()
"""Inflected word -> lemma, for every reporting verb."""

# Verbs whose object follows them ("denied the accusations", "told The Sentinel"): in
# "CONTENT, denied X" the words after them are no speaker (a quotation before them still has one).
NOT_INVERTED = words(
    """
    deny confirm reject dismiss accuse blame condemn acknowledge admit criticize criticise
    tell inform notify brief remind assure call describe label urge ask press encourage invite order
    """
)

# Reporting verbs that are too ambiguous as bare words to start a statement on their own.
WEAK_CUES = words(
    """
    point continue question ask show find know feel hold think believe expect hope fear worry doubt
    project forecast cite charge counter object protest state report add note maintain observe comment
    repeat echo mention welcome signal indicate highlight underline underscore chant describe agree
    """
)

PRONOUNS = {"he": "male", "she": "female", "they": "plural", "i": "self", "we": "plural", "it": "neuter"}
OBJECT_PRONOUNS = {"him", "her", "them", "me", "us", "it"}
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "our", "my"}

# Heads of speaker noun phrases that are not names: a capitalised name is not needed.
SPEAKER_NOUNS = words(
    """
    official officials spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen ministry
    ministries army military forces force troops peacekeepers police government governments
    administration agency statement statements report reports source sources aide aides adviser advisers
    advisor advisors president presidents minister ministers secretary chairman chairwoman chair chief
    leader leaders commander commanders general diplomat diplomats ambassador envoy prosecutor
    prosecutors lawyer lawyers attorney attorneys analyst analysts expert experts critic critics
    observer observers witness witnesses resident residents campaign campaigns committee council office
    department command headquarters service services mission monitors monitor organization organisation
    group groups coalition alliance party parties lawmaker lawmakers senator senators congressman
    congresswoman representative representatives governor mayor judge court supporters supporter
    opponents opponent voters voter poll polls survey surveys study studies data figures document
    documents memo letter letters media newspaper agency statement sides side authorities authority
    television tv radio broadcaster broadcasters
    people residents doctors activists activist rebels separatists militants insurgents fighters officer
    officers soldiers staff team manager director executives executive economist economists researchers
    researcher scientists scientist historian strategist strategists pollster pollsters consultant
    operatives operative insider insiders democrats republicans candidate candidates nominee challenger
    prime premier chancellor king queen prince emperor pope cardinal bishop imam rabbi ceo founder
    chairperson head heads member members delegation delegates delegate friend friends family relatives
    mother father wife husband son daughter brother sister republican democrat conservatives liberals
    progressives advocate advocates proponent proponents backer backers ally allies donor donors
    organizer organizers organiser organisers protester protesters protestors demonstrators worker
    workers employee employees owner owners teacher teachers student students parent parents nurse
    nurses farmers veteran veterans citizen citizens participants respondents commentator commentators
    columnist columnists journalist journalists reporter reporters editor editors scholar scholars
    academic academics professor professors investigator investigators inspector inspectors regulator
    regulators negotiator negotiators mediator mediators legislator legislators politician politicians
    campaigner campaigners cleric clerics elder elders villagers locals neighbor neighbors neighbour
    neighbours survivor survivors medics paramedics rescuers firefighters detective detectives
    specialist specialists physicians physician engineers engineer
    businessman businesswoman businessmen businesswomen magnate magnates tycoon tycoons mogul moguls
    billionaire billionaires millionaire entrepreneur entrepreneurs star celebrity host anchor
    frontrunner front-runner contender contenders hopeful hopefuls incumbent rival rivals newcomer
    strongman warlord warlords dictator autocrat monarch ruler rulers hardliner hardliners militia
    militiamen gunman gunmen hostage hostages captive captives prisoner prisoners detainee detainees
    refugee refugees migrant migrants eyewitness eyewitnesses bystander bystanders mourners pilot pilots
    crew sailors settlers emissary emissaries families victims
    """
)

# Titles that precede a person's name ("Azerbaijani President Ilham Aliyev").
TITLES = words(
    """
    president vice prime minister secretary foreign defense defence interior deputy general gen. gen
    lieutenant lt. col. colonel major maj. captain capt. sergeant sgt. admiral adm. commander sen.
    senator rep. representative gov. governor mayor judge justice chancellor king queen prince princess
    sheikh emir ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chief director
    dr. dr mr. mr mrs. mrs ms. ms miss sir lord lady pope cardinal bishop rev. archbishop speaker leader
    former acting state house senate congressman congresswoman attorney first lady premier
    minister-president crown supreme ayatollah president-elect candidate nominee
    """
)

# Words that end a speaker phrase when walking back from a cue.
CLAUSE_WORDS = words(
    """
    that which who whom whose because while when where if although though since as after before but and
    or so than what whether why how until unless
    """
)

# Adverbs and auxiliaries between a subject and its reporting verb ("has also said").
BETWEEN_SUBJECT_AND_CUE = (
    words(
        """
    also has have had would will could may might did does do is was were are be been later earlier then
    again further repeatedly previously recently publicly privately reportedly allegedly falsely flatly
    firmly strongly quickly immediately subsequently initially once often always never not only just
    already still even separately similarly likewise too simply openly explicitly bluntly angrily
    sharply categorically emphatically indeed himself herself themselves itself now yesterday today
    tonight first last directly personally widely long consistently
    """
    )
    | frozenset(
        f"{aux}n{mark}t"  # "didn't", "hasn’t": negated auxiliaries, either apostrophe
        for aux in ("did", "does", "do", "has", "have", "had", "would", "could", "is", "was", "are", "were")
        for mark in ("'", "’")
    )
    | words("won't won’t can't can’t cannot")
)

TIME_WORDS = (
    WEEKDAY_NAMES
    | MONTH_NAMES
    | MONTH_ABBREVIATIONS
    | words("today yesterday tonight morning afternoon evening night week month year weekend")
    | words("earlier later last this next")
)

# Nouns that, as the subject of a speech verb, are documents or outlets rather than people.
ORG_HEADS = words(
    """
    ministry ministries army military forces force troops peacekeepers police government administration
    agency office department command headquarters service services mission committee council court
    parliament assembly senate house congress party campaign coalition alliance union organization
    organisation commission authority authorities bank fund institute university foundation corporation
    company group network channel newspaper times post journal news press tribune herald guardian agency
    association federation league center centre bureau board cabinet kremlin pentagon embassy consulate
    navy guard coast-guard regime junta movement front brigade battalion corps staff secretariat
    """
)

ROLE_NOUNS = words(
    """
    president minister secretary chairman chairwoman chair chief leader commander general ambassador
    envoy prosecutor governor mayor judge spokesman spokeswoman spokesperson director senator
    congressman congresswoman representative chancellor premier king queen prince sheikh emir adviser
    advisor aide candidate nominee lawyer attorney founder ceo head official diplomat analyst
    coordinator rapporteur negotiator mediator commissioner administrator ombudsman officer inspector
    investigator admiral colonel captain lieutenant sergeant marshal brigadier undersecretary
    """
)


def cue_lemma(word: str) -> str | None:
    """The reporting verb a word is a form of, or None."""
    return CUE_FORMS.get(word.lower())

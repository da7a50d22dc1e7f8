"""Generate a realistic synthetic news corpus for crossref's speed benchmarks (issue #6).

    python bench/make_corpus.py --articles 1000 --out /tmp/corpus1k.jsonl
    python bench/make_corpus.py --articles 10000 --out /tmp/corpus10k --format txt --truth /tmp/truth.json

A corpus is a timeline. Incidents (shelling, drone strikes, border clashes, cease-fire
violations, prisoner exchanges, protests, cyber attacks, ship seizures, depot explosions,
election-fraud claims, ...) happen on days spread over ``--days`` days from ``--start`` in
ten invented disputes between real states, invented armed groups and opposition movements,
watched by international organisations (UN, OSCE, ICRC, EU, NATO, African Union, ASEAN).
Each incident is covered by two to seven articles from different invented outlets over the
following zero to three days. Each article quotes two to four parties with a mix of direct
quotes, reported speech, ``according to``, accusations, denials, confirmations and
casualty figures that differ by party, between narrative background paragraphs that
attribute nothing. Every outlet, person, town, armed group and incident is invented; all
text comes from the templates in this file.

The output is deterministic for a given ``--seed`` and written as it is generated (only
the articles of the last few days are held, to write them in order of publication).
"""

from __future__ import annotations

import argparse
import functools
import heapq
import itertools
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import IO

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
COVERAGE = (2, 3, 4, 5, 6, 7)
COVERAGE_WEIGHTS = (16, 26, 24, 16, 10, 8)  # about 4 articles per incident
LAG_WEIGHTS = (50, 28, 14, 8)  # publication 0, 1, 2, 3 days after the incident


# =====================================================================================
# People and places: name material per naming culture (all combinations invented)
# =====================================================================================


@dataclass(frozen=True)
class Culture:
    """Given names, family names (masculine and feminine forms) and town-name parts."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    family: tuple[str, ...]
    family_f: tuple[str, ...] | None  # feminine family names where they differ, same order
    town_a: tuple[str, ...]
    town_b: tuple[str, ...]


def _t(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


CULTURES: dict[str, Culture] = {
    "central_asian": Culture(
        _t("Almaz Bakyt Nurlan Timur Farrukh Rustam Daler Sherali Azamat Ulan Kubat Jamshed"),
        _t("Aida Gulnara Nigora Zarina Madina Dilnoza Aizhan Malika Cholpon Munira"),
        _t("Sadykov Jumabaev Nazarov Rahimov Kurbanov Osmonaliev Sharipov Isakov Mirzoev Alimov"),
        _t("Sadykova Jumabaeva Nazarova Rahimova Kurbanova Osmonalieva Sharipova Isakova Mirzoeva Alimova"),
        _t("Kara Ak Kyzyl Sary Tash Kok Jany Chong Orto Kum Ters Bel"),
        _t("bulak sai tepa kent abad jar su kol dobo arik ata kamar"),
    ),
    "horn": Culture(
        _t("Dawit Tesfaye Yonas Mekonnen Abel Kidane Berhane Tewodros Samuel Henok"),
        _t("Hiwot Selam Meron Tsion Lidya Rahel Saba Mahlet"),
        _t("Gebremariam Haile Tadesse Woldemichael Asfaw Berhe Kebede Tekle Gebreyesus Negash"),
        None,
        _names("Adi, Mai, Enda, Dega, Zala, Gule, Amba, Tsada"),
        _names("Harena, Gebru, Tsebri, Merebo, Shimbel, Weri, Lemlem, Hagere, Tselot, Abune"),
    ),
    "latin": Culture(
        _t("Andrés Luis Carlos Javier Mateo Ricardo Diego Hernán Julián Esteban"),
        _t("Valeria Camila Lucía Mariana Paola Daniela Ximena Adriana"),
        _t("Castillo Rondón Mejía Quintero Salazar Ocampo Villalba Restrepo Arrieta Pineda Zambrano Oquendo"),
        None,
        _names("San, Santa, Puerto, El, La, Villa, Los, Alto"),
        _names("Morichal, Guarapo, Carirú, Tamarindo, Palmarito, Cañaveral, Aguaclara, Yaguara, Candelo"),
    ),
    "caribbean": Culture(
        _t("Rohan Desmond Kwame Neil Marcus Troy Dwayne Vishnu Clive Andre"),
        _t("Shondelle Latoya Natalie Anjali Cheryl Tamika Savitri Marcia"),
        _t("Persaud Ramsaroop Fraser Bacchus Greenidge Sookdeo Adams Thorne Hinds Mangal"),
        None,
        _names("Ka, Ma, Wa, Ara, Ki, Pa, Yu, Ama"),
        _names("rupa, kaima, tuna, bara, wini, lana, koro, taka, mure"),
    ),
    "thai": Culture(
        _t("Somchai Prasert Anan Kittisak Wichai Narong Thanakorn Surasak"),
        _t("Siriporn Kanya Malee Pornthip Ratana Duangjai Nattaya"),
        _t("Boonmee Srisuk Chaiyaporn Wongsakul Rattanakorn Suwannarat Phromsuk Intharasuk Kaewmanee"),
        None,
        _names("Ban Nong, Ban Khok, Ban Huai, Ban Phu, Ban Sam, Ban Non"),
        _names("Sai, Kham, Yai, Daeng, Lom, Thong, Klang, Phai"),
    ),
    "khmer": Culture(
        _t("Sokha Vuthy Dara Ratha Sopheak Visal Piseth Rithy"),
        _t("Sreymom Chenda Bopha Sophea Malis Channary Leakena"),
        _t("Chea Keo Sok Pich Mao Chhim Lim Ouk Thach Seng"),
        None,
        _names("Phum, Prey, Kampong, Svay, Chamkar, Trapeang"),
        _names("Thmei, Kandal, Veng, Chrey, Sla, Rolous, Kok, Ampil"),
    ),
    "sudanese": Culture(
        _t("Omar Hassan Ibrahim Khalid Yousif Tariq Osman Babiker Mutasim"),
        _t("Amal Nour Samia Hanan Sara Rania Huda"),
        _t("Abdelrahman Osman Hamid Mohamed Idris Suleiman Elamin Babiker Elsheikh"),
        None,
        _names("Um, Abu, Wad, Hillat, Kadugli, Tabarat"),
        _names("Sunut, Girfa, Dakhil, Hamra, Nabag, Kheiran, Rumaila, Sharif"),
    ),
    "south_sudanese": Culture(
        _t("Mabior Lual Kuol Malek Peter James Makuei Ajak"),
        _t("Nyandeng Achol Abuk Mary Ayen Nyibol"),
        _t("Akol Majok Lueth Ajak Chol Wani Lado Mayen Kiir Akec"),
        None,
        _names("Mayom, Panyi, Warrap, Agok, Malual, Turalei"),
        _names("Abiem, Thon, Ajith, Kuac, Dhol, Nyin, Pakam"),
    ),
    "greek": Culture(
        _t("Nikos Giorgos Dimitris Kostas Yannis Petros Stelios Manolis"),
        _t("Eleni Maria Katerina Sofia Ioanna Despina Vasiliki"),
        _t("Stavrou Nikolaou Antoniou Markou Georgiou Pappas Karras Lekkas Mavrou Christou"),
        None,
        _names("Agios, Ano, Kato, Palaio, Neo, Mikro"),
        _names("Limnos, Kastri, Platanos, Petrokavos, Marmari, Avlonas, Kalamaki, Vrachos"),
    ),
    "turkish": Culture(
        _t("Emre Murat Serkan Kemal Burak Levent Ozan Tolga Volkan"),
        _t("Elif Zeynep Ayşe Selin Deniz Gizem Nur"),
        _t("Aksoy Yıldız Kaya Demir Şahin Ertürk Korkmaz Toprak Özkan Arslan"),
        None,
        _names("Kara, Ak, Yeni, Eski, Kızıl, Sarı"),
        _names("köy, burun, liman, dere, tepe, ova, kaya, pınar"),
    ),
    "georgian": Culture(
        _t("Giorgi Levan Davit Irakli Nika Zurab Tornike Lasha"),
        _t("Nino Tamar Mariam Ketevan Salome Eka Natia"),
        _t(
            "Beridze Kapanadze Gelashvili Tsiklauri Lomidze Abashidze Maisuradze Chkheidze Gogoladze "
            "Janelidze"
        ),
        None,
        _names("Zemo, Kvemo, Akhal, Dzveli, Didi, Patara"),
        _names("Khevi, Tskaro, Sopeli, Mindori, Ubani, Gora, Kalaki, Veli"),
    ),
    "congolese": Culture(
        _t("Jean-Pierre Patrick Christian Fiston Serge Didier Olivier Trésor"),
        _t("Nadine Grâce Esther Chantal Josée Riziki Furaha"),
        _t("Mukendi Kabeya Ilunga Mbuyi Tshibanda Lukusa Kalonji Mwamba Kasongo Bahati"),
        None,
        _names("Ki, Bu, Ru, Ka, Nya, Lu, Mu, Ma"),
        _names("shero, kavu, tshuru, hanga, bindi, mbanga, vira, lenga"),
    ),
    "rwandan": Culture(
        _t("Jean-Claude Emmanuel Eric Innocent Alain Fabrice Gilbert"),
        _t("Clarisse Aline Diane Solange Vestine Odette"),
        _t("Habimana Nshimiyimana Uwimana Mugisha Niyonzima Nsengimana Hakizimana Kayitare"),
        None,
        _names("Ru, Ki, Nya, Ga, Bu, Mu"),
        _names("bavu, rehe, gisenyi, hengeri, tare, sozi, ganza"),
    ),
    "baltic": Culture(
        _t("Tomas Mindaugas Darius Andrius Linas Vytautas Paulius"),
        _t("Rūta Ieva Agnė Jurgita Laura Dalia Gintarė"),
        _t("Kazlauskas Petrauskas Jankauskas Vaitkus Žukauskas Stankevičius Urbonas"),
        _t("Kazlauskienė Petrauskaitė Jankauskienė Vaitkutė Žukauskaitė Stankevičienė Urbonienė"),
        _names("Pa, Vil, Kal, Rū, Dru, Ber, Ža"),
        _names("kiškis, nava, vėnai, dainiai, liškės, žiai, galiai"),
    ),
    "belarusian": Culture(
        _t("Siarhei Dzmitry Andrei Pavel Viktar Aliaksei Yury"),
        _t("Volha Natallia Tatsiana Iryna Hanna Alena"),
        _t("Karpovich Zhuk Melnik Kavalenka Savitski Hrynevich Bandarenka Marozau"),
        _t("Karpovich Zhuk Melnik Kavalenka Savitskaya Hrynevich Bandarenka Marozava"),
        _names("Bely, Stary, Novy, Vialiki, Maly, Chyrvony"),
        _names("Bor, Haradok, Dvor, Lozy, Mosty, Sialo, Brod"),
    ),
    "international": Culture(
        _t("Henrik Jonas Pierre Matteo Lars Tomás Samuel Kenji Daniel Olusegun Rafael"),
        _t("Marta Ingrid Sophie Anika Beatriz Clara Leila Amara Helena Yuki"),
        _t(
            "Lindqvist Aalto Marchetti Brandt Haugen Dumont Richter Varga Sørensen Moreau Ekström Okafor "
            "Castell"
        ),
        None,
        _names("North, South"),
        _names("field, gate"),
    ),
}


# =====================================================================================
# Parties
# =====================================================================================


@dataclass(frozen=True)
class Role:
    """A position a party's people hold: 'a {spox} for the Thai Defence Ministry'.

    ``appos`` follows a name ("X, a spokesman for ..."), ``pre`` precedes it ("Thai Defence
    Ministry spokesman X"), ``org`` is the body that may speak instead of the person.
    ``{spox}`` becomes spokesman, spokeswoman or spokesperson.
    """

    appos: str
    pre: str
    org: str
    short: str
    title: str = ""  # rank before the name: "Colonel"


@dataclass(frozen=True)
class PartySpec:
    """One side that speaks in the news: a state, an armed group or an organisation."""

    key: str
    name: str  # the party crossref should find
    kind: str  # state | group | org | opposition
    noun: str  # as a subject or object: "Thailand", "the Southern Cordillera Front"
    poss: str  # "Thailand's"
    forces: str  # "Thai troops"
    culture: str
    city: str  # dateline city
    roles: tuple[Role, ...]
    label: str = ""  # in headlines: "Thai shelling", "militia shelling"


def _state_roles(adj: str, poss: str, *, election: bool = False) -> tuple[Role, ...]:
    roles = [
        Role(
            f"a {{spox}} for the {adj} Defence Ministry",
            f"{adj} Defence Ministry {{spox}}",
            f"the {adj} Defence Ministry",
            "the ministry",
            "Colonel",
        ),
        Role(
            f"a {{spox}} for the {adj} Foreign Ministry",
            f"{adj} Foreign Ministry {{spox}}",
            f"the {adj} Foreign Ministry",
            "the ministry",
        ),
        Role(
            f"{poss} foreign minister", f"{adj} Foreign Minister", f"{poss} Foreign Ministry", "the ministry"
        ),
        Role(
            f"the head of {poss} border service",
            f"{adj} border service chief",
            f"the {adj} border service",
            "the border service",
            "General",
        ),
        Role(
            f"{poss} interior minister",
            f"{adj} Interior Minister",
            f"the {adj} Interior Ministry",
            "the ministry",
        ),
        Role(
            f"a {{spox}} for the {adj} army", f"{adj} army {{spox}}", f"the {adj} army", "the army", "Major"
        ),
        Role(
            f"a senior adviser to {poss} president",
            f"{adj} presidential adviser",
            f"the {adj} presidential office",
            "the presidential office",
        ),
    ]
    if election:
        roles = [
            Role(
                f"the chairman of {poss} Central Election Commission",
                f"{adj} election commission chief",
                f"{poss} Central Election Commission",
                "the commission",
            ),
            Role(
                f"a {{spox}} for the {adj} Interior Ministry",
                f"{adj} Interior Ministry {{spox}}",
                f"the {adj} Interior Ministry",
                "the ministry",
            ),
            Role(
                f"{poss} prime minister", f"{adj} Prime Minister", f"the {adj} government", "the government"
            ),
            Role(
                f"a {{spox}} for the {adj} government",
                f"{adj} government {{spox}}",
                f"the {adj} government",
                "the government",
            ),
        ]
    return tuple(roles)


def _group_roles(name: str) -> tuple[Role, ...]:
    return (
        Role(f"a {{spox}} for the {name}", f"{name} {{spox}}", f"the {name}", "the group"),
        Role(f"a commander of the {name}", f"{name} commander", f"the {name}", "the group"),
        Role(f"the political leader of the {name}", f"{name} leader", f"the {name}", "the group"),
    )


def _opposition_roles(name: str) -> tuple[Role, ...]:
    return (
        Role(
            f"a leader of the opposition {name}", f"{name} leader", f"the opposition {name}", "the alliance"
        ),
        Role(f"a {{spox}} for the {name}", f"{name} {{spox}}", f"the {name}", "the alliance"),
        Role(f"a lawyer for the {name}", f"{name} lawyer", f"the {name}", "the alliance"),
    )


def _state(
    key: str,
    name: str,
    adj: str,
    culture: str,
    city: str,
    *,
    poss: str = "",
    noun: str = "",
    election: bool = False,
) -> PartySpec:
    poss = poss or f"{name}'s"
    return PartySpec(
        key,
        name,
        "state",
        noun or name,
        poss,
        f"{adj} troops",
        culture,
        city,
        _state_roles(adj, poss, election=election),
        adj,
    )


def _group(key: str, name: str, short: str, culture: str, city: str, fighters: str, label: str) -> PartySpec:
    return PartySpec(
        key,
        name,
        "group",
        f"the {name}",
        f"the {short}'s",
        fighters,
        culture,
        city,
        _group_roles(name),
        label,
    )


ORGS: dict[str, PartySpec] = {
    spec.key: spec
    for spec in (
        PartySpec(
            "un",
            "United Nations",
            "org",
            "the United Nations",
            "the UN's",
            "UN peacekeepers",
            "international",
            "UNITED NATIONS",
            (
                Role("a {spox} for the United Nations", "UN {spox}", "the United Nations", "the UN"),
                Role(
                    "the UN humanitarian coordinator for {host}",
                    "UN humanitarian coordinator",
                    "the UN humanitarian office",
                    "the office",
                ),
                Role(
                    "a {spox} for the UN refugee agency",
                    "UNHCR {spox}",
                    "the UN refugee agency",
                    "the agency",
                ),
                Role(
                    "the head of the UN mission in {host}",
                    "UN mission chief",
                    "the UN mission in {host}",
                    "the mission",
                ),
            ),
        ),
        PartySpec(
            "osce",
            "OSCE",
            "org",
            "the OSCE",
            "the OSCE's",
            "OSCE monitors",
            "international",
            "VIENNA",
            (
                Role(
                    "the head of the OSCE monitoring mission",
                    "OSCE mission chief",
                    "the OSCE monitoring mission",
                    "the mission",
                ),
                Role("a {spox} for the OSCE", "OSCE {spox}", "the OSCE", "the organisation"),
                Role(
                    "the head of the OSCE election observation mission",
                    "OSCE observer mission chief",
                    "the OSCE observation mission",
                    "the mission",
                ),
            ),
        ),
        PartySpec(
            "icrc",
            "International Committee of the Red Cross",
            "org",
            "the Red Cross",
            "the ICRC's",
            "Red Cross staff",
            "international",
            "GENEVA",
            (
                Role(
                    "a {spox} for the International Committee of the Red Cross",
                    "ICRC {spox}",
                    "the International Committee of the Red Cross",
                    "the ICRC",
                ),
                Role(
                    "the head of the ICRC delegation in {host}",
                    "ICRC delegation head",
                    "the ICRC delegation in {host}",
                    "the delegation",
                ),
            ),
        ),
        PartySpec(
            "eu",
            "European Union",
            "org",
            "the European Union",
            "the EU's",
            "EU monitors",
            "international",
            "BRUSSELS",
            (
                Role(
                    "a {spox} for the European Commission",
                    "EU {spox}",
                    "the European Commission",
                    "the Commission",
                ),
                Role(
                    "the EU's foreign policy chief", "EU foreign policy chief", "the European Union", "the EU"
                ),
            ),
        ),
        PartySpec(
            "nato",
            "NATO",
            "org",
            "NATO",
            "NATO's",
            "NATO aircraft",
            "international",
            "BRUSSELS",
            (
                Role("a NATO {spox}", "NATO {spox}", "NATO", "the alliance"),
                Role(
                    "NATO's deputy secretary general", "NATO Deputy Secretary General", "NATO", "the alliance"
                ),
            ),
        ),
        PartySpec(
            "au",
            "African Union",
            "org",
            "the African Union",
            "the AU's",
            "AU monitors",
            "international",
            "ADDIS ABABA",
            (
                Role(
                    "the African Union's envoy to the region",
                    "African Union envoy",
                    "the African Union",
                    "the AU",
                ),
                Role(
                    "a {spox} for the African Union Commission",
                    "African Union {spox}",
                    "the African Union Commission",
                    "the Commission",
                ),
            ),
        ),
        PartySpec(
            "asean",
            "ASEAN",
            "org",
            "ASEAN",
            "ASEAN's",
            "ASEAN observers",
            "international",
            "JAKARTA",
            (
                Role(
                    "ASEAN's secretary general",
                    "ASEAN Secretary General",
                    "the ASEAN secretariat",
                    "the secretariat",
                ),
                Role(
                    "the head of the ASEAN observer team",
                    "ASEAN observer team leader",
                    "the ASEAN observer team",
                    "the team",
                ),
            ),
        ),
        PartySpec(
            "hrw",
            "Human Rights Watch",
            "org",
            "Human Rights Watch",
            "Human Rights Watch's",
            "researchers",
            "international",
            "GENEVA",
            (
                Role(
                    "a senior researcher at Human Rights Watch",
                    "Human Rights Watch researcher",
                    "Human Rights Watch",
                    "the group",
                ),
            ),
        ),
    )
}


@dataclass(frozen=True)
class Conflict:
    """A dispute: the sides that fight or argue, the organisations that watch, its setting."""

    key: str
    sides: tuple[PartySpec, ...]
    orgs: tuple[str, ...]  # keys of ORGS
    kinds: tuple[str, ...]  # incident kinds that happen in it
    host: str  # the country international missions are "in"
    border: str  # "the Thai-Cambodian border"
    since: int  # year the dispute last flared, counted back from 2026 (moved with --start)
    feature: str  # what is disputed
    regions: dict[str, tuple[str, ...]]  # side key -> region names (invented)
    weight: int = 10
    land: bool = True  # a land border or front line (not a sea, not a domestic dispute)


KINDS_WAR = (
    "shelling",
    "drone_strike",
    "border_clash",
    "ceasefire_violation",
    "prisoner_exchange",
    "depot_explosion",
    "landmine",
)

CONFLICTS: tuple[Conflict, ...] = (
    Conflict(
        "kyrgyz_tajik",
        (
            _state("kg", "Kyrgyzstan", "Kyrgyz", "central_asian", "BISHKEK"),
            _state("tj", "Tajikistan", "Tajik", "central_asian", "DUSHANBE"),
        ),
        ("osce", "icrc", "un"),
        (*KINDS_WAR, "cyber_attack"),
        "Central Asia",
        "the Kyrgyz-Tajik border",
        2022,
        "the water intake on the upper Ters-Su river",
        {"kg": ("Ala-Tor district", "Kum-Bel district"), "tj": ("Ters-Ata district", "Chong-Sai valley")},
    ),
    Conflict(
        "ethiopia_eritrea",
        (
            _state("et", "Ethiopia", "Ethiopian", "horn", "ADDIS ABABA"),
            _state("er", "Eritrea", "Eritrean", "horn", "ASMARA"),
        ),
        ("au", "un", "icrc"),
        (*KINDS_WAR, "aid_convoy_attack"),
        "Ethiopia",
        "the Ethiopian-Eritrean border",
        2020,
        "the plateau around the Merebo river crossing",
        {"et": ("Tsada-Amba zone", "Gule Hagere zone"), "er": ("Shimbel sub-zone", "Debub Harena sub-zone")},
    ),
    Conflict(
        "venezuela_guyana",
        (
            _state("ve", "Venezuela", "Venezuelan", "latin", "CARACAS"),
            _state("gy", "Guyana", "Guyanese", "caribbean", "GEORGETOWN"),
        ),
        ("un", "eu"),
        ("ship_seizure", "border_clash", "cyber_attack", "airspace_violation", "prisoner_exchange"),
        "Guyana",
        "the Venezuelan-Guyanese border",
        2023,
        "the Marupa river basin and its offshore oil blocks",
        {
            "ve": ("Alto Carirú municipality", "Tamarindo area"),
            "gy": ("Upper Marupa region", "Kaituri region"),
        },
        8,
    ),
    Conflict(
        "thailand_cambodia",
        (
            _state("th", "Thailand", "Thai", "thai", "BANGKOK"),
            _state("kh", "Cambodia", "Cambodian", "khmer", "PHNOM PENH"),
        ),
        ("asean", "icrc", "un"),
        (
            "shelling",
            "border_clash",
            "ceasefire_violation",
            "landmine",
            "drone_strike",
            "prisoner_exchange",
            "cyber_attack",
        ),
        "Cambodia",
        "the Thai-Cambodian border",
        2025,
        "the hilltop temple complex at Phnom Sla Veng",
        {
            "th": ("Phu Khamthong district", "Non Daeng district"),
            "kh": ("Preah Chrey province", "Anlong Kok district"),
        },
    ),
    Conflict(
        "sudan_south_sudan",
        (
            _state("sd", "Sudan", "Sudanese", "sudanese", "PORT SUDAN"),
            _state("ss", "South Sudan", "South Sudanese", "south_sudanese", "JUBA"),
            _group(
                "unf",
                "Upper Nabag Defence Force",
                "Defence Force",
                "south_sudanese",
                "JUBA",
                "Upper Nabag Defence Force fighters",
                "militia",
            ),
        ),
        ("un", "au", "icrc"),
        (
            "shelling",
            "drone_strike",
            "aid_convoy_attack",
            "depot_explosion",
            "border_clash",
            "prisoner_exchange",
            "landmine",
        ),
        "South Sudan",
        "the Sudan-South Sudan border",
        2024,
        "the oil fields and grazing lands along the Nabag river",
        {
            "sd": ("Hamra-Sunut area", "Um Dakhil locality"),
            "ss": ("Northern Nabag county", "Mayom Thon county"),
            "unf": ("Northern Nabag county",),
        },
    ),
    Conflict(
        "greece_turkey",
        (
            _state("gr", "Greece", "Greek", "greek", "ATHENS"),
            _state("tr", "Turkey", "Turkish", "turkish", "ANKARA", poss="Turkey's"),
        ),
        ("eu", "nato"),
        ("ship_seizure", "airspace_violation", "coast_guard_collision", "cyber_attack"),
        "Greece",
        "the Aegean",
        2020,
        "fishing grounds and survey rights around the Vrachonisia islets",
        {"gr": ("Marmari islands", "Vrachos archipelago"), "tr": ("Sarıliman coast", "Akova peninsula")},
        8,
        False,
    ),
    Conflict(
        "colombia_front",
        (
            _state("co", "Colombia", "Colombian", "latin", "BOGOTA"),
            _group(
                "scf",
                "Southern Cordillera Front",
                "Front",
                "latin",
                "BOGOTA",
                "Southern Cordillera Front guerrillas",
                "guerrilla",
            ),
        ),
        ("icrc", "un", "hrw"),
        (
            "drone_strike",
            "depot_explosion",
            "ceasefire_violation",
            "prisoner_exchange",
            "aid_convoy_attack",
            "landmine",
        ),
        "Colombia",
        "the front line in the southern cordillera",
        2024,
        "the coca-growing valleys of the upper Candelo river",
        {"co": ("Alto Candelo municipality", "Yaguara district"), "scf": ("Alto Candelo municipality",)},
    ),
    Conflict(
        "georgia_election",
        (
            _state("ge", "Georgia", "Georgian", "georgian", "TBILISI", poss="Georgia's", election=True),
            PartySpec(
                "civic",
                "Civic Dawn",
                "opposition",
                "the Civic Dawn alliance",
                "Civic Dawn's",
                "Civic Dawn supporters",
                "georgian",
                "TBILISI",
                _opposition_roles("Civic Dawn alliance"),
                "opposition",
            ),
        ),
        ("osce", "eu", "hrw"),
        ("election_fraud", "protest"),
        "Georgia",
        "Georgia",
        2024,
        "the results of the parliamentary and municipal elections",
        {"ge": ("Zemo Mindori region", "Kvemo Ubani region"), "civic": ("Zemo Mindori region",)},
        9,
        False,
    ),
    Conflict(
        "drc_rwanda",
        (
            _state("cd", "DR Congo", "Congolese", "congolese", "KINSHASA"),
            _state("rw", "Rwanda", "Rwandan", "rwandan", "KIGALI"),
            _group(
                "mrm",
                "Kavira Ridge Movement",
                "Movement",
                "congolese",
                "GOMA",
                "Kavira Ridge Movement fighters",
                "rebel",
            ),
        ),
        ("un", "icrc", "au"),
        (
            "shelling",
            "drone_strike",
            "depot_explosion",
            "border_clash",
            "prisoner_exchange",
            "aid_convoy_attack",
        ),
        "DR Congo",
        "the Congolese-Rwandan border",
        2023,
        "the mining hills around Lake Kavira",
        {
            "cd": ("Kishero-Kavu territory", "Bulenga territory"),
            "rw": ("Nyarehe district",),
            "mrm": ("Kishero-Kavu territory",),
        },
    ),
    Conflict(
        "lithuania_belarus",
        (
            _state("lt", "Lithuania", "Lithuanian", "baltic", "VILNIUS"),
            _state("by", "Belarus", "Belarusian", "belarusian", "MINSK"),
        ),
        ("eu", "nato", "un"),
        ("airspace_violation", "cyber_attack", "border_clash", "prisoner_exchange"),
        "Lithuania",
        "the Lithuanian-Belarusian border",
        2021,
        "the border crossings and the smuggling routes",
        {
            "lt": ("Palūnai district", "Kalvėnai district"),
            "by": ("Bely Bor district", "Stary Sialo district"),
        },
        7,
    ),
)


# =====================================================================================
# Incident kinds: what each side says about one
# =====================================================================================
#
# Slots: {A} {B} the accusing and the accused side (nouns), {A_poss} {B_poss}, {A_forces}
# {B_forces}, {C} the watching organisation; {town} {town_np} ("the village of X") {region}
# {border} {feature}; {when} (when it happened, relative to publication); numbers as words
# or digits ({k_people} killed per A, {w_people} wounded, {kc_people} per the organisation,
# {kb_people} enemy losses per B, {n_det} detained, ...). Reported clauses ("rc") are in the
# past perfect so they read after "said", "according to X," and before ", X said".


@dataclass(frozen=True)
class Kind:
    """An incident kind with its headlines, ledes and each side's lines."""

    key: str
    noun: str  # "shelling"
    np: str  # "the shelling of {town}"
    lethal: bool
    settlements: tuple[str, ...]
    titles: tuple[str, ...]
    ledes: tuple[str, ...]  # first sentence; "{A_SRC}" is the accuser's organisation
    a_rc: tuple[str, ...]  # the accusing side, reported
    a_q: tuple[str, ...]  # ... quoted
    a_ag: tuple[str, ...]  # "accused {B} of ..."
    b_dc: tuple[str, ...]  # what the accused side denies
    b_rc: tuple[str, ...]
    b_q: tuple[str, ...]
    c_rc: tuple[str, ...]
    c_q: tuple[str, ...]
    coop: bool = False  # both sides confirm (prisoner exchanges)
    generic: str = ""  # shared lines it also draws on: "fire", "harm", "civil" or none


GENERIC_VIOLENT = {
    "a_rc": (
        "{B_forces} had opened fire first and had deliberately targeted civilian homes",
        "there were no military positions anywhere near {town}",
        "{k_people} had been killed and {w_people} wounded, most of them civilians",
        "its own forces had responded in proportion and had not crossed {border}",
        "the attack had been prepared in advance and was not the act of a local commander",
        "rescue teams were still searching the ruins of several houses in {town}",
    ),
    "a_q": (
        "There is no military target in {town}. There are only houses, a school and a clinic.",
        "This was a deliberate attack on civilians, and those responsible will answer for it.",
        "We did not fire first. Our units returned fire only to protect the people of {town}.",
        "The other side has once again shown that it does not want peace.",
        "We have informed our partners about every detail of this attack, and we expect a clear response.",
        "Our patience is not unlimited. Any new attack will receive an answer.",
    ),
    "a_ag": (
        "deliberately targeting civilians in {town}",
        "trying to wreck the fragile truce along {border}",
        "using the cover of night to shell homes and farms",
    ),
    "b_dc": (
        "its forces had fired on civilian areas",
        "any of its units had been near {town} at the time",
        "its troops had crossed {border}",
        "it had been responsible for the deaths in {town}",
    ),
    "b_rc": (
        "{A_forces} had opened fire first and its units had only returned fire",
        "the casualty figures published by {A} were exaggerated",
        "its forces had struck only positions from which border villages had been shelled",
        "{A} was using the incident to draw outside powers into the dispute over {feature}",
        "{kb_people} from the other side had been killed when its units returned fire",
    ),
    "b_q": (
        "These accusations are a complete fabrication. Our forces did not fire a single shot at civilians.",
        "The other side provoked this incident and is now trying to blame us for it.",
        "We strike only military targets. This has been said many times.",
        "Not one of our soldiers crossed the line, and the other side knows it.",
        "Nobody will believe this story. It was written before the first shot was fired.",
    ),
    "c_rc": (
        "its monitors had recorded heavy fire near {town} but could not establish who had fired first",
        "it was deeply concerned by the reports of civilian casualties in {town}",
        "at least {kc_people} had been killed, a figure it had been able to verify independently",
        "its teams had been unable to reach {town} because the fighting had continued into the night",
    ),
    "c_q": (
        "We urge both sides to exercise maximum restraint and to return to the negotiating table.",
        "Civilians and civilian infrastructure must never be a target. This applies to all parties.",
        "Our team is ready to help evacuate the wounded as soon as the shooting stops.",
        "Every new incident makes a settlement harder. The parties must talk, not shoot.",
    ),
}

GENERIC_HARM = {
    "a_rc": (
        "{k_people} had been killed and {w_people} wounded",
        "the attack had been prepared in advance and was not the act of a local commander",
        "rescue teams were still at work in {town}",
        "an investigation had been opened and the findings would be made public",
    ),
    "a_q": (
        "This was a deliberate attack, and those responsible will answer for it.",
        "We have informed our partners about every detail of this attack, and we expect a clear response.",
        "The other side has once again shown that it does not want peace.",
        "Our patience is not unlimited.",
    ),
    "a_ag": ("trying to wreck the fragile truce along {border}", "waging a campaign of sabotage"),
    "b_dc": (
        "it had been responsible for the deaths in {town}",
        "any of its units had been near {town} at the time",
    ),
    "b_rc": (
        "the casualty figures published by {A} were exaggerated",
        "{A} was using the incident to draw outside powers into the dispute over {feature}",
        "{A} had blamed it before any investigation had begun",
    ),
    "b_q": (
        "These accusations are a complete fabrication.",
        "Nobody will believe this story. It was written before anyone knew what had happened.",
        "Those who make such accusations should first present evidence.",
    ),
    "c_rc": (
        "it was deeply concerned by the reports of civilian casualties in {town}",
        "at least {kc_people} had been killed, a figure it had been able to verify independently",
        "its teams had been unable to reach {town} on the day of the incident",
    ),
    "c_q": (
        "Civilians and civilian infrastructure must never be a target. This applies to all parties.",
        "We call for a prompt and independent investigation.",
        "Every new incident makes a settlement harder.",
    ),
}

GENERIC_CIVIL = {
    "a_rc": (
        "it would take the matter to international bodies if no explanation was given",
        "it had evidence that the operation had been planned at the highest level",
        "the other side's account did not match what had happened on the ground",
    ),
    "a_q": (
        "We will not be intimidated, and we will not stay silent.",
        "The facts are clear, and we have shared them with our partners.",
        "This is not the first time, but we are determined that it will be the last.",
    ),
    "a_ag": ("breaking its own commitments", "trying to intimidate its neighbours"),
    "b_dc": ("it had broken any law or agreement", "it had been involved in any way"),
    "b_rc": (
        "the accusations were part of a campaign to discredit it abroad",
        "it had acted fully within the law",
    ),
    "b_q": (
        "We have nothing to hide. These claims are simply not true.",
        "Those who make such accusations should first present evidence.",
        "Our actions were lawful and proportionate, and we will not apologise for them.",
    ),
    "c_rc": (
        "it was following the situation closely and was in contact with both sides",
        "it had asked both parties for detailed information",
    ),
    "c_q": (
        "Dialogue is the only way forward. We call on everyone to avoid steps that raise tensions.",
        "We are following the situation closely and remain in contact with both sides.",
    ),
}

KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in (
        Kind(
            "shelling",
            "shelling",
            "the shelling of {town}",
            True,
            ("village", "town"),
            (
                "{A} says {B_short} shelling killed {k_num} in border {settlement} of {town}",
                "Shelling hits {town} on {border_short}; {A} and {B} trade blame",
                "{B} denies shelling {town} as {A} reports {k_num} dead",
                "Artillery fire kills {k_num} in {town}, {A_officials} say",
                "{C_short} urges restraint after shelling of {town}",
            ),
            (
                "{B_forces} shelled {town_np} {where} {when}, killing {k_people} and wounding {w}, "
                "{A_SRC} said on {wd}.",
                "At least {kc_people} were killed when artillery shells hit {town_np} {when}, in the worst "
                "flare-up "
                "along {border} in months, {A_SRC} said.",
                "Mortar and artillery fire struck homes and a school in {town_np} {when}, {A_SRC} said, "
                "accusing "
                "{B_forces} of breaking a truce that had held for weeks.",
            ),
            (
                "{B_forces} had used mortars and 122 mm artillery against residential streets",
                "more than {n_shells} shells had landed in and around {town} in under two hours",
                "a school, a clinic and at least {n_houses} houses had been damaged in {town}",
            ),
            (
                "They shelled the village for two hours. People were hiding in their cellars with their "
                "children.",
                "More than {n_shells} shells fell on {town}. That is not an accident, that is a decision.",
                "The school in {town} was hit. Thank God the children were not there.",
            ),
            (
                "shelling residential areas with heavy artillery",
                "firing on {town} from positions across the line",
            ),
            ("its artillery had fired on {town}", "it had used heavy weapons near the line of contact"),
            (
                "its artillery had targeted only a mortar position that had been shelling border villages",
                "the shells that hit {town} had been fired from {A_poss} own side of the line",
            ),
            (
                "Our artillery fired at one target only, a mortar position that had been shelling our "
                "villages.",
                "The shells that hit {town} did not come from our side. Look at the craters.",
            ),
            ("its observers had counted about {n_shells} impacts near {town}",),
            ("The shelling of populated areas is unacceptable under international humanitarian law.",),
            generic="fire",
        ),
        Kind(
            "drone_strike",
            "drone strike",
            "the drone strike on {town}",
            True,
            ("town", "village"),
            (
                "Drone strike on {town} kills {k_num}, {A} says",
                "{A} accuses {B} of drone attack on {town}; {B} denies",
                "{B} says drone strike hit military depot, not homes, in {town}",
                "Drones hit {town} overnight; {k_num} dead, {w} wounded",
            ),
            (
                "{B_forces} launched {n_drones} attack drones at {town_np} {where} {when}, killing "
                "{k_people} and wounding {w}, {A_SRC} said on {wd}.",
                "A drone strike on {town_np} {when} killed {k_people}, including two children, {A_SRC} "
                "said, in the "
                "deadliest attack of its kind this year.",
                "Explosive drones struck a market and a fuel station in {town_np} {when}, {A_SRC} said.",
            ),
            (
                "{n_drones} drones had been launched at {town} and {n_down} of them had been shot down",
                "one of the drones had hit a crowded market shortly after dawn",
                "the drones had been launched from territory controlled by {B}",
            ),
            (
                "Our air defence shot down {n_down} drones, but the rest got through and hit the market.",
                "They sent drones against a town full of civilians, at the hour when people go to the "
                "market.",
                "We found fragments of the drones, and every one of them points to the same side.",
            ),
            ("launching drones at civilian targets in {town}", "using drones to terrorise the population"),
            ("its drones had struck civilian targets", "it had launched any drones that night"),
            (
                "its drones had destroyed a depot where {A_forces} stored weapons and fuel",
                "the blast in {town} had been caused by {A_poss} own air defence missile",
            ),
            (
                "The drone strike hit an ammunition depot, and the secondary explosions are there for "
                "everyone "
                "to see.",
                "We do not use drones against civilians. We never have.",
            ),
            (
                "it had seen remains of drones at two sites in {town} and was trying to establish their "
                "origin",
            ),
            ("The use of explosive drones in populated areas has a devastating impact on civilians.",),
            generic="fire",
        ),
        Kind(
            "border_clash",
            "border clash",
            "the clash near {town}",
            True,
            ("village", "border village"),
            (
                "{k_num} killed in clash on {border_short} near {town}",
                "{A} and {B} trade accusations after deadly border clash",
                "Border clash near {town}: {B} says its troops repelled an incursion",
                "Troops clash at {town}, {A} says {k_num} soldiers killed",
            ),
            (
                "{A_forces} and {B_forces} clashed near {town_np} on {border} {when}, and {A_SRC} said "
                "{k_people} had been killed.",
                "Heavy fighting broke out {when} between border troops near {town_np}, a disputed stretch of "
                "{border}, {A_SRC} said.",
                "{k_people} were killed in a firefight near {town_np} {when}, {A_SRC} said, the deadliest "
                "clash on "
                "{border} since {since}.",
            ),
            (
                "a {B_short} patrol had crossed the line and had tried to set up a post on a hill above "
                "{town}",
                "the fighting had lasted {n_hours} hours and had involved mortars and armoured vehicles",
                "its troops had pushed the attackers back across the line",
            ),
            (
                "They came across the line with armoured vehicles and tried to dig in above {town}.",
                "Our border guards stood their ground. The line has not moved by a single metre.",
                "This was not a skirmish. It was a planned incursion with armour and mortars.",
            ),
            ("trying to seize high ground above {town}", "violating the border in the {region}"),
            ("its patrol had crossed the line", "its troops had started the fighting"),
            (
                "its soldiers had repelled an attempt by {A_forces} to seize a hill on the {B_short} side "
                "of the line",
                "it had lost {b_loss} and had killed {kb_people} from the other side",
            ),
            (
                "Our soldiers were on our own land. They were attacked and they defended it.",
                "The other side tried to move the border by force and failed.",
            ),
            ("both sides had confirmed casualties but their figures could not be reconciled",),
            ("Border questions must be settled at the negotiating table, never by force.",),
            generic="fire",
        ),
        Kind(
            "ceasefire_violation",
            "ceasefire violation",
            "the ceasefire violations near {town}",
            True,
            ("village", "town"),
            (
                "{A} accuses {B} of {n_viol_a} ceasefire violations in a day",
                "Truce under strain as {A} and {B} trade blame for violations near {town}",
                "{C_short} monitors record dozens of ceasefire violations near {town}",
                "{B} says {A} broke ceasefire first",
            ),
            (
                "{A_SRC} accused {B_forces} of violating the ceasefire {n_viol_a} times {when}, mostly "
                "around "
                "{town_np}, where {k_people} were killed.",
                "The ceasefire along {border} came under new strain {when}, as {A_SRC} said gunfire near "
                "{town_np} had killed {k_people}.",
                "Sniper and machine-gun fire near {town_np} {when} killed {k_people}, {A_SRC} said, in "
                "what it "
                "called a breach of the truce.",
            ),
            (
                "the ceasefire had been violated {n_viol_a} times in 24 hours",
                "snipers had fired on farmers working in the fields outside {town}",
                "the violations were part of a pattern that had been growing for weeks",
            ),
            (
                "The ceasefire exists only on paper. Every night our positions near {town} come under fire.",
                "We counted {n_viol_a} violations in one day. Is that what the other side calls a truce?",
                "We remain committed to the ceasefire, but we will not let our soldiers be shot at without "
                "answering.",
            ),
            ("breaching the truce {n_viol_a} times in one day", "undermining the ceasefire agreement"),
            ("it had violated the ceasefire", "its troops had fired first"),
            (
                "{A_forces} had violated the ceasefire {n_viol_b} times over the same period",
                "its units had only answered fire directed at their positions",
            ),
            (
                "We observe the ceasefire strictly. We answer only when our positions are fired upon.",
                "It was the other side that broke the truce, {n_viol_b} times in one day.",
            ),
            (
                "its monitors had recorded {n_viol_c} ceasefire violations near {town} in 24 hours",
                "its monitors had recorded violations by both sides",
            ),
            ("Both sides bear responsibility for keeping the ceasefire. Each violation costs lives.",),
            generic="fire",
        ),
        Kind(
            "prisoner_exchange",
            "prisoner exchange",
            "the prisoner exchange at {town}",
            False,
            ("border town", "town"),
            (
                "{A} and {B} swap {n_pris} prisoners in {C_short}-brokered exchange",
                "Prisoner exchange at {town}: {n_pris} detainees return home",
                "{B} confirms prisoner swap with {A}; families wait at {town}",
                "{C_short} hails prisoner exchange between {A} and {B}",
            ),
            (
                "{A} and {B} exchanged {n_pris} prisoners at {town_np} {when} in a swap brokered by {C}, "
                "{A_SRC} said.",
                "{n_pris} prisoners held by {A} and {B} walked across {border} at {town_np} {when}, in the "
                "largest exchange since {since}, {A_SRC} said.",
                "Buses carrying detainees crossed at {town_np} {when} as {A} and {B} completed a prisoner "
                "exchange, {A_SRC} said.",
            ),
            (
                "{n_pris_a} of its citizens had returned home, among them {n_sick} who needed medical care",
                "the exchange had taken months of talks with the help of {C}",
                "it would keep working for the release of every citizen still held",
            ),
            (
                "Today {n_pris_a} of our people came home. We will not rest until the last one is back.",
                "We thank everyone who made this exchange possible, and above all the families who never "
                "gave up.",
                "This is a humanitarian step. It does not change our position on the other questions.",
            ),
            ("holding civilians as bargaining chips", "delaying the exchange for months"),
            ("it had mistreated any of the detainees", "it was still holding civilians"),
            (
                "it had handed over {n_pris_b} detainees and received the same number in return",
                "the exchange had been possible because of its own goodwill",
            ),
            (
                "We kept our word. Every person on the list crossed today.",
                "We have shown goodwill. Now we expect the other side to do the same.",
            ),
            (
                "its staff had visited the detainees before the exchange and had escorted them across the "
                "line",
                "it had acted as a neutral intermediary at the request of both sides",
            ),
            (
                "We are glad that these men and women can return to their families. This shows that dialogue "
                "works.",
                "Our role was to make sure that the transfer was safe, voluntary and dignified.",
            ),
            coop=True,
        ),
        Kind(
            "depot_explosion",
            "explosion",
            "the explosion at the depot near {town}",
            True,
            ("town", "village"),
            (
                "Explosion rips through ammunition depot near {town}",
                "{A} blames {B} for blast at depot near {town}; {B} denies",
                "Depot explosion near {town} kills {k_num}, forces evacuation",
                "{B} says depot blast near {town} was an accident",
            ),
            (
                "A series of explosions destroyed an ammunition depot near {town_np} {when}, killing "
                "{k_people}, "
                "and {A_SRC} said saboteurs working for {B} were behind it.",
                "Explosions at a fuel and ammunition depot outside {town_np} {when} killed {k_people} and "
                "forced "
                "the evacuation of {n_evac} residents, {A_SRC} said.",
                "A fire and blasts at a military depot near {town_np} {when} could be heard {km} "
                "kilometres away, "
                "{A_SRC} said.",
            ),
            (
                "the first blast had been caused by a small drone that had crossed from {B_poss} side",
                "{n_evac} residents had been evacuated from {town} as a precaution",
                "two saboteurs had been detained near the depot",
            ),
            (
                "This was sabotage. We have detained two suspects and they are talking.",
                "The depot was guarded, and the fire did not start by itself.",
                "We evacuated {n_evac} people in the night. No one in {town} will forget it.",
            ),
            ("sabotaging the depot near {town}", "sending saboteurs across the line"),
            (
                "it had had anything to do with the explosion",
                "its agents had been involved in the blast near {town}",
            ),
            (
                "the blast had been caused by careless storage of old munitions",
                "{A} was looking for someone to blame for {A_poss} own negligence",
            ),
            (
                "We have nothing to do with this explosion. It is the result of their own negligence.",
                "Old shells stored in the summer heat explode. It happens.",
            ),
            ("it could not yet say what had caused the blast", "its staff were helping evacuated families"),
            ("An explosion of this size near homes shows why ammunition must be stored far from civilians.",),
            generic="harm",
        ),
        Kind(
            "landmine",
            "mine explosion",
            "the mine explosion near {town}",
            True,
            ("village",),
            (
                "Landmine kills {k_num} farmers near {town}",
                "{A} says newly laid mines killed {k_num} near {town}",
                "Mine explosion near {town} reignites dispute over {border_short}",
            ),
            (
                "A landmine exploded under a tractor in a field outside {town_np} {when}, killing "
                "{k_people}, "
                "{A_SRC} said.",
                "{k_people} were killed when their vehicle hit an anti-tank mine near {town_np} {when}, "
                "{A_SRC} "
                "said, blaming {B_forces} for laying new mines.",
            ),
            (
                "the mine had been laid recently, on land that had been cleared last year",
                "deminers had found {n_mines} more mines near the same road",
            ),
            (
                "This field was cleared last year. Someone laid new mines there, and we know who.",
                "These were farmers going to work. They had nothing to do with any army.",
            ),
            ("laying new mines on farmland", "mining roads used by civilians"),
            ("it had laid any new mines", "its soldiers had entered the area"),
            (
                "the mine was left over from the fighting of {since}",
                "{A} had failed to clear the area despite years of promises",
            ),
            ("We do not lay mines on farmland. This mine is older than the ceasefire.",),
            ("its mine action teams had been asked to survey the area around {town}",),
            (
                "Landmines keep killing long after the fighting stops. Clearance must be a priority for both "
                "sides.",
            ),
            generic="harm",
        ),
        Kind(
            "aid_convoy_attack",
            "convoy attack",
            "the attack on the aid convoy near {town}",
            True,
            ("town",),
            (
                "Aid convoy attacked near {town}; {k_num} drivers killed",
                "{A} blames {B} for attack on aid trucks near {town}",
                "{C_short} suspends deliveries after convoy attack near {town}",
            ),
            (
                "Gunmen attacked a convoy of {n_trucks} trucks carrying food aid near {town_np} {when}, "
                "killing "
                "{k_people}, {A_SRC} said.",
                "A convoy of {n_trucks} aid trucks came under fire near {town_np} {when}, {A_SRC} said, "
                "accusing "
                "{B_forces} of the attack.",
            ),
            (
                "the trucks had been clearly marked and the route had been shared with all sides",
                "{n_trucks_lost} trucks had been burned and their cargo looted",
            ),
            (
                "The trucks were marked, the route was agreed, and still they opened fire.",
                "Whoever attacks food for hungry people has lost any claim to be taken seriously.",
            ),
            ("attacking humanitarian convoys", "looting food meant for displaced families"),
            ("its fighters had been anywhere near the road", "it had attacked the convoy"),
            (
                "bandits with no links to any armed group had attacked the trucks",
                "{A} had sent the convoy along a route known to be unsafe",
            ),
            ("We protect humanitarian convoys. We do not attack them.",),
            (
                "it had suspended deliveries on the road through {town} until further notice",
                "{n_trucks_lost} trucks had been lost and {n_missing} drivers were still missing",
            ),
            ("Humanitarian workers are not a target. We need guarantees before our trucks move again.",),
            generic="harm",
        ),
        Kind(
            "cyber_attack",
            "cyber attack",
            "the cyber attack on {A_poss} government networks",
            False,
            ("town",),
            (
                "{A} blames {B}-linked hackers for cyber attack on ministries",
                "Cyber attack knocks out {A_poss} government websites for {n_hours} hours",
                "{B} rejects {A_poss} cyber attack accusations",
                "Hackers hit {A} state networks; {B} denies involvement",
            ),
            (
                "A cyber attack knocked out the websites of {n_sites} government agencies in {A} {when}, and "
                "{A_SRC} said hackers linked to {B} were responsible.",
                "Hackers disrupted {A_poss} border and customs computer systems for {n_hours} hours {when}, "
                "{A_SRC} said.",
            ),
            (
                "the attack had hit {n_sites} government websites and the customs system at {town}",
                "the hackers had used servers rented under false names in three countries",
                "no personal data had been stolen, as far as it could tell",
            ),
            (
                "This was not the work of teenagers. It was a coordinated attack on the state.",
                "We restored most systems within hours, and we know where the attack came from.",
            ),
            ("running a hacking campaign against its institutions", "sponsoring criminal hacking groups"),
            ("it had been involved in the cyber attack", "it had any links to the hacking group"),
            (
                "{A} had produced no technical evidence for the accusations",
                "the accusations were an attempt to hide the poor state of {A_poss} own systems",
            ),
            ("We have nothing to do with these hackers. Show us the evidence, if there is any.",),
            ("it was helping {A} to investigate the attack",),
            ("Cyber attacks on public services endanger citizens. States must not support them.",),
            generic="civil",
        ),
        Kind(
            "ship_seizure",
            "seizure",
            "the seizure of the {ship}",
            False,
            ("port", "harbour town"),
            (
                "{B} seizes tanker {ship} with {crew} crew; {A} protests",
                "{A} demands release of the {ship} seized off {town}",
                "{B} says seized ship {ship} was smuggling fuel",
                "Ship seizure off {town} raises tensions between {A} and {B}",
            ),
            (
                "{B_forces} boarded and seized the {ship}, a vessel carrying {A_poss} flag with {crew} crew "
                "members, off {town_np} {when}, {A_SRC} said.",
                "{A_SRC} demanded the immediate release of the {ship} after {B_forces} stopped it off "
                "{town_np} {when} and escorted it to port.",
            ),
            (
                "the {ship} had been in international waters when the ship was boarded",
                "the crew of {crew} had not been allowed to contact their families",
                "the seizure was an act of piracy",
            ),
            (
                "The {ship} was in international waters. This is piracy, plain and simple.",
                "We want the ship and all {crew} crew members released today.",
            ),
            ("seizing a merchant ship in international waters", "holding the crew without charge"),
            ("the ship had been in international waters", "the crew had been mistreated"),
            (
                "the {ship} had entered its territorial waters without permission and had been carrying "
                "smuggled "
                "fuel",
                "the crew were in good health and would be questioned under the law",
            ),
            ("The vessel broke our laws in our waters, and it will be dealt with under our laws.",),
            ("it was seeking information from both sides about the {ship} and the people on board",),
            ("Freedom of navigation must be respected, and the crew must be treated humanely.",),
            generic="civil",
        ),
        Kind(
            "airspace_violation",
            "airspace violation",
            "the airspace violation over {town}",
            False,
            ("town",),
            (
                "{A} says {B} drones violated its airspace near {town}",
                "{A} summons envoy over airspace violation near {town}",
                "{B} denies sending aircraft into {A_poss} airspace",
            ),
            (
                "{n_drones} drones from {B_poss} side flew into {A_poss} airspace near {town_np} {when}, and "
                "{A_SRC} said it had summoned {B_poss} envoy.",
                "{A_SRC} said an aircraft from {B_poss} side had violated its airspace over {town_np} "
                "{when}, "
                "staying for {n_minutes} minutes.",
            ),
            (
                "{n_drones} drones had crossed into its airspace and {n_down} had been brought down",
                "radar had tracked the intruders for most of their flight",
            ),
            (
                "This is a deliberate provocation. Our air defence tracked every minute of the flight.",
                "We have summoned their envoy. We want an explanation and a guarantee that it will not "
                "happen "
                "again.",
            ),
            ("testing its air defences", "repeatedly violating its airspace"),
            ("its aircraft had entered foreign airspace", "it had sent any drones across the border"),
            (
                "its aircraft had been on a routine training flight well inside national airspace",
                "{A} had invented the incident to justify new military spending",
            ),
            ("Our pilots know exactly where the border is. There was no violation.",),
            ("it had received reports of the incident and was in contact with both capitals",),
            (
                "Incidents of this kind carry a real risk of escalation. Clear channels of communication are "
                "needed.",
            ),
            generic="civil",
        ),
        Kind(
            "coast_guard_collision",
            "collision",
            "the collision off {town}",
            False,
            ("harbour town", "island"),
            (
                "{A} says {B} coast guard vessel rammed its patrol boat off {town}",
                "Coast guard ships collide off {town}; {w_num} sailors hurt",
                "{B} blames {A} for collision at sea off {town}",
            ),
            (
                "A coast guard vessel from {B_poss} side rammed {A_poss} patrol boat off {town_np} {when}, "
                "injuring {w_people}, {A_SRC} said.",
                "Two coast guard ships collided off {town_np} {when}, and {A_SRC} said {B_poss} vessel had "
                "deliberately rammed its boat.",
            ),
            (
                "the other ship had rammed its patrol boat twice and had used a water cannon",
                "{w_people} on board its boat had been injured",
            ),
            (
                "They rammed our boat twice. This was no accident.",
                "Our sailors were doing their job in our waters, and they were attacked.",
            ),
            ("ramming its patrol boat", "using dangerous manoeuvres against its vessels"),
            ("its vessel had rammed anyone", "its crew had acted dangerously"),
            (
                "the other boat had entered its waters and had cut across the bow of the patrol ship",
                "its crew had acted professionally and with restraint",
            ),
            ("Their boat entered our waters and caused the collision. We have the video.",),
            ("it was concerned by the collision and urged both sides to keep their vessels apart",),
            ("Dangerous incidents at sea can spiral out of control very quickly.",),
            generic="civil",
        ),
        Kind(
            "protest",
            "protest",
            "the protest in {town}",
            False,
            ("city", "town"),
            (
                "Police disperse thousands of protesters in {town}; {n_det} detained, {A} says",
                "{B} says protesters in {town} attacked police",
                "Tear gas in {town} as protest over election results turns violent",
                "Rights groups condemn arrests after {town} protest",
            ),
            (
                "Police used tear gas and water cannon to break up a protest by thousands of people in "
                "{town_np} {when}, and {A_SRC} said {n_det} people had been detained.",
                "Tens of thousands of people marched through {town_np} {when} to protest over {feature}, and "
                "{A_SRC} said police had beaten peaceful demonstrators.",
            ),
            (
                "{n_protest_a} people had joined the protest, which had been peaceful until police moved in",
                "{n_det} people had been detained, among them journalists and two of its own members",
                "dozens of protesters had been injured by rubber bullets",
            ),
            (
                "The protest was peaceful until the police charged. They beat people who were lying on "
                "the ground.",
                "They can arrest hundreds of us, but they cannot arrest the whole country.",
                "We will be back on the streets tomorrow, and the day after.",
            ),
            (
                "using excessive force against peaceful protesters",
                "arresting journalists and opposition activists",
            ),
            ("police had used excessive force", "any journalists had been detained"),
            (
                "only {n_protest_b} people had taken part in what it called an unauthorised gathering",
                "{n_hurt_police} police officers had been injured by protesters throwing stones and bottles",
                "{n_det_b} people had been detained for breaching public order",
            ),
            (
                "The police acted within the law. Those who threw stones will answer for it.",
                "This was not a peaceful protest. It was an attempt to seize government buildings.",
            ),
            (
                "the authorities must respect the right to peaceful assembly",
                "its observers had seen police beating protesters who had already been detained",
            ),
            ("Peaceful protest is a right, and those detained for exercising it must be released.",),
            generic="civil",
        ),
        Kind(
            "election_fraud",
            "election",
            "the vote in {town}",
            False,
            ("city", "town"),
            (
                "Opposition claims fraud in {town} vote; election officials reject claims",
                "{A} alleges ballot stuffing at {n_stations} polling stations",
                "Election commission rejects fraud claims after disputed vote in {town}",
                "Observers report irregularities in {town} election",
            ),
            (
                "{A_SRC} accused the authorities of rigging the vote in {town_np} {when}, citing ballot "
                "stuffing "
                "at {n_stations} polling stations.",
                "The results of the vote in {town_np} {when} were falsified, {A_SRC} said, calling on "
                "supporters "
                "to gather outside the election commission.",
            ),
            (
                "ballots had been stuffed at {n_stations} polling stations in and around {town}",
                "its observers had been thrown out of dozens of polling stations before the count",
                "its candidate had won at least {pct_a} per cent of the vote, not the {pct_b} per cent "
                "announced",
            ),
            (
                "We have videos from {n_stations} polling stations. This was not an election, it was a "
                "fraud.",
                "People voted for change, and the commission stole their vote.",
                "We will not recognise these results.",
            ),
            ("rigging the vote", "stuffing ballot boxes in {town}"),
            (
                "there had been any serious violations",
                "opposition observers had been removed from polling stations",
            ),
            (
                "the vote had been free and fair and the results reflected the will of the voters",
                "the opposition had filed complaints about only {n_complaints} polling stations",
            ),
            (
                "The election was free and fair. The opposition lost and cannot accept it.",
                "Every complaint will be examined under the law, but we see nothing that changes the result.",
            ),
            (
                "its observers had noted cases of pressure on voters and of ballot stuffing",
                "the vote had been well organised but had been marred by serious irregularities",
            ),
            (
                "Voters had a choice, but the campaign was not fair, and the count was not transparent "
                "everywhere.",
            ),
            generic="civil",
        ),
    )
}


# =====================================================================================
# Attribution frames: how a statement is put into a sentence
# =====================================================================================
#
# {S} the speaker as a subject ("Almaz Nazarov, a spokesman for the Kyrgyz Defence
# Ministry," on first mention, "Nazarov", "he", "the ministry" later), {S_END} the speaker
# where a sentence ends or before a comma, {SAID} "X said" or, on first mention, "said X, a
# ..."; {S2} a later mention of the same speaker. {rc} {rc2} reported clauses, {RC} one
# opening a sentence, {q} a quote, {qc} the quote ending in a comma, {q1c} {q2} a quote
# split in two; {dc} a denied clause, {ag} an accusation, {dm} a demand, {th} a threat,
# {sq} a short quoted phrase, {lie} "baseless", {OTHER} the other side, {wd} "on Tuesday",
# {city} where the speaker is, {outlet} the article's outlet.

REPORTED = (
    "{S} said {rc}.",
    "{S} said {wd} that {rc}.",
    "{S} told reporters in {city} that {rc}.",
    "{S} told {outlet} that {rc}.",
    "According to {S_END}, {rc}.",
    "{RC}, {SAID}.",
    "{RC}, {S} said in a statement.",
    "{RC}, {S} told reporters.",
    "In a statement {wd}, {S} said {rc}.",
    "{S} added that {rc}.",
    "{S} claimed that {rc}.",
    "{S} insisted that {rc}.",
    "Speaking at a news conference in {city}, {S} said {rc}.",
    "{S} told a briefing {wd} that {rc}.",
    "{S} wrote on social media that {rc}.",
    "{S} said in a televised address that {rc}.",
    "{S} stressed that {rc}.",
    "{RC}, according to {S_END}.",
    "{S} said {rc}, and that {rc2}.",
    "{S} said {rc}. {S2} added that {rc2}.",
    "{S} said later {wd} that {rc}.",
    "{S} told state television that {rc}.",
)
CONFIRMING = (
    "{S} confirmed that {rc}.",
    "{S} confirmed {wd} that {rc}.",
)
DENYING = (
    "{S} denied that {dc}.",
    "{S} denied that {dc} and said {rc}.",
    "{S} rejected the accusations as {lie}.",
    "{S} rejected {OTHER_POSS} account as {lie} and said {rc}.",
    "{S} dismissed the claims as {lie}, saying {rc}.",
    "{S} flatly denied that {dc}.",
    "{S} said reports that {dc} were {lie}.",
    "{S} denied the accusations, saying {rc}.",
    "{S} rejected claims that {dc}, calling them {lie}.",
)
ACCUSING = (
    "{S} accused {OTHER} of {ag}.",
    "{S} accused {OTHER} of {ag} and said {rc}.",
    "{S} blamed {OTHER} for {ag}.",
)
DEMANDING = (
    "{S} urged {TARGET} to {dm}.",
    "{S} called on {TARGET} to {dm}.",
    "{S} warned that {th}.",
    "{S} said {wd} that {th}.",
)
QUOTING = (
    '"{qc}" {SAID}.',
    '"{qc}" {S} said {wd}.',
    '{S} said: "{q}"',
    '"{qc}" {S} told reporters.',
    '"{qc}" {S} told {outlet}.',
    '"{qc}" {S} wrote on social media.',
    '"{qc}" {S} said in a video address.',
    '{S} told {outlet}: "{q}"',
    '"{qc}" {SAID}, adding that {rc}.',
    '{S} said in a statement: "{q}"',
    '"{q1c}" {S} said. "{q2}"',
)
MIXED = (
    '{S} called the {noun} "{sq}".',
    '{S} described {np} as "{sq}".',
    '{S} said the {noun} was "{sq}".',
)
MIXED_DENIAL = (
    '{S} called the accusations "{sq}".',
    '{S} described {OTHER_POSS} account of {np} as "{sq}".',
    '{S} said the reports were "{sq}".',
)
FIGURES = {
    "A": (
        "{S} said {k_people} had been killed and {w_people} wounded.",
        "According to {S_END}, {k_people} were killed and {w_people} were wounded.",
        "{S} said {wd} that the death toll had risen to {k2}.",
    ),
    "B": (
        "{S} said {its} forces had suffered no losses.",
        "{S} said {b_loss} had been killed in the fighting.",
        "{S} said {kb_people} from the other side had been killed.",
    ),
    "C": (
        "{S} said {it} had confirmed {kc_people} killed but could not verify the other figures.",
        "According to {S_END}, at least {kc_people} were killed and {w_people} wounded.",
    ),
}
SHORT_QUOTES = {
    "A": (
        "a deliberate act of aggression",
        "a crime against civilians",
        "an open provocation",
        "cynical",
        "a planned attack",
        "a cowardly act",
    ),
    "B": (
        "a staged provocation",
        "pure fiction",
        "another fabrication",
        "a pretext for escalation",
        "a provocation",
        "an information operation",
    ),
    "C": ("deeply worrying", "a dangerous escalation", "unacceptable", "alarming"),
}
SHORT_QUOTES_CIVIL = {
    "A": ("unacceptable", "a disgrace", "a deliberate provocation", "an outrage"),
    "B": SHORT_QUOTES["B"],
    "C": ("deeply worrying", "a matter of serious concern", "alarming"),
}
LIES = ("baseless", "groundless", "absurd", "a fabrication", "lies", "unfounded", "propaganda", "false")
DEMANDS = {
    "A": (
        "withdraw its forces from the area around {town}",
        "stop its provocations at once",
        "hand over those responsible",
        "respect the agreements it has signed",
    ),
    "B": (
        "stop spreading disinformation",
        "stop its provocations",
        "return to talks instead of making accusations",
    ),
    "C": (
        "exercise maximum restraint",
        "allow safe access for humanitarian workers",
        "return to talks on {feature}",
        "respect international humanitarian law",
        "investigate the incident fully",
    ),
}
THREATS = {
    "A": (
        "any further attack would be met with a firm response",
        "it reserved the right to respond",
        "it would raise the incident at the United Nations",
    ),
    "B": ("it would respond to any new provocation", "it would not be drawn into a war of words"),
    "C": ("the situation could escalate quickly", "civilians would pay the price of any escalation"),
}
DEMANDS_CIVIL = {
    "A": (
        "explain what had happened",
        "release everyone detained",
        "respect the agreements it has signed",
        "allow an independent investigation",
    ),
    "B": DEMANDS["B"],
    "C": (
        "exercise restraint",
        "resolve their differences through dialogue",
        "investigate the incident fully",
    ),
}
THREATS_CIVIL = {
    "A": ("it would keep up the pressure until there were answers", "it would take further steps if needed"),
    "B": THREATS["B"],
    "C": ("tensions could rise further without dialogue", "the situation could escalate quickly"),
}
ACCUSATIONS_B = (
    "provoking the incident",
    "staging the incident to win sympathy abroad",
    "spreading disinformation about {np}",
)


# =====================================================================================
# Background: narration in the outlet's own voice, attributing nothing
# =====================================================================================
#
# Each entry: (needs, template). needs: "border" (a border or line of contact),
# "states" (both sides are states), "lethal", "later" (published a day or more after),
# "recall" (an earlier incident in the same dispute), "dispute" (not a prisoner exchange),
# "" (anything).

BACKGROUND: tuple[tuple[str, str], ...] = (
    ("border", "{Town} lies about {km} kilometres from {border}, in the {region}."),
    ("", "{Town}, {a_settlement} of about {pop} people, sits on the only paved road through the {region}."),
    ("", "The dispute over {feature} has flared repeatedly since {since}."),
    ("", "Talks on {feature} have made little progress since the last round ended without agreement."),
    ("", "{outlet} could not independently verify the accounts of either side."),
    ("", "Neither account could be independently verified."),
    ("", "Access for journalists to the area around {town} is restricted."),
    ("dispute", "The {noun} was at least the {ordinal} serious incident in the {region} this month."),
    (
        "",
        "Many families have left {town} for larger cities in recent years, and those who remain are mostly "
        "elderly.",
    ),
    ("lethal", "Residents of {town} spent the night in basements and in the cellar of the local school."),
    ("lethal", "Electricity and water supplies in parts of {town} were cut for several hours."),
    ("", "Shops in the centre of {town} stayed closed on {pub_day}, and the main road was almost empty."),
    ("lethal", "Ambulances took the wounded to the district hospital, about {km2} kilometres away."),
    (
        "states",
        "The last round of talks between {A} and {B} ended in {month_past} without a joint statement.",
    ),
    (
        "border",
        "Much of {border} has never been marked on the ground, and several stretches remain in dispute.",
    ),
    (
        "",
        "The economy of the {region} depends on farming, small trade and money sent home by workers abroad.",
    ),
    (
        "border",
        "Hundreds of people cross {border} every day to work, trade and visit relatives when the "
        "crossings are open.",
    ),
    (
        "border lethal",
        "The crossing points nearest to {town} were closed after the {noun}, and lorries queued for "
        "kilometres.",
    ),
    (
        "states",
        "Diplomats from several countries have tried to get {A} and {B} to resume talks, so far "
        "without success.",
    ),
    ("recall", "The {noun} came {gap} after {prev_np}, in which {prev_k} people were killed."),
    (
        "recall",
        "In {prev_month}, {prev_np} left {prev_k} people dead and set off weeks of angry exchanges between "
        "the two sides.",
    ),
    ("border", "The area around {town} was the scene of heavy fighting in {since}."),
    (
        "border",
        "A ceasefire reached in {since} has largely held, though violations along {border} are common.",
    ),
    ("", "Prices of bread and fuel in {town} have risen sharply over the past year."),
    ("", "The {region} has long lacked shelters, a paved road to the district centre and a modern hospital."),
    ("", "The {region} is one of the poorest parts of {country}, with few jobs outside farming and trade."),
    (
        "border",
        "Satellite images published by independent analysts in recent months point to new trenches and "
        "firing positions on both sides of the line.",
    ),
    ("border", "Both sides have moved more troops and heavy weapons closer to {border} this year."),
    ("later", "Markets in {town} reopened on {pub_day}, though many stalls remained empty."),
    ("dispute", "Schools in the {region} were closed until further notice."),
    ("", "The road between {town} and the district centre was blocked by checkpoints for most of the day."),
    ("lethal later", "Funerals for the dead were held in {town} on {pub_day}."),
    (
        "lethal",
        "Rescue workers cleared rubble and broken glass from the main street of {town} through the night.",
    ),
    (
        "",
        "The incident drew little attention abroad, where the dispute over {feature} is rarely in the news.",
    ),
    ("", "Mobile phone coverage in the area is poor, and news from {town} often arrives hours late."),
    ("later", "By {pub_day}, traffic on the main road through {town} was moving again, though slowly."),
)
KIND_BACKGROUND: dict[str, tuple[str, ...]] = {
    "shelling": ("Craters and shattered windows lined the main street of {town} after the shelling.",),
    "drone_strike": (
        "Cheap long-range drones have become the weapon of choice on both sides of the dispute.",
    ),
    "border_clash": (
        "Border posts on both sides of the disputed stretch stand only a few hundred metres apart.",
    ),
    "ceasefire_violation": ("The ceasefire has no monitoring mechanism that both sides accept.",),
    "prisoner_exchange": (
        "Both sides still hold hundreds of prisoners, many of them captured in {since}.",
        "Relatives had waited at the crossing since dawn, holding photographs and flowers.",
    ),
    "depot_explosion": (
        "Columns of black smoke from the depot could be seen from {town} for most of the day.",
    ),
    "landmine": (
        "Large areas of farmland in the {region} are still contaminated by mines and unexploded shells.",
    ),
    "aid_convoy_attack": ("More than {n_displaced} displaced people in the {region} depend on food aid.",),
    "cyber_attack": (
        "Government websites in {A} have been hit several times since {since}, usually at moments "
        "of political tension.",
    ),
    "ship_seizure": (
        "Fishing boats and survey vessels often work close to the disputed waters around {feature}.",
    ),
    "airspace_violation": ("Air-raid sirens sounded in {town} for about twenty minutes.",),
    "coast_guard_collision": (
        "Coast guard vessels from both sides patrol the same waters, often within sight of each other.",
    ),
    "protest": (
        "The protests began on the night the official results came out and have been held almost "
        "every evening since.",
        "Riot police blocked the streets around the government buildings in {town} late into the night.",
    ),
    "election_fraud": (
        "Turnout was about {turnout} per cent, slightly lower than at the previous vote.",
        "Long queues formed outside polling stations in {town} in the morning.",
    ),
}


# =====================================================================================
# Outlets
# =====================================================================================


@dataclass(frozen=True)
class Outlet:
    """An invented news outlet: how it lays out a story and which side, if any, it leans to."""

    name: str
    short: str  # in the dateline: "(ANW)"
    style: str  # wire | paper | broadcast | online | state
    domain: str
    lean: str | None = None  # a PartySpec key
    curly: bool = True

    @property
    def conflict(self) -> str | None:
        """The dispute a leaning outlet covers (and no other)."""
        if self.lean is None:
            return None
        return next(c.key for c in CONFLICTS if any(s.key == self.lean for s in c.sides))


OUTLETS: tuple[Outlet, ...] = (
    Outlet("Atlas Newswire", "ANW", "wire", "atlasnewswire"),
    Outlet("Continental Press Service", "CPS", "wire", "continentalpress", curly=False),
    Outlet("Northgate News Agency", "NNA", "wire", "northgatenews"),
    Outlet("Polar Star Wire", "PSW", "wire", "polarstarwire", curly=False),
    Outlet("Equator News Service", "ENS", "wire", "equatornews"),
    Outlet("The Evening Ledger", "", "paper", "eveningledger"),
    Outlet("The Morning Sentinel", "", "paper", "morningsentinel"),
    Outlet("The Harbour Times", "", "paper", "harbourtimes", curly=False),
    Outlet("The Lakeside Gazette", "", "paper", "lakesidegazette"),
    Outlet("The Weekly Compass", "", "paper", "weeklycompass"),
    Outlet("The Daily Lantern", "", "paper", "dailylantern", curly=False),
    Outlet("The Coastal Observer", "", "paper", "coastalobserver"),
    Outlet("The Midland Courier", "", "paper", "midlandcourier"),
    Outlet("Skyline Broadcasting", "", "broadcast", "skylinebroadcasting"),
    Outlet("Channel Horizon", "", "broadcast", "channelhorizon", curly=False),
    Outlet("Open Map News", "", "online", "openmapnews", curly=False),
    Outlet("Frontline Digest", "", "online", "frontlinedigest"),
    Outlet("Crossroads Report", "", "online", "crossroadsreport"),
    Outlet("The Borderland Review", "", "paper", "borderlandreview"),
    Outlet("Highland Herald", "HH", "state", "highlandherald", "kg"),
    Outlet("Evening Sugdiyon", "ES", "state", "eveningsugdiyon", "tj", curly=False),
    Outlet("Addis Monitor", "", "paper", "addismonitor", "et"),
    Outlet("Red Sea Dispatch", "RSD", "state", "redseadispatch", "er", curly=False),
    Outlet("Orinoco Sun", "", "paper", "orinocosun", "ve"),
    Outlet("Coastland Chronicle", "", "paper", "coastlandchronicle", "gy"),
    Outlet("Lotus Bay Times", "", "paper", "lotusbaytimes", "th"),
    Outlet("Mekong Pioneer", "MP", "state", "mekongpioneer", "kh", curly=False),
    Outlet("Nile Crescent News", "NCN", "state", "nilecrescent", "sd"),
    Outlet("Savannah Voice", "", "paper", "savannahvoice", "ss"),
    Outlet("Aegean Mirror", "", "paper", "aegeanmirror", "gr"),
    Outlet("Anatolian Compass", "AC", "state", "anatoliancompass", "tr", curly=False),
    Outlet("Andean Chronicle", "", "paper", "andeanchronicle", "co"),
    Outlet("Tbilisi Evening Star", "", "paper", "tbilisistar", "ge"),
    Outlet("Kivu Dispatch", "", "online", "kivudispatch", "cd"),
    Outlet("Thousand Hills Post", "THP", "state", "thousandhillspost", "rw", curly=False),
    Outlet("Baltic Ledger", "", "paper", "balticledger", "lt"),
    Outlet("Minsk Courier", "MC", "state", "minskcourier", "by", curly=False),
)
SECTIONS = ("world", "news/world", "international", "politics", "region", "security")
ORG_CITY = {
    "un": "New York",
    "osce": "Vienna",
    "icrc": "Geneva",
    "eu": "Brussels",
    "nato": "Brussels",
    "au": "Addis Ababa",
    "asean": "Jakarta",
    "hrw": "Geneva",
}
ORG_SHORT = {
    "un": "UN",
    "osce": "OSCE",
    "icrc": "Red Cross",
    "eu": "EU",
    "nato": "NATO",
    "au": "African Union",
    "asean": "ASEAN",
    "hrw": "Rights group",
}
SHIP_A = _t("Aurora Blue Nordic Silver Golden Morning Amber Coral Eastern Southern Crystal Ocean")
SHIP_B = _t("Star Horizon Crest Wave Pearl Spirit Dawn Falcon Meridian Trader Venture Harmony")
ORDINALS = ("second", "third", "fourth", "fifth")


def num(n: int) -> str:
    """A number as newswire writes it: words below ten, digits (with commas) above."""
    return SMALL[n] if 0 <= n < 10 else f"{n:,}"


def count(n: int, one: str, many: str) -> str:
    """'one person', 'four people', '12 people'."""
    return f"{num(n)} {one if n == 1 else many}"


def cap(text: str) -> str:
    """``text`` with its first letter upper-case (the rest untouched)."""
    return text[:1].upper() + text[1:] if text else text


@functools.cache
def city_name(dateline: str) -> str:
    """'PHNOM PENH' -> 'Phnom Penh'."""
    return " ".join(w.capitalize() for w in dateline.split())


# =====================================================================================
# The world of one run: people, towns, reporters
# =====================================================================================


@dataclass(frozen=True)
class Person:
    """A named speaker with a role in a party."""

    first: str
    last: str
    female: bool
    role: Role
    party: PartySpec

    @property
    def spox(self) -> str:
        """What a spokesperson of this person's gender is called."""
        return "spokeswoman" if self.female else "spokesman"


@dataclass
class World:
    """Everything invented once per run from the seed: casts, towns, reporters."""

    people: dict[str, list[Person]]  # party key -> its cast
    towns: dict[str, list[str]]  # party key -> towns on its side
    reporters: dict[str, list[str]]  # outlet name -> reporters
    editors: list[str]
    start_year: int = 2024


def _person_name(rng: random.Random, culture: Culture, female: bool) -> tuple[str, str]:
    first = rng.choice(culture.female if female else culture.male)
    i = rng.randrange(len(culture.family))
    last = culture.family_f[i] if female and culture.family_f else culture.family[i]
    return first, last


def _town_names(rng: random.Random, culture: Culture, n: int, taken: set[str]) -> list[str]:
    combos = [(a, b) for a in culture.town_a for b in culture.town_b]
    rng.shuffle(combos)
    out: list[str] = []
    prefixes = ("", "Upper ", "Lower ", "New ", "Old ")
    for prefix in prefixes:
        for a, b in combos:
            joiner = "" if not a.endswith(" ") and b[:1].islower() else " "
            name = prefix + (a + joiner + b).replace("  ", " ")
            name = name[0].upper() + name[1:]
            if name not in taken:
                taken.add(name)
                out.append(name)
                if len(out) == n:
                    return out
    return out


def build_world(rng: random.Random, towns_per_side: int) -> World:
    """Invent the casts of every party, the towns of every side and the outlets' staff."""
    people: dict[str, list[Person]] = {}
    towns: dict[str, list[str]] = {}
    taken: set[str] = set()
    parties: list[PartySpec] = [side for c in CONFLICTS for side in c.sides] + list(ORGS.values())
    for party in parties:
        if party.key in people:
            continue
        culture = CULTURES[party.culture]
        roles = list(party.roles)
        rng.shuffle(roles)
        cast: list[Person] = []
        used: set[str] = set()
        for i in range(max(4, len(roles))):
            female = rng.random() < 0.4
            first, last = _person_name(rng, culture, female)
            while last in used:
                first, last = _person_name(rng, culture, female)
            used.add(last)
            cast.append(Person(first, last, female, roles[i % len(roles)], party))
        people[party.key] = cast
        if party.kind != "org":
            towns[party.key] = _town_names(rng, culture, towns_per_side, taken)
    reporters: dict[str, list[str]] = {}
    for outlet in OUTLETS:
        culture = CULTURES[
            next((s.culture for c in CONFLICTS for s in c.sides if s.key == outlet.lean), "international")
        ]
        staff = []
        for _ in range(4):
            first, last = _person_name(
                rng, culture if rng.random() < 0.6 else CULTURES["international"], rng.random() < 0.5
            )
            staff.append(f"{first} {last}")
        reporters[outlet.name] = staff
    editors = [" ".join(_person_name(rng, CULTURES["international"], rng.random() < 0.5)) for _ in range(8)]
    return World(people, towns, reporters, editors)


# =====================================================================================
# Incidents
# =====================================================================================


@dataclass
class Incident:
    """One thing that happened, with the facts (and each side's figures) its articles share."""

    id: int
    day: date
    conflict: Conflict
    kind: Kind
    a: PartySpec
    b: PartySpec
    orgs: list[PartySpec]
    town: str
    region: str
    slots: dict[str, str]
    recall: dict[str, str] | None  # an earlier lethal incident of the same dispute


def _party_slots(prefix: str, party: PartySpec) -> dict[str, str]:
    return {
        prefix: party.noun,
        f"{prefix}_poss": party.poss,
        f"{prefix}_forces": party.forces,
        f"{prefix}_short": party.label or party.name,
        f"{prefix}_officials": f"{party.label} officials" if party.label else "officials",
    }


def new_incident(
    rng: random.Random, world: World, ident: int, day: date, history: dict[str, deque[dict[str, str]]]
) -> Incident:
    """Draw an incident: dispute, kind, sides, place and every figure its articles may quote."""
    conflict = rng.choices(CONFLICTS, weights=[c.weight for c in CONFLICTS])[0]
    kind = KINDS[rng.choice(conflict.kinds)]
    if kind.key in ("protest", "election_fraud"):
        a = next(s for s in conflict.sides if s.kind == "opposition")
        b = next(s for s in conflict.sides if s.kind == "state")
    else:
        fighting = [s for s in conflict.sides if s.kind != "opposition"]
        a, b = rng.sample(fighting, 2)
    orgs = [ORGS[k] for k in rng.sample(conflict.orgs, rng.choice((1, 1, 2)))]
    home = b if a.kind == "opposition" else a
    town = rng.choice(world.towns[home.key])
    region = rng.choice(conflict.regions.get(home.key) or next(iter(conflict.regions.values())))
    settlement = rng.choice(kind.settlements)
    k = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 17, 23))
    w = k + rng.randint(1, 3 * k + 5)
    n_drones = rng.randint(4, 45)
    n_pris = rng.randint(10, 150) * 2
    n_trucks = rng.randint(6, 40)
    n_det = rng.randint(40, 600)
    n_protest = rng.randint(20, 150) * 1000
    pop = rng.randint(8, 300) * 100
    s: dict[str, str] = {
        **_party_slots("A", a),
        **_party_slots("B", b),
        "C": orgs[0].noun,
        "C_short": ORG_SHORT[orgs[0].key],
        "town": town,
        "Town": town,
        "settlement": settlement,
        "town_np": f"the {settlement} of {town}",
        "a_settlement": ("an " if settlement[0] in "aeiou" else "a ") + settlement,
        "region": region,
        "where": f"in {home.poss} {region}" if home.kind == "state" else f"in the {region}",
        "country": home.noun if home.kind == "state" else conflict.host,
        "border": conflict.border,
        "border_short": conflict.border.removeprefix("the "),
        "feature": conflict.feature,
        "since": str(world.start_year - (2026 - conflict.since)),
        "host": conflict.host,
        "noun": kind.noun,
        "k": str(k),
        "k_num": num(k),
        "k_people": count(k, "person", "people"),
        "k2": num(k + rng.randint(1, 3)),
        "w": num(w),
        "w_num": num(w),
        "w_people": count(w, "person", "people"),
        "kc_people": count(max(1, k - rng.randint(0, 2)), "person", "people"),
        "kb_people": count(
            rng.randint(4, 40),
            "soldier" if a.kind == "state" else "fighter",
            "soldiers" if a.kind == "state" else "fighters",
        ),
        "b_loss": count(
            rng.randint(1, 4),
            "soldier" if b.kind == "state" else "fighter",
            "soldiers" if b.kind == "state" else "fighters",
        ),
        "n_shells": str(rng.randint(3, 30) * 10),
        "n_houses": num(rng.randint(5, 80)),
        "n_drones": num(n_drones),
        "n_down": num(max(1, int(n_drones * rng.uniform(0.3, 0.9)))),
        "n_hours": num(rng.randint(2, 14)),
        "n_viol_a": str(rng.randint(15, 120)),
        "n_viol_b": str(rng.randint(15, 120)),
        "n_viol_c": str(rng.randint(5, 60)),
        "n_pris": num(n_pris),
        "n_pris_a": num(n_pris // 2),
        "n_pris_b": num(n_pris // 2 + rng.choice((0, 0, 1, 2, 3))),
        "n_sick": num(rng.randint(2, 15)),
        "n_evac": f"{rng.randint(3, 80) * 100:,}",
        "km": num(rng.randint(2, 40)),
        "km2": num(rng.randint(15, 90)),
        "pop": f"{pop:,}",
        "n_mines": num(rng.randint(2, 14)),
        "n_trucks": num(n_trucks),
        "n_trucks_lost": num(rng.randint(1, n_trucks // 2)),
        "n_missing": num(rng.randint(1, 6)),
        "n_sites": num(rng.randint(8, 70)),
        "n_minutes": num(rng.randint(3, 40)),
        "crew": num(rng.randint(9, 28)),
        "ship": f"{rng.choice(SHIP_A)} {rng.choice(SHIP_B)}",
        "n_det": num(n_det),
        "n_det_b": num(n_det // rng.randint(3, 8) + 1),
        "n_hurt_police": num(rng.randint(5, 60)),
        "n_protest_a": f"{n_protest:,}",
        "n_protest_b": f"{n_protest // rng.randint(3, 6) // 100 * 100:,}",
        "n_stations": num(rng.randint(30, 400)),
        "pct_a": str(rng.randint(45, 60)),
        "pct_b": str(rng.randint(30, 44)),
        "n_complaints": num(rng.randint(3, 20)),
        "turnout": str(rng.randint(38, 68)),
        "n_displaced": f"{rng.randint(20, 400) * 1000:,}",
        "ordinal": rng.choice(ORDINALS),
        "month_past": MONTHS[(day.month - rng.randint(2, 6) - 1) % 12],
    }
    s["np"] = kind.np.format_map(s)
    past = history.setdefault(conflict.key, deque(maxlen=6))
    recall = rng.choice(past) if past else None
    if recall is not None:
        gap = (day - date.fromisoformat(recall["date"])).days
        recall = {**recall, "gap": _gap(gap)}
    if kind.lethal:
        past.append(
            {
                "prev_np": s["np"],
                "prev_k": num(k),
                "prev_month": MONTHS[day.month - 1],
                "date": day.isoformat(),
            }
        )
    return Incident(ident, day, conflict, kind, a, b, orgs, town, region, s, recall)


def _gap(days: int) -> str:
    if days <= 1:
        return "a day"
    if days < 14:
        return f"{num(days)} days"
    if days < 45:
        return f"{num(round(days / 7))} weeks"
    return f"{num(round(days / 30))} months" if days >= 60 else "about a month"


# =====================================================================================
# Articles
# =====================================================================================


@dataclass
class Speaker:
    """Who speaks for one side in one article: a person, or an organisation on its own."""

    party: PartySpec
    role: Role
    host: str
    person: Person | None = None
    anonymous: bool = False  # "a spokesman for the ministry", never named
    introduced: bool = False

    def _fill(self, text: str) -> str:
        spox = self.person.spox if self.person else "spokesperson"
        return text.replace("{spox}", spox).replace("{host}", self.host)

    @property
    def org(self) -> str:
        """The organisation the speaker's role belongs to, in full."""
        return self._fill(self.role.org)

    @property
    def city(self) -> str:
        """Where the speaker gives news conferences."""
        if self.party.kind == "org":
            return ORG_CITY[self.party.key]
        return city_name(self.party.city)


@dataclass
class Mention:
    """How a sentence names its speaker: as a subject, at the end, and with 'said'."""

    subj: str
    end: str
    said: str


def mention(sp: Speaker, rng: random.Random, *, pronoun_ok: bool) -> Mention:
    """Name ``sp`` fully the first time, then by surname, pronoun or 'the ministry'."""
    if sp.person is None:
        if not sp.introduced:
            sp.introduced = True
            org = sp.org
            return Mention(org, org, f"{org} said")
        short = sp._fill(sp.role.short)
        subj = "it" if pronoun_ok and rng.random() < 0.4 else short
        return Mention(subj, short, f"{subj} said")
    p = sp.person
    pronoun = "she" if p.female else "he"
    if not sp.introduced:
        sp.introduced = True
        if sp.anonymous:
            appos = sp._fill(p.role.appos)
            return Mention(appos, appos, f"{appos} said")
        title = p.role.title + " " if p.role.title and rng.random() < 0.5 else ""
        full = f"{title}{p.first} {p.last}"
        if rng.random() < 0.45:
            named = f"{sp._fill(p.role.pre)} {full}"
            return Mention(named, named, f"{named} said")
        appos = sp._fill(p.role.appos)
        return Mention(f"{full}, {appos},", f"{full}, {appos}", f"said {full}, {appos}")
    if sp.anonymous:
        short = f"the {p.spox}" if "{spox}" in p.role.appos else "the official"
        subj = pronoun if pronoun_ok and rng.random() < 0.5 else short
        return Mention(subj, short, f"{subj} said")
    subj = pronoun if pronoun_ok and rng.random() < 0.5 else p.last
    return Mention(subj, p.last, f"{subj} said")


class Pool:
    """Lines of one kind, each drawn at most once in an article."""

    __slots__ = ("left",)

    def __init__(self, items: Sequence[str]) -> None:
        self.left = list(items)

    def take(self, rng: random.Random) -> str | None:
        """A line not used yet, at random, or None when all are used."""
        left = self.left
        if not left:
            return None
        i = rng.randrange(len(left))
        left[i], left[-1] = left[-1], left[i]
        return left.pop()

    def give_back(self, item: str) -> None:
        self.left.append(item)


def _content(kind: Kind, role: str) -> dict[str, tuple[str, ...]]:
    """The lines a side in ``role`` (A accuses, B is accused, C watches) may say."""
    generic = {"fire": GENERIC_VIOLENT, "harm": GENERIC_HARM, "civil": GENERIC_CIVIL}.get(kind.generic, {})
    own: dict[str, tuple[str, ...]] = {
        "A": {"rc": kind.a_rc, "q": kind.a_q, "ag": kind.a_ag},
        "B": {"rc": kind.b_rc, "q": kind.b_q, "dc": kind.b_dc, "ag": ACCUSATIONS_B},
        "C": {"rc": kind.c_rc, "q": kind.c_q},
    }[role]
    out = dict(own)
    for key, lines in generic.items():
        if key[0] == role.lower():
            out[key[2:]] = own.get(key[2:], ()) + lines
    for key in ("rc", "dc"):
        out[key] = tuple(_SPEAKER_IT.sub(lambda m: "{" + m.group(0) + "}", line) for line in out.get(key, ()))
    out["fig"] = (COOP_FIGURES if kind.coop else FIGURES)[role] if kind.lethal or kind.coop else ()
    if role == "B" and kind.generic != "fire":
        out["fig"] = ()  # losses in an exchange of fire
    out["sq"] = (SHORT_QUOTES_CIVIL if kind.generic == "civil" else SHORT_QUOTES)[role]
    civil = kind.generic == "civil"
    out["dm"] = (DEMANDS_CIVIL if civil else DEMANDS)[role]
    threats = (THREATS_CIVIL if civil else THREATS)[role]
    out["th"] = tuple(_SPEAKER_IT.sub(lambda m: "{" + m.group(0) + "}", line) for line in threats)
    return out


_SPEAKER_IT = re.compile(r"\bits?\b")
"""'it' and 'its' in a reported clause stand for the speaker's side: kept for an organisation
that speaks, the side's name for a person ("Nazarov said Tajikistan had ...")."""


CONTENT_CACHE: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}

# which frames each side uses, and how often
WEIGHTS = {
    "A": (("reported", 34), ("quote", 30), ("accuse", 10), ("demand", 8), ("mixed", 6), ("figures", 12)),
    "B": (("deny", 34), ("reported", 24), ("quote", 26), ("mixed", 8), ("accuse", 6), ("figures", 4)),
    "C": (("reported", 38), ("quote", 30), ("demand", 20), ("mixed", 6), ("figures", 6)),
    "coop": (("reported", 40), ("confirm", 15), ("quote", 35), ("figures", 10)),
    "coopC": (("reported", 50), ("confirm", 10), ("quote", 40)),
}
_CHOICES = {
    key: ([c for c, _ in pairs], list(itertools.accumulate(w for _, w in pairs)))
    for key, pairs in WEIGHTS.items()
}
FRAMES: dict[str, tuple[str, ...]] = {
    "reported": REPORTED,
    "confirm": CONFIRMING,
    "deny": DENYING,
    "accuse": ACCUSING,
    "demand": DEMANDING,
    "quote": QUOTING,
    "mixed": MIXED,
    "mixed_denial": MIXED_DENIAL,
    "follow": REPORTED[:3] + REPORTED[9:12],
}
COOP_FIGURES = {
    "A": (
        "{S} said {n_pris_a} of {its} citizens had come home.",
        "According to {S_END}, {n_pris_a} of {its} citizens had been freed.",
    ),
    "B": (
        "{S} said {n_pris_b} detainees had been handed over.",
        "According to {S_END}, {n_pris_b} detainees had been handed over and {n_pris_a} received in return.",
    ),
    "C": (),
}


class Layer(dict[str, str]):
    """A statement's own values, over the article's slots (for ``str.format_map``)."""

    base: dict[str, str]

    def __missing__(self, key: str) -> str:
        return self.base[key]


_POOL_OF = {"rc2": "rc", "q1c": "q"}
_NEEDS: dict[str, tuple[str, ...]] = {}


def _needs(frame: str) -> tuple[str, ...]:
    """The lines a frame takes from the pools ("rc", "q", ...), in order."""
    found = _NEEDS.get(frame)
    if found is None:
        keys = ("rc", "rc2", "q", "q1c", "dc", "ag", "dm", "th", "sq")
        found = _NEEDS[frame] = tuple(
            key for key in keys if "{" + key in frame or (key == "rc" and "{RC}" in frame)
        )
    return found


def _comma(quote: str) -> str:
    """A quote as it stands before 'X said': its last full stop becomes a comma."""
    return quote[:-1] + "," if quote.endswith(".") else quote


class ArticleWriter:
    """Renders one article of an incident for one outlet."""

    def __init__(self, rng: random.Random, world: World, inc: Incident, outlet: Outlet, lag: int) -> None:
        self.rng = rng
        self.world = world
        self.inc = inc
        self.outlet = outlet
        self.published = inc.day + timedelta(days=lag)
        self.lag = lag
        self.slots = dict(inc.slots)
        self._time_slots()
        self.pools: dict[tuple[str, str], Pool] = {}
        self.speakers: dict[str, Speaker] = {}  # role -> speaker
        self.last: Speaker | None = None
        self.backgrounds: Pool | None = None
        self.frames: dict[str, Pool] = {}
        self.kind_backgrounds = Pool(())

    # ------------------------------------------------------------------ facts and slots

    def _time_slots(self) -> None:
        rng, day, pub = self.rng, self.inc.day, self.published
        d_wd, p_wd = WEEKDAYS[day.weekday()], WEEKDAYS[pub.weekday()]
        if self.lag == 0:
            when = rng.choice(("overnight", f"early on {p_wd}", f"on {p_wd}", f"on {p_wd} morning"))
            spoke = pub
        elif self.lag == 1:
            when = rng.choice((f"on {d_wd}", f"late on {d_wd}", f"on {d_wd} afternoon", f"on {d_wd} night"))
            spoke = rng.choice((day, pub))
        else:
            when = rng.choice((f"on {d_wd}", f"on {MONTHS[day.month - 1]} {day.day}"))
            spoke = day + timedelta(days=rng.randint(1, self.lag))
        self.slots["when"] = when
        self.slots["wd"] = f"on {WEEKDAYS[spoke.weekday()]}"
        self.slots["pub_day"] = p_wd
        self.slots["outlet"] = self.outlet.name
        self.slots["it"], self.slots["its"] = "it", "its"
        if self.lag:
            self.slots["k_people"] = count(int(self.slots["k"]) + self.lag, "person", "people")

    def fill(self, text: str) -> str:
        """``text`` with the incident's and the article's slots filled in."""
        return text.format_map(self.slots) if "{" in text else text

    def pool(self, role: str, key: str) -> Pool:
        """This article's unused lines of one kind ("rc", "q", ...) for a side."""
        found = self.pools.get((role, key))
        if found is None:
            cache_key = (self.inc.kind.key, role)
            content = CONTENT_CACHE.get(cache_key)
            if content is None:
                content = CONTENT_CACHE[cache_key] = _content(self.inc.kind, role)
            found = self.pools[(role, key)] = Pool(content.get(key, ()))
        return found

    # ------------------------------------------------------------------ speakers

    def speaker(self, role: str, party: PartySpec, *, org_only: bool = False) -> Speaker:
        """Who speaks for ``role`` in this article, chosen on first use."""
        sp = self.speakers.get(role)
        if sp is None:
            cast = self.world.people[party.key]
            person = self.rng.choice(cast)
            host = self.inc.conflict.host
            if org_only or self.rng.random() < 0.22:
                sp = Speaker(party, person.role, host)
            else:
                anonymous = "{spox}" in person.role.appos and person.role.appos.startswith("a ")
                sp = Speaker(party, person.role, host, person, anonymous and self.rng.random() < 0.12)
            self.speakers[role] = sp
        return sp

    # ------------------------------------------------------------------ sentences

    def statement(self, role: str, party: PartySpec) -> list[str]:
        """A paragraph of statements by ``role``'s speaker (and, after a quote, perhaps a second
        paragraph that carries the quote on); [] when the side has nothing left to say."""
        rng = self.rng
        sp = self.speaker(role, party)
        categories, cumulative = _CHOICES[
            ("coop" if role in "AB" else "coopC") if self.inc.kind.coop else role
        ]
        for _ in range(6):
            category = rng.choices(categories, cum_weights=cumulative)[0]
            if category == "figures":
                frame = self.pool(role, "fig").take(rng)
                if frame is None:
                    continue
            else:
                frame = self.frame(category if category != "mixed" or role != "B" else "mixed_denial")
            values = self._values(role, sp, frame)
            if values is not None:
                break
        else:
            return []
        self._speak(sp, values, frame, pronoun_ok=self.last is sp)
        paragraphs = [cap(frame.format_map(values))]
        if category == "quote" and rng.random() < 0.2:
            more = self.pool(role, "q").take(rng)
            if more is not None:
                paragraphs.append('"' + self.fill(more) + '"')
        elif rng.random() < 0.2:
            frame = self.frame("follow")
            follow = self._values(role, sp, frame)
            if follow is not None:
                self._speak(sp, follow, frame, pronoun_ok=True)
                paragraphs[0] += " " + cap(frame.format_map(follow))
        return paragraphs

    def frame(self, category: str) -> str:
        """A frame of ``category``, not used again in the article until all of them are."""
        pool = self.frames.get(category)
        frame = pool.take(self.rng) if pool is not None else None
        if frame is None:
            pool = self.frames[category] = Pool(FRAMES[category])
            frame = pool.take(self.rng)
        assert frame is not None
        return frame

    def _speak(self, sp: Speaker, values: dict[str, str], frame: str, *, pronoun_ok: bool) -> None:
        """Name the speaker in ``values`` (after the content is settled: naming introduces)."""
        m = mention(sp, self.rng, pronoun_ok=pronoun_ok)
        values.update(S=m.subj, S_END=m.end, SAID=m.said)
        if "{S2}" in frame:
            values["S2"] = cap(mention(sp, self.rng, pronoun_ok=True).subj)
        self.last = sp

    def _values(self, role: str, sp: Speaker, frame: str) -> dict[str, str] | None:
        """What ``frame`` says for ``role``, or None when a line it needs is used up."""
        rng, slots = self.rng, self.slots
        party = sp.party
        if sp.person is None:
            slots["it"], slots["its"] = "it", "its"
        else:
            slots["it"], slots["its"] = party.noun, party.poss
        other = self.inc.b if role == "A" else self.inc.a
        v = Layer(city=sp.city, OTHER=other.noun, OTHER_POSS=other.poss)
        v.base = slots
        v["TARGET"] = "both sides" if role == "C" else other.noun
        taken: list[tuple[Pool, str]] = []
        for key in _needs(frame):
            pool = self.pool(role, _POOL_OF.get(key, key))
            line = pool.take(rng)
            if line is None:
                for pool, item in taken:
                    pool.give_back(item)
                return None
            taken.append((pool, line))
            v[key] = self.fill(line)
        if "rc" in v:
            v["RC"] = cap(v["rc"])
        if "q1c" in v:
            first, _, rest = v["q1c"].partition(". ")
            v["q1c"], v["q2"] = (first + ",", rest) if rest else (first.removesuffix(".") + ",", v["q"])
        if "q" in v:
            v["qc"] = _comma(v["q"])
        if "{lie}" in frame:
            v["lie"] = rng.choice(LIES)
        return v

    # ------------------------------------------------------------------ paragraphs

    def lede(self) -> str:
        """The first paragraph: dateline and what happened, usually on the accuser's word."""
        rng, inc = self.rng, self.inc
        lean_b = self.outlet.lean == inc.b.key
        if lean_b and not inc.kind.coop:
            sp = self.speaker("B", inc.b, org_only=True)
            m = mention(sp, rng, pronoun_ok=False)
            rc = self.fill(self.pool("B", "rc").take(rng) or "its forces had acted within the law")
            self.last = sp
            text = (
                f"{cap(rc)}, {m.subj} said {self.slots['wd']}, rejecting {inc.a.poss} account of "
                f"{self.fill(inc.kind.np.replace('{town}', '{town_np}'))} {self.slots['when']}."
            )
        elif self.outlet.lean is None and not inc.kind.coop and rng.random() < 0.2:
            text = cap(
                self.fill(
                    "{A} and {B} traded accusations {wd} over "
                    + inc.kind.np.replace("{town}", "{town_np}")
                    + " {when}, each side blaming the other."
                )
            )
        else:
            sp = self.speaker("A", inc.a, org_only=True)
            self.slots["A_SRC"] = mention(sp, rng, pronoun_ok=False).subj
            self.last = sp
            text = cap(self.fill(rng.choice(inc.kind.ledes)))
            # the organisation named in the lede may speak again, or a person for it
            if rng.random() < 0.6:
                del self.speakers["A"]
        return self.dateline() + text

    def dateline(self) -> str:
        """'KIGALI, March 3 (THP) – ' for agencies, 'KIGALI – ' for papers, '' online."""
        o, inc, rng = self.outlet, self.inc, self.rng
        if o.style in ("broadcast", "online"):
            return ""
        if o.lean:
            city = next(s.city for s in inc.conflict.sides if s.key == o.lean)
        else:
            city = rng.choice([inc.a.city] * 3 + [inc.b.city] * 2 + [inc.orgs[0].city])
        pub = self.published
        if o.style == "paper":
            return f"{city} – "
        dash = "–" if o.style == "wire" else "-"
        return f"{city}, {MONTHS[pub.month - 1]} {pub.day} ({o.short}) {dash} "

    def background(self) -> str | None:
        """A narrative paragraph not used yet in this article, or None when they are used up."""
        rng, inc = self.rng, self.inc
        if self.backgrounds is None:
            have = {"", "lethal" if inc.kind.lethal else "-", "later" if self.lag else "-"}
            if not inc.kind.coop:
                have.add("dispute")
            if inc.conflict.land:
                have.add("border")
            if inc.a.kind == "state" and inc.b.kind == "state":
                have.add("states")
            if inc.recall is not None:
                have.add("recall")
            self.backgrounds = Pool(_backgrounds(frozenset(have)))
            self.kind_backgrounds = Pool(KIND_BACKGROUND.get(inc.kind.key, ()))
        template = None
        if rng.random() < 0.25:
            template = self.kind_backgrounds.take(rng)
        template = template or self.backgrounds.take(rng)
        if template is None:
            return None
        if "{prev" in template or "{gap}" in template:
            return template.format_map({**self.slots, **(inc.recall or {})})
        return template.format_map(self.slots)

    def title(self) -> str:
        """The headline."""
        return cap(self.fill(self.rng.choice(self.inc.kind.titles)))

    def render(self, target: int) -> tuple[str, str, int]:
        """(title, text, words) of about ``target`` words."""
        rng, inc, o = self.rng, self.inc, self.outlet
        paras: list[str] = []
        if o.style == "paper" and rng.random() < 0.8:
            paras.append("By " + rng.choice(self.world.reporters[o.name]))
        paras.append(self.lede())
        sides: list[tuple[str, PartySpec]] = [("A", inc.a), ("B", inc.b)]
        if o.lean == inc.b.key:
            sides.reverse()
        orgs = (
            inc.orgs[: rng.choice((0, 1, 1, 2, 2))]
            if len(inc.orgs) > 1
            else inc.orgs[: rng.choice((0, 1, 1))]
        )
        roles = sides + [("C", org) for org in orgs[:1]]
        extra = orgs[1:]
        for role, party in roles:
            for _ in range(rng.choice((1, 1, 2))):
                paras.extend(self.statement(role, party))
            if rng.random() < 0.5:
                bg = self.background()
                if bg:
                    paras.append(bg)
        if extra:  # a second organisation speaks once, as "C" with its own speaker
            saved = self.speakers.pop("C", None)
            paras.extend(self.statement("C", extra[0]))
            if saved is not None:
                self.speakers["C"] = saved
        words = sum(len(p.split()) for p in paras)  # as bench_ingest counts: len(text.split())
        misses = run = 0
        speaking = list(roles)
        while words < target and misses < 8:
            if run < 3 and rng.random() < 0.62:
                bg = self.background()
                if bg is None:
                    misses += 1
                    continue
                new = [bg]
                run += 1
            else:
                run = 0
                if not speaking:
                    misses += 1
                    continue
                role, party = rng.choice(speaking)
                new = self.statement(role, party)
                if not new:
                    speaking.remove((role, party))
                    continue
            size = sum(len(p.split()) for p in new)
            if words + size > 700 and words >= 250:
                break
            paras.extend(new)
            words += size
        if o.style == "wire":
            reporter = rng.choice(self.world.reporters[o.name])
            paras.append(f"(Reporting by {reporter}; editing by {rng.choice(self.world.editors)})")
            words += len(paras[-1].split())
        text = "\n\n".join(paras) + "\n"
        title = self.title()
        if o.curly:
            text, title = _curly(text), _curly(title)
        return title, text, words


@functools.lru_cache(maxsize=64)
def _backgrounds(have: frozenset[str]) -> tuple[str, ...]:
    """The narrative templates whose needs an article has."""
    return tuple(t for needs, t in BACKGROUND if all(n in have for n in needs.split()))


def _curly(text: str) -> str:
    """Straight quotation marks and apostrophes as typographic ones, paragraph by paragraph."""
    out = []
    for para in text.split("\n\n"):
        parts = para.split('"')
        if len(parts) % 2 == 1:  # balanced
            para = "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]
        out.append(para.replace("'", "’"))
    return "\n\n".join(out)


# =====================================================================================
# The timeline
# =====================================================================================


@dataclass(order=True)
class Pending:
    """An article waiting for its publication day to be written out."""

    published: date
    serial: int
    incident: int = field(compare=False)
    outlet: str = field(compare=False)
    title: str = field(compare=False)
    text: str = field(compare=False)
    url: str = field(compare=False)
    words: int = field(compare=False, default=0)


def _slug(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


_OUTLETS_BY_CONFLICT = {
    c.key: tuple(o for o in OUTLETS if o.lean is None or o.conflict == c.key) for c in CONFLICTS
}


def _outlets_for(rng: random.Random, inc: Incident, n: int) -> list[Outlet]:
    eligible = list(_OUTLETS_BY_CONFLICT[inc.conflict.key])
    weights = [1.0 if o.lean is None else 3.0 for o in eligible]
    chosen: list[Outlet] = []
    while len(chosen) < n and eligible:
        i = rng.choices(range(len(eligible)), weights=weights)[0]
        chosen.append(eligible.pop(i))
        weights.pop(i)
    return chosen


def generate(
    articles: int, *, seed: int, start: date, days: int, on_incident: Callable[[Incident], None] | None = None
) -> Iterator[Pending]:
    """Yield ``articles`` articles in order of publication (ties in order of writing).

    Incidents are drawn one after another; the n-th article written belongs to an incident
    on day ``start + n * days // articles``, so the corpus spans ``days`` days whatever its
    size. Only articles not yet due are held in memory.
    """
    rng = random.Random(seed)
    world = build_world(rng, towns_per_side=min(80, 16 + articles // 2000))
    world.start_year = start.year
    history: dict[str, deque[dict[str, str]]] = {}
    heap: list[Pending] = []
    written = serial = ident = 0
    while written < articles:
        day = start + timedelta(days=written * days // articles)
        while heap and heap[0].published < day:
            yield heapq.heappop(heap)
        ident += 1
        inc = new_incident(rng, world, ident, day, history)
        n = min(rng.choices(COVERAGE, weights=COVERAGE_WEIGHTS)[0], articles - written)
        outlets = _outlets_for(rng, inc, n)
        lags = sorted([0 if rng.random() < 0.8 else 1] + rng.choices(range(4), weights=LAG_WEIGHTS, k=n - 1))
        if on_incident is not None:
            on_incident(inc)
        for outlet, lag in zip(outlets, lags, strict=False):
            writer = ArticleWriter(rng, world, inc, outlet, lag)
            target = max(250, min(700, round(rng.lognormvariate(5.94, 0.3))))
            title, text, words = writer.render(target)
            serial += 1
            pub = writer.published
            url = (
                f"https://{outlet.domain}.example/{rng.choice(SECTIONS)}/{pub.year}/{pub.month:02d}/"
                f"{pub.day:02d}/{_slug(title)}-{serial}"
            )
            heapq.heappush(heap, Pending(pub, serial, ident, outlet.name, title, text, url, words))
            written += 1
    while heap:
        yield heapq.heappop(heap)


# =====================================================================================
# Output
# =====================================================================================


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


class Sink:
    """Writes articles as JSON lines to one file or as .txt files with front matter to a folder."""

    def __init__(self, out: str, fmt: str) -> None:
        self.fmt = fmt
        self.out = out
        self.bytes = 0
        self.handle: IO[str] | None = None
        if fmt == "jsonl":
            parent = os.path.dirname(os.path.abspath(out))
            os.makedirs(parent, exist_ok=True)
            self.handle = open(out, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
        else:
            os.makedirs(out, exist_ok=True)

    def write(self, index: int, art: Pending) -> str:
        """Write one article; return where it went (the file, or ``file:line``)."""
        published = art.published.isoformat()
        if self.handle is not None:
            record = {
                "title": art.title,
                "outlet": art.outlet,
                "published": published,
                "url": art.url,
                "text": art.text,
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            self.handle.write(line)
            self.bytes += len(line.encode("utf-8"))
            return f"{self.out}#{index + 1}"  # as crossref names the line it read
        name = f"{index + 1:06d}-{published}-{_slug(art.outlet, 30)}.txt"
        body = (
            f"---\ntitle: {_yaml_string(art.title)}\noutlet: {_yaml_string(art.outlet)}\n"
            f"published: {published}\nurl: {art.url}\n---\n{art.text}"
        )
        data = body.encode("utf-8")
        with open(os.path.join(self.out, name), "wb") as handle:
            handle.write(data)
        self.bytes += len(data)
        return os.path.join(self.out, name)

    def close(self) -> None:
        """Close the JSONL file, if any."""
        if self.handle is not None:
            self.handle.close()


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        description="Generate a synthetic news corpus (invented incidents, outlets and officials) for "
        "crossref's speed benchmarks.",
    )
    parser.add_argument("--articles", type=_positive, default=1000, help="number of articles (default 1000)")
    parser.add_argument(
        "--out", required=True, help="a .jsonl file (--format jsonl) or a folder (--format txt)"
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "txt"),
        default="jsonl",
        help="one JSON object per line in one file (default), or .txt files with front matter",
    )
    parser.add_argument(
        "--seed", type=int, default=1, help="random seed; the same seed gives the same corpus"
    )
    parser.add_argument(
        "--start", type=_date, default=date(2024, 1, 1), help="first day (default 2024-01-01)"
    )
    parser.add_argument("--days", type=_positive, default=365, help="days the incidents span (default 365)")
    parser.add_argument(
        "--truth",
        metavar="FILE",
        help="also write JSON mapping each article to its incident, and the incidents",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Write the corpus (and the truth file) and print a one-line summary on stderr."""
    args = parse_args(argv)
    began = time.perf_counter()
    incidents: list[dict[str, object]] = []
    truth_articles: list[dict[str, object]] = []
    drawn = 0

    def on_incident(inc: Incident) -> None:
        nonlocal drawn
        drawn += 1
        if args.truth:
            incidents.append(
                {
                    "id": inc.id,
                    "date": inc.day.isoformat(),
                    "kind": inc.kind.key,
                    "conflict": inc.conflict.key,
                    "town": inc.town,
                    "parties": [p.name for p in (inc.a, inc.b, *inc.orgs)],
                }
            )

    sink = Sink(args.out, args.format)
    words = 0
    index = -1
    try:
        stream = generate(
            args.articles, seed=args.seed, start=args.start, days=args.days, on_incident=on_incident
        )
        for index, art in enumerate(stream):
            where = sink.write(index, art)
            words += art.words
            if args.truth:
                truth_articles.append(
                    {
                        "index": index,
                        "source": where,
                        "url": art.url,
                        "incident": art.incident,
                        "published": art.published.isoformat(),
                        "outlet": art.outlet,
                    }
                )
    finally:
        sink.close()
    n = index + 1
    if args.truth:
        truth = {
            "seed": args.seed,
            "start": args.start.isoformat(),
            "days": args.days,
            "articles": truth_articles,
            "incidents": incidents,
        }
        with open(args.truth, "w", encoding="utf-8") as handle:
            json.dump(truth, handle, ensure_ascii=False, indent=0)
    elapsed = time.perf_counter() - began
    print(
        f"make_corpus: {n:,} articles, {words:,} words ({words / max(n, 1):.0f}/article), "
        f"{sink.bytes:,} bytes, {drawn:,} incidents, {elapsed:.1f} s ({n / elapsed:,.0f} articles/s) "
        f"-> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

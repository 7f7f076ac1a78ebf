"""Actors from controlled lists: States, regional organizations, UN entities, collective groups.

States are the 193 Member States and the two observer States (Holy See, State of Palestine) of
the OCHA countries-and-territories table bundled with ``hdx-python-country`` (rows on the DGACM
list of Member States, plus VAT and PSE). Their aliases are the table's names in the six UN
languages (short, formal, M49 and alternative terms), pycountry's ISO names and common names,
and ``ontology/vocab/state_aliases.csv`` for former UN names ("Turkey", "Swaziland") and common
spellings that neither package carries. Regional organizations and UN entities come from the
project's own curated CSVs (``organizations.csv``, ``un_entities.csv``, ``civil_society.csv``).
Actor ids: ``state/<ISO3>``, ``org/<ACRONYM>``, ``un/<ACRONYM>``, ``cso/<name>``, ``other/<name>``,
``group/<name>``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ontology.model import Actor, ActorKind

from .vocab import read_vocab, split_aliases

OBSERVER_STATES = ("VAT", "PSE")
_NAME_COLUMNS = (
    "Preferred Term", "English Short", "M49 English", "DGACM Alt Term", "HPC Tools Alt Term",
    "ISO Alt Term", "English Formal", "RW Short Name",
    "French Short", "Spanish Short", "Russian Short", "Chinese Short", "Arabic Short",
    "M49 French", "M49 Spanish", "M49 Russian", "M49 Chinese", "M49 Arabic",
)
# Table entries that name a territory or situation rather than the State itself.
_NOT_STATE_NAMES = {"occupied Palestinian territory", "oPt"}
_ISO_SUFFIX = re.compile(r"\s*\(the\)$")

# Collective addressees named in resolutions and reports.
GROUPS: dict[str, tuple[str, ActorKind, tuple[str, ...]]] = {
    "group/member-states": ("Member States", ActorKind.OTHER, (
        "Member States", "all Member States", "States Members of the United Nations",
        "Member States of the United Nations", "the Member States", "member states", "all member states")),
    "group/all-states": ("all States", ActorKind.OTHER, ("all States", "All States")),
    "group/states-parties": ("States parties", ActorKind.OTHER, ("States parties", "all States parties")),
    "group/parties": ("parties to the conflict", ActorKind.OTHER, (
        "all parties", "All parties", "the parties", "parties to the conflict", "all parties to the conflict",
        "all parties to armed conflict", "the parties to the conflict", "conflict parties")),
    "group/regional-organizations": ("regional and subregional organizations", ActorKind.OTHER, (
        "regional and subregional organizations", "regional and subregional organisations",
        "regional organizations")),
    "group/armed-groups": ("armed groups", ActorKind.OTHER, ("armed groups", "all armed groups")),
    "group/international-community": ("the international community", ActorKind.OTHER, (
        "international community", "the international community")),
    "group/donors": ("donors", ActorKind.OTHER, ("donors", "international donors", "the donor community")),
    "group/civil-society": ("civil society", ActorKind.CIVIL_SOCIETY, (
        "civil society", "civil society organizations", "non-governmental organizations")),
    "group/nhri": ("national human rights institutions", ActorKind.CIVIL_SOCIETY, (
        "national human rights institutions", "national human rights institution")),
}

# Phrases that contain a State's name but do not name the State.
BLOCKING_PHRASES = (
    "Gulf of Guinea", "New Guinea", "Niger Delta", "River Niger", "Niger River", "Lake Chad", "Lake Chad Basin",
    "Congo River", "Congo Basin", "Crimean-Congo", "du Congo", "le Congo", "Alliance Fleuve Congo", "Alliance fleuve Congo", "Congo River Alliance",
    "Mouvement de libération du Congo", "Sudan People's Liberation Movement", "Sudan People's Liberation Army",
    "Sudan People's Liberation Movement-in-Opposition", "Sudan People's Liberation Army-in-Opposition",
    "Sudan Liberation Army", "Sudan Liberation Movement", "Sudan Armed Forces", "South China Sea",
    "Jordan Valley", "Jordan River", "Lebanese Armed Forces", "Panama Canal", "Georgia Strait",
    "Mexico City", "Guatemala City", "Panama City", "Kuwait City", "Djibouti City", "Singapore dollar",
)


@lru_cache(maxsize=1)
def states() -> dict[str, tuple[Actor, tuple[str, ...]]]:
    """ISO3 → (State actor, aliases) for the 193 Member States and the two observer States."""
    from hdx.location.country import Country

    table = Country.countriesdata(use_live=False)["countries"]
    found: dict[str, tuple[Actor, tuple[str, ...]]] = {}
    for iso3, row in table.items():
        if row.get("Appears in DGACM list") != "Y" and iso3 not in OBSERVER_STATES:
            continue
        aliases = _state_aliases(iso3, row)
        name = row.get("Preferred Term") or row.get("English Short") or iso3
        m49 = (row.get("m49 numerical code") or "").zfill(3) or None
        actor = Actor(f"state/{iso3}", name, ActorKind.STATE, iso3=iso3, m49=m49, aliases=aliases)
        found[iso3] = (actor, aliases)
    return found


def _state_aliases(iso3: str, row: dict[str, str | None]) -> tuple[str, ...]:
    import pycountry

    names: list[str] = []
    for column in _NAME_COLUMNS:
        value = (row.get(column) or "").strip()
        if value and value not in _NOT_STATE_NAMES:
            names.append(value)
    iso = pycountry.countries.get(alpha_3=iso3)
    if iso is not None:
        names += [getattr(iso, a) for a in ("name", "common_name", "official_name") if getattr(iso, a, None)]
    names += [r["alias"] for r in read_vocab("state_aliases.csv", required=("iso3", "alias")) if r["iso3"] == iso3]
    cleaned: list[str] = []
    for value in names:
        value = _ISO_SUFFIX.sub("", value)
        if value.lower().startswith("the "):
            value = value[4:]
        if value and value not in cleaned:
            cleaned.append(value)
    return tuple(cleaned)


@lru_cache(maxsize=1)
def organizations() -> dict[str, tuple[Actor, tuple[str, ...]]]:
    """Regional and subregional organizations, UN entities, civil society and groups: id → (actor, aliases)."""
    found: dict[str, tuple[Actor, tuple[str, ...]]] = {}
    for file, kind in (("organizations.csv", ActorKind.REGIONAL_ORGANIZATION), ("un_entities.csv", ActorKind.UN_ENTITY)):
        for row in read_vocab(file, required=("id", "name", "acronym", "aliases")):
            aliases = (row["name"], *([row["acronym"]] if row["acronym"] else []), *split_aliases(row["aliases"]))
            found[row["id"]] = (Actor(row["id"], row["name"], kind, aliases=aliases), aliases)
    for row in read_vocab("civil_society.csv", required=("id", "name", "acronym", "aliases", "kind")):
        aliases = (row["name"], *([row["acronym"]] if row["acronym"] else []), *split_aliases(row["aliases"]))
        found[row["id"]] = (Actor(row["id"], row["name"], ActorKind(row["kind"]), aliases=aliases), aliases)
    for gid, (name, kind, aliases) in GROUPS.items():
        found[gid] = (Actor(gid, name, kind, aliases=aliases), aliases)
    return found


def is_acronym(alias: str) -> bool:
    """True for all-capital short forms ("AU", "UNMISS", "UN-Women") that must match case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(alias) <= 10 and " " not in alias and sum(c.isupper() for c in letters) >= 2

"""The case file as pydantic models: the names of ``case-file.md`` and nothing else.

Every model forbids unknown keys, so a typo is an error with a key path, never a silent default.
Localized text (``L`` in the contract) is either one string for every language or a table
``{ja = "…", en = "…"}``; :func:`localized` picks the right one for a language.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

JST = timezone(timedelta(hours=9), "JST")
Language = Literal["ja", "en"]
Day = date  # a field of CaseInfo is called `date`


class StrictModel(BaseModel):
    """Base of every table: unknown keys are errors, values are frozen once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class LocalizedTable(StrictModel):
    """``{ja = "…", en = "…"}``: at least one of the two."""

    ja: str | None = Field(None, description="日本語 / Japanese text")
    en: str | None = Field(None, description="英語 / English text")

    @model_validator(mode="after")
    def _one_language_at_least(self) -> LocalizedTable:
        if self.ja is None and self.en is None:
            raise ValueError("give at least one of `ja` or `en`")
        return self


def _text_or_table(value: object) -> str:
    return "plain" if isinstance(value, str) else "table"


# Tagged unions: a value is checked only against the form it was written in, so an error names
# that form alone (and the loader drops the tag from the key path).
UNION_TAGS = frozenset({"plain", "table"})
L = Annotated[
    Annotated[str, Tag("plain")] | Annotated[LocalizedTable, Tag("table")],
    Discriminator(_text_or_table),
]
"""Localized text: one string for every language, or ``{ja, en}``."""


def localized(value: L | None, lang: str) -> tuple[str | None, bool]:
    """The text of ``value`` for ``lang`` and whether it had to fall back to another language."""
    if value is None or isinstance(value, str):
        return value, False
    own = getattr(value, lang)
    if own is not None:
        return own, False
    other = value.en if lang == "ja" else value.ja
    return other, True


def as_jst(moment: datetime) -> datetime:
    """A moment in Japan time; a local date-time without an offset is read as JST."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=JST)
    return moment.astimezone(JST)


def _jst_moment(moment: datetime) -> datetime:
    return moment.replace(tzinfo=JST) if moment.tzinfo is None else moment


Moment = Annotated[datetime, AfterValidator(_jst_moment)]
CaseId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]+$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Right(StrEnum):
    reputation = "reputation"
    honor_feeling = "honor_feeling"
    privacy = "privacy"
    portrait = "portrait"
    credit = "credit"
    copyright = "copyright"


class Purpose(StrEnum):
    damages = "damages"
    reputation_restoration = "reputation_restoration"
    injunction = "injunction"
    deletion_request = "deletion_request"
    criminal_complaint = "criminal_complaint"
    other = "other"


class Item(StrEnum):
    """Ordinance items of 施行規則2条, by the names of the case-file contract."""

    name = "name"
    address = "address"
    phone = "phone"
    email = "email"
    ip = "ip"
    port = "port"
    mobile_id = "mobile_id"
    sim_id = "sim_id"
    posted_at_time = "posted_at_time"
    login_ip = "login_ip"
    login_port = "login_port"
    login_mobile_id = "login_mobile_id"
    login_sim_id = "login_sim_id"
    sms_phone = "sms_phone"
    login_at = "login_at"
    usage_code = "usage_code"


LOGIN_ITEMS = frozenset(
    {
        Item.login_ip,
        Item.login_port,
        Item.login_mobile_id,
        Item.login_sim_id,
        Item.sms_phone,
        Item.login_at,
    }
)


def _both_languages() -> list[Language]:
    return ["ja", "en"]


class Court(StrictModel):
    name: L
    division: L | None = None
    address: L | None = None


CourtRef = Annotated[
    Annotated[str, Tag("plain")] | Annotated[Court, Tag("table")],
    Discriminator(_text_or_table),
]


class RelatedCase(StrictModel):
    court: CourtRef
    number: str


class CaseInfo(StrictModel):
    id: CaseId = Field(description="事件の識別子 / case id; names the output folder")
    date: Day | None = Field(None, description="書面の作成日 / document date (default: today)")
    languages: list[Language] = Field(default_factory=_both_languages, min_length=1)
    court: CourtRef | None = Field(None, description="管轄裁判所 / court: built-in id or table")
    police_station: L | None = None
    related_case: RelatedCase | None = None


class Representative(StrictModel):
    title: L
    name: L


class Victim(StrictModel):
    kind: Literal["individual", "corporation"] = "individual"
    name: L
    name_kana: str | None = None
    address: L
    birth_date: date | None = None
    occupation: L | None = None
    phone: str | None = None
    email: str | None = None
    representative: Representative | None = None
    conceal_address: bool = False


class Attorney(StrictModel):
    name: L
    office: L | None = None
    address: L | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    bar: L | None = None


class Provider(StrictModel):
    ref: str | None = Field(None, description="登録済み事業者 / built-in provider id")
    name: L | None = None
    address: L | None = None
    representative: L | None = None
    japan_representative: L | None = None


class AccessProvider(Provider):
    network: Literal["mobile", "fixed"] | None = None


PostKind = Literal["post", "repost", "quote", "reply", "profile", "direct_message"]
Visibility = Literal["public", "protected", "direct"]


class Post(StrictModel):
    url: Url
    account: str
    account_name: str | None = None
    posted_at: Moment
    kind: PostKind = "post"
    visibility: Visibility = "public"
    text: L | None = None
    found_at: date | None = None
    still_online: bool | None = None
    evidence: list[str] = Field(default_factory=list)


class Claim(StrictModel):
    rights: list[Right] = Field(default_factory=list)
    identification: L | None = None
    facts_alleged: L | None = None
    harm: L | None = None
    no_justification: L | None = None
    necessity: L | None = None


class Deletion(StrictModel):
    show_name_to_sender: bool = False


class Disclosure(StrictModel):
    purposes: list[Purpose] = Field(default_factory=list)
    purpose_note: L | None = None
    items: list[Item] = Field(default_factory=list)
    provision_order: bool = False
    erasure_prohibition: bool = False
    supplementarity: L | None = None


class Connection(StrictModel):
    ip: str
    port: int | None = Field(None, ge=0, le=65535)
    at: Moment
    destination: str | None = None


class Offender(StrictModel):
    name: L | None = None
    address: L | None = None
    account: str | None = None


class Police(StrictModel):
    offenses: list[Literal["defamation", "insult"]] = Field(default_factory=list)
    offender: Offender | None = None
    offender_known_at: date | None = None
    wants_punishment: bool | None = None
    circumstances: L | None = None


EvidenceKind = Literal["screenshot", "printout", "statement", "certificate", "record", "other"]


class Evidence(StrictModel):
    id: str
    title: L
    kind: EvidenceKind = "other"
    made_at: date | None = None
    author: L | None = None
    purpose: L | None = None
    file: str | None = None


class Case(StrictModel):
    """One matter: everything every filing is rendered from."""

    schema_version: Literal[1] = Field(1, alias="schema")
    case: CaseInfo
    victim: Victim
    attorneys: list[Attorney] = Field(default_factory=list)
    platform: Provider | None = None
    access_provider: AccessProvider | None = None
    posts: list[Post] = Field(default_factory=list)
    claim: Claim = Field(default_factory=Claim)
    deletion: Deletion = Field(default_factory=Deletion)
    disclosure: Disclosure = Field(default_factory=Disclosure)
    connections: list[Connection] = Field(default_factory=list)
    police: Police | None = None
    evidence: list[Evidence] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def document_date(self) -> date:
        """The date every filing carries; the loader always fills ``case.date``."""
        assert self.case.date is not None, "load_case fills case.date"
        return self.case.date

"""The case file as pydantic models: the names of ``case-file.md`` and nothing else.

Every model forbids unknown keys, so a typo is an error with a key path, never a silent default.
Localized text (``L`` in the contract) is either one string for every language or a table
``{ja = "…", en = "…"}``; :func:`localized` picks the right one for a language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    StringConstraints,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

from docgen.findings import Language

JST = timezone(timedelta(hours=9), "JST")
# TOML has its own booleans, integers, dates and date-times: values of those types must be written
# as such (`true`, `2026-11-22` without quotes), as the JSON Schema tells an editor, never as text
# that pydantic would convert.
Flag = Annotated[bool, Strict()]
Count = Annotated[int, Strict()]


def refusal(kind: str, ja: str, en: str) -> PydanticCustomError:
    """A validation error whose message the loader shows in both languages (``docgen_*`` type)."""
    return PydanticCustomError(f"docgen_{kind}", "{en}", {"ja": ja, "en": en})


# Characters with no meaning in a filing, refused wherever they appear in a text value: the C0
# controls but tab, line feed and carriage return (NUL, BEL, backspace, vertical tab, form feed,
# ESC …), DEL and the C1 controls, surrogates, and the Unicode noncharacters (U+FDD0–U+FDEF and
# U+xFFFE/U+xFFFF of every plane). Most of them cannot be stored in a Word file at all (XML 1.0
# forbids them); the rest are invisible, and a BEL or a form feed must never silently become a
# paragraph or a page break. Tab, line feed and CRLF are kept as written; a carriage return on
# its own (old Mac line ending, written `\r` in TOML) is read as a line feed, so that every
# format shows the same line break.
UNUSABLE_CHARACTER = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
    + "]"
)
_LONE_CR = re.compile(r"\r(?!\n)")
_CONTROL_NAMES = {
    0x00: ("ヌル文字", "NUL"),
    0x07: ("ベル", "bell"),
    0x08: ("バックスペース", "backspace"),
    0x0B: ("垂直タブ", "vertical tab"),
    0x0C: ("改ページ", "form feed"),
    0x1B: ("エスケープ", "escape"),
    0x7F: ("削除文字", "delete"),
}


def character_name(character: str) -> tuple[str, str]:
    """(ja, en) naming a character by its code point, e.g. ``U+000C（改ページ）``, never itself."""
    code = ord(character)
    label = f"U+{code:04X}"
    if code in _CONTROL_NAMES:
        ja, en = _CONTROL_NAMES[code]
        return f"{label}（{ja}）", f"{label} ({en})"
    category = unicodedata.category(character)
    if category == "Cc":
        return f"{label}（制御文字）", f"{label} (a control character)"
    if category == "Cs":
        return f"{label}（サロゲート）", f"{label} (a lone surrogate)"
    return f"{label}（非文字）", f"{label} (a Unicode noncharacter)"


def _filing_text(value: str) -> str:
    """Refuse characters that have no meaning in a filing; read a lone CR as a line feed."""
    found = UNUSABLE_CHARACTER.search(value)
    if found:
        ja, en = character_name(found.group())
        position = found.start() + 1
        raise refusal(
            "character",
            f"{position}文字目に {ja} が含まれています。書面では意味のない文字で、その多くは Word の"
            "文書に保存できないため、削除してください（改行は \\n、タブは \\t で書けます）",
            f"holds {en} at character {position}: a character with no meaning in a filing, most "
            "of which a Word document cannot hold; remove it (a line break is written \\n, a tab \\t)",
        )
    return _LONE_CR.sub("\n", value)


Text = Annotated[str, AfterValidator(_filing_text)]
"""Any text of the case file: no control characters but tab and line breaks (see above)."""

FIRST_YEAR, LAST_YEAR = 1990, 2100
"""Dates of the events of a matter (posts, connections, the document …) fall in these years."""
FIRST_YEAR_OF_LIFE = 1900
"""Birth dates and the dates evidence was made may be older."""
MAX_POSTS = MAX_EVIDENCE = MAX_CONNECTIONS = 1000
"""Entries of ``[[posts]]``, ``[[evidence]]`` and ``[[connections]]`` a case may have: far more
than any matter (a petition lists some dozens of posts), few enough that every check and filing
stays quick; a file beyond them is refused at load, naming the key."""


def _years(first: int, last: int) -> Callable[[date], date]:
    """A check that a date (or date-time, by its own calendar day) lies in ``first``–``last``."""

    def check(value: date) -> date:
        # Compared by year alone: no arithmetic on the value, which could overflow near year 1.
        if not first <= value.year <= last:
            shown = value.isoformat()
            bounds = f"{first}-01-01 – {last}-12-31"
            raise refusal(
                "date_range",
                f"{shown} は受け付ける範囲（{bounds}）の外です。年を確認してください",
                f"{shown} is outside the range docgen accepts here ({bounds}); check the year",
            )
        return value

    return check


Day = Annotated[date, Strict(), AfterValidator(_years(FIRST_YEAR, LAST_YEAR))]
"""The day of an event of the matter (also named Day because a field of CaseInfo is `date`)."""
LifeDay = Annotated[date, Strict(), AfterValidator(_years(FIRST_YEAR_OF_LIFE, LAST_YEAR))]
"""A birth date, or the day a piece of evidence was made."""


class StrictModel(BaseModel):
    """Base of every table: unknown keys are errors, values are frozen once loaded."""

    # The attribute docstrings explain each key: they are the fields' descriptions (schema, init).
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, use_attribute_docstrings=True
    )


class LocalizedTable(StrictModel):
    """``{ja = "…", en = "…"}``: at least one of the two."""

    ja: Text | None = None
    """日本語 / Japanese"""
    en: Text | None = None
    """英語 / English"""

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
    Annotated[Text, Tag("plain")] | Annotated[LocalizedTable, Tag("table")],
    Discriminator(_text_or_table),
]
"""Localized text: one string for every language, or ``{ja, en}``."""


def localized(value: L | None, lang: Language) -> tuple[str | None, bool]:
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


def is_utc(moment: datetime) -> bool:
    """Whether ``moment`` was given in UTC (``Z``), as platform logs are."""
    return moment.tzinfo is not None and moment.utcoffset() == timedelta(0)


def _jst_moment(moment: datetime) -> datetime:
    return moment.replace(tzinfo=JST) if moment.tzinfo is None else moment


Moment = Annotated[
    datetime,
    Strict(),
    AfterValidator(_years(FIRST_YEAR, LAST_YEAR)),
    AfterValidator(_jst_moment),
]
CASE_ID_MAX = 100
"""Characters of a case id: it names a folder, and the paths under it must stay short."""
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)
"""Names Windows reserves for devices, with any extension (`aux.docx` too), in any case."""


def _portable_folder_name(value: str) -> str:
    """A case id every file system can use as a folder name: Windows' rules too, and short."""
    if len(value) > CASE_ID_MAX:
        raise refusal(
            "case_id",
            f"{len(value)}文字あります。{CASE_ID_MAX}文字以内にしてください（出力フォルダ名になります）",
            f"is {len(value)} characters long; use at most {CASE_ID_MAX} (it names the output folder)",
        )
    if value.split(".")[0].lower() in WINDOWS_RESERVED:
        raise refusal(
            "case_id",
            f"`{value}` は Windows が装置名として予約している名前のため、フォルダ名に使えません",
            f"`{value}` is a device name Windows reserves, so no folder can be named after it",
        )
    if value.endswith("."):
        raise refusal(
            "case_id",
            "末尾を . にしないでください（Windows はフォルダ名の末尾の . を削ります）",
            "must not end with `.` (Windows drops a trailing dot from a folder name)",
        )
    return value


CaseId = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9_-][A-Za-z0-9._-]*$"),
    AfterValidator(_portable_folder_name),
]
"""[A-Za-z0-9._-]+, not starting with a dot (`..` would name a folder outside the output folder),
not ending with one, not a Windows device name (CON, NUL, COM1, aux.docx …), at most 100 long."""
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$"), AfterValidator(_filing_text)]


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
    """A court not in the built-in list."""

    name: L
    """裁判所名 / name of the court"""
    division: L | None = None
    """担当部（例: 民事第9部） / division (e.g. 9th Civil Division)"""
    address: L | None = None
    """所在地 / address"""


CourtRef = Annotated[
    Annotated[Text, Tag("plain")] | Annotated[Court, Tag("table")],
    Discriminator(_text_or_table),
]


class RelatedCase(StrictModel):
    """A pending case this filing follows up (e.g. the disclosure-order case)."""

    court: CourtRef
    """係属中の事件の裁判所 / court where the case is pending"""
    number: Text
    """事件番号（例: 令和8年(発チ)第123号） / case number"""
    provision_order: Flag = False
    """その事件で提供命令が発令され、アクセスプロバイダが判明した / a provision order issued in it identified the access provider"""


class CaseInfo(StrictModel):
    """The matter itself."""

    id: CaseId
    """事件の識別子（英数字と . _ -）。出力フォルダ名になる / case id ([A-Za-z0-9._-]+); names the output folder"""
    date: Day | None = None
    """書面の作成日（省略時は今日） / document date (default: today)"""
    languages: list[Language] = Field(default_factory=_both_languages, min_length=1)
    """作成する言語 / languages to render"""
    court: CourtRef | None = None
    """申立先の裁判所（tokyo, osaka 又は表） / court: a built-in id (tokyo, osaka) or a table"""
    police_station: L | None = None
    """被害届・告訴状の提出先の警察署 / police station the report is filed with"""
    related_case: RelatedCase | None = None
    """係属中の関連事件 / pending related case"""
    acknowledged: list[Text] = Field(default_factory=list)
    """確認済みの警告の規則ID（例: ["S18", "D6"]）。一覧には残り --strict では失敗しない。エラーは対象外 / rule ids of warnings the lawyer has considered: still listed, no longer failing --strict; never errors"""


class Representative(StrictModel):
    """A corporation's representative."""

    title: L
    """肩書（例: 代表取締役） / title (e.g. Representative Director)"""
    name: L
    """氏名 / name"""


class Victim(StrictModel):
    """The person whose rights were infringed (申立人 / 債権者 / 依頼者 / 被害者)."""

    kind: Literal["individual", "corporation"] = "individual"
    """個人か法人か / individual or corporation"""
    name: L
    """氏名又は名称 / name"""
    name_kana: Text | None = None
    """ふりがな（カタカナ） / reading of the name in kana"""
    address: L
    """住所又は本店所在地 / address (registered office for a corporation)"""
    birth_date: LifeDay | None = None
    """生年月日（被害届の年齢） / date of birth (the police report states the age)"""
    occupation: L | None = None
    """職業 / occupation"""
    phone: Text | None = None
    """電話番号 / telephone"""
    email: Text | None = None
    """メールアドレス / e-mail"""
    representative: Representative | None = None
    """法人の代表者 / a corporation's representative"""
    conceal_address: Flag = False
    """true: 相手方に送る書面に住所を記載せず代理人事務所を表示する / true: documents show the attorney's office instead of the victim's address"""


class Attorney(StrictModel):
    """An attorney acting for the victim (代理人弁護士)."""

    name: L
    """弁護士の氏名 / attorney's name"""
    office: L | None = None
    """法律事務所名 / law office"""
    address: L | None = None
    """事務所の所在地（送達場所） / office address (for service)"""
    phone: Text | None = None
    """電話番号 / telephone"""
    fax: Text | None = None
    """FAX番号 / fax"""
    email: Text | None = None
    """メールアドレス / e-mail"""
    bar: L | None = None
    """所属弁護士会 / bar association"""


class Provider(StrictModel):
    """A provider: a built-in `ref`, or its fields written out (they override the built-in ones)."""

    ref: Text | None = None
    """登録済み事業者（x, google, meta, line-yahoo, docomo, kddi, softbank, rakuten-mobile） / built-in provider id"""
    name: L | None = None
    """名称 / legal name"""
    address: L | None = None
    """本店所在地 / registered address"""
    representative: L | None = None
    """代表者の資格及び氏名（登記事項証明書のとおり。例: 代表取締役 山田太郎） / representative's title and name, as in the certificate of registered matters"""
    japan_representative: L | None = None
    """日本における代表者 / representative in Japan"""
    service: L | None = None
    """サービスの名称（例: X（旧Twitter）） / name of the service (e.g. X (formerly Twitter))"""


class AccessProvider(Provider):
    """The ISP or mobile carrier found from the disclosed IP addresses."""

    network: Literal["mobile", "fixed"] | None = None
    """携帯（mobile）か固定回線（fixed）か（ログの保存期間が異なる） / mobile or fixed network (log retention differs)"""
    evidence: list[Text] = Field(default_factory=list)
    """IPアドレスがこの事業者のものであることを示す証拠（WHOIS等の [[evidence]] の id） / ids of the [[evidence]] (e.g. WHOIS) showing the IP addresses are this provider's"""
    case_number: Text | None = None
    """この事業者に対する申立ての事件番号（申立て後） / number of the case against this provider, once filed"""


PostKind = Literal["post", "repost", "quote", "reply", "profile", "direct_message"]
Visibility = Literal["public", "protected", "direct"]


class OriginalPost(StrictModel):
    """The post a repost conveys or a quote cites."""

    url: Url | None = None
    """元の投稿のURL / URL of the original post"""
    account: Text | None = None
    """元の投稿のアカウント / account of the original post"""
    text: L | None = None
    """元の投稿の原文（ja）とその訳（en） / original text and its translation"""


class Post(StrictModel):
    """One infringing post (投稿記事目録)."""

    url: Url
    """個別の投稿のURL / URL of the individual post"""
    account: Text
    """アカウント（@から始まるID） / account handle (@…)"""
    account_name: Text | None = None
    """表示名 / display name"""
    posted_at: Moment
    """投稿日時（時差を付けて。省略時は日本時間） / date and time of posting (offset; JST if none)"""
    kind: PostKind = "post"
    """投稿の種類 / kind of post"""
    visibility: Visibility = "public"
    """公開範囲: public（公開）, protected（鍵アカウント）, direct（DM） / who could read it"""
    text: L | None = None
    """投稿の原文（ja）とその訳（en）。リポスト以外は必須 / original text and its translation (required except for reposts)"""
    found_at: Day | None = None
    """被害者が投稿を見つけた日 / when the victim found it"""
    still_online: Flag | None = None
    """現在も閲覧できるか / still online"""
    evidence: list[Text] = Field(default_factory=list)
    """この投稿の証拠（[[evidence]] の id） / ids of the [[evidence]] entries showing it"""
    followers: Count | None = Field(None, ge=0)
    """投稿時のフォロワー数（鍵アカウントでは承認済みフォロワー数） / followers when posted (approved followers for a locked account)"""
    original: OriginalPost | None = None
    """リポスト・引用の元の投稿 / the post reposted or quoted"""


class ClaimWording(StrictModel):
    """The claim's texts for one filing only; each key given here replaces the one in [claim]."""

    identification: L | None = None
    """同定可能性（この書面での記載） / identifiability, as this filing words it"""
    facts_alleged: L | None = None
    """摘示事実（この書面での記載） / facts alleged, as this filing words it"""
    harm: L | None = None
    """権利侵害・被害の内容（この書面での記載） / the harm, as this filing words it"""
    no_justification: L | None = None
    """違法性阻却事由の不存在（この書面での記載） / absence of justification, as this filing words it"""
    necessity: L | None = None
    """保全の必要性（この書面での記載） / necessity of preservation, as this filing words it"""
    supplementarity: L | None = None
    """補充性（法5条1項3号）の理由（この書面での記載。省略時は disclosure.supplementarity） / supplementarity (Art. 5(1)(iii)), as this filing words it (default: disclosure.supplementarity)"""


class Claim(StrictModel):
    """The legal theory shared by every filing."""

    rights: list[Right] = Field(default_factory=list)
    """侵害された権利 / rights infringed"""
    identification: L | None = None
    """同定可能性: 投稿が被害者に関するものと読める理由 / why readers know the posts are about the victim"""
    facts_alleged: L | None = None
    """摘示事実: 投稿が摘示する事実（名誉毀損） / facts the posts assert (defamation)"""
    harm: L | None = None
    """社会的評価の低下、又は社会通念上許される限度を超える侮辱である理由 / why the posts lower social standing or exceed tolerable insult"""
    no_justification: L | None = None
    """違法性阻却事由の不存在（公共性・公益目的・真実性がないこと） / absence of justification (no public interest, not for public benefit, untrue)"""
    necessity: L | None = None
    """保全の必要性（仮処分） / necessity of preservation (provisional dispositions)"""
    deletion_request: ClaimWording | None = Field(None, alias="deletion-request")
    """送信防止措置依頼書だけの記載（発信者に転送される） / wording for the deletion request only (forwarded to the poster)"""
    disclosure_petition: ClaimWording | None = Field(None, alias="disclosure-petition")
    """発信者情報開示命令申立書だけの記載 / wording for the disclosure petition only"""
    preservation_petition: ClaimWording | None = Field(None, alias="preservation-petition")
    """発信者情報消去禁止仮処分命令申立書だけの記載 / wording for the preservation petition only"""
    police_report: ClaimWording | None = Field(None, alias="police-report")
    """被害届だけの記載 / wording for the police report only"""
    provisional_disclosure_petition: ClaimWording | None = Field(
        None, alias="provisional-disclosure-petition"
    )
    """発信者情報開示仮処分命令申立書だけの記載 / wording for the IP-disclosure provisional disposition only"""
    access_provider_petition: ClaimWording | None = Field(None, alias="access-provider-petition")
    """アクセスプロバイダに対する開示命令申立書だけの記載 / wording for the petition against the access provider only"""
    deletion_injunction: ClaimWording | None = Field(None, alias="deletion-injunction")
    """投稿記事削除仮処分命令申立書だけの記載 / wording for the deletion injunction only"""
    criminal_complaint: ClaimWording | None = Field(None, alias="criminal-complaint")
    """告訴状だけの記載（犯罪事実として） / wording for the criminal complaint only (as facts of the offence)"""
    disclosure_request: ClaimWording | None = Field(None, alias="disclosure-request")
    """発信者情報開示請求書だけの記載（意見照会で発信者に送られる） / wording for the out-of-court disclosure request only (sent to the poster for comment)"""
    log_preservation_request: ClaimWording | None = Field(None, alias="log-preservation-request")
    """ログ保存要請書だけの記載 / wording for the request to preserve the logs only"""
    demand_letter: ClaimWording | None = Field(None, alias="demand-letter")
    """発信者への通知書だけの記載 / wording for the demand letter to the poster only"""
    damages_complaint: ClaimWording | None = Field(None, alias="damages-complaint")
    """損害賠償請求訴状だけの記載 / wording for the complaint for damages only"""
    victim_statement: ClaimWording | None = Field(None, alias="victim-statement")
    """陳述書だけの記載（被害者の一人称で） / wording for the victim's statement only (in the victim's first person)"""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def wording(self, filing_id: str, key: ClaimText) -> tuple[str, L | None]:
        """(key path, text) of ``key`` as ``filing_id`` pleads it: its own wording, else that of
        ``WORDING_FALLBACKS``, else the shared."""
        own = self.own_wording(filing_id, key)
        return own if own[1] is not None else (f"claim.{key}", getattr(self, key))

    def own_wording(self, filing_id: str, key: str) -> tuple[str, L | None]:
        """(key path, text) of ``key`` in ``[claim.<filing_id>]`` (or the table it falls back
        on); (path, None) when the filing words it nowhere of its own."""
        for source in (filing_id, *WORDING_FALLBACKS.get(filing_id, ())):
            own = getattr(self, source.replace("-", "_"), None)
            override = getattr(own, key, None) if isinstance(own, ClaimWording) else None
            if override is not None:
                return f"claim.{source}.{key}", override
        return f"claim.{filing_id}.{key}", None


WORDING_FALLBACKS: dict[str, tuple[str, ...]] = {"disclosure-request": ("deletion-request",)}
"""Where a filing without its own wording of a claim text looks next, before the shared text: the
disclosure request, which the provider sends to the poster for comment, reuses the deletion
request's wording (also written for the poster's eyes, citing only what a letter attaches)."""


ClaimText = Literal["identification", "facts_alleged", "harm", "no_justification", "necessity"]
CLAIM_TEXTS: tuple[ClaimText, ...] = (
    "identification",
    "facts_alleged",
    "harm",
    "no_justification",
    "necessity",
)


class Deletion(StrictModel):
    """The deletion request."""

    show_name_to_sender: Flag = False
    """発信者に氏名を開示してよいか / may the platform show the requester's name to the poster"""
    attachments: list[Text] | None = None
    """添付する証拠（[[evidence]] の id。発信者に転送される。省略時は投稿の証拠） / evidence ids to attach (forwarded to the poster; default: the posts' own evidence)"""


class Disclosure(StrictModel):
    """The disclosure petition."""

    purposes: list[Purpose] = Field(default_factory=list)
    """開示を受けるべき正当な理由 / legitimate reasons for disclosure"""
    purpose_note: L | None = None
    """「その他」の理由の内容 / the reason, when purposes has \"other\""""
    items: list[Item] = Field(default_factory=list)
    """開示を求める発信者情報（施行規則2条の項目） / sender information sought (ordinance items)"""
    provision_order: Flag = False
    """提供命令（法15条）も申し立てる / also petition for a provision order (Art. 15)"""
    erasure_prohibition: Flag = False
    """消去禁止命令（法16条）も申し立てる / also petition for an erasure-prohibition order (Art. 16)"""
    route: Literal["order", "provisional"] = "order"
    """コンテンツプロバイダに対する手続: order（開示命令）又は provisional（IPアドレスの開示仮処分） / against the content provider: a disclosure order, or a provisional disposition for the IP addresses"""

    @property
    def asks_login_items(self) -> bool:
        """Whether login-type (specified sender) information is sought (Art. 5(1)(iii))."""
        return bool(set(self.items) & LOGIN_ITEMS)

    supplementarity: L | None = None
    """補充性（ログイン型の情報を求めるとき） / supplementarity, when login-type items are sought"""
    supplementarity_ground: Literal["i", "ro", "ha"] | None = None
    """補充性の根拠（法5条1項3号イ・ロ・ハ） / the limb of Art. 5(1)(iii) relied on: i, ro or ha ((a), (b), (c))"""
    decision_notified_at: Day | None = None
    """開示命令の決定の告知を受けた日（異議の訴えの期間の起算点） / day notice of the decision was received (objection-suit deadline)"""


class Connection(StrictModel):
    """A logged connection the platform disclosed."""

    ip: Text
    """IPアドレス / IP address"""
    port: Count | None = Field(None, ge=0, le=65535)
    """ポート番号 / source port"""
    at: Moment
    """接続日時（プラットフォームの記録どおり、UTCなら Z） / moment of the connection (as logged; Z for UTC)"""
    destination: Text | None = None
    """接続先（携帯電話事業者の場合） / connection destination (for mobile carriers)"""
    evidence: list[Text] = Field(default_factory=list)
    """この通信の記録を示す証拠（[[evidence]] の id） / ids of the [[evidence]] showing the platform disclosed it"""


class Offender(StrictModel):
    """What is known of the offender; omit what is unknown (shown as 不詳)."""

    name: L | None = None
    """犯人の氏名又は通称 / offender's name or alias"""
    address: L | None = None
    """犯人の住居 / offender's address"""
    account: Text | None = None
    """犯人のアカウント / offender's account handle"""


ComplainantRelation = Literal[
    "legal_representative", "spouse", "lineal_relative", "sibling", "relative", "descendant"
]


class Complainant(StrictModel):
    """A complainant other than the victim (刑事訴訟法231条・233条)."""

    name: L
    """告訴人の氏名 / the complainant's name"""
    address: L
    """告訴人の住居 / the complainant's address"""
    relation: ComplainantRelation
    """被害者との関係: legal_representative（法定代理人）, spouse（配偶者）, lineal_relative（直系の親族）, sibling（兄弟姉妹）, relative（その他の親族）, descendant（子孫） / relation to the victim: legal representative, or for a deceased victim spouse, lineal relative, sibling, other relative, descendant"""
    kinship: L | None = None
    """続柄（例: 長男、母） / the relationship in words (e.g. eldest son, mother)"""
    birth_date: LifeDay | None = None
    """告訴人の生年月日 / the complainant's date of birth"""
    phone: Text | None = None
    """告訴人の電話番号 / the complainant's telephone"""
    victim_died_at: LifeDay | None = None
    """被害者の死亡日（親族が告訴するとき） / the day the victim died (when a relative complains)"""


class Police(StrictModel):
    """The police report."""

    offenses: list[Literal["defamation", "insult"]] = Field(default_factory=list)
    """罪名: defamation（名誉毀損）, insult（侮辱） / offences"""
    offender: Offender | None = None
    """犯人（判明した投稿者。通知書・損害賠償請求訴状もここを読む） / the offender: the identified poster, whom the demand letter and the complaint for damages also name"""
    offender_known_at: Day | None = None
    """告訴人（被害者又は police.complainant）が犯人を知った日（告訴期間の起算点） / when the complainant (the victim, or police.complainant) learned who the offender is (complaint deadline)"""
    wants_punishment: Flag | None = None
    """処罰を求めるか / does the victim want the offender punished"""
    circumstances: L | None = None
    """被害の模様 / how it came about"""
    prosecutors_office: L | None = None
    """告訴状を検察庁に提出するときの宛先（例: 東京地方検察庁。「検事正 殿」を付す） / the public prosecutors office a complaint is addressed to instead of the police station (e.g. 東京地方検察庁; addressed to its chief prosecutor)"""
    complainant: Complainant | None = None
    """被害者以外の告訴人（法定代理人、又は亡くなった被害者の親族） / a complainant other than the victim (the legal representative, or a deceased victim's relative)"""


Yen = Annotated[int, Strict(), Field(gt=0, le=10**12)]
"""An amount of money in yen: a TOML integer, no quotes, no separators."""
Percent = Annotated[float, Strict(), Field(ge=0, le=20)]
"""A yearly rate in percent (3 for 3 %)."""
DamageKind = Literal["distress", "investigation", "attorney", "other"]


class DamageHead(StrictModel):
    """One head of the damages claimed from the poster (Civil Code 709, 710)."""

    kind: DamageKind
    """費目: distress（慰謝料）, investigation（調査費用＝発信者特定の費用）, attorney（弁護士費用）, other / head of damage"""
    amount: Yen
    """金額（円） / amount in yen"""
    title: L | None = None
    """費目の名称（other のとき必要） / name of the head (needed for other)"""
    basis: L | None = None
    """金額の根拠 / how the amount is reckoned"""


class Damages(StrictModel):
    """The damages claimed from the identified poster: the demand letter and the complaint."""

    heads: list[DamageHead] = Field(default_factory=list)
    """請求する損害の内訳 / the heads of damage claimed"""
    interest_rate: Percent | None = None
    """遅延損害金の年利（%）。省略時は不法行為時の法定利率 / yearly rate of delay damages in percent (default: the statutory rate when the tort was committed)"""
    interest_from: Day | None = None
    """遅延損害金の起算日（省略時は最初の投稿の日） / delay damages run from (default: the day of the first post)"""
    pay_by: Day | None = None
    """通知書の支払期限 / payment deadline the demand letter sets"""
    account: L | None = None
    """支払先の口座 / account the payment goes to"""
    apology: L | None = None
    """求める謝罪文（民法723条の名誉回復処分） / the apology demanded (Civil Code 723)"""
    demanded_at: Day | None = None
    """通知書を送った日（訴状の経緯に記載） / when the demand letter was sent (told in the complaint)"""
    court: CourtRef | None = None
    """訴状の提出先（省略時は訴額と case.court から選ぶ） / court for the complaint (default: chosen from the amount and case.court)"""


EvidenceKind = Literal[
    "screenshot", "printout", "statement", "certificate", "record", "medical", "other"
]
PRIVATE_EVIDENCE: frozenset[str] = frozenset({"statement", "medical"})
"""Kinds a notice the platform forwards to the poster must never attach (陳述書, 診断書)."""


class Evidence(StrictModel):
    """An exhibit (甲号証 / 疎甲号証), numbered in this order."""

    id: Text
    """証拠の識別子（投稿の evidence から参照） / id, referred to from posts"""
    title: L
    """標目 / title"""
    kind: EvidenceKind = "other"
    """種類（medical は診断書等） / kind (medical: a doctor's certificate or records)"""
    form: Literal["copy", "original"] = "copy"
    """原本・写しの別 / whether the court gets the original or a copy"""
    made_at: LifeDay | None = None
    """作成日 / date made"""
    author: L | None = None
    """作成者 / author"""
    purpose: L | None = None
    """立証趣旨 / what it proves"""
    file: Text | None = None
    """ファイル（事件フォルダからの相対パス） / file, relative to the case folder"""


class Case(StrictModel):
    """One matter: everything every filing is rendered from."""

    schema_version: Literal[1] = Field(1, alias="schema")
    """事件ファイルの形式の版 / format version of this file"""
    case: CaseInfo
    """事件 / the matter"""
    victim: Victim
    """被害者（申立人・債権者・依頼者） / the victim"""
    attorneys: list[Attorney] = Field(default_factory=list)
    """代理人弁護士（なければ本人申立て） / attorneys (none: the victim files in person)"""
    platform: Provider | None = None
    """投稿を管理するコンテンツプロバイダ / the platform hosting the posts"""
    access_provider: AccessProvider | None = None
    """アクセスプロバイダ（ISP・携帯電話事業者） / the ISP or mobile carrier"""
    posts: list[Post] = Field(default_factory=list, max_length=MAX_POSTS)
    """権利を侵害する投稿 / the infringing posts"""
    claim: Claim = Field(default_factory=lambda: Claim.model_validate({}))
    """法的主張 / the legal theory"""
    deletion: Deletion = Field(default_factory=Deletion)
    """送信防止措置依頼 / the deletion request"""
    disclosure: Disclosure = Field(default_factory=Disclosure)
    """発信者情報開示 / the disclosure petition"""
    connections: list[Connection] = Field(default_factory=list, max_length=MAX_CONNECTIONS)
    """開示された通信記録 / logged connections the platform disclosed"""
    police: Police | None = None
    """警察への届出 / the police report"""
    damages: Damages | None = None
    """発信者に対する損害賠償請求 / the damages claimed from the identified poster"""
    evidence: list[Evidence] = Field(default_factory=list, max_length=MAX_EVIDENCE)
    """証拠（甲号証） / exhibits"""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def document_date(self) -> date:
        """The date every filing carries; the loader always fills ``case.date``."""
        assert self.case.date is not None, "load_case fills case.date"
        return self.case.date

    def evidence_path(self, item: Evidence) -> str:
        """``evidence[3]``: the key path of an ``[[evidence]]`` entry, counted from 1."""
        index = next(i for i, e in enumerate(self.evidence, start=1) if e is item)
        return f"evidence[{index}]"

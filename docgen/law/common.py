"""What several rules ask of a case (which posts, which platform, which time zone), and a short way
to state a finding. Pure functions of the case; "today" is always ``case.document_date``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from urllib.parse import urlsplit

from docgen.case.model import JST, Case, L, Post, as_jst, localized
from docgen.case.registry import foreign_providers
from docgen.case.resolve import access_network, resolve_court, resolve_provider
from docgen.findings import Finding, Message, Severity

ACT_2021_IN_FORCE = date(2022, 10, 1)
"""Act No. 27 of 2021: disclosure right moves from Art. 4(1) to Art. 5; login-type info; 開示命令."""
ACT_RENAMED = date(2025, 4, 1)
"""Act No. 25 of 2024: the Act becomes 情報流通プラットフォーム対処法."""
INSULT_AMENDED = date(2022, 7, 7)
"""Penal Code 231 penalty raised: limitation for insult 1 year → 3 years (acts from this day)."""

X_HOSTS = frozenset(
    {"x.com", "twitter.com", "www.x.com", "www.twitter.com", "mobile.x.com", "mobile.twitter.com"}
)
X_POST_PATH = re.compile(r"/status(?:es)?/\d+")


def finding(code: str, severity: Severity, path: str, ja: str, en: str, basis: str) -> Finding:
    return Finding(code, severity, path, Message(ja=ja, en=en), basis=basis)


def day_of(moment: datetime) -> date:
    """The calendar day of ``moment`` in Japan."""
    return as_jst(moment).date()


def posts(case: Case, *kinds: str) -> Iterator[tuple[str, Post]]:
    """``(posts[i], post)`` for every post, or for the posts of the given kinds."""
    for index, post in enumerate(case.posts, start=1):
        if not kinds or post.kind in kinds:
            yield f"posts[{index}]", post


def texts(value: L | None) -> list[str]:
    """Every language version of a localized value (empty when absent)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [text for text in (value.ja, value.en) if text]


def is_x(case: Case) -> bool:
    """The platform is X Corp. (formerly Twitter), by built-in reference or by name."""
    platform = case.platform
    if platform is None:
        return False
    return platform.ref == "x" or any(
        "X Corp" in name or "Twitter" in name for name in texts(platform.name)
    )


def is_foreign_platform(case: Case) -> bool:
    return is_x(case) or (case.platform is not None and case.platform.ref in foreign_providers())


def platform_name(case: Case) -> Message:
    """The platform's name in both languages (the registry's name for a built-in reference)."""
    platform = resolve_provider(case.platform)
    if platform is None:
        return Message("", "")
    fallback = platform.ref or ""
    ja, _ = localized(platform.name, "ja")
    en, _ = localized(platform.name, "en")
    return Message(ja or fallback, en or fallback)


def is_individual_post_url(url: str) -> bool:
    """Whether ``url`` points at one post rather than a profile or a site's top page."""
    parts = urlsplit(url)
    if parts.hostname in X_HOSTS:
        return bool(X_POST_PATH.search(parts.path))
    return parts.path.strip("/") != "" or bool(parts.query)


def offset_given(moment: datetime) -> bool:
    """False when the case file gave a local time without offset (the model reads it as JST and
    marks it with the model's own ``JST`` zone object; an explicit ``+09:00`` is a different one)."""
    return moment.tzinfo is not JST


def court_is_tokyo(case: Case) -> bool:
    court = resolve_court(case.case.court)
    names = texts(court.name) if court else []
    return any("東京地方裁判所" in n or "Tokyo District Court" in n for n in names)


def network(case: Case) -> str | None:
    """``mobile`` / ``fixed`` for the access provider, from the case file or the registry."""
    return access_network(case.access_provider)


def online_after(post: Post, day: date) -> bool:
    """Whether the post is known to have been online after ``day`` (still online, or seen then)."""
    return post.still_online is True or (post.found_at is not None and post.found_at >= day)


def nonpublic(case: Case) -> Iterator[tuple[str, str]]:
    """``(key path, "direct" | "protected")`` for posts that were not open to everyone."""
    for prefix, post in posts(case):
        if post.visibility == "direct":
            yield f"{prefix}.visibility", "direct"
        elif post.kind == "direct_message":
            yield f"{prefix}.kind", "direct"
        elif post.visibility == "protected":
            yield f"{prefix}.visibility", "protected"

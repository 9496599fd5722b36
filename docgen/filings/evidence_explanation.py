"""証拠説明書: for every court filing, one row per exhibit it cites, in its own numbering (甲 / 疎甲),
with 標目, 原本・写しの別, 作成年月日, 作成者 and 立証趣旨 (brief §12.1). It is a filing of its own,
``<petition>-evidence``, built from the petition it accompanies."""

from __future__ import annotations

from docgen.case.model import Case
from docgen.filings.base import Filing, Requirement, Rule
from docgen.findings import Finding, Message
from docgen.law.common import finding

TITLE = Message("証拠説明書", "Explanation of Evidence")


def evidence_explanation(parent: Filing) -> Filing:
    """The 証拠説明書 of ``parent``: its voice, its exhibits, its stage."""
    return Filing(
        id=f"{parent.id}-evidence",
        aliases=tuple(f"{alias}-evidence" for alias in parent.aliases),
        title=TITLE,
        addressee=parent.addressee,
        stage=parent.stage,
        requirements=(
            Requirement(
                "evidence",
                lambda c: bool(parent.exhibits(c)),
                Message(
                    f"{parent.title.ja}が引用する証拠がありません",
                    f"the {parent.title.en} it accompanies cites no evidence",
                ),
            ),
        ),
        rules=(e1_explained_exhibits(parent),),
        voice=parent.voice,
        texts=parent.texts,
        posts_of=parent.posts_of,
        attachments=parent.exhibits,
        not_now=parent.not_now,
        template="evidence-explanation",
        parent=parent,
    )


def e1_explained_exhibits(parent: Filing) -> Rule:
    """E1: each row of the 証拠説明書 gives 作成者, 作成年月日 and 立証趣旨 of the exhibit."""

    def rule(case: Case) -> list[Finding]:
        return [
            finding(
                "E1",
                "warning",
                f"{case.evidence_path(item)}.{key}",
                f"証拠説明書の{ja}の欄が空になります（`{case.evidence_path(item)}.{key}`）。",
                f"the Explanation of Evidence leaves the {en} of this exhibit blank "
                f"(`{case.evidence_path(item)}.{key}`).",
                "[P] court practice (brief §12.1)",
            )
            for item in parent.exhibits(case)
            for key, ja, en in (
                ("author", "作成者", "author"),
                ("made_at", "作成年月日", "date made"),
                ("purpose", "立証趣旨", "purpose of proof"),
            )
            if getattr(item, key) is None
        ]

    return rule

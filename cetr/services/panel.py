"""A review's panel and its case papers."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cetr.models import PanelMember, PanelRole, Review, ReviewPaper


@transaction.atomic
def panel_member_add(
    *,
    review: Review,
    role: str,
    name: str,
    organisation: str = "",
    role_detail: str = "",
    email: str = "",
    user=None,
    invited_on: date | None = None,
    papers_access: bool = False,
) -> PanelMember:
    """Put someone on the panel. Members need not have an account; giving one access to the
    case papers needs their account (the consent gate still applies when they open them)."""
    if role == PanelRole.OTHER and not role_detail.strip():
        raise ValidationError({"role_detail": "Say what this member's role on the panel is"})
    if papers_access and user is None:
        raise ValidationError({"papers_access": "Only a member with a Keyworking account can open the case papers"})
    if role == PanelRole.CHAIR and review.panel.filter(role=PanelRole.CHAIR).exists():
        raise ValidationError({"role": "This panel already has a chair"})
    if user is not None and review.panel.filter(user=user).exists():
        raise ValidationError({"username": "This account is already on the panel"})
    try:
        with transaction.atomic():
            return PanelMember.objects.create(
                area_id=review.area_id,
                review=review,
                person_id=review.person_id,
                role=role,
                role_detail=role_detail if role == PanelRole.OTHER else "",
                name=name,
                organisation=organisation,
                email=email,
                user=user,
                invited_on=invited_on,
                papers_access=papers_access,
            )
    except IntegrityError:
        # Two coordinators adding a chair at once: the database lets exactly one through.
        raise ValidationError({"role": "This panel already has a chair"}) from None


@transaction.atomic
def panel_member_set_access(*, member: PanelMember, papers_access: bool) -> PanelMember:
    if papers_access and member.user_id is None:
        raise ValidationError({"papers_access": "Only a member with a Keyworking account can open the case papers"})
    member.papers_access = papers_access
    member.save(update_fields=["papers_access"])
    return member


@transaction.atomic
def panel_member_remove(*, member: PanelMember) -> None:
    if member.review.held_on:
        raise ValidationError("The review has been held: its panel is part of the record.")
    member.delete()


@transaction.atomic
def paper_add(*, review: Review, title: str, body: str, added_by) -> ReviewPaper:
    if review.cancelled_on or review.report_issued_on:
        raise ValidationError("This review is finished: its papers can no longer change.")
    if not title.strip():
        raise ValidationError({"title": "Give the paper a title"})
    if not body.strip():
        raise ValidationError({"body": "Write the paper's content"})
    return ReviewPaper.objects.create(
        area_id=review.area_id, review=review, person_id=review.person_id, title=title, body=body, added_by=added_by
    )

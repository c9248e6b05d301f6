"""Input and output shapes of the register API. Writes go through dsr.services."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dsr.models import ConsentRecord, Diagnosis, InpatientEpisode, Person, Rating, RatingChange, RegisterEntry
from dsr.models.consent import ConsentBasis
from dsr.models.entry import EntryStatus, RemovalReason
from dsr.models.episode import MentalHealthActSection
from dsr.rules import DATE_VALIDATORS
from dsr.services.entries import CASE_CONTENT_FIELDS, RETURN_STATUSES

PERSON_FIELDS = [
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "nhs_number",
    "ethnicity",
    "address",
    "postcode",
    "diagnosis",
    "learning_disability_diagnosed_on",
    "autism_diagnosed_on",
    "has_ehc_plan",
    "looked_after",
    "adopted",
    "residential_care",
    "education_setting",
]


def choice(choices, **kwargs) -> serializers.ChoiceField:
    """A choice field whose values the schema lists in place (wrapped in allOf, which the
    schema's enum naming leaves alone): several apps name fields "status", "kind" or
    "diagnosis" with different choices, and shared enum component names would clash."""
    schema = {
        "allOf": [{"type": "string", "enum": [value for value, _ in choices]}],
        "description": "; ".join(f"`{value}`: {label}" for value, label in choices),
    }
    field_class = extend_schema_field(schema)(type("InlineChoiceField", (serializers.ChoiceField,), {}))
    return field_class(choices=choices, **kwargs)


class PersonSerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    diagnosis = choice(Diagnosis.choices)

    class Meta:
        model = Person
        fields = ["id", "area", *PERSON_FIELDS, "version", "created_at", "updated_at"]
        read_only_fields = ["id", "version", "created_at", "updated_at"]


def _nhs_number_field() -> serializers.CharField:
    # Spaces allowed ("943 476 5919"); the service checks and tidies it, and its uniqueness
    # across all areas (reporting only the holding area's name).
    return serializers.CharField(max_length=14, required=False, allow_blank=True, allow_null=True)


class PersonCreateSerializer(serializers.ModelSerializer):
    area = serializers.SlugField(help_text="The slug of the area whose register the person joins.")
    diagnosis = choice(Diagnosis.choices)
    nhs_number = _nhs_number_field()

    class Meta:
        model = Person
        fields = ["area", *PERSON_FIELDS]
        validators: list = []


class PersonUpdateSerializer(serializers.ModelSerializer):
    version = serializers.IntegerField(help_text="The version you read: refused (409) if someone saved since.")
    diagnosis = choice(Diagnosis.choices, required=False)
    nhs_number = _nhs_number_field()

    class Meta:
        model = Person
        fields = [*PERSON_FIELDS, "version"]
        validators: list = []


class RatingSerializer(serializers.ModelSerializer):
    decided_by = serializers.CharField(source="decided_by.username", read_only=True)
    rating = choice(Rating.choices, read_only=True)

    class Meta:
        model = RatingChange
        fields = ["id", "rating", "decided_on", "reason", "decided_by", "meeting", "held_until", "recorded_at"]
        read_only_fields = fields


class ConsentSerializer(serializers.ModelSerializer):
    kind = choice(ConsentRecord.Kind.choices, read_only=True)
    basis = choice([("", "None (a withdrawal)"), *ConsentBasis.choices], read_only=True)

    class Meta:
        model = ConsentRecord
        fields = ["id", "kind", "basis", "given_by", "relationship", "recorded_on", "review_due", "notes"]
        read_only_fields = fields


class EpisodeSerializer(serializers.ModelSerializer):
    class Meta:
        model = InpatientEpisode
        fields = [
            "id",
            "admitted_on",
            "hospital",
            "secure",
            "out_of_area",
            "section",
            "section_17_leave",
            "discharged_on",
            "discharge_destination",
            "delay_reasons",
        ]
        read_only_fields = fields


class RegisterEntrySerializer(serializers.ModelSerializer):
    area = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    person = serializers.PrimaryKeyRelatedField(read_only=True)
    person_name = serializers.CharField(source="person.full_name", read_only=True)
    date_of_birth = serializers.DateField(source="person.date_of_birth", read_only=True)
    has_keyworker = serializers.BooleanField(read_only=True)
    status = choice(EntryStatus.choices, read_only=True)
    current_rating = choice([("", "Not rated"), *Rating.choices], read_only=True)
    removal_reason = choice([("", "Not removed"), *RemovalReason.choices], read_only=True)
    ratings = RatingSerializer(source="rating_changes", many=True, read_only=True)
    consents = ConsentSerializer(many=True, read_only=True)
    episodes = EpisodeSerializer(many=True, read_only=True)

    class Meta:
        model = RegisterEntry
        fields = [
            "id",
            "area",
            "person",
            "person_name",
            "date_of_birth",
            "register",
            "status",
            "added_on",
            "removed_on",
            "removal_reason",
            "removal_detail",
            "flagged_for_removal",
            *CASE_CONTENT_FIELDS,
            "current_rating",
            "rating_since",
            "last_reviewed_on",
            "next_review_due",
            "has_keyworker",
            "version",
            "ratings",
            "consents",
            "episodes",
        ]
        read_only_fields = fields


class RegisterEntryCreateSerializer(serializers.Serializer):
    person = serializers.IntegerField(help_text="The id of a person in one of your areas, not on the register now.")
    status = choice(
        [
            (s.value, s.label)
            for s in (EntryStatus.REFERRED, EntryStatus.UNDER_REVIEW, EntryStatus.ACCEPTED, EntryStatus.ACTIVE)
        ],
        default=EntryStatus.REFERRED,
    )


class RegisterEntryUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text="The version you read: refused (409) if someone saved since.")
    current_issues = serializers.CharField(required=False, allow_blank=True)
    tried = serializers.CharField(required=False, allow_blank=True)
    could_help = serializers.CharField(required=False, allow_blank=True)
    action_plan = serializers.CharField(required=False, allow_blank=True)


# --- Events on an entry, recorded through the same services as the person page's forms -------


def event_date(help_text: str) -> serializers.DateField:
    return serializers.DateField(help_text=help_text, validators=DATE_VALIDATORS)


class RatingChangeCreateSerializer(serializers.Serializer):
    rating = choice(Rating.choices)
    reason = serializers.CharField(help_text="What the decision rests on.")
    decided_on = event_date("When the rating was decided. The caller is recorded as the one who decided it.")


class ConsentCreateSerializer(serializers.Serializer):
    basis = choice(ConsentBasis.choices)
    given_by = serializers.CharField(max_length=200, help_text="Who gave consent, or made the decision.")
    relationship = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    recorded_on = event_date("The date of the consent. Its re-check falls due by the area's interval.")
    notes = serializers.CharField(required=False, default="", allow_blank=True)


class ConsentWithdrawalSerializer(serializers.Serializer):
    withdrawn_by = serializers.CharField(max_length=200, help_text="Who withdrew consent.")
    relationship = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    recorded_on = event_date("The date consent was withdrawn.")
    notes = serializers.CharField(required=False, default="", allow_blank=True)


class AdmissionSerializer(serializers.Serializer):
    admitted_on = event_date("The date of admission.")
    hospital = serializers.CharField(max_length=200)
    section = choice(MentalHealthActSection.choices)
    secure = serializers.BooleanField(required=False, default=False)
    out_of_area = serializers.BooleanField(required=False, default=False)
    section_17_leave = serializers.CharField(required=False, default="", allow_blank=True)


class DischargeSerializer(serializers.Serializer):
    discharged_on = event_date("The date of discharge.")
    destination = serializers.CharField(max_length=200, help_text="Where the person went.")
    delay_reasons = serializers.CharField(required=False, default="", allow_blank=True)


class RemovalSerializer(serializers.Serializer):
    removal_reason = choice(RemovalReason.choices)
    removal_detail = serializers.CharField(
        required=False, default="", allow_blank=True, help_text="Needed when the reason is `other`."
    )
    removed_on = event_date("The date of removal.")


class ReturnSerializer(serializers.Serializer):
    status = choice(
        [(s.value, s.label) for s in RETURN_STATUSES],
        help_text="The new entry's status.",
    )

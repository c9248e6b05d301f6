"""Choice lists of keyworking, in the words of DOMAIN.md."""

from django.db import models


class ContactMode(models.TextChoices):
    FACE_TO_FACE = "face_to_face", "Face to face"
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video"
    MESSAGE = "message", "Message"
    MEETING = "meeting", "Meeting"


class ContactWith(models.TextChoices):
    YOUNG_PERSON = "young_person", "Young person"
    PARENT_CARER = "parent_carer", "Parent or carer"
    PROFESSIONAL = "professional", "Professional"


class Activity(models.TextChoices):
    """What keyworkers do (DOMAIN.md, "Keyworking")."""

    CARE_PLANNING = "care_planning", "Personalised care and support planning"
    SOCIAL_PRESCRIBING = "social_prescribing", "Social prescribing"
    CARE_NAVIGATION = "care_navigation", "Care navigation"
    ADVOCACY = "advocacy", "Advocacy"
    CARE_COORDINATION = "care_coordination", "Care coordination"
    CETR_FOLLOW_UP = "cetr_follow_up", "Follow-up of C(E)TR actions"
    COMMUNICATION = "communication", "Maintaining communication between family and professionals"
    INFORMATION = "information", "Providing information"
    TRANSITIONS = "transitions", "Supporting transitions"
    CLINICAL_INPUT = "clinical_input", "Clinical input from a senior practitioner"


class OutcomePoint(models.TextChoices):
    ALLOCATION = "allocation", "At allocation"
    REVIEW = "review", "At review"
    CLOSURE = "closure", "At closure"


class ClosureReason(models.TextChoices):
    GOALS_MET = "goals_met", "Goals met: keyworking no longer needed"
    RISK_REDUCED = "risk_reduced", "Risk reduced"
    NO_LONGER_ELIGIBLE = "no_longer_eligible", "No longer eligible"
    DECLINED = "declined", "Family or young person declined keyworking"
    MOVED_AWAY = "moved_away", "Moved out of area"
    OFF_REGISTER = "off_register", "Removed from the register"
    OTHER = "other", "Other"

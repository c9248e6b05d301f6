from django.urls import include, path

from audit.settings_page import area_settings_view
from dsr.views import admin, events, people, register, transfers

app_name = "dsr"

urlpatterns: list = [
    path("", register.register_list, name="register"),
    path("export.<str:fmt>", register.register_export, name="export"),
    path("areas/<slug:slug>/", register.register_list, name="area-register"),
    path("areas/<slug:slug>/export.<str:fmt>", register.register_export, name="area-export"),
    path("areas/<slug:slug>/settings/", area_settings_view, {"page": admin.SETTINGS_PAGE}, name="settings"),
    path("areas/<slug:slug>/import/", admin.import_view, name="import"),
    path("import-template.<str:fmt>", admin.import_template, name="import-template"),
    path("people/add/", people.person_add, name="person-add"),
    path("people/<int:pk>/", people.person_detail, name="person"),
    path("people/<int:pk>/edit/", people.person_edit, name="person-edit"),
    path("people/<int:pk>/case/", people.case_edit, name="case-edit"),
    path("people/<int:pk>/subject-access/", people.subject_access_view, name="subject-access"),
    path(
        "people/<int:pk>/subject-access.json", people.subject_access_view, {"fmt": "json"}, name="subject-access-json"
    ),
    path("people/<int:pk>/status/", events.status_change, name="status"),
    path("people/<int:pk>/rating/", events.rating_change, name="rating"),
    path("people/<int:pk>/review/", events.review, name="review"),
    path("people/<int:pk>/consent/", events.consent, name="consent"),
    path("people/<int:pk>/consent/withdraw/", events.consent_withdrawal, name="consent-withdraw"),
    path("people/<int:pk>/admission/", events.admission, name="admission"),
    path("people/<int:pk>/discharge/", events.discharge, name="discharge"),
    path("people/<int:pk>/remove/", events.removal, name="remove"),
    path("people/<int:pk>/return/", events.return_to_register, name="return"),
    path("people/<int:pk>/adults-register/", events.move_to_adults, name="move-to-adults"),
    path("people/<int:pk>/contacts/add/", events.contact_add_view, name="contact-add"),
    path("people/<int:pk>/contacts/<int:contact_id>/", events.contact_edit, name="contact-edit"),
    path("people/<int:pk>/contacts/<int:contact_id>/remove/", events.contact_remove_view, name="contact-remove"),
    path("people/<int:pk>/transfer/", transfers.transfer_request_view, name="transfer-request"),
    path("transfers/", transfers.transfer_inbox, name="transfers"),
    path("transfers/<int:transfer_id>/", transfers.transfer_decide, name="transfer-decide"),
    path("transfers/<int:transfer_id>/cancel/", transfers.transfer_cancel_view, name="transfer-cancel"),
    path("transfers/ask/", transfers.transfer_ask_view, name="transfer-ask"),
    path("transfers/asks/<int:ask_id>/decline/", transfers.transfer_ask_decline_view, name="transfer-ask-decline"),
    # DSR MDT meetings (dsr.meetings) live under /register/meetings/.
    path("meetings/", include("dsr.meetings.urls")),
]

"""GET /api/v1/areas/: the caller's areas and roles, nothing more."""

from areas.roles import Role
from tests.factories import sign_in, user_with_roles


def test_lists_each_area_with_the_callers_roles(client):
    user = user_with_roles(
        "multi", {"newham": [Role.KEYWORKER, Role.SENIOR_PRACTITIONER], "havering": [Role.KEYWORKER]}
    )
    response = sign_in(client, user).get("/api/v1/areas/")
    assert response.status_code == 200
    assert response.json() == [
        {
            "ons_code": "E09000016",
            "slug": "havering",
            "name": "Havering",
            "partnership": "North East London",
            "roles": ["keyworker"],
        },
        {
            "ons_code": "E09000025",
            "slug": "newham",
            "name": "Newham",
            "partnership": "North East London",
            "roles": ["keyworker", "senior_practitioner"],
        },
    ]


def test_a_user_with_no_roles_gets_an_empty_list(client, no_role_user):
    assert sign_in(client, no_role_user).get("/api/v1/areas/").json() == []


def test_anonymous_callers_are_refused(client):
    assert client.get("/api/v1/areas/").status_code in (401, 403)

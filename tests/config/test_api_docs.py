"""The OpenAPI schema and interactive docs, served without any CDN."""


def test_schema_describes_the_api_and_its_authentication(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert "/api/v1/areas/" in schema["paths"]
    assert {"bearerToken", "cookieAuth"} <= set(schema["components"]["securitySchemes"])


def test_docs_page_loads_its_assets_from_our_own_static_files(client):
    page = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in page
    assert "cdn." not in page
    assert "unpkg" not in page

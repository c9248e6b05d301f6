"""/healthz reports the database and Redis."""


def test_healthz_reports_database_and_redis_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "ok"}


def test_healthz_reports_an_unreachable_redis(client, settings):
    settings.REDIS_CLIENT_URL = "unix:///nonexistent/redis.sock"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["redis"] == "unavailable"

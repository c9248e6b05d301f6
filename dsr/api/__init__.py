"""The register's REST API: /api/v1/people/ and /api/v1/register-entries/."""

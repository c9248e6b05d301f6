"""The register's forms: one module per page group."""

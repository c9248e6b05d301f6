"""The register's pages: thin views over dsr.selectors, dsr.register_list and dsr.services."""

"""C(E)TR pages: thin views over cetr.selectors and cetr.services, one module per concern."""

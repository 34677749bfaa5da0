"""ita-cli: the application's services from the command line."""

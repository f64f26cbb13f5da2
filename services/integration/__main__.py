"""`python -m services.integration [serve|migrate]`."""
from services.integration import app
from shared.entrypoint import service_main

service_main(app.NAME, settings=app.settings, build=app.build)

"""`python -m services.petitions [serve|migrate]`."""
from services.petitions import app
from shared.entrypoint import service_main

service_main(app.NAME, settings=app.settings, build=app.build)

"""`python -m services.tasks [serve|migrate]`."""
from services.tasks import app
from shared.entrypoint import service_main

service_main(app.NAME, settings=app.settings, build=app.build)

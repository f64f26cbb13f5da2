"""`python -m services.evaluation [serve|migrate]`."""
from services.evaluation import app
from shared.entrypoint import service_main

service_main(app.NAME, settings=app.settings, build=app.build)

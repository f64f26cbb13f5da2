"""`python -m services.directory [serve|migrate|load-demo]`."""
from services.directory import app, demo
from shared.entrypoint import service_main

service_main(app.NAME, settings=app.settings, build=app.build, extra_commands={"load-demo": demo.main})

"""`python -m services.procedures [serve|migrate|load-demo|sweep]`."""
from services.procedures import app, demo
from shared.entrypoint import service_main

service_main(app.NAME, settings=app.settings, build=app.build,
             extra_commands={"load-demo": demo.main, "sweep": app.sweep_once})

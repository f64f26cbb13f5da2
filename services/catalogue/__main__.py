"""`python -m services.catalogue [serve|migrate|load-demo]` and `import|export FILE --county --year --kind`."""
import sys

from services.catalogue import app, cli, demo
from shared.entrypoint import service_main

if len(sys.argv) > 1 and sys.argv[1] in ("import", "export"):
    cli.main(sys.argv[1:])
else:
    service_main(app.NAME, settings=app.settings, build=app.build,
                 extra_commands={"load-demo": demo.main})

# One image for every zhili process; the command picks which one runs:
#   python -m services.<svc>            a gRPC service (GRPC_PORT 50051, METRICS_PORT 9090)
#   python -m services.<svc> migrate    its Alembic migrations, as a one-shot step
#   gunicorn --config python:gateway.gunicorn_conf gateway.asgi:app   the REST gateway (default CMD)
# One image rather than one per service: the services share `shared` and the generated protos, so
# a release is one tested artefact, and Kubernetes/compose pull it once per node.
#
# Both stages must start from the same base: the virtualenv's interpreter is a symlink to the
# base image's /usr/local/bin/python3.11. Pin it by digest in CI (docker build --build-arg
# PYTHON_IMAGE=python:3.11-slim@sha256:...) for reproducible builds.
ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

# tini is PID 1 in the final image (Python as PID 1 would ignore SIGTERM unless the process
# installs a handler, and nobody would reap zombies); tzdata because the slim base may not carry
# the zone database and deadlines are computed for Asia/Shanghai. Only the static tini binary and
# /usr/share/zoneinfo are copied out, so the final stage never runs apt.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini tzdata \
 && rm -rf /var/lib/apt/lists/*

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /src

# Dependencies first, read from pyproject.toml alone, so a code change does not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
 && pip install -r /tmp/requirements.txt

# The project itself: a regular (non-editable) install, so the final stage needs no source tree.
# pip byte-compiles what it installs, which matters because the final root filesystem is
# read-only and PYTHONDONTWRITEBYTECODE is set there: nothing is compiled at run time.
COPY . .
RUN pip install --no-deps . \
 && pip check


FROM ${PYTHON_IMAGE} AS runtime

LABEL org.opencontainers.image.title="zhili" \
      org.opencontainers.image.description="zhili grassroots-governance platform: gRPC services and REST gateway" \
      org.opencontainers.image.licenses="NOASSERTION"

# GRPC_HOST/GRPC_PORT/METRICS_PORT/GATEWAY_BIND are the in-container defaults (the code's own
# defaults bind loopback, right for the local stack and useless in a container; each container
# runs one process, so every service can use the same ports). ZHILI_DATA_DIR points
# the local-stack fallbacks (SQLite, keys) at /tmp, the only writable path besides mounted volumes.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONFAULTHANDLER=1 \
    PATH=/opt/venv/bin:$PATH \
    ZHILI_DATA_DIR=/tmp/zhili \
    GRPC_HOST=0.0.0.0 \
    GRPC_PORT=50051 \
    METRICS_PORT=9090 \
    GATEWAY_BIND=0.0.0.0:8080

# A fixed numeric uid/gid so Kubernetes can check runAsNonRoot and set runAsUser without reading
# /etc/passwd. The /etc/zhili mount points belong to that user because Docker initialises an empty
# named volume from the image's directory (compose's `keys` step writes into them unprivileged);
# in Kubernetes, Secret volumes are mounted over them. The same holds for the gateway's photos.
RUN groupadd --system --gid 10001 zhili \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin zhili \
 && install -d -o 10001 -g 10001 -m 0750 /etc/zhili/signing /etc/zhili/jwks \
        /var/lib/zhili/attachments

COPY --from=build /usr/bin/tini-static /usr/bin/tini
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /opt/venv /opt/venv

# An empty working directory: `python -m` puts the cwd on sys.path, and the code is imported from
# site-packages, never from here.
WORKDIR /app
USER 10001:10001

EXPOSE 8080 50051 9090

# No HEALTHCHECK: the same image runs different processes; compose and Kubernetes probe each.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["gunicorn", "--config", "python:gateway.gunicorn_conf", "gateway.asgi:app"]

"""The gateway: the only public entrance — REST (Connexion, spec-first) in front of gRPC services."""

"""Directory service: org units, people, households, governance elements, login and tokens."""

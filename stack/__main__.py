"""`python -m stack …` — see stack/cli.py."""
from stack.cli import main

main()

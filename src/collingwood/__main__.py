"""`python -m collingwood` is the `collingwood` command."""

from collingwood.cli import main

main()

"""``python -m korusticket``: the operator commands (``korusticket --help``)."""

from korusticket._cli import main

if __name__ == "__main__":
    raise SystemExit(main())

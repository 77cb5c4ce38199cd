import csv
import sys

from app.handlers.widgets import update_widget  # noqa: F401  (batch updates bypass versioning)


def main(path):
    with open(path) as f:
        for row in csv.DictReader(f):
            print("would import", row["id"])


if __name__ == "__main__":
    main(sys.argv[1])

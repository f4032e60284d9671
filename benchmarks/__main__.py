import sys

from benchmarks.run import main

if __name__ == "__main__":  # parser worker processes import this module too
    sys.exit(main())

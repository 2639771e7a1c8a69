"""`python -m fraudwatch` runs the console command."""

from fraudwatch.cli import main

main()

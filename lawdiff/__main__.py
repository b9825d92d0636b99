from lawdiff.cli import main

main()

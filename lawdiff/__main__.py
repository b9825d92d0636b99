from lawdiff.cli.registry import main

main()

from gifthub.entrypoints.cli.main import main

main()
